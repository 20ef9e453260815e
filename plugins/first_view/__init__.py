"""The first view in one round trip: the stylesheet inlined under its CSP hash, and the site's icons."""

from .first_view import register

__all__ = ["register"]
