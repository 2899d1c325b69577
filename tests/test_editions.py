"""Local editions (editions/<id>/): a city's and a county's own site on the national base.  They add
offices, practices and hotlines, never change national law, and every page they share with the
national site is that page with the edition's name (`make editions`)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, run_cli

PLACEHOLDER = re.compile(r"xfsitename7q|xf-site\.invalid|xfpath7q|<!--xf:")
SOURCED = """# yaml-language-server: $schema=../../../../schemas/office.schema.json
id: test-sourced-office
name: 测试用的机关
place: "350902"
role: 测试：有出处的电话和网址会显示出来。
serves: [admin-reconsideration]
phone:
  value: "0593-1234567"
  source: {title: 测试来源, number: null, publisher: 测试机关, url: "https://www.example.gov.cn/contact.html", date: null, quote: 电话0593-1234567, checked: "2026-12-01"}
online:
  value: https://www.example.gov.cn/xf/
  source: {title: 测试来源, number: null, publisher: 测试机关, url: "https://www.example.gov.cn/contact.html", date: null, quote: 网上信访, checked: "2026-12-01"}
last_reviewed: "2026-12-01"
"""


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def build(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "EDITION")}
    return subprocess.run([sys.executable, "-m", "checkers", "--root", str(project), *args], cwd=project,
                          capture_output=True, text=True, env={**environment, "NO_MKDOCS_2_WARNING": "1", **env},
                          timeout=1200)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """make editions on a copy of the project, with one office that has sourced facts."""
    project = copy_project(tmp_path_factory.mktemp("editions"))
    (project / "editions/demo-county/procedures/office/test-sourced-office.yaml").write_text(SOURCED, encoding="utf-8")
    result = build(project, "editions")
    assert result.returncode == 0, result.stderr[-3000:]
    return project


def text(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_editions_build_as_complete_sites_with_their_own_name_banner_and_operator(built):
    for edition, name in (("demo-city", "宁德市信访路线图（演示）"), ("demo-county", "蕉城区信访路线图（演示）")):
        site = built / "site-editions" / edition
        pages = [p for p in site.rglob("*.html") if p.name in ("index.html", "404.html")]  # not a post's 公众号 file
        assert len(pages) > 250
        for page in pages:
            html = page.read_text(encoding="utf-8")
            assert "xf-edition-banner" in html and "演示版" in html, page
            assert f"<title>" in html and name in html, page
        assert "主办单位：信访路线图项目组" in text(site, "")
        assert (site / "sitemap.xml").read_text(encoding="utf-8").count(f"https://example.gov.cn/{edition}/") > 250
        assert (site / "search-index/meta.json").exists() and (site / "data/v1/index.json").exists()
        assert name in (site / "feed_rss_created.xml").read_text(encoding="utf-8")
    # No placeholder is left in any file of any site (pages, search index, data, sitemap, feeds).
    for site in (built / "site", *(built / "site-editions").iterdir()):
        left = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json", ".js", ".txt")
                and PLACEHOLDER.search(p.read_text(encoding="utf-8"))]
        assert not left, left[:5]


def test_a_county_shows_its_own_offices_and_inherits_its_citys(built):
    county, city = built / "site-editions/demo-county", built / "site-editions/demo-city"
    door = text(county, "channel/xinfang")
    now = door[door.index('id="now-title"'):door.index("</section>", door.index('id="now-title"'))]
    assert "宁德市蕉城区信访局（示例）" in now and "宁德市信访局（示例）" in now
    assert "宁德市信访局（示例）" in text(city, "channel/xinfang") and "蕉城区信访局" not in text(city, "channel/xinfang")
    # An answer page of the checker that ends at this door names them too.
    answers = [p for p in (county / "checker").glob("*--*/index.html") if "宁德市蕉城区信访局（示例）" in p.read_text(encoding="utf-8")]
    assert answers
    assert (county / "office/demo-city-petition-bureau/index.html").exists()
    # The city's local practice: its own page, labelled, on the practices' list, not in the menu;
    # the county has it too, the national site does not.
    for site in (city, county):
        practice = text(site, "practice/demo-city-leader-reception-day")
        assert "地方做法，不是全国统一的法律规定" in practice
        assert "demo-city-leader-reception-day/" in text(site, "practice")
        menu = practice[practice.index('data-md-type="navigation"'):practice.index('data-md-type="toc"')]
        assert "领导干部定期接访（示例）" not in menu
    assert not (built / "site/practice/demo-city-leader-reception-day").exists()


def test_each_editions_answers_name_the_organs_of_its_own_place(built):
    """找谁 made concrete without JavaScript: the county's 复议 page names its own government for its
    departments and its city's for the city's; the city's names the city's and no county's."""
    county, city = built / "site-editions/demo-county", built / "site-editions/demo-city"
    shown = {name: re.sub(r"<[^>]+>", "", text(site, "channel/admin-reconsideration")) for name, site in
             (("county", county), ("city", city), ("national", built / "site"))}
    assert "蕉城区的部门：蕉城区人民政府" in shown["county"] and "宁德市的部门：宁德市人民政府" in shown["county"]
    assert "宁德市的部门：宁德市人民政府" in shown["city"] and "蕉城区" not in shown["city"]
    assert "蕉城区" not in shown["national"] and "宁德市的部门" not in shown["national"]
    # A court door too: the county's basic court and the city's intermediate court above it.
    assert "蕉城区的基层人民法院：一般是宁德市中级人民法院" in re.sub(r"<[^>]+>", "", text(county, "channel/civil-appeal"))


def test_an_editions_column_is_its_own_and_its_countys(built):
    """A city's posts (editions/demo-city/cases/posts/) are in its column and its county's, with
    their 公众号 version at the edition's address; the national column does not have them."""
    post = "cases/demo-city-visit-day-example"
    for edition in ("demo-city", "demo-county"):
        site = built / "site-editions" / edition
        assert "领导接访日当场交办" in text(site, post) and "demo-city-visit-day-example/" in text(site, "cases")
        assert f"https://example.gov.cn/{edition}/{post}/" in (site / post / "wechat.html").read_text(encoding="utf-8")
        assert "demo-city-visit-day-example/" in text(site, "channel/xinfang")  # 相关案例 on the door it went through
    assert not (built / "site" / post).exists() and "demo-city-visit-day-example" not in text(built / "site", "cases")


def test_an_office_fact_without_a_source_shows_no_number(built):
    county = built / "site-editions/demo-county"
    page = text(county, "office/demo-county-petition-bureau")
    assert "0000-0000000" not in page and "00000000000" not in page
    assert "电话：本站没有查到写明它的官方出处" in re.sub(r"<[^>]+>", "", page) or "没有查到写明这些的官方出处" in page
    assert not any("0000-0000000" in p.read_text(encoding="utf-8") for p in county.rglob("*.html"))
    sourced = text(county, "office/test-sourced-office")
    assert 'href="tel:05931234567"' in sourced and "出处：" in sourced and "本站于2026年12月1日核对" in sourced


def test_the_national_site_is_the_same_with_or_without_editions(built, site):
    """make editions writes the national site that make build writes: editions add, they never
    change the national pages (the site fixture is the plain national build)."""
    ours, theirs = files(built / "site"), files(site)
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []
    assert not any("示例）" in p.read_text(encoding="utf-8") for p in (built / "site").rglob("*.html"))


@pytest.mark.parametrize("edition", ["demo-city", "demo-county"])
def test_an_edition_made_from_the_shared_work_is_the_edition_built_alone(built, edition, tmp_path):
    """make editions makes anew only the pages an edition reaches and takes the rest from the
    national work; built alone, from nothing, every page comes out the same."""
    alone = build(built, "build", "--no-cache", "--edition", edition, "-d", str(tmp_path / "alone"))
    assert alone.returncode == 0, alone.stderr[-3000:]
    ours, theirs = files(built / "site-editions" / edition), files(tmp_path / "alone")
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []


def edit_to(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_an_edition_that_changes_national_content_is_refused_with_path_and_line(project):
    rule = (project / "procedures/rule/civil.appeal-judgment.yaml").read_text(encoding="utf-8")
    edit_to(project, "editions/demo-city/procedures/rule/civil.appeal-judgment.yaml", rule.replace("15", "30"))
    practice = (project / "procedures/practice/police-first-petition-30-days.yaml").read_text(encoding="utf-8")
    edit_to(project, "editions/demo-city/procedures/practice/police-first-petition-30-days.yaml",
            practice.replace("../../schemas/", "../../../../schemas/"))
    county = project / "editions/demo-county/edition.yaml"
    county.write_text(county.read_text(encoding="utf-8").replace('place: "350902"', 'place: "350102"'), encoding="utf-8")
    result = run_cli(project, "validate")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert "editions/demo-city/procedures/rule/civil.appeal-judgment.yaml:1: (文件): 地方版只能增加 office、practice、contact，" \
           "不能改动全国的 rule：法律、期限、途径和决策树全国一样" in lines
    line = next(n for n, row in enumerate(practice.splitlines(), 1) if row.startswith("id:"))
    assert any(row.startswith(f"editions/demo-city/procedures/practice/police-first-petition-30-days.yaml:{line}: id: ")
               and "地方版只能增加" in row for row in lines), lines
    assert any(row.startswith("editions/demo-county/edition.yaml:") and ": place: 350102 不在“demo-city”的 350900 之内" in row
               for row in lines), lines


def test_an_unknown_edition_is_one_line(project):
    result = run_cli(project, "build", "--edition", "nowhere")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "没有这个地方版“nowhere”（已有：demo-city、demo-county）" in result.stderr


def test_new_edition_starts_one_that_says_what_is_left_to_fill(project):
    made = run_cli(project, "new-edition", "ningde", "--place", "350900", "--name", "宁德市信访路线图")
    assert made.returncode == 0, made.stderr
    result = run_cli(project, "validate")
    assert result.returncode == 2
    assert {line.split(": ", 2)[-1] for line in result.stderr.splitlines()[:-1]} == {"缺少必填字段“operator”", "缺少必填字段“site_url”"}
