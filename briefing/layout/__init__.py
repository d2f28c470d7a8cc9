"""Layout stage: measured text, native tables and the deck writer."""
