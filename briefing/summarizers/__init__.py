"""Summarize stage: meetings → key points.

One module per algorithm: :mod:`keyword_heading` is the one the deck uses; the
baselines it is measured against live beside it.
"""
