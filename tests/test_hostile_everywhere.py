"""Content is untrusted input: markup put into every kind of text field of every content
kind reaches the built pages only as text (issue 6, security)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import mkdocs_build
from htmlscan import scan

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>[点我](javascript:alert(3))<!--c-->{: onclick="x"}'
# Prose fields of every content kind (ids, dates, enums and references stay valid).
TEXT_KEYS = {"title", "short_title", "version", "issued_by", "summary", "text", "action", "actor", "tip", "trigger",
             "question", "label", "help", "heading", "intro", "condition", "caveat", "dates_note", "source"}
LIST_KEYS = {"bring"}


def poison(data, keys):
    if isinstance(data, dict):
        return {k: (v + HOSTILE if k in keys and isinstance(v, str)
                    else [x + HOSTILE for x in v] if k in LIST_KEYS else poison(v, keys)) for k, v in data.items()}
    if isinstance(data, list):
        return [poison(x, keys) for x in data]
    return data


def test_markup_in_every_text_field_is_shown_as_text(project, tmp_path):
    for path in (project / "procedures").rglob("*.yaml"):
        first, _, body = path.read_text(encoding="utf-8").partition("\n")
        # A law's article labels are pinned to 第…条 by its schema, so markup cannot get in there at all.
        keys = TEXT_KEYS - {"label"} if path.parent.name == "law" else TEXT_KEYS
        data = poison(yaml.safe_load(body), keys)
        path.write_text(first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                        encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    pages = list((tmp_path / "out").rglob("*.html"))
    assert len(pages) > 100
    shown = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and "<!--c-->" not in html, page
        parsed = scan(page)
        for tag, attrs in parsed.tags:
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
            assert not attrs.get("href", "").lower().startswith("javascript:"), (page, attrs)
        shown += "alert(1)" in parsed.text
    assert shown > 100  # the hostile text is there, visibly, as text
