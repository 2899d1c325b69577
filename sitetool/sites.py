"""One site of the project, built: the national site or a local edition.

Every site is built the same way: its pages rendered once with placeholders for its name and
address (checkers/site/identity.py), taken from the page cache when nothing they are made from has
changed, and written as this site's.  A local edition builds from its own copy of docs/
(checkers/site/workspace.py), with its public address from editions/<id>/edition.yaml (SITE_URL
is the national site's).
"""
from __future__ import annotations

import os
from pathlib import Path

from checkers.content import editions
from checkers.site import identity as identities
from checkers.site import plan as build_plan
from checkers.site import workspace

from . import driver
from .pagecache import PageCache

DEFAULT_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's own default: the preview's address


def site_url(root: Path, edition_id: str | None) -> str:
    """A local edition's address is its own (edition.yaml); SITE_URL is the national site's."""
    if edition_id:
        return editions.read(root, edition_id).data["site_url"]
    return os.environ.get("SITE_URL") or DEFAULT_URL


def build(root: Path, config_file: Path, site_dir: Path, edition_id: str | None = None, cache: bool = True,
          plan: build_plan.Plan | None = None, workers: int | None = None) -> driver.Built:
    """Build one site into site_dir.  `plan`: content already loaded,
    pages to make (make editions); the edition and the placeholders are set here."""
    plan = plan or build_plan.Plan()
    plan.edition, plan.shared = edition_id, True
    edition = editions.read(root, edition_id) if edition_id else None
    options = {"site_url": identities.PLACEHOLDERS.site_url}
    if edition_id:
        options["docs_dir"] = str(workspace.edition_docs(root, edition_id, with_generated=plan.only is not None,
                                                         chain=edition.chain))
    build_plan.current = plan
    try:
        return driver.build(config_file, site_dir, workers=workers, cache=PageCache(root) if cache else None,
                            identity=identities.of(edition, site_url(root, edition_id)), **options)
    finally:
        build_plan.current = None
