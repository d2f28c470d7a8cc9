"""briefing: Chinese district meeting reports → one PowerPoint briefing deck.

The pipeline runs read → clean → segment → extract → summarize → compare → layout,
one module per stage over the dataclasses in :mod:`briefing.model`.
"""

__version__ = "0.1.0"
