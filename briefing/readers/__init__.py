"""Readers of the binary formats reports arrive in: Word documents and PDF files.

Plain text, Markdown and HTML are read by :mod:`briefing.reader`, which dispatches here
by the file's suffix. Each reader returns the text a person reads in the document, one
paragraph a line, in reading order.
"""
