"""Content is untrusted input: markup put into every kind of text field of every content
kind reaches the built pages only as text, and a browser shown those pages runs none of
it (issue 6, security)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from browser import serve
from conftest import copy_project, site_build
from htmlscan import scan

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>[点我](javascript:alert(3))<!--c-->{: onclick="x"}*强调*'
# Prose fields of every content kind (ids, dates, enums and references stay valid).
TEXT_KEYS = {"title", "short_title", "version", "issued_by", "summary", "text", "action", "actor", "tip", "trigger",
             "question", "label", "help", "heading", "intro", "condition", "caveat", "dates_note", "source",
             "level", "applies_to", "start", "done_when", "issued_by", "sent_to", "hint"}
LIST_KEYS = {"bring"}
# Fields with a length limit get a short payload in place of their text.
SHORT = "<svg onload=alert()>"  # 20 characters: fits the shortest limit (a document's title)
SHORT_KEYS = {"situation": {"label", "hint"}, "contact": {"name", "purpose"}, "document": {"title", "label", "hint", "example"}}
# One page of each kind, as a visitor would open them.
PAGES = ["/", "/roadmap/citizen/", "/procedure/xf-claim/", "/law/xinfang-gongzuo-tiaoli-2022/",
         "/rule/xinfang.handle/", "/topic/period-counting/", "/channel/", "/channel/judicial-aid/", "/checker/",
         "/checker/kind--suggest/", "/calculator/?rule=xinfang.handle&from=2026-08-10",
         "/cases/police-first-petition-golden-period/",
         "/procedure/staff-handling/?from=2026-08-10&at-accept=2026-08-10", "/practice/police-first-petition-30-days/",
         "/form/handling-opinion/", "/contact/", "/checker/problem--work/", "/document/xf-review-request/",
         "/form/notice-extension/?procedure=staff-handling&from=2026-09-01&at-accept=2026-09-10"]


def poison(data, keys, short=frozenset()):
    if isinstance(data, dict):
        return {k: (SHORT if k in short and isinstance(v, str) else v + HOSTILE if k in keys and isinstance(v, str)
                    else [x + HOSTILE for x in v] if k in LIST_KEYS else poison(v, keys, short)) for k, v in data.items()}
    if isinstance(data, list):
        return [poison(x, keys, short) for x in data]
    return data


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("poisoned"))
    for path in (project / "procedures").rglob("*.yaml"):
        first, _, body = path.read_text(encoding="utf-8").partition("\n")
        # A law's article labels are pinned to 第…条 by its schema, so markup cannot get in there at all.
        # A decision tree's `start` is the id of its first question, not prose.
        keys = TEXT_KEYS - {"label"} if path.parent.name == "law" else TEXT_KEYS - {"start"} if path.parent.name == "tree" else TEXT_KEYS
        short = SHORT_KEYS.get(path.parent.name, set())
        data = poison(yaml.safe_load(body), keys - short | ({"run_by"} if path.parent.name == "contact" else set()), short)
        path.write_text(first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                        encoding="utf-8")
    # Case posts: the front matter's free text.  (Titles, tags and the Markdown body refuse markup
    # outright: tests/test_cases.py.)
    for path in (project / "docs/cases/posts").glob("*.md"):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        data = poison(yaml.safe_load(front), {"local_practice"})
        path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n" + body,
                        encoding="utf-8")
    out = project / "out"
    result = site_build(project, out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def test_markup_in_every_text_field_is_shown_as_text(poisoned_site):
    pages = list(poisoned_site.rglob("*.html"))
    assert len(pages) > 100
    shown = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and "<!--c-->" not in html, page
        assert "<em>强调</em>" not in html, page  # not even Markdown: a title is text, not markup
        parsed = scan(page)
        for tag, attrs in parsed.tags:
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
            assert not attrs.get("href", "").lower().startswith("javascript:"), (page, attrs)
        shown += "alert(1)" in parsed.text
    assert shown > 100  # the hostile text is there, visibly, as text


@pytest.mark.browser
def test_a_browser_runs_none_of_it_even_without_the_csp(chromium, poisoned_site):
    """The CSP is the second wall; this proves the first one (escaping) holds on its own."""
    _, browser = chromium
    base, server = serve(poisoned_site)
    try:
        context = browser.new_context(bypass_csp=True)
        page = context.new_page()
        dialogs, seen = [], 0
        page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
        for path in PAGES:
            page.goto(base + path, wait_until="load")
            seen += page.get_by_text("alert(1)").count() > 0
            for cite in page.locator(".cite a").all()[:3]:  # open a few article tooltips, as a reader would
                cite.focus()
            if page.locator("[data-act=print]").count():  # a document's printed sheet is drawn from its labels
                page.evaluate("window.print = () => {}")
                page.click("[data-act=print]")
                seen_sheet = page.locator(".doc-sheet").text_content()
                assert "<svg" in seen_sheet or "alert(1)" in seen_sheet, path
        context.close()
    finally:
        server.shutdown()
    assert not dialogs, dialogs
    assert seen >= len(PAGES) - 1  # the home page is hand-written; every generated page shows the text


@pytest.mark.browser
def test_from_a_folder_without_any_headers_nothing_runs(chromium, poisoned_site, tmp_path):
    import shutil

    from checkers.site import offline

    folder = tmp_path / "folder"
    shutil.copytree(poisoned_site, folder)
    offline.rewrite(folder)
    _, browser = chromium
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    for path in PAGES:
        address, _, query = path.partition("?")
        page.goto((folder / address.strip("/") / "index.html").as_uri() + (f"?{query}" if query else ""), wait_until="load")
        for cite in page.locator(".cite a").all()[:3]:
            cite.focus()
    page.close()
    assert not dialogs, dialogs
