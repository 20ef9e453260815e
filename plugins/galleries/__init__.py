"""Photo galleries, and every published photo upright, metadata-free and responsive."""

from .galleries import register

__all__ = ["register"]
