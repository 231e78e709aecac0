"""quotes: who said what, where and when, from news articles."""

__version__ = "0.1.0"
