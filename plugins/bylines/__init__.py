"""Credits by role (writer, editor, translator, photographer), schema.org JSON-LD and person pages."""

from .bylines import register

__all__ = ["register"]
