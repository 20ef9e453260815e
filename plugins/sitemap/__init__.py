"""sitemap.xml with hreflang alternates for both languages, and robots.txt pointing to it."""

from .sitemap import register

__all__ = ["register"]
