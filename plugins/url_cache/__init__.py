"""Work out each article's and page's URL once, when everything is read, instead of on every use in a template."""

from .url_cache import register

__all__ = ["register"]
