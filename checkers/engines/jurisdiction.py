"""找谁 for one place: from "which organ decided, at which level" to the concrete organ.

Each 找谁 case in the content carries `where`, a list of entries {at, by, to}:
- `at`: the level of the chosen place the deciding organ belongs to: county, prefecture, province;
  national (a 国务院 department); or any, for an answer no place settles (劳动仲裁, 垂直领导);
- `by`: what decided there (department, government, township, court …), for the line's wording;
- `to`: the organ to go to, as alternatives (或者): the `TARGETS` below.
`resolve(where, code)` turns them into `Line`s, each naming an `Organ` or saying why the place does
not settle it (`Undetermined`, with a reason key).  The rules are the articles cited in each case;
the names are built in checkers/wording/place.py.  Where only the establishment decides (court names,
justice bureaus), an Organ is `usual`: the usual name, which the page says is usual.
"""
from __future__ import annotations

from dataclasses import dataclass

from .place import YILI, Divisions, Place, divisions

# 塔城地区 and 阿勒泰地区 are 伊犁州's: their 行政公署 is not the region's 派出机关 (art. 24 para. 3).
YILI_PREFECTURES = YILI[1:]
LEVELS = ("any", "national", "province", "prefecture", "county")
# Targets whose answer no place settles: the law leaves them to each system's or area's own set-up.
PLACE_FREE = ("labor-arbitration", "upper-organ", "vertical-above")
TARGETS = ("government", "government-above", "government-seat", "justice-bureau-above", "basic-court",
           "intermediate-court", "high-court", "supreme-court", "same-organ", "labor-arbitration",
           "upper-organ", "vertical-above")
# The three court cases of 找谁 for 上诉 and 申请再审 (court_above): which court judged, and the one
# above it.  Their wording is in _who_cases.md.j2; 人民法院组织法's ladder is the usual one.
COURT_ABOVE = {
    "basic-court": [{"at": "county", "by": "basic-court", "to": ["intermediate-court"]}],
    "intermediate-court": [{"at": "province", "by": "intermediate-court", "to": ["high-court"]}],
    "high-court": [{"at": "province", "by": "high-court", "to": ["supreme-court"]}],
}


@dataclass(frozen=True)
class Organ:
    kind: str             # government, justice-bureau, basic-court, … (TARGETS without the relation)
    place: Place | None   # whose organ it is (None: a national one)
    usual: bool = False   # a name the establishment gives, not the law: said to be the usual one
    seat: bool = False    # the 所在地 alternative of 行政复议法 第24条 第4款


@dataclass(frozen=True)
class Undetermined:
    reason: str           # a key of checkers/wording/place.py REASONS
    place: Place | None


@dataclass(frozen=True)
class Line:
    by: str
    place: Place | None   # where the deciding organ is (None: national, or any)
    go: tuple             # Organ | Undetermined, as alternatives
    at: str = ""          # the entry's level: "any" lines are worded without a place


def where_for(case: dict) -> list[dict]:
    """A case's entries: its own, or for the court cases the fixed ladder."""
    return case.get("where") or COURT_ABOVE.get(case["id"], [])


def resolve(where: list[dict], code: str) -> list[Line]:
    """The lines for a place: entries whose level the place has, each once per wording."""
    d = divisions()
    chain = d.chain(code)
    lowest = chain[-1]
    out, seen = [], set()
    for entry in where:
        place = _at(d, chain, entry["at"])
        if place is False:
            continue
        key = (entry["by"], entry["at"] if place is None else place.code)
        if key in seen:  # 东莞 plays county and prefecture: the county's line comes first
            continue
        seen.add(key)
        go = tuple(g for g in (_target(d, t, place, lowest) for t in entry["to"]) if g is not None)
        out.append(Line(entry["by"], place, go, entry["at"]))
    return out


def _at(d: Divisions, chain: tuple[Place, ...], level: str):
    """The chosen place's division at that level; None for national; False: the place has none."""
    if level in ("national", "any"):
        return None
    found = next((p for p in chain if p.level == level), None)
    if found is None and level == "county" and d.without_counties(chain[-1]):
        return chain[-1]  # a prefecture without counties (东莞) governs its towns itself
    return found or False


def _above(d: Divisions, place: Place):
    if place.level == "province":
        return Undetermined("no-level-above", place)
    if place.is_corps:
        return Undetermined("corps", place)
    if place.code[:4] in YILI_PREFECTURES:
        return Undetermined("yili", place)  # 塔城, 阿勒泰 and their counties: under 伊犁州, not the region
    return d.get(place.parent)


def _target(d: Divisions, target: str, place: Place | None, lowest: Place):
    if target in PLACE_FREE:
        return Undetermined(target, place)
    if target == "supreme-court":
        return Organ("supreme-court", None)
    if place is None:  # a national organ
        return Organ("same-organ", None) if target == "same-organ" else Undetermined("national-courts", None)
    if target == "same-organ":
        return Organ("same-organ", place)
    if target == "government":
        if place.level == "prefecture" and place.code[:4] in YILI_PREFECTURES:
            return Undetermined("yili", place)  # whose 派出机关 their 行政公署 is, the law here does not say
        return Organ("government", place)
    if target == "government-seat":  # art. 24 para. 4: only a 直辖市's or a 设区的市's departments
        if d.has_districts(place) and lowest is not place and lowest.level == "county":
            return Organ("government", lowest, seat=True)
        return None
    if target in ("government-above", "justice-bureau-above"):
        above = _above(d, place)
        if isinstance(above, Undetermined):
            return above
        return Organ("government", above) if target == "government-above" else Organ("justice-bureau", above, usual=True)
    return _court(d, target, place, lowest)


def _court(d: Divisions, target: str, place: Place, lowest: Place):
    province = d.chain(place.code)[0]
    if place.is_corps or (target == "high-court" and lowest.is_corps):
        return Undetermined("corps", place)  # the 兵团's courts answer to the high court's 兵团分院
    if target == "high-court":
        # Appeals from the 伊犁州 area's intermediate courts go to the high court's 伊犁州分院.
        return Undetermined("yili", place) if lowest.in_yili else Organ("high-court", province, usual=True)
    if d.without_counties(place):
        return Undetermined("no-county-courts", place)
    if target == "basic-court":
        return Organ("basic-court", place, usual=True) if place.level == "county" else Undetermined("seat-unknown", place)
    # The intermediate court whose area holds the place.
    if province.is_municipality:
        return Undetermined("municipality-courts", place)
    if place.level == "province":
        return Undetermined("province-seat", place)
    if d.province_administered(place):
        return Undetermined("province-administered-courts", place)
    prefecture = place if place.level == "prefecture" else d.get(place.parent)
    return Organ("intermediate-court", prefecture, usual=True)
