"""Write ``/admin/`` (Sveltia CMS, its configuration from unit.toml and the contract) into a unit's site.

Only where ``CMS_BACKEND`` and ``CMS_REPO`` (pelicanconf.py or ``WARTA_CMS_*``) say where to save, or for
``invoke cms`` on a laptop; otherwise no ``/admin/`` is published. See plugins/editor/admin.py and docs/editor-web.md.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from .admin import ADMIN, login_from, write_admin

logger = logging.getLogger(__name__)


def write_editor(pelican) -> None:
    login = login_from(pelican.settings)
    if not login.configured:
        return
    write_admin(Path(pelican.settings["OUTPUT_PATH"]) / ADMIN, pelican.settings["UNIT"], login)
    logger.info("editor: /%s/ for %s (%s)", ADMIN, login.repo or "this working tree", login.backend or "local")


def register():
    # finalized: after every page is written, so nothing Pelican writes can replace the editor's files.
    signals.finalized.connect(write_editor)
