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
from test_loader import assert_rejected, edit

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


# --- personal information (issue 28) ---------------------------------------------------------------
# Sentences written for these tests, not taken from the shipped posts: each positive names what must
# be found, each negative must pass untouched.
NAMED = [
    ("信访人孙建平到县信访局反映拆迁补偿的问题。", "孙建平"),
    ("申请人郑晓燕提交了复查请求。", "郑晓燕"),
    ("律师黄志刚和调解员一起上门。", "黄志刚"),
    ("民警许强来到现场，调取了监控。", "许强"),
    ("村民谢大为说要继续上访。", "谢大为"),
    ("邓秀兰表示同意调解方案。", "邓秀兰"),
    ("据邻居曹玉梅介绍，两家早有矛盾。", "曹玉梅"),
    ("周海燕（女，1972年生）是本案的申请人。", "周海燕"),
    ("被告人韩立新当庭认罪。", "韩立新"),
    ("上官婉清女士写信反映情况。", "上官婉清"),
    ("向红军说他对答复不服。", "向红军"),
    ("他的身份证号是11010519491231002X。", "11010519491231002X"),
    ("身份证号码 440304198510125613，已核实。", "440304198510125613"),
    ("联系电话13812345678。", "13812345678"),
    ("手机：139-1234-5678，白天都能打通。", "139-1234-5678"),
    ("请拨打（0571）87654321。", "（0571）87654321"),
    ("办公电话 010-66123456。", "010-66123456"),
]
NOT_NAMED = [
    "冯某某和邻居蒋某因为一条排水沟闹矛盾。",
    "张某表示同意，李某某说没有意见。",
    "王小明（化名）说，他对结果很满意。",
    "化名刘芳的当事人说，她等了三年。",
    "按照程序要求，县公安局书面告知了信访人。",
    "周末来到信访局的群众很多。",
    "信访人向有权处理的机关提出。",
    "当事人于当日提出复查申请。",
    "听取信访人陈述的事实和理由。",
    "对方明确拒绝调解。",
    "群众常说的一句话。",
    "王局长说要依法办理。",
    "高院表示将依法审查。",
    "黄河路派出所民警到场。",
    "金额为110101199003071234元。",         # 18 digits, but the check digit does not agree
    "编号310115199902291235。",              # the check digit agrees, but 1999-02-29 never was
    "案号（2023）某01民终1234号。",
    "12345政务服务便民热线，12309检察服务热线。",
]


@pytest.mark.parametrize("sentence,text", NAMED, ids=[t for _, t in NAMED])
def test_personal_information_is_found(sentence, text):
    from checkers.content import pii

    found = pii.scan([(7, sentence)], set())
    assert [(f.line, f.text) for f in found] == [(7, text)]
    assert pii.scan([(7, sentence)], {text}) == []  # a waiver names the exact text


@pytest.mark.parametrize("sentence", NOT_NAMED)
def test_anonymised_and_ordinary_text_is_not_flagged(sentence):
    from checkers.content import pii

    assert pii.scan([(1, sentence)], set()) == []


def test_a_post_with_personal_information_is_refused_at_its_lines_until_waived(project):
    lead = put(project, "lead", "信访人孙建平第一次来信。")
    body = put(project, "section", "承办人的电话是13812345678，身份证号11010519491231002X。\n\n县长李国华到现场接待。")
    tag = edit(project, POST, "tags: [公安信访,", "tags: [民警许强,")
    result = run_cli(project, "validate")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith(POST)]
    assert sorted(lines) == sorted([
        f"{POST}:{tag}: tags[0]: “许强”" + _message(result, "许强"),
        f"{POST}:{lead}: 正文: “孙建平”" + _message(result, "孙建平"),
        f"{POST}:{body}: 正文: “13812345678”像是手机号码：公开的文章不能写个人的电话",
        f"{POST}:{body}: 正文: “11010519491231002X”像是身份证号（校验位相符）：公开的文章不能写身份证号",
        f"{POST}:{body + 2}: 正文: “李国华”" + _message(result, "李国华"),
    ]), result.stderr
    assert "孙建平”像是真实姓名（前面是“信访人”）：当事人写成孙某、孙某某" in result.stderr
    # An official named in office may be published, visibly: each waiver names the text and why.
    # Everything else is changed as the message says; a waiver for text the post no longer has is refused.
    edit(project, POST, "信访人孙建平", "信访人孙某某")
    edit(project, POST, "民警许强", "民警")
    edit(project, POST, "承办人的电话是13812345678，身份证号11010519491231002X。", "承办人当天回了电话。")
    waivers = ("privacy:\n  - {text: 李国华, kind: 公职人员, reason: 县长履行职务，姓名已由县政府公开}\n"
               "  - {text: 王大明, kind: 本人同意, reason: 本人书面同意公开姓名}\n")
    edit(project, POST, "review:\n", waivers + "review:\n")
    stale = (project / POST).read_text(encoding="utf-8").split("\n").index("  - {text: 王大明, kind: 本人同意, reason: 本人书面同意公开姓名}") + 1
    assert_rejected(run_cli(project, "validate"), f"{POST}:{stale}: privacy[1].text: “王大明”在文章里没有出现：删掉这一项")
    edit(project, POST, "  - {text: 王大明, kind: 本人同意, reason: 本人书面同意公开姓名}\n", "")
    assert run_cli(project, "validate").returncode == 0


def _message(result, name: str) -> str:
    """The rest of the line reported for a name (its context word differs by sentence)."""
    line = next(l for l in result.stderr.splitlines() if f"“{name}”像是真实姓名" in l)
    return line[line.index(f"“{name}”") + len(name) + 2:]
