"""Every post's 公众号 version (issue 28): what an office pastes into WeChat is built with the site,
keeps the post's structure, the local-practice label and the cited articles, and meets WeChat's
limits; a post that would not is refused at the editor's line.  (The copy button: test_wechat_browser.py.)"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from checkers.content.citation import label
from checkers.site import wechat
from conftest import run_cli
from test_loader import assert_rejected, edit

POST = "docs/cases/posts/police-first-petition-golden-period.md"
SECTIONS = ["案情简介", "处理过程", "法律依据"]


class Parsed(HTMLParser):
    """Tags with their attributes, the text of each h2, the deepest list nesting, and the text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.h2, self.text, self.depth, self.deepest, self._in_h2 = [], [], "", 0, 0, False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_h2 = tag == "h2"
        if tag in ("ul", "ol"):
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag):
        self._in_h2 = False
        self.depth -= tag in ("ul", "ol")

    def handle_data(self, data):
        if self._in_h2:
            self.h2.append(data)
        self.text += data


def article(page: str) -> str:
    return page[page.index("<body>") + len("<body>"):page.rindex("</body>")]


def test_every_post_has_a_wechat_version_that_wechat_takes(site, content):
    posts = [c for c in content.items["case"].values() if c.data["status"] == "published"]
    assert len(posts) == 8
    for case in posts:
        folder = site / "cases" / case.id
        page = (folder / "wechat.html").read_text(encoding="utf-8")
        body = article(page)
        parsed = Parsed(body)
        # Inline styles only: no stylesheet, no script, no class or id (WeChat drops them on paste).
        assert not re.search(r"<(style|script|link)\b", page, re.I), case.id
        assert not re.search(r"\s(class|id)=", body), case.id
        assert {tag for tag, _ in parsed.tags} <= wechat.TAGS and all(set(a) <= {"style"} for _, a in parsed.tags), case.id
        assert all(a.get("style") for tag, a in parsed.tags if tag in ("h2", "p", "blockquote")), case.id
        # WeChat's limits.
        title = re.search(r"<title>(.*?)</title>", page).group(1)
        summary = re.search(r'<meta name="description" content="(.*?)">', page).group(1)
        assert len(body) <= 20_000 and len(title) <= 32 and len(summary) <= 128 and parsed.deepest <= 2, case.id
        assert title == case.data.get("wechat", {}).get("title", case.data["title"])
        # The structure: the three sections in order, the local-practice label, every cited article verbatim.
        assert parsed.h2 == SECTIONS, (case.id, parsed.h2)
        if "local_practice" in case.data:
            assert "地方做法，不是全国统一的法律规定" in parsed.text and case.data["local_practice"] in parsed.text
        for basis in case.data["articles"]:
            law, text = content.items["law"][basis["law"]].data, content.article(basis["law"], basis["article"])["text"]
            assert label(law["short_title"], {"article": basis["article"]}, text) in parsed.text, (case.id, basis)
            assert all(line in parsed.text for line in text.split("\n")), (case.id, basis)
        # No links: every address is in the numbered notes at the end, and the post's own address is there.
        assert "<a " not in body and "<img" not in body and "href" not in body
        notes = parsed.text.index("注释")
        assert [m.start() for m in re.finditer(r"https?://", parsed.text) if m.start() < notes] == [], case.id
        assert f"原文：http://127.0.0.1:8000/cases/{case.id}/" in parsed.text[notes:]
        # The plain-text copy says the same, without markup.
        plain = (folder / "wechat.txt").read_text(encoding="utf-8")
        assert "<" not in plain and all(s in plain for s in SECTIONS) and case.data["title"] not in plain.split("\n")[0]
    # A file beside the page, not a page: in no sitemap, search index or menu.
    assert "wechat" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not [p for p in site.rglob("*") if p.is_file() and "search" in p.as_posix() and "wechat.html" in
                p.read_text(encoding="utf-8", errors="ignore")]
    assert 'name="robots" content="noindex"' in page


def test_links_and_pictures_become_notes_and_lists_stay(project):
    from checkers.content import loader

    edit(project, POST, "## 处理过程\n", "## 处理过程\n\n详见[条例全文](../../law/xinfang-gongzuo-tiaoli-2022/#第23条)、"
         "[一份指南](https://example.org/guide?a=1&b=2)，也可以写信到[信箱](mailto:letters@example.org)。\n\n"
         "![办理流程图](../../assets/images/office.svg)\n\n- 第一步\n    - 登记\n- 第二步\n\n")
    version = loader.load(project).case_posts["police-first-petition-golden-period"].wechat.at("https://example.gov.cn/xf/")
    parsed = Parsed(version.html)
    assert "条例全文[1]、一份指南[2]，也可以写信到信箱[3]。" in parsed.text
    assert "〔图片，见注4〕" in parsed.text
    notes = parsed.text[parsed.text.index("注释"):]
    for note in ("[1] 条例全文：https://example.gov.cn/xf/law/xinfang-gongzuo-tiaoli-2022/#第23条",
                 "[2] 一份指南：https://example.org/guide?a=1&b=2", "[3] 信箱：letters@example.org",
                 "[4] 图片“办理流程图”：https://example.gov.cn/xf/assets/images/office.svg（先把它上传到公众号，再放在这里）",
                 "[5] 找对途径：https://example.gov.cn/xf/checker/",
                 "原文：https://example.gov.cn/xf/cases/police-first-petition-golden-period/"):
        assert note in notes, (note, notes)
    assert "<a " not in version.html and "<img" not in version.html and parsed.deepest == 2
    assert wechat.ADDRESS not in version.html


def test_what_wechat_would_refuse_is_refused_at_the_editors_line(project):
    other, third = "docs/cases/posts/repeat-request-after-recheck.md", "docs/cases/posts/enforcement-task-force.md"
    fourth = "docs/cases/posts/lawyers-at-reception-hall.md"
    long_title = "一封初信三十天内办结，逐周升级不拖延，信访人收到书面答复和回访电话"  # 33 characters
    assert len(long_title) == 33
    title = edit(project, POST, "title: 一封初信三十天内办结，逐周升级不拖延", f"title: {long_title}")
    own = edit(project, other, "region: ", "wechat:\n  title: 复查以后还能不能再请求复核\n  summary: " + "说明" * 65 + "\nregion: ") + 2
    deep = edit(project, third, "## 处理过程\n", "## 处理过程\n\n- 第一层\n    - 第二层\n        - 第三层写在这里\n\n") + 4
    edit(project, fourth, "## 案情简介\n", "## 案情简介\n\n" + "某县信访局依法登记了这件事，并按时答复了信访人。\n\n" * 900)
    result = run_cli(project, "validate")
    assert_rejected(result, f"{POST}:{title}: title: 公众号：公众号标题最多32个字，现在33个：在头部信息写一个短标题",
                    f"{other}:{own}: wechat.summary: 公众号：公众号摘要最多128个字，现在130个：缩短它",
                    f"{third}:{deep}: 正文: 公众号：列表最多2层，这里是第3层",
                    f"{fourth}:", "正文: 公众号：公众号版本有")
    # The length belongs to the whole body: it is reported at its first line, the lead.
    reported = next(line for line in result.stderr.splitlines() if line.startswith(fourth) and "公众号版本有" in line)
    text = (project / fourth).read_text(encoding="utf-8").split("\n")
    assert int(reported.split(":")[1]) == text.index("---", 1) + 3 and text[text.index("---", 1) + 2].startswith("一位村民")
    # A short 公众号 title of its own lets the long title stand on the site.
    edit(project, POST, f"title: {long_title}", f"title: {long_title}\nwechat: {{title: 一封初信三十天内办结}}")
    assert f"{POST}:" not in run_cli(project, "validate").stderr


def test_the_preview_writes_the_wechat_version_of_a_saved_post(project, tmp_path):
    from preview.builder import Preview

    preview = Preview(project, tmp_path / "preview-site")
    assert preview.full().how == "full"
    folder = preview.site_dir / "cases/police-first-petition-golden-period"
    assert "data-wechat-copy" in (folder / "index.html").read_text(encoding="utf-8")
    edit(project, POST, "冯某某报了警。", "冯某某当天就报了警。")
    assert preview.update(project / POST).how == "pages"
    assert "冯某某当天就报了警。" in (folder / "wechat.html").read_text(encoding="utf-8")
    assert "冯某某当天就报了警。" in (folder / "wechat.txt").read_text(encoding="utf-8")
