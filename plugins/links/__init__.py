"""Documents published at /dokumen/, and links between content files turned into their targets' URLs."""

from .links import register

__all__ = ["register"]
