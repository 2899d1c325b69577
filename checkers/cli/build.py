"""``python -m checkers build``: the site, built only as far as something it is made from changed.

Two caches, both addressed by content, both safe to delete (.cache/).  The whole build has a key:
every file the build reads (content, posts, schemas, templates, our code and hooks, the config),
the installed packages and their versions (the theme among them), the build's settings (SITE_URL,
OFFLINE, EDITION), the arguments and today's date (pages say what is due "today").  When the key
is the last build's and the output folder still holds exactly what that build wrote (every file's
size and time, .cache/site/<key>.json), there is nothing to do.  Otherwise the site is built, and
each page whose own inputs are unchanged comes from the page cache (sitetool/pagecache.py) instead
of being rendered again.  Neither can hand out a stale site: a different input is a different key.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from importlib import metadata
from pathlib import Path

from ..site.outputs import GENERATED_DIRS, GENERATED_FILES
from .. import clock

CACHE = Path(".cache") / "site"
KEEP = 8  # builds remembered: the newest few, so the folder never grows without bound
# Folders at the top of the project the build does not read: tooling, tests, outputs.  Only at the
# top: checkers/site/ is code.  Everything else under the project counts.
_NOT_READ = {"node_modules", "test-artifacts", "tests", "bench", "preview", "site", "site-offline", "site-editions"}
_ENVIRONMENT = ("SITE_URL", "OFFLINE", "EDITION")


def add_arguments(parser) -> None:
    parser.add_argument("-f", "--config", default="mkdocs.yml", help="站点配置（默认 mkdocs.yml）")
    parser.add_argument("-d", "--site-dir", default="site", help="输出目录（默认 site/）")
    parser.add_argument("--edition", default=os.environ.get("EDITION") or None,
                        help="构建一个地方版（editions/<id>/）；默认构建全国版。也可以用环境变量 EDITION")
    parser.add_argument("--no-cache", action="store_true", help="不用缓存：完整构建一次，也不存进缓存")


def run(args) -> int:
    root = Path(args.root)
    if args.edition and not (root / "editions" / args.edition / "edition.yaml").is_file():
        from ..content.editions import ids
        print(f"python -m checkers build: 没有这个地方版“{args.edition}”（已有：{'、'.join(ids(root)) or '还没有'}）", file=sys.stderr)
        return 2
    site_dir = (root / args.site_dir).resolve()
    key = build_key(root, [args.config, str(site_dir), args.edition or ""], exclude=site_dir)
    manifest = root / CACHE / f"{key}.json"
    started = time.perf_counter()
    if not args.no_cache and manifest.is_file() and json.loads(manifest.read_text(encoding="utf-8")) == files_of(site_dir):
        print(f"没有任何改动：{args.site_dir}/ 就是上次构建的结果（核对用了 {time.perf_counter() - started:.1f} 秒）")
        return 0
    # The site tool, on every core, with each page's last rendering kept (sitetool/, beside this
    # package); imported here so that the other commands never need it.
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from properdocs.exceptions import Abort
    from sitetool import sites

    try:
        built = sites.build(root, root / args.config, site_dir, args.edition, cache=not args.no_cache)
    except Abort as stop:  # a content problem or a strict-mode warning: the tool has said which
        print(stop, file=sys.stderr)
        return 1
    if args.no_cache:
        print(f"构建完成（{time.perf_counter() - started:.1f} 秒，渲染 {built.rendered} 页）")
        return 0
    remember(manifest, files_of(site_dir))
    print(f"构建完成（{time.perf_counter() - started:.1f} 秒；渲染 {built.rendered} 页，{built.cached} 页和上次一样，取自缓存）")
    return 0


def files_of(site_dir: Path) -> dict[str, list[int]]:
    """Every file of a built site with its size and modification time: what a build left there."""
    out = {}
    for folder, _, names in os.walk(site_dir):
        for name in names:
            path = os.path.join(folder, name)
            stat = os.stat(path)
            out[os.path.relpath(path, site_dir)] = [stat.st_size, stat.st_mtime_ns]
    return out


def remember(manifest: Path, files: dict) -> None:
    """Keep this build's list, and the newest few others (another folder, another edition)."""
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps(files), encoding="utf-8")
    older = sorted(manifest.parent.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
    for path in older:
        path.unlink(missing_ok=True)


def build_key(root: Path, arguments: list[str], exclude: Path) -> str:
    digest = hashlib.sha256()
    for part in (sys.version, clock.today().isoformat(), *arguments,
                 *(f"{name}={os.environ.get(name, '')}" for name in _ENVIRONMENT),
                 *sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())):
        digest.update(part.encode("utf-8") + b"\0")
    for path in _inputs(root, exclude):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def _inputs(root: Path, exclude: Path):
    """Every file the build may read, in a fixed order; the pages it generates into docs/ are its
    own output (made from the rest), so they are left out.  Hidden files count below the top
    (docs/cases/.authors.yml names the column's authors); at the top they are tooling (.gitignore,
    .git/, .cache/, .venv/)."""
    generated = {root / "docs" / d for d in GENERATED_DIRS} | {root / "docs" / f for f in GENERATED_FILES}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not (here == root and d in _NOT_READ) and here / d not in generated
                         and d != "__pycache__" and not (here == root and d.startswith(".")) and (here / d).resolve() != exclude)
        for name in sorted(files):
            path = here / name
            if path not in generated and not (here == root and name.startswith(".")):
                yield path
