"""How pages are rendered: in several processes at once (parallel.py), and only when their inputs changed.

Unchanged pages are taken from the last good site, when the build names one (reuse.py).
"""

from __future__ import annotations

import logging

from pelican import signals

from .parallel import ParallelWriter
from .reuse import FolderMaking

logger = logging.getLogger(__name__)


def writer_for(pelican):
    """The writer class of ``pelican``'s build; its one instance is kept on the build, for ``finalized``."""

    class BuildWriter(ParallelWriter):
        def __init__(self, output_path, settings=None):
            super().__init__(output_path, settings=settings)
            pelican.warta_writer = self

    return BuildWriter


def make_folders(pelican):
    """Before anything is read: the last render's page folders start being made (reuse.FolderMaking)."""
    pelican.warta_folders = FolderMaking.start(pelican.settings, pelican.output_path)


def render_pages(pelican):
    """Every generator has asked for its pages: render them."""
    folders = getattr(pelican, "warta_folders", None)
    if (writer := getattr(pelican, "warta_writer", None)) is not None:
        writer.render_recorded(folders)
    elif folders is not None:
        folders.finish([])


def register():
    # initialized: the Pelican object is made, nothing read yet; the folders are made while it reads.
    signals.initialized.connect(make_folders)
    # get_writer: Pelican asks for its writer once everything is read; a class returned here replaces its own.
    signals.get_writer.connect(writer_for)
    # finalized: every generator's output is asked for; Pelican only prints its summary after this.
    signals.finalized.connect(render_pages)
