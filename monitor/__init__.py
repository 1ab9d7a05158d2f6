"""News monitor: what changed in the facts about a TV show."""

__version__ = "0.1.0"
