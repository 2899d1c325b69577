"""Where the caches of derived data live: <project>/.cache/, or $CHECKERS_CACHE.

Each cache is addressed by what its entries are made from (sitetool/pagecache.py: pages/,
checkers/memo.py: memo/), so none can hand out a stale result and deleting any of them is always
safe.  Nothing in them holds the project's path, so one folder can be shared by several checkouts
of the project (the tests' copies, a CI cache), as CCACHE_DIR is for compilers.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETTING = "CHECKERS_CACHE"


def folder(name: str, root: Path = ROOT) -> Path:
    return Path(os.environ.get(SETTING) or root / ".cache") / name
