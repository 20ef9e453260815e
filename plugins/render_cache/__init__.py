"""Pages whose inputs did not change are taken from a cache instead of being rendered again."""

from .render_cache import register

__all__ = ["register"]
