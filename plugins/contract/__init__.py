"""Read news and pages by Warta's authoring contract and fail the build on content problems."""

from .contract import register

__all__ = ["register"]
