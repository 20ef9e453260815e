"""Related news ("Baca juga"), latest news ("Terkini") and previous/next, each within the article's language."""

from .related import register

__all__ = ["register"]
