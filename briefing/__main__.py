"""``python -m briefing``."""

from .cli import main

main(prog_name="briefing")
