"""The built site: every YAML item is published, citations carry the article text verbatim,
every internal link resolves, and nothing is loaded from another host."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from checkers.content.citation import excerpt
from conftest import ROOT, site_build
from htmlscan import norm, scan


def page(site: Path, kind: str, item_id: str):
    path = site / kind / item_id / "index.html"
    assert path.exists(), f"no page for {kind} {item_id}"
    return scan(path)


def test_every_item_has_its_page_with_title_date_and_basis(site, content):
    for item in content.all_items():
        if item.kind in ("tree", "case"):
            continue  # the checker's pages: tests/test_channel.py; case posts: tests/test_cases.py
        if item.kind in ("holiday", "contact", "situation", "lexicon"):
            continue  # no page each: the calculator, the contacts page, the home page and search use them
        p = page(site, item.kind, item.id)
        title = item.data["title"]
        assert norm(title) in p.text, (item.path, title)
        from checkers.site.render import cn_date
        assert f"最后核对：{cn_date(item.data['last_reviewed'])}" in p.text, item.path
        if item.kind != "law":
            assert "legal-basis" in p.ids, f"{item.path}: no 法律依据 section"


def test_every_procedure_field_is_shown(site, content):
    for pid, d in content.procedures.items():
        text = page(site, "procedure", pid).text
        shown = [d["summary"], d["if_disagree"]["text"], *d["bring"]]
        shown += [v for s in d["steps"] for k, v in s.items() if k in ("title", "actor", "action", "tip")]
        shown += [s["text"] for s in d["outcomes"] + d.get("applies", [])]
        for value in shown:
            assert norm(value) in text, f"procedure {pid}: not on page: {value[:40]}"
        for step in d["steps"]:
            if "deadline" in step:
                assert any(t == "a" and a.get("href", "").endswith(f"rule/{step['deadline']}/")
                           for t, a in page(site, "procedure", pid).tags), (pid, step["deadline"])


def test_every_rule_version_topic_point_and_stage_is_shown(site, content):
    for rid, d in content.rules.items():
        text = page(site, "rule", rid).text
        for v in d["versions"]:
            assert f"{v['period']['value']}{v['period']['unit']}" in text
            for n in v.get("not_counted", []):
                assert norm(n["text"]) in text
        for trigger_or_actor in (d["trigger"], d["actor"]):
            assert norm(trigger_or_actor) in text
    for tid, d in content.topics.items():
        text = page(site, "topic", tid).text
        for section in d["sections"]:
            assert norm(section["heading"]) in text
            for point in section["points"]:
                assert norm(point["text"]) in text, (tid, point["text"][:30])
    for rid, d in content.roadmaps.items():
        text = page(site, "roadmap", rid).text
        for stage in d["stages"]:
            assert norm(stage["title"]) in text and norm(stage["summary"]) in text
        for s in d.get("first", []):
            assert norm(s["text"]) in text


def test_every_article_has_its_anchor_and_verbatim_text(site, content):
    for lid, law in content.laws.items():
        p = page(site, "law", lid)
        for article in law["articles"]:
            assert f"第{article['number']}条" in p.ids, (lid, article["number"])
            for line in article["text"].split("\n"):
                assert norm(line) in p.text, (lid, article["number"])
    assert len([i for i in page(site, "law", "xinfang-gongzuo-tiaoli-2022").ids if re.fullmatch(r"第\d+条", i)]) == 50


def test_superseded_law_says_so_and_points_to_its_successor(site):
    p = page(site, "law", "xinfang-tiaoli-2005")
    assert "已失效" in p.text and "2022年4月30日以前的事项" in p.text
    assert any(a.get("href") == "../xinfang-gongzuo-tiaoli-2022/" for t, a in p.tags if t == "a")


def test_citations_link_to_the_article_and_carry_its_text(site, content):
    """Each citation's tooltip is the cited 款/项 of the official text, character for character."""
    checked = 0
    for path in site.rglob("*.html"):
        source = path.read_text(encoding="utf-8")
        for href, tip in re.findall(r'<span class="cite"><a href="([^"]+)"[^>]*>[^<]*</a>'
                                    r'<span class="cite-tip" role="tooltip" id="[^"]+" data-search-exclude>(.*?)</span></span>', source):
            target = urlsplit(href)
            law_id = Path(target.path).name
            number = int(re.fullmatch(r"第(\d+)条", unquote(target.fragment)).group(1))
            article = next(a for a in content.laws[law_id]["articles"] if a["number"] == number)
            lines = [norm(x) for x in tip.split("<br>")]
            assert all(line in [norm(x) for x in article["text"].split("\n")] for line in lines), (path, href)
            checked += 1
    assert checked > 100


def _site_path(page: Path, href: str, site: Path) -> str:
    """Where a relative link on a built page leads, as 'kind/id' (fragment dropped)."""
    target = (page.parent / unquote(urlsplit(href).path)).resolve()
    return target.relative_to(site.resolve()).as_posix().strip("/")


def test_each_article_names_the_pages_that_cite_it(site, content):
    """Under each article, up to ten of the pages that quote it; past ten, a link to the article's
    citations page, which lists every one of them under the article's text."""
    from checkers.content.crossref import find_bases

    where = {"tree": lambda i: "checker", "case": lambda i: f"cases/{i}"}
    expected: dict[tuple[str, int], set[str]] = {}
    for item in content.all_items():
        for _, b in find_bases(item.data):
            expected.setdefault((b["law"], b["article"]), set()).add(where.get(item.kind, lambda i: f"{item.kind}/{i}")(item.id))
    overflowing = 0
    for law_id in content.laws:
        path = site / "law" / law_id / "index.html"
        html_text = path.read_text(encoding="utf-8")
        for number, section in re.findall(r'<section class="article"><h3 id="第(\d+)条">(.*?)</section>', html_text, re.S):
            want = expected.get((law_id, int(number)), set())
            cited = re.search(r'<p class="cited-by">(.*?)</p>', section, re.S)
            assert bool(cited) == bool(want), (law_id, number)
            if not want:
                continue
            links = re.findall(r'<a href="([^"]+)">([^<]*)</a>', cited.group(1))
            inline = {_site_path(path, href, site) for href, text in links if "看全部" not in text}
            assert len(inline) == min(len(want), 10) and inline <= want, (law_id, number)
            more = [href for href, text in links if "看全部" in text]
            if len(want) <= 10:
                assert not more, (law_id, number)
                continue
            overflowing += 1
            assert more == [f"cited/{number}/"] and f"共{len(want)}个页面引用本条" in cited.group(1)
            full_path = path.parent / "cited" / number / "index.html"
            full = full_path.read_text(encoding="utf-8")
            listed = {_site_path(full_path, href, site) for href in re.findall(r'<li><a href="([^"]+)">', full)}
            assert listed == want, (law_id, number, want - listed)
            assert f"本站有{len(want)}个页面引用了" in full
    assert overflowing > 0  # the shipped content has articles cited by more than ten pages


def _internal_links(site: Path):
    for path in sorted(site.rglob("*.html")):
        p = scan(path)
        for tag, attrs in p.tags:
            for attr in ("href", "src"):
                value = attrs.get(attr)
                if value and not re.match(r"^[a-z][a-z0-9+.-]*:", value) and not value.startswith("//"):
                    yield path, value


def test_no_broken_internal_link_or_anchor(site):
    broken = []
    for path, value in _internal_links(site):
        parts = urlsplit(value)
        base = site if parts.path.startswith("/") else path.parent  # 404.html links from the site root
        target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else path
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            broken.append(f"{path.relative_to(site)} -> {value}")
            continue
        if parts.fragment and target.suffix == ".html":
            if unquote(parts.fragment) not in scan(target).ids:  # scan() parses each page once
                broken.append(f"{path.relative_to(site)} -> {value} (no anchor)")
    assert not broken, "\n".join(broken[:20])


# Tags and attributes that make the browser fetch something.
FETCHING = {"script": ["src"], "link": ["href"], "img": ["src", "srcset"], "iframe": ["src"], "source": ["src", "srcset"],
            "video": ["src", "poster"], "audio": ["src"], "embed": ["src"], "object": ["data"], "track": ["src"],
            "image": ["href"], "use": ["href"]}


NOT_FETCHED = {"canonical", "alternate"}
SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default when SITE_URL is not set


def test_no_third_party_request_in_any_page(site):
    offenders = []
    for path in site.rglob("*.html"):
        p = scan(path)
        for tag, attrs in p.tags:
            if tag == "link" and attrs.get("rel") in NOT_FETCHED:
                # The page's own public address (SITE_URL), for search engines and feed readers:
                # the browser never loads it.
                href = attrs.get("href", "")
                assert href.startswith(SITE_URL) or not re.match(r"([a-z]+:)?//", href), (path, attrs)
                continue
            for attr in FETCHING.get(tag, []):
                value = attrs.get(attr, "")
                if re.search(r"(^|[\s,])(https?:)?//", value):
                    offenders.append(f"{path.relative_to(site)}: <{tag} {attr}={value}>")
            if re.search(r"url\(\s*['\"]?(https?:)?//", attrs.get("style", "")):
                offenders.append(f"{path.relative_to(site)}: style url")
        # Material loads Mermaid from a CDN only for pages with a mermaid block: we have none.
        if 'class="mermaid"' in path.read_text(encoding="utf-8"):
            offenders.append(f"{path.relative_to(site)}: mermaid block (would load a CDN script)")
    for css in site.rglob("*.css"):
        for match in re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", css.read_text(encoding="utf-8")):
            offenders.append(f"{css.relative_to(site)}: {match}")
    assert not offenders, "\n".join(offenders[:20])


def test_search_index_holds_the_articles_and_nothing_else(site):
    import json

    index = site / "search-index"
    meta = json.loads((index / "meta.json").read_text(encoding="utf-8"))
    searchable = [p for p in site.rglob("*.html") if "data-search-body" in p.read_text(encoding="utf-8")]
    assert meta["pages"] == len(searchable) == len(list((index / "d").glob("*.json")))
    pages = {d["u"]: d for d in (json.loads(p.read_text(encoding="utf-8")) for p in (index / "d").glob("*.json"))}
    review = pages["procedure/xf-review/"]
    assert review["t"] == "请求复查" and "复查" in review["x"]
    assert "cases/police-first-petition-golden-period/" in pages
    # Lists, the search page and the checker's inner questions would only repeat other pages;
    # the column's introduction is found, its list of posts is not.
    for repeat in ("search/", "cases/category/复查复核/", "cases/archive/2026/03/", "checker/xf-stage/"):
        assert repeat not in pages, repeat
    assert "最新案例" not in pages["cases/"]["x"]
    # The verbatim articles under 法律依据 are on many pages; the index leaves them out there.
    quoted = "收到复查请求的机关、单位应当自收到复查请求之日起30日内提出复查意见"
    assert quoted in (site / "procedure/xf-review/index.html").read_text(encoding="utf-8") and quoted not in review["x"]


def test_search_reads_words_across_inline_markup_but_not_across_blocks():
    from checkers.site.search_index import plain, tokens

    text = plain('<p>“五个<strong>法治化</strong>”要求</p><p>复议</p><h2 id="x">期限<a class="headerlink" href="#x">¶</a></h2>')
    assert text == "“五个法治化”要求 复议 期限"
    assert "个法" in tokens(text)          # 五个法治化 is found as written
    assert "求复" not in tokens(text)      # two paragraphs are not one word


def test_html_blocks_are_kept_only_where_markdown_would_copy_them():
    from checkers.site.rawhtml import restore, stash

    text = ("# 标题\n\n<div class=\"a\"><p>x</p></div>\n\n```html\n<div>示例</div>\n\n<p>代码里的</p>\n```\n\n"
            "    <p>缩进的代码</p>\n\n<span>行内</span>\n\n<p>没有结束</p>\n接着的文字\n")
    stashed, blocks = stash(text)
    assert list(blocks.values()) == ['<div class="a"><p>x</p></div>']
    assert "<p>代码里的</p>" in stashed and "<p>缩进的代码</p>" in stashed and "<span>行内</span>" in stashed
    assert restore(f"<h1>标题</h1>\n<p>{next(iter(blocks))}</p>\n", blocks) == '<h1>标题</h1>\n<div class="a"><p>x</p></div>\n\n'
    # Text that happens to look like a token is left as it is.
    assert restore("<p>xfrawhtml99999q</p>", blocks) == "<p>xfrawhtml99999q</p>"
    # A run of blocks, each starting the line after the previous one closes, is one raw block for
    # Markdown too; text after a closing tag on its line, or an element left open, is not.
    run = '<ul class="x"><li>a</li></ul>\n<p class="note">b</p>\n<script type="application/json">{"a": "</p>"}</script>'
    assert list(stash(run + "\n")[1].values()) == [run]
    assert stash('<p>a</p> 后面的字\n')[1] == {} and stash('<div><div>x</div>\n')[1] == {}
    assert stash('<p>a</p>\n**粗体**\n')[1] == {}
    # Inside a block that asks for Markdown (md_in_html), nothing is kept aside.
    assert stash('<div markdown>\n\n<p>x</p>\n\n</div>\n')[1] == {}


def test_a_long_section_is_a_title_list_and_leaves_the_navigation(content, tmp_path, monkeypatch):
    """Past LONG_SECTION items (40; 21 rules here, so lowered for the test), a section's index lists
    every item by title with its badge but no summary, and the navigation holds the index only."""
    from checkers.site import pages
    from checkers.site.generate import generate

    monkeypatch.setattr(pages, "LONG_SECTION", 12)
    result = generate(content, tmp_path / "docs")
    assert len(content.rules) > 12 >= len(content.items["practice"])
    assert result.nav["rule/index.md"] == [] and len(result.nav["practice/index.md"]) == len(content.items["practice"])
    rules = (tmp_path / "docs/rule/index.md").read_text(encoding="utf-8")
    assert f"共{len(content.rules)}项。项目较多，这里只列标题" in rules
    assert all(f'<a href="{rid}/">' in rules for rid in content.rules)
    assert 'class="desc"' not in rules and rules.count('class="badge deadline"') == len(content.rules)
    practices = (tmp_path / "docs/practice/index.md").read_text(encoding="utf-8")
    assert "只列标题" not in practices and practices.count('class="desc"') == len(content.items["practice"])


# Run in a process of its own: parallel.py makes everything in one process wherever other threads
# run, and this test must see the workers really forked, whatever ran before it in this one.
_BOTH_CORES = """
import os
from pathlib import Path
from checkers.content import loader
from checkers import parallel
from checkers.site.pages import Site

pids = set(parallel.make_all({n: os.getpid for n in range(8)}, workers=2, minimum=1).values())
assert os.getpid() not in pids, "parallel.make_all did not fork"
content = loader.load(Path("."))
one = Site(content, "https://example.org/xf/")
alone = {page: make() for page, make in one.page_specs().items()}
both = parallel.make_all(Site(content, "https://example.org/xf/").page_specs(), workers=2, minimum=1)
assert list(both) == list(alone) and both == alone
two = Site(content, "https://example.org/xf/")
parallel.MIN_PARALLEL = 1  # the shipped posts are fewer than a build would fork for
pids = set(parallel.make_all({n: os.getpid for n in range(8)}, workers=2).values())
assert os.getpid() not in pids, "MIN_PARALLEL was not lowered"
two.prerender_case_pages()
assert two._case_pages and all(two.case_page(i) == one.case_page(i) for i in content.items["case"])
"""


def test_pages_made_on_both_cores_are_the_pages_made_on_one():
    """checkers/parallel.py only saves time: the same pages, the same text, in the same order,
    and so for the posts' page bodies."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", _BOTH_CORES], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]


def test_the_search_index_is_the_same_from_one_worker_as_from_two(site, tmp_path, monkeypatch):
    """The build wrote the index with two workers (one shard of every two each); one worker alone
    writes exactly the same files."""
    import shutil

    from checkers.site import search_index

    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("search-index"))
    monkeypatch.setattr(search_index, "SHARD_WORKERS", 1)
    search_index.build(copy)
    ours, theirs = site / search_index.OUT, copy / search_index.OUT
    files = sorted(p.relative_to(ours) for p in ours.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(theirs) for p in theirs.rglob("*") if p.is_file()) and len(files) > 1000
    assert [f for f in files if (ours / f).read_bytes() != (theirs / f).read_bytes()] == []
