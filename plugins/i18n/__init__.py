"""Interface strings (gettext) and dates in the language of each page."""

from .i18n import register

__all__ = ["register"]
