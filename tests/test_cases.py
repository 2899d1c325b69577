"""案例专栏: posts are checked like all content, listed newest first with categories, months and a feed,
and every procedure and channel page lists the published cases that went its way."""
from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

from checkers import clock
from conftest import ROOT, site_build, run_cli
from htmlscan import scan
from test_loader import assert_rejected, edit

POST = "docs/cases/posts/police-first-petition-golden-period.md"
SITE_URL = "http://127.0.0.1:8000/"


def posts(content, status="published"):
    return sorted((c for c in content.items["case"].values() if c.data["status"] == status),
                  key=lambda c: (c.data["date"], c.id), reverse=True)


# --- validation ----------------------------------------------------------------

def test_missing_section_names_file_and_line(project):
    edit(project, POST, "## 处理过程", "## 办理经过")
    text = (project / POST).read_text(encoding="utf-8").split("\n")
    renamed = text.index("## 办理经过") + 1
    assert_rejected(run_cli(project, "validate"),
                    f"{POST}:{renamed}: 正文: 二级标题只能是 案情简介、处理过程、法律依据",
                    "缺少“## 处理过程”一节")


def test_sections_out_of_order(project):
    path = project / POST
    text = path.read_text(encoding="utf-8")
    first, second = text.index("## 案情简介"), text.index("## 处理过程")
    swapped = text[:first] + text[second:text.index("## 法律依据")] + text[first:second] + text[text.index("## 法律依据"):]
    path.write_text(swapped, encoding="utf-8")
    line = swapped[:swapped.index("## 处理过程")].count("\n") + 1
    assert_rejected(run_cli(project, "validate"), f"{POST}:{line}: 正文: 三节的顺序应为 案情简介 → 处理过程 → 法律依据")


OTHER = "docs/cases/posts/repeat-request-after-recheck.md"


def test_dangling_references_and_bad_fields_all_at_once(project):
    # One post with dangling references, another with bad fields: one run reports all of them.
    ch = edit(project, POST, "channels: [request-enforcement,", "channels: [no-such-door,")
    art = edit(project, POST, "{law: renmin-tiaojie-fa-2010, article: 18}", "{law: renmin-tiaojie-fa-2010, article: 99}")
    author = edit(project, POST, "authors: [city-police]", "authors: [zhang-san]")
    date = edit(project, OTHER, "date: 2026-10-14", "date: 2026-02-30")
    cat = edit(project, OTHER, "categories: [", "categories: [热点, ")
    assert_rejected(run_cli(project, "validate"),
                    f"{POST}:{ch}: channels[0]: 找不到 channel“no-such-door”",
                    f"{POST}:{art}: articles[4].article: 法规库中没有《人民调解法》第99条",
                    f"{POST}:{author}: authors[0]: 供稿单位“zhang-san”不在 docs/cases/.authors.yml 中",
                    f"{OTHER}:{date}: date: 不是真实存在的日期：“2026-02-30”",
                    f"{OTHER}:{cat}: categories[0]: 取值“热点”不在允许范围内")


def test_markup_in_a_post_is_refused_not_published(project):
    title = edit(project, POST, "title: 一封初信", 'title: <img src=x onerror=alert(1)>一封初信')
    html = edit(project, POST, "## 案情简介\n", "## 案情简介\n\n<script>alert(2)</script>\n")
    link = edit(project, POST, "## 处理过程\n", "## 处理过程\n\n[点我](javascript:alert(3))\n")
    assert_rejected(run_cli(project, "validate"), f"{POST}:{title}: title: ",
                    f"{POST}:{html + 2}: 正文: 正文不要写 HTML 标签", f"{POST}:{link + 2}: 正文: 链接地址“javascript:alert(3)”不能用")


def test_quoted_dates_are_refused_with_a_reason(project):
    line = edit(project, POST, "date: 2026-03-18", 'date: "2026-03-18"')
    assert_rejected(run_cli(project, "validate"), f"{POST}:{line}: date: 日期不要加引号")


def test_missing_excerpt_separator(project):
    edit(project, POST, "<!-- more -->\n", "")
    closing = (project / POST).read_text(encoding="utf-8").split("\n").index("---", 1) + 1  # end of the front matter
    assert_rejected(run_cli(project, "validate"), f"{POST}:{closing}: 正文: 导语后面缺少一行 <!-- more -->")


def test_a_post_outside_the_rules_of_the_folder(project):
    (project / "docs/cases/posts/Notes.txt").write_text("x", encoding="utf-8")
    (project / "docs/cases/posts/新案例.md").write_text((project / POST).read_text(encoding="utf-8"), encoding="utf-8")
    assert_rejected(run_cli(project, "validate"), "docs/cases/posts/Notes.txt:1: (文件): 案例文章应是",
                    "docs/cases/posts/新案例.md:1: (文件): 文件名只能用小写英文字母")


# --- new-case ------------------------------------------------------------------

def test_new_case_writes_a_dated_draft_whose_template_text_must_be_replaced_and_is_not_published(project, tmp_path):
    result = run_cli(project, "new-case", "village-mediation", "--date", "2026-11-23")
    assert result.returncode == 0, result.stderr
    draft = project / "docs/cases/posts/village-mediation.md"
    template = draft.read_text(encoding="utf-8")
    assert "date: 2026-11-23" in template
    # Untouched, it names every line of template text still to be replaced, and nothing else.
    untouched = run_cli(project, "validate")
    assert untouched.returncode == 2
    lines = [line for line in untouched.stderr.splitlines() if line.startswith("docs/")]
    assert [line.split(": ")[1] for line in lines] == ["title", "local_practice", "正文", "正文", "正文", "正文"], lines
    assert all(line.startswith("docs/cases/posts/village-mediation.md:") for line in lines)
    # An editor who keeps the "导语：" label is told it would show on the page.
    filled = (template.replace("title: 在这里写标题", "title: 村里调解了一起宅基地纠纷")
              .replace("\nlocal_practice:", "\n# local_practice:")
              .replace("导语：一两句话，讲这个案例讲什么、读者能学到什么。", "导语：村委会请来人民调解员。"))
    for hint in re.findall(r"^（.*）$", template, re.M):
        filled = filled.replace(hint, "陈某某和邻居因为宅基地边界发生争执，多次到镇里反映。")
    draft.write_text(filled, encoding="utf-8")
    label = run_cli(project, "validate")
    lead = filled.split("\n").index("导语：村委会请来人民调解员。") + 1
    assert label.returncode == 2 and f"village-mediation.md:{lead}: 正文: 导语直接写内容" in label.stderr, label.stderr
    draft.write_text(filled.replace("导语：", ""), encoding="utf-8")
    assert run_cli(project, "validate").returncode == 0, run_cli(project, "validate").stderr
    # Published as it is, it lacks its review record; with the template's record filled in (the
    # comment marks taken away), it validates and is published.
    draft.write_text(filled.replace("导语：", "").replace("status: draft", "status: published"), encoding="utf-8")
    assert_rejected(run_cli(project, "validate"), "village-mediation.md:", "review: 发布的文章要有审核记录：还缺 初审、复审、法律审核、终审")
    reviewed = re.sub(r"^# (review:|  )", r"\1", filled.replace("导语：", "").replace("status: draft", "status: published"), flags=re.M)
    draft.write_text(reviewed, encoding="utf-8")
    assert run_cli(project, "validate").returncode == 0, run_cli(project, "validate").stderr
    draft.write_text(filled.replace("导语：", ""), encoding="utf-8")
    again = run_cli(project, "new-case", "village-mediation")
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and "已经存在" in again.stderr
    for bad in (["Bad Name"], ["ok-name", "--date", "2026-02-30"]):
        wrong = run_cli(project, "new-case", *bad)
        assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1 and "Traceback" not in wrong.stderr
    out = tmp_path / "out"
    built = site_build(project, out)
    assert built.returncode == 0, built.stderr[-2000:]
    assert not (out / "cases/village-mediation").exists()
    assert "village-mediation" not in (out / "feed_rss_created.xml").read_text(encoding="utf-8")
    assert "village-mediation" not in (out / "procedure/xf-claim/index.html").read_text(encoding="utf-8")
    # The draft cites 第三十二条: no statute page or citations list may link to a post that was not built.
    assert not [p for p in (out / "law").rglob("*.html") if "village-mediation" in p.read_text(encoding="utf-8")]
    assert (out / "cases/police-first-petition-golden-period/index.html").exists()


# --- the built column ---------------------------------------------------------------

def test_column_has_index_categories_archive_and_every_post(site, content):
    published = posts(content)
    assert len(published) >= 8
    index = (site / "cases/index.html").read_text(encoding="utf-8")
    for case in published[:10]:  # the first page of the index, newest first
        assert f"{case.id}/" in index, case.id
    order = [index.index(f"{c.id}/") for c in published[:10]]
    assert order == sorted(order), "newest first"
    for category in {c for case in published for c in case.data["categories"]}:
        page = site / "cases/category" / category / "index.html"
        assert page.exists(), category
    assert any((site / "cases/archive").rglob("index.html"))
    for case in published:
        page = scan(site / "cases" / case.id / "index.html")
        assert case.data["title"] in page.text
        for section in ("案情简介", "处理过程", "法律依据", "本文引用的条文"):
            assert section in page.text, (case.id, section)
        if "local_practice" in case.data:
            assert "地方做法，不是全国统一的法律规定" in page.text, case.id


def test_a_long_column_pages_its_list_and_groups_every_post(project, tmp_path):
    # 25 posts: three list pages of ten, newest first across the pages, each post once.
    source = (project / POST).read_text(encoding="utf-8")
    for n in range(17):
        day = f"2024-{n % 12 + 1:02d}-{n + 1:02d}"
        text = re.sub(r"^date: .*$", f"date: {day}", source, count=1, flags=re.M)
        (project / f"docs/cases/posts/extra-{n:02d}.md").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    built = site_build(project, out)
    assert built.returncode == 0, built.stderr[-2000:]
    listed = []
    for page, prev, nxt in (("cases", None, "page/2/"), ("cases/page/2", "../../", "../3/"), ("cases/page/3", "../2/", None)):
        html = (out / page / "index.html").read_text(encoding="utf-8")
        assert "共3页" in html, page
        assert (f'href="{prev}" rel="prev"' in html) == bool(prev) and (f'href="{nxt}" rel="next"' in html) == bool(nxt), page
        listed += re.findall(r'<h2 class="case-title" id="([a-z0-9-]+)">', html)
    assert len(listed) == 25 and len(set(listed)) == 25
    dates = [re.search(r"^date: (.*)$", (project / f"docs/cases/posts/{slug}.md").read_text(encoding="utf-8"), re.M).group(1)
             for slug in listed]
    assert dates == sorted(dates, reverse=True)
    # Every post is in its categories' pages and its month's page.
    first = (out / "cases/category/初信初访/index.html").read_text(encoding="utf-8")
    assert all(f"../../extra-{n:02d}/" in first for n in range(17))
    assert "../../../extra-00/" in (out / "cases/archive/2024/01/index.html").read_text(encoding="utf-8")


def test_post_links_back_to_its_doors_procedures_and_articles_with_their_text(site, content):
    for case in posts(content):
        html = (site / "cases" / case.id / "index.html").read_text(encoding="utf-8")
        page = scan(site / "cases" / case.id / "index.html")
        for channel in case.data["channels"]:
            assert f'href="../../channel/{channel}/"' in html, (case.id, channel)
        for procedure in case.data["procedures"]:
            assert f'href="../../procedure/{procedure}/"' in html, (case.id, procedure)
        for basis in case.data["articles"]:
            article = content.article(basis["law"], basis["article"])
            assert f'../../law/{basis["law"]}/#{quote("第%d条" % basis["article"])}' in html or \
                   f'../../law/{basis["law"]}/#第{basis["article"]}条' in html, (case.id, basis)
            assert article["text"].split("\n")[0] in page.text  # the article's own words, verbatim
        assert 'role="tooltip"' in html  # article text on hover, focus and tap, as elsewhere


def test_procedure_and_channel_pages_list_their_cases_newest_first(site, content):
    expected: dict[str, list[str]] = {}
    for case in posts(content):
        for kind, key in (("channel", "channels"), ("procedure", "procedures")):
            for ref in case.data[key]:
                expected.setdefault(f"{kind}/{ref}", []).append(case.id)
    assert expected
    for page, ids in expected.items():
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert 'id="cases"' in html, page
        section = html[html.index('id="cases"'):]
        found = re.findall(r'href="\.\./\.\./cases/([a-z0-9-]+)/"', section)
        assert found[:len(ids)] == ids, (page, found, ids)


def test_feed_lists_every_published_post_with_absolute_links(site, content):
    feed = ET.parse(site / "feed_rss_created.xml").getroot()
    items = feed.findall("./channel/item")
    published = posts(content)
    assert [i.findtext("link") for i in items] == [f"{SITE_URL}cases/{c.id}/" for c in published][:len(items)]
    assert len(items) == min(len(published), 20)
    first = items[0]
    assert first.findtext("title") == published[0].data["title"]
    assert first.findtext("pubDate").startswith(_rfc822_day(published[0].data["date"]))
    assert feed.find("./channel/image/url").text.startswith(SITE_URL)
    assert (site / "cases/index.html").read_text(encoding="utf-8").count("feed_rss_created.xml") >= 1


def test_feed_names_authors_and_points_to_our_own_stylesheet(site, content):
    text = (site / "feed_rss_created.xml").read_text(encoding="utf-8")
    assert '<?xml-stylesheet type="text/css" href="assets/stylesheets/feed.css"?>' in text and "text/xsl" not in text
    assert (site / "assets/stylesheets/feed.css").exists() and not (site / "assets/feed.xsl").exists()
    items = ET.fromstring(text.encode("utf-8")).findall("./channel/item")
    dc = "{http://purl.org/dc/elements/1.1/}"
    for item, post in zip(items, posts(content)):
        names = [content.case_authors[a]["name"] for a in post.data["authors"]]
        assert [c.text for c in item.findall(f"{dc}creator")] == names
        assert item.findtext(f"{dc}date") == post.data["date"]
        assert not [a for a in post.data["authors"] if a in ET.tostring(item, encoding="unicode")]
        # The description is the lead as text: no markup a reader would render.
        assert "<" not in item.findtext("description") and item.findtext("description")


def _rfc822_day(iso: str) -> str:
    import datetime

    day = datetime.date.fromisoformat(iso)
    return day.strftime("%a, %d %b %Y")


def test_editors_guide_is_published_with_the_template_and_the_command(site):
    text = scan(site / "cases/guide/index.html").text
    assert "make new-case" in text and "## 案情简介" in text and "make validate" in text
    # The guide lists the categories by hand: it must name exactly those the schema allows.
    schema = json.loads((ROOT / "schemas/case.schema.json").read_text(encoding="utf-8"))
    for category in schema["properties"]["categories"]["items"]["enum"]:
        assert category in text, category
    # The whole way to the 公众号: the template as make new-case writes it, every review role, every
    # kind of waiver, and the button.
    from checkers.content.case_template import TEMPLATE

    code = "\n".join(scan(site / "cases/guide/index.html").text.split())
    assert all(" ".join(line.split()) in " ".join(code.split()) for line in TEMPLATE.format(today="2026-11-23").splitlines()
               if line.strip())
    site_schema = json.loads((ROOT / "schemas/site.schema.json").read_text(encoding="utf-8"))
    for word in (site_schema["$defs"]["role"]["enum"] + schema["properties"]["privacy"]["items"]["properties"]["kind"]["enum"]
                 + ["复制到公众号", "site.yaml", "make serve", "status: published"]):
        assert word in text, word


# --- the review record (审核) ------------------------------------------------------------

def _review_block(project, rel=POST) -> tuple[str, str]:
    """A post's review record (the lines from `review:` to the end of the front matter), and the text."""
    text = (project / rel).read_text(encoding="utf-8")
    start = text.index("\nreview:\n") + 1
    return text[start:text.index("\n---\n", start) + 1], text


def test_a_published_post_needs_the_review_steps_the_site_asks_for(project):
    block, text = _review_block(project)
    (project / POST).write_text(text.replace(block, ""), encoding="utf-8")
    status = text.split("\n").index("status: published") + 1
    assert_rejected(run_cli(project, "validate"),
                    f"{POST}:{status}: review: 发布的文章要有审核记录：还缺 初审、复审、法律审核、终审（site.yaml 要求")
    edit(project, POST, "status: published", "status: draft")  # a draft is written before it is reviewed
    assert run_cli(project, "validate").returncode == 0


THIRD = "docs/cases/posts/civil-supervision-public-hearing.md"


def test_review_record_mistakes_are_reported_at_their_lines_all_at_once(project):
    tomorrow = (clock.today() + dt.timedelta(days=1)).isoformat()
    office = edit(project, POST, "{role: 复审, name: city-police,", "{role: 复审, name: no-such-office,")
    future = edit(project, POST, "{role: 终审, name: city-zfw, date: 2026-11-20}", f"{{role: 终审, name: city-zfw, date: {tomorrow}}}")
    early = edit(project, OTHER, "{role: 复审, name: county-xfj, date: 2026-11-16}", "{role: 复审, name: county-xfj, date: 2026-11-02}")
    unchecked = edit(project, POST, "      - {law: renmin-tiaojie-fa-2010, article: 18}\n", "      - {law: renmin-tiaojie-fa-2010, article: 17}\n")
    twice = edit(project, THIRD, "  - {role: 初审, name: city-procuratorate, date: 2026-11-09}",
                 "  - {role: 初审, name: city-procuratorate, date: 2026-11-09}\n  - {role: 初审, name: city-procuratorate, date: 2026-11-10}")
    result = run_cli(project, "validate")
    assert_rejected(result,
                    f"{POST}:{office}: review[1].name: 审核单位“no-such-office”不在 docs/cases/.authors.yml 中",
                    f"{POST}:{future}: review[3].date: 审核日期 {tomorrow} 在今天",
                    f"{POST}:{unchecked - 5}: review[2].articles: 法律审核没有核对本文引用的 renmin-tiaojie-fa-2010 第18条",
                    f"{POST}:{unchecked}: review[2].articles[4]: 法律审核核对的 renmin-tiaojie-fa-2010 第17条 本文没有引用",
                    f"{POST}:", "reviewed: 最后核对日期 2026-11-20 早于审核记录里最后一步的日期",
                    f"{OTHER}:{early}: review[1].date: “复审”（2026-11-02）早于“初审”（2026-11-12）",
                    f"{THIRD}:{twice + 1}: review[1].role: “初审”写了两次")


def test_each_site_decides_which_steps_a_post_needs_and_whether_its_page_shows_them(project):
    from checkers.content import loader
    from checkers.site.pages import Site

    block, text = _review_block(project)
    only_final = "review:\n  - {role: 终审, name: city-zfw, date: 2026-11-20}\n"
    (project / POST).write_text(text.replace(block, only_final), encoding="utf-8")
    assert_rejected(run_cli(project, "validate"), "还缺 初审、复审、法律审核")
    (project / "site.yaml").write_text("column:\n  review:\n    required: [终审]\n    show_on_page: false\n", encoding="utf-8")
    assert run_cli(project, "validate").returncode == 0
    slug = POST.rsplit("/", 1)[1][:-3]
    assert "审核：" not in Site(loader.load(project)).case_page(slug)
    (project / "site.yaml").write_text("column:\n  review:\n    required: [终审]\n    show_on_page: true\n", encoding="utf-8")
    assert "审核：终审，某市委政法委，<time datetime=\"2026-11-20\">2026年11月20日</time>" in Site(loader.load(project)).case_page(slug)
    (project / "site.yaml").write_text("column:\n  review:\n    required: [终审, 三审]\n    show_on_page: yes please\n", encoding="utf-8")
    assert_rejected(run_cli(project, "validate"), "site.yaml:3: column.review.required[1]: 取值“三审”不在允许范围内",
                    "site.yaml:4: column.review.show_on_page: 应为true/false")


def test_an_edition_checks_posts_under_its_own_column_settings(project):
    """A local edition keeps its settings in its own file, under `column` as in site.yaml, and hands
    them to the column's loader: the same sub-schema, the same checks."""
    from checkers.content import cases, loader, review
    from checkers.content.yamlsafe import parse_yaml

    block, text = _review_block(project)
    (project / POST).write_text(text.replace(block, "review:\n  - {role: 初审, name: city-police, date: 2026-11-11}\n"),
                                encoding="utf-8")
    edition, lines, _ = parse_yaml("name: 某市版\ncolumn:\n  review:\n    required: [初审]\n    show_on_page: false\n",
                                   "edition.yaml")
    assert review.column_problems(edition["column"], project / "schemas", "edition.yaml", lines) == []

    def problems(column):
        content = loader.Content()  # the laws the posts cite, then the posts under these settings
        for path in sorted((project / "procedures/law").glob("*.yaml")):
            loader._load_file(path, path.relative_to(project).as_posix(), "law", project / "schemas", content)
        return [str(p) for p in cases.load(project, project / "schemas", content, loader.Item, column)]

    assert [p for p in problems(None) if "还缺 复审、法律审核、终审（site.yaml" in p]  # the national settings
    assert problems(edition["column"]) == []
    bad, lines, _ = parse_yaml("column:\n  review:\n    required: 初审\n", "edition.yaml")
    assert {str(p) for p in review.column_problems(bad["column"], project / "schemas", "edition.yaml", lines)} == {
        "edition.yaml:3: column.review.required: 应为列表，实际是 “初审”",
        "edition.yaml:2: column.review: 缺少必填字段“show_on_page”"}
