"""The web editor at ``/admin/``, published only where a repository and a login are configured."""

from .editor import register

__all__ = ["register"]
