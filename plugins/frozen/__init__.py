"""URLs and plain-text summaries worked out once, when everything is read, not on every use in a template."""

from .frozen import register

__all__ = ["register"]
