"""aspire: teach robots skills by writing code."""

__version__ = "0.1.0"
