"""Each page's last rendering, kept under .cache/pages/ (checkers/caches.py) and found again by what
it was made from.

A page's key hashes everything its rendering reads: its own source file, what the content hook
puts in its place (a column post's page is made from the whole site's content: `page_extra`), the
menu (titles and addresses), the site tool's settings, and the code, templates, theme and package
versions that render it.  So a key can only match a rendering that would come out the same, and
the cache can never hand out a stale page; deleting .cache/ is always safe.  Pages are rendered
with the placeholders of checkers/site/identity.py, so one rendering serves every site.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import sys
from importlib import metadata
from pathlib import Path

from checkers import caches

# What the rendering is made with, besides the page: our code, hooks and theme templates.
CODE = ("checkers", "hooks", "sitetool", "overrides", "mkdocs.yml")
# Except the generator's templates: they only write the pages' Markdown and what the content hook
# puts in a page's place (page_extra), and a key hashes both.  So a template edit renders again only
# the pages whose text it changed, not every page.
GENERATOR_TEMPLATES = "checkers/site/templates"
# Settings a template may read; the build's own folders are left out (an edition builds elsewhere).
_SETTINGS = ("site_name", "site_url", "site_description", "site_author", "copyright", "theme", "extra", "extra_css",
             "extra_javascript", "markdown_extensions", "mdx_configs", "use_directory_urls", "repo_url", "repo_name",
             "edit_uri", "validation", "strict", "hooks", "plugins", "exclude_docs", "draft_docs")
# (not_in_nav only says which pages strict mode may find outside the menu; the menu itself is hashed.)
KEEP = 3  # renderings kept: a few builds' worth of every page, so the cache cannot grow for ever


class PageCache:
    def __init__(self, root: Path):
        # In the caches' folder (checkers/caches.py): $CHECKERS_CACHE shares it between checkouts.
        self.folder = caches.folder("pages", root)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.code = _code_digest(root)

    def keys(self, config, nav, doc_files, page_extra) -> dict[str, str]:
        """Each page's key, by its path under docs/."""
        common = hashlib.sha256(self.code.encode())
        settings = json.dumps({k: config.get(k) for k in _SETTINGS}, default=_plain, sort_keys=True, ensure_ascii=False)
        # The hooks are named by their files' paths: where the project lies is not what a page is made
        # from (the hooks' code is in self.code).
        common.update(settings.replace(os.path.dirname(os.path.abspath(config.config_file_path)), "<project>").encode())
        common.update(json.dumps(_menu(nav.items), ensure_ascii=False).encode())
        out = {}
        for file in doc_files:
            digest = common.copy()
            for part in (file.src_uri, file.dest_uri, page_extra(file.src_uri) if page_extra else ""):
                digest.update(part.encode() + b"\0")
            digest.update(Path(file.abs_src_path).read_bytes())
            out[file.src_uri] = digest.hexdigest()[:40]
        return out

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str):
        try:
            return pickle.loads(self._path(key).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError):
            return None

    def put(self, key: str, output: str, made: dict) -> None:
        path = self._path(key)
        path.parent.mkdir(exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")  # renamed whole: never half a page
        partial.write_bytes(pickle.dumps((output, made), protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(path)

    def used(self, keys: set[str]) -> None:
        """Mark this build's pages as the newest, and forget the oldest beyond KEEP builds' worth."""
        for key in keys:
            try:
                os.utime(self._path(key))
            except OSError:
                pass
        entries = sorted(((p.stat().st_mtime, p) for p in self.folder.glob("*/*.pickle")), reverse=True)
        for _, path in entries[KEEP * max(1, len(keys)):]:
            path.unlink(missing_ok=True)


def _menu(items) -> list:
    return [[getattr(i, "title", None), getattr(i, "url", None), _menu(getattr(i, "children", None) or [])]
            for i in items]


_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def _plain(value):
    """Settings that are objects (the theme, plugins, hooks, a slugify function) by what they are,
    never by where they lie in memory."""
    if hasattr(value, "items"):
        return {str(k): v for k, v in value.items()}
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(map(str, value))
    return _ADDRESS.sub("", repr(value))


def _code_digest(root: Path) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for dist in sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()):
        digest.update(dist.encode() + b"\0")
    for name in CODE:
        base = root / name
        paths = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in paths:
            rel = path.relative_to(root).as_posix()
            if not rel.startswith(GENERATOR_TEMPLATES + "/"):
                digest.update(rel.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
