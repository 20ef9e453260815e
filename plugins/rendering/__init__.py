"""Pages rendered in several processes at once, and taken from the last good site when their inputs did not change."""

from .rendering import register

__all__ = ["register"]
