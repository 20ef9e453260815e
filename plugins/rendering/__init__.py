"""Pages rendered in several processes at once, and (opt-in) taken from a cache when nothing they show changed."""

from .rendering import register

__all__ = ["register"]
