"""找谁 by place, for the site: the place pages (place/: one per province and per prefecture, the
counties as sections, so the concrete organs are reached by plain links), the browser's data
(data/place/<4 digits>.js: the lines of every 找谁 case for each place of one prefecture, or of one
province's directly governed units) and the lines a fixed-place edition renders itself
(Site(place=...)).  Every line is made here by checkers/wording/place.py: place.js only shows them.

Data files are scripts, like data/rules/: they load from file:// too, where fetch() is refused.
"""
from __future__ import annotations

import json
from functools import lru_cache, partial

from .. import parallel
from ..engines.channel import leaves
from ..engines.jurisdiction import COURT_ABOVE, resolve, where_for
from ..engines.place import Place, divisions, source
from ..wording.place import REASONS, TEXT, USUAL_NOTE, WHICH_PLACE, case_lines, full_name, line_text
from .pages import option_page
from .render import Linker

INDEX = "place/index.md"
DATA_DIR = "data/place"


def data_key(code: str) -> str:
    """The data file holding a place: its first four digits (a prefecture, a 直辖市's districts, a
    province's directly governed units; a province itself is in <2 digits>00)."""
    return code[:4]


def page_of_place(place: Place) -> str:
    """The page whose section shows a place: a prefecture's page, or its province's."""
    d = divisions()
    if place.level == "province":
        return f"place/{place.code[:2]}.md"
    prefecture = place if place.level == "prefecture" else d.get(place.parent)
    return f"place/{prefecture.code[:4]}.md" if prefecture.level == "prefecture" else f"place/{place.code[:2]}.md"


@lru_cache(maxsize=2)  # one site at a time; asked by every place page
def doors(site) -> list[dict]:
    """Every page whose 找谁 has cases, once per set of cases: {cases, pages: [(page, title)]}.
    Channels first; a checker answer only where its cases are its own (信访 复查, 复核)."""
    groups: dict[tuple, dict] = {}

    def add(who: dict, page: str, title: str) -> None:
        cases = [{"id": i} for i in COURT_ABOVE] if who.get("court_above") else who.get("cases", [])
        if cases:
            group = groups.setdefault(tuple(c["id"] for c in cases), {"cases": cases, "pages": []})
            group["pages"].append((page, title.rstrip("。")))

    for item in site.items("channel"):
        add(item.data.get("now", {}).get("who", {}), f"channel/{item.id}.md", item.data["title"])
    for tree in site.items("tree"):
        first: dict[str, str] = {}
        for trail, outcome in leaves(tree.data):
            first.setdefault(outcome["id"], option_page(tree.data, trail[-1].question, trail[-1].option))
        for outcome in tree.data["outcomes"]:
            key = tuple(c["id"] for c in outcome.get("now", {}).get("who", {}).get("cases", []))
            if key and key not in groups:
                add(outcome["now"]["who"], first[outcome["id"]], outcome["title"])
    return list(groups.values())


def every_case(site) -> dict[str, dict]:
    """Each case once by id (one id, one `where`: checkers/content/wherecheck.py)."""
    return {c["id"]: c for group in doors(site) for c in group["cases"]}


def files(site) -> dict[str, str]:
    """data/place/<key>.js for every key: what place.js shows for ?place=<code>; on both cores."""
    cases = every_case(site)
    keys: dict[str, list[str]] = {}
    for code in divisions().by_code:
        keys.setdefault(data_key(code), []).append(code)
    return parallel.make_all({f"{DATA_DIR}/{key}.js": partial(_data_file, cases, key, codes) for key, codes in keys.items()},
                             minimum=2)


def _data_file(cases: dict[str, dict], key: str, codes: list[str]) -> str:
    """One file's places.  Each line is written once (`lines`) and the places point to it by
    number: a prefecture's lines and the reasons recur in each of its counties (a third of the
    bytes, where a host does not gzip)."""
    lines: dict[str, int] = {}
    places = {}
    for code in codes:
        numbered = {}
        for case_id, case in cases.items():
            found = case_lines(case, code)
            if found:
                numbered[case_id] = [lines.setdefault(line, len(lines)) for line in found]
        places[code] = {"name": full_name(code), "cases": numbered}
    data = {"text": TEXT, "lines": list(lines), "places": places}
    return f"(window.PLACE_ORGANS = window.PLACE_ORGANS || {{}})[{json.dumps(key)}] = {_json(data)};\n"


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sections(site, places: list[Place]) -> dict:
    """A page's sections: for each place, each door's lines about that place's own organs (a
    county's section does not repeat its prefecture's), as {text, why}.  A line's reasons are said
    once at the page's end (`why`); a line no place settles (at: any: 劳动仲裁, 部门的上一级) is
    said once per door (`everywhere`), not in every county."""
    out, why, everywhere = [], [], {}
    for place in places:
        found = []
        for n, group in enumerate(doors(site)):
            lines: list[dict] = []
            seen: set[str] = set()
            for case in group["cases"]:
                for line in resolve(where_for(case), place.code):
                    keys: list[str] = []
                    text = line_text(line, keys)
                    if line.at == "any":
                        entry = everywhere.setdefault(n, (group["pages"], []))
                        entry[1].extend(k for k in keys if k not in entry[1])
                        continue
                    if line.place != place or text in seen:
                        continue
                    seen.add(text)
                    lines.append({"text": text, "why": keys})
                    why += [k for k in keys if k not in why]
            if lines:
                found.append({"pages": group["pages"], "lines": lines})
        out.append({"place": place, "doors": found})
    # Each door's address once per page: a page of 40 counties would ask for it 40 times.
    links = {page: Linker(page_of_place(places[0]))(page) for group in doors(site) for page, _ in group["pages"]}
    return {"sections": out, "links": links, "why": [(key, REASONS[key]) for key in why],
            "everywhere": [(pages, [REASONS[k] for k in keys]) for pages, keys in everywhere.values()]}


def specs(site) -> dict:
    d = divisions()
    # The pages say what the doors' cases say: as reviewed as the newest of those files.
    reviewed = max(i.data["last_reviewed"] for kind in ("channel", "tree") for i in site.items(kind))
    common = {"source": source(), "which_place": WHICH_PLACE, "usual_note": USUAL_NOTE, "last_reviewed": reviewed}
    out = {INDEX: partial(site.render, "place_index.md.j2", INDEX, provinces=d.provinces(),
                          page_of_place=page_of_place, **common)}
    for province in d.provinces():
        children = d.children.get(province.code, [])
        prefectures = [c for c in children if c.level == "prefecture"]
        direct = [c for c in children if c.level == "county"]
        page = page_of_place(province)
        out[page] = partial(site.render, "place_page.md.j2", page, place=province, parent=None,
                            links=prefectures, sections=partial(sections, site, [province, *direct]),
                            page_of_place=page_of_place, **common)
        for prefecture in prefectures:
            page = page_of_place(prefecture)
            out[page] = partial(site.render, "place_page.md.j2", page, place=prefecture, parent=province, links=[],
                                sections=partial(sections, site, [prefecture, *d.children.get(prefecture.code, [])]),
                                page_of_place=page_of_place, **common)
    return out


class Here:
    """What a page shows for a fixed place: the place's name, the two notes, each case's lines.
    The same words place.js takes from data/place/ (TEXT) for ?place=."""

    def __init__(self, code: str):
        self.code, self.name = code, full_name(code)
        self.which_place, self.usual_note = WHICH_PLACE, USUAL_NOTE

    def lines(self, case: dict) -> list[str]:
        return case_lines(case, self.code)
