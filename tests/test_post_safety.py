"""Case posts are untrusted input (issue 16): every hostile construct an editor could write is
refused at its line by validate, and even if it were not, the column's safe profile would
publish none of it: a browser with the CSP switched off runs nothing, on load or on click."""
from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from browser import serve
from checkers.content import safe_markdown
from conftest import run_cli
from htmlscan import scan
from test_loader import edit

POST = "docs/cases/posts/police-first-petition-golden-period.md"
# (name, Markdown an editor might paste, what validate must say).  Each alerts a word of its own.
PAYLOADS = [
    ("fence flip", "```x```\n<script>alert('fence')</script>", "正文不要写 HTML 标签"),
    ("attr href", '[点我](https://example.org/){: href="javascript:alert(\'attr\')" }', "属性列表"),
    ("attr onclick", '[点我](https://example.org/){: onclick="alert(\'onclick\')" }', "属性列表"),
    ("reference link", "[点我][x]\n\n[x]: javascript:alert('ref')", "链接地址“javascript:alert('ref')”不能用"),
    ("split target", "[点我](java\nscript:alert('split'))", "不能用"),
    ("entity", "[点我](&#106;avascript:alert('entity'))", "不能用"),
    ("data url", "[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgnZGF0YScpPC9zY3JpcHQ+)", "不能用"),
    ("upper case", "[点我](JaVaScRiPt:alert('case'))", "不能用"),
    ("tab", "[点我](java\tscript:alert('tab'))", "不能用"),
    ("vbscript", "[点我](vbscript:msgbox('vb'))", "不能用"),
    ("protocol-relative", "[点我](//evil.example/x)", "不能用"),
    ("remote image", "![图](https://evil.example/x.png)", "图片只能用本站的图片"),
    ("img onerror", "<img src=x onerror=\"alert('img')\">", "正文不要写 HTML 标签"),
    ("svg", "<svg onload=\"alert('svg')\"></svg>", "正文不要写 HTML 标签"),
    ("iframe", "<iframe src=\"javascript:alert('iframe')\"></iframe>", "正文不要写 HTML 标签"),
    ("markdown in html", "<div markdown=\"1\">[点我](javascript:alert('mdhtml'))</div>", "正文不要写 HTML 标签"),
    ("autolink", "<javascript:alert('auto')>", "正文不要写 HTML 标签"),
]
PLACES = ["lead", "section"]


def put(project, place: str, payload: str) -> int:
    """Insert the payload into the lead or a section; returns the payload's first line."""
    anchor = "<!-- more -->\n" if place == "lead" else "## 处理过程\n"
    path = project / POST
    text = path.read_text(encoding="utf-8")
    before = text.index(anchor) + (0 if place == "lead" else len(anchor))
    insert = ("\n" + payload + "\n\n") if place == "section" else (payload + "\n\n")
    path.write_text(text[:before] + insert + text[before:], encoding="utf-8")
    return text[:before].count("\n") + 1 + (1 if place == "section" else 0)


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("name,payload,message", PAYLOADS, ids=[p[0] for p in PAYLOADS])
def test_validate_names_the_line_of_each_refused_construct(project, name, payload, message, place):
    line = put(project, place, payload)
    result = run_cli(project, "validate")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    found = [l for l in result.stderr.splitlines() if l.startswith(f"{POST}:") and message in l]
    assert found, result.stderr
    lines = {int(l.split(":")[1]) for l in found}
    assert lines & set(range(line, line + payload.count("\n") + 1)), (line, result.stderr)


@pytest.mark.parametrize("name,payload,message", PAYLOADS, ids=[p[0] for p in PAYLOADS])
def test_the_profile_alone_publishes_nothing_active(name, payload, message):
    html, findings = safe_markdown.render(payload)
    assert findings
    lowered = html.lower()
    assert "<script" not in lowered and "<svg" not in lowered and "<iframe" not in lowered and "<div" not in lowered
    for tag, attrs in scan_html(html):
        assert not any(a.startswith("on") for a in attrs), (tag, attrs)
        for key in ("href", "src"):
            value = attrs.get(key, "")
            assert safe_markdown.scheme(value) in (None, "http", "https", "mailto", "tel"), value
            assert not value.startswith("//") and "evil.example" not in value


def scan_html(html: str):
    from html.parser import HTMLParser

    tags = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append((tag, dict(attrs)))

    P().feed(html)
    return tags


# A build in which validate's refusals are switched off, so that the payloads reach the pages:
# what is left is exactly what the safe profile and the sanitizer publish on their own.
_UNCHECKED = """
import runpy, sys
from checkers.content import safe_markdown
real = safe_markdown.render
safe_markdown.render = lambda text: (real(text)[0], [])
sys.argv = ["properdocs", *sys.argv[1:]]
runpy.run_module("properdocs", run_name="__main__")
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("hostile-posts"))
    for place in PLACES:
        for _, payload, _ in PAYLOADS:
            put(project, place, payload)
    out = project / "out"
    result = subprocess.run([sys.executable, "-c", _UNCHECKED, "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
                            cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_hostile_posts_leave_no_active_markup_in_pages_lists_or_feed(hostile_site):
    pages = [hostile_site / "cases/police-first-petition-golden-period/index.html", hostile_site / "cases/index.html",
             *hostile_site.glob("cases/category/*/index.html"), *hostile_site.glob("cases/archive/*/*/index.html")]
    for page in pages:
        parsed = scan(page)
        with_lead = page in pages[:2]  # the post and the column's first list show the lead
        assert "alert('fence')" in parsed.text or not with_lead, page
        raw = page.read_text(encoding="utf-8")
        # The theme's own inline scripts (allowed by hash in the CSP) are the only ones, and none alerts.
        assert not [b for b in re.findall(r"<script\b[^>]*>(.*?)</script>", raw, re.S) if "alert" in b], page
        for tag, attrs in parsed.tags:
            assert not any(a.startswith("on") for a in attrs), (page, tag, attrs)
        # What the editor wrote: only the profile's tags, and on list pages no links at all.
        parts = re.findall(r'<div class="case-(?:lead|section)">(.*?)</div>', raw, re.S)
        assert parts or not with_lead, page
        for tag, attrs in scan_html("".join(parts)):
            assert tag in safe_markdown.TAGS, (page, tag)
            assert tag not in ("a", "img") or page.parent.name == "police-first-petition-golden-period", (page, tag)
            for key in ("href", "src"):
                assert safe_markdown.scheme(attrs.get(key, "")) in (None, "http", "https", "mailto", "tel"), (page, attrs)
                assert "evil.example" not in attrs.get(key, ""), (page, attrs)
    feed = ET.parse(hostile_site / "feed_rss_created.xml").getroot()
    item = next(i for i in feed.iter("item") if i.findtext("link").endswith("/police-first-petition-golden-period/"))
    assert "alert('fence')" in item.findtext("description")  # as text: ElementTree escaped it


@pytest.mark.browser
def test_a_browser_without_the_csp_runs_none_of_it_on_load_or_click(chromium, hostile_site):
    _, browser = chromium
    base, server = serve(hostile_site)
    dialogs = []
    try:
        context = browser.new_context(bypass_csp=True)
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in ("/cases/police-first-petition-golden-period/", "/cases/"):
            page.goto(base + path, wait_until="load")
            assert page.get_by_text("alert('fence')").count() >= 1  # shown, as text
            links = page.locator(".case-lead a, .case-section a")
            if path == "/cases/":
                assert links.count() == 0  # a lead in a list keeps its words, not its links
                continue
            # Every link the editor's text produced that goes nowhere ordinary is clicked, each on a
            # fresh page: a refused target was removed, so the click must do nothing at all.
            odd = [i for i, href in enumerate(links.evaluate_all("els => els.map(e => e.getAttribute('href'))"))
                   if href is None or not href.startswith(("http", "mailto:", "tel:", "../", "./", "#"))]
            assert odd  # the refused links are still there, as words
            for i in odd:
                page.goto(base + path, wait_until="load")
                links.nth(i).click(no_wait_after=True)
                page.wait_for_timeout(50)
                assert page.url == base + path
        context.close()
    finally:
        server.shutdown()
    assert not dialogs, dialogs


@pytest.mark.browser
def test_from_a_folder_too_nothing_runs(chromium, hostile_site, tmp_path):
    """file:// has no headers at all: the same pages, made to open from a folder, run nothing."""
    import shutil

    from checkers.site import offline

    folder = tmp_path / "folder"
    shutil.copytree(hostile_site, folder)
    offline.rewrite(folder)
    _, browser = chromium
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    post = (folder / "cases/police-first-petition-golden-period/index.html").as_uri()
    page.goto(post)
    assert page.get_by_text("alert('fence')").count() >= 1
    links = page.locator(".case-lead a, .case-section a")
    targets = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    for i, href in enumerate(targets):
        if href is None or not href.startswith(("http", "mailto:", "tel:")):
            page.goto(post)
            links.nth(i).click(no_wait_after=True)
            page.wait_for_timeout(50)
    page.goto((folder / "cases/index.html").as_uri())
    page.goto((folder / "feed_rss_created.xml").as_uri())
    page.close()
    assert not dialogs, dialogs
