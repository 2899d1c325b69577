"""Site-tool hook: with OFFLINE=1 (make offline), make the built site open from a folder
(checkers/site/offline.py).  A build for a web server is left exactly as it is."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from properdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from checkers.site import offline  # noqa: E402


@event_priority(-100)  # after the search index is written (hooks/search.py)
def on_post_build(config):
    if os.environ.get("OFFLINE"):
        offline.rewrite(Path(config["site_dir"]))
