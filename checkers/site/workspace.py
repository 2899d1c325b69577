"""Where a local edition's pages are written before the site tool reads them.

The national site's Markdown is written into docs/ (the generator owns its folders there).  An
edition must not write there: docs/ is the editors' working copy.  So each edition gets a folder of
its own under .cache/editions/<id>/docs: the national docs/ (hand-written pages and assets, and,
when the national pages were just generated, those too), linked rather than copied, since most
files are the same; the generator then writes the edition's pages over them.  It never writes
through a link (generate.write_if_changed replaces a file), so docs/ stays as it was.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from .outputs import GENERATED_DIRS, GENERATED_FILES

FOLDER = Path(".cache") / "editions"


def edition_docs(root: Path, edition_id: str, with_generated: bool, chain: tuple[str, ...] = ()) -> Path:
    """A fresh docs folder for the edition, with the posts of its column (and of the editions in
    `chain`, its city's).  `with_generated`: take the national generated pages too (make editions,
    which then remakes only the pages the edition changes)."""
    docs = root / "docs"
    out = root / FOLDER / edition_id / "docs"
    shutil.rmtree(out, ignore_errors=True)
    generated = {docs / d for d in GENERATED_DIRS} | {docs / f for f in GENERATED_FILES}
    for folder, dirs, files in os.walk(docs):
        here = Path(folder)
        if not with_generated:
            dirs[:] = [d for d in dirs if here / d not in generated]
        target = out / here.relative_to(docs)
        target.mkdir(parents=True, exist_ok=True)
        for name in files:
            if with_generated or here / name not in generated:
                _link(here / name, target / name)
    for edition in chain or (edition_id,):
        posts = root / "editions" / edition / "cases" / "posts"
        for post in sorted(posts.glob("*.md")) if posts.is_dir() else []:
            _link(post, out / "cases" / "posts" / post.name)
    return out


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed: a copy does the same
        shutil.copy2(source, target)
