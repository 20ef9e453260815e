"""Pelican settings for publishing one unit: as pelicanconf.py, with absolute URLs from the unit's site_url.

WARTA_UNIT=balai-melati pelican -s publishconf.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # `pelican` runs from .venv/bin: warta is here

import warta  # noqa: E402
from warta.adapter.settings import unit_settings  # noqa: E402
from warta.model.units import content_root  # noqa: E402

globals().update(unit_settings(warta.ROOT, content_root(warta.ROOT), os.environ["WARTA_UNIT"], publish=True))
