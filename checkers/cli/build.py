"""``python -m checkers build``: the site, or the same site again from the cache when nothing it is
made from has changed.

The cache is addressed by content: the key hashes every file the build reads (content, posts,
schemas, templates, our code and hooks, the config), the installed packages and their versions
(the theme among them), the build's settings (SITE_URL, OFFLINE), the arguments and today's date
(pages say what is due "today").  Any change gives a new key and a full build, so the cache can
never hand out a stale site; deleting .cache/ is always safe.  The tool's own output is what is
kept, so this works the same for any site tool that builds into a folder.
"""
from __future__ import annotations

import datetime
import hashlib
import os
import shutil
import sys
import time
from importlib import metadata
from pathlib import Path

from ..site.outputs import GENERATED_DIRS, GENERATED_FILES

CACHE = Path(".cache") / "site"
KEEP = 3  # sites kept in the cache: the newest few, so it never grows without bound
# Folders at the top of the project the build does not read: tooling, tests, outputs.  Only at the
# top: checkers/site/ is code.  Everything else under the project counts.
_NOT_READ = {"node_modules", "test-artifacts", "tests", "bench", "preview", "site", "site-offline"}
_ENVIRONMENT = ("SITE_URL", "OFFLINE")


def add_arguments(parser) -> None:
    parser.add_argument("-f", "--config", default="mkdocs.yml", help="站点配置（默认 mkdocs.yml）")
    parser.add_argument("-d", "--site-dir", default="site", help="输出目录（默认 site/）")
    parser.add_argument("--no-cache", action="store_true", help="不用缓存：完整构建一次，也不存进缓存")


def run(args) -> int:
    root = Path(args.root)
    site_dir = (root / args.site_dir).resolve()
    key = build_key(root, [args.config, str(site_dir)], exclude=site_dir)
    kept = root / CACHE / key
    started = time.perf_counter()
    if kept.is_dir() and not args.no_cache:
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.copytree(kept, site_dir)
        print(f"没有任何改动：从缓存取出上次构建的网站（{time.perf_counter() - started:.1f} 秒，{CACHE / key}）")
        return 0
    # The site tool, on every core (sitetool/driver.py, beside this package); imported here so that
    # the other commands never need it.
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from sitetool import driver
    from properdocs.exceptions import Abort

    try:
        driver.build(root / args.config, site_dir)
    except Abort as stop:  # a content problem or a strict-mode warning: the tool has said which
        print(stop, file=sys.stderr)
        return 1
    if not args.no_cache:
        store(site_dir, kept)
    print(f"构建完成（{time.perf_counter() - started:.1f} 秒）；内容不变时，下次直接从缓存取出")
    return 0


def build_key(root: Path, arguments: list[str], exclude: Path) -> str:
    digest = hashlib.sha256()
    for part in (sys.version, datetime.date.today().isoformat(), *arguments,
                 *(f"{name}={os.environ.get(name, '')}" for name in _ENVIRONMENT),
                 *sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())):
        digest.update(part.encode("utf-8") + b"\0")
    for path in _inputs(root, exclude):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def _inputs(root: Path, exclude: Path):
    """Every file the build may read, in a fixed order; the pages it generates into docs/ are its
    own output (made from the rest), so they are left out."""
    generated = {root / "docs" / d for d in GENERATED_DIRS} | {root / "docs" / f for f in GENERATED_FILES}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not (here == root and d in _NOT_READ) and here / d not in generated
                         and d != "__pycache__" and not d.startswith(".") and (here / d).resolve() != exclude)
        for name in sorted(files):
            path = here / name
            if path not in generated and not name.startswith("."):
                yield path


def store(site_dir: Path, kept: Path) -> None:
    """Copy the site in whole, then rename: a build stopped halfway never leaves half a site."""
    partial = kept.with_name(kept.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.copytree(site_dir, partial)
    shutil.rmtree(kept, ignore_errors=True)
    partial.rename(kept)
    older = sorted((p for p in kept.parent.iterdir() if p.is_dir() and not p.name.endswith(".partial")),
                   key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
    for path in older:
        shutil.rmtree(path, ignore_errors=True)
