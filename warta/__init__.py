"""Warta: build the websites of many government service units from one repository.

Layers, each importing only those below it (docs/ARCHITECTURE.md): ``warta.media`` (photo and image work),
``warta.model`` (the content model: what staff wrote, read and checked, no Pelican), the Pelican plugins in
``plugins/``, and ``warta.tool`` (the commands: check, build, publish, preview, search, portal, new).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the repository: settings files, theme/, plugins/, editor/
