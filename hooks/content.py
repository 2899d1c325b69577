"""MkDocs hook: validate the YAML content and generate its pages before each build.

Deliberately thin.  All the work is in ``checkers`` (loader + generator), which
knows nothing about MkDocs; this file only wires it into ``mkdocs build`` and
``mkdocs serve`` so the site can later move to another static-site tool.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import Abort

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkers package lives beside mkdocs.yml, not installed

from checkers import loader  # noqa: E402
from checkers.problems import ContentError  # noqa: E402
from checkers.site.generate import generate  # noqa: E402


def on_config(config):
    # Runs at the start of every build, including each rebuild under `mkdocs serve`,
    # before MkDocs collects docs/, so the generated pages are always current.
    try:
        content = loader.load(ROOT)
    except ContentError as exc:
        raise Abort("内容校验失败：\n" + "\n".join(map(str, exc.problems)) + f"\n共 {len(exc.problems)} 个问题")
    result = generate(content, Path(config["docs_dir"]))
    config["nav"] = _expand(config["nav"], result.nav)
    return config


def on_serve(server, config, builder):
    # Live reload: editing YAML, a schema or a template rebuilds the site.
    for folder in ("procedures", "schemas", "checkers/site/templates"):
        server.watch(str(ROOT / folder))
    return server


def _expand(nav: list, children: dict[str, list]) -> list:
    """Turn `title: section/index.md` into a section holding the index and every generated page."""
    out = []
    for entry in nav:
        (title, target), = entry.items()
        out.append({title: [target, *children[target]]} if isinstance(target, str) and target in children else entry)
    return out
