"""Settings for publishing one unit: as pelicanconf.py, with absolute URLs from the unit's site_url."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.modules.pop("pelicanconf", None)  # read it afresh: WARTA_UNIT may name another unit than last time

from pelicanconf import *  # noqa: E402, F403
from pelicanconf import UNIT  # noqa: E402

SITEURL = UNIT.site_url
RELATIVE_URLS = False
WARTA_PUBLISHING = True  # a protected item without an editor's review stops the build (warta.model.protection)
