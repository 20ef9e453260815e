"""Bilingual sites in one pass: English versions by file name, English listings and feed, switch and hreflang."""

from .translations import register

__all__ = ["register"]
