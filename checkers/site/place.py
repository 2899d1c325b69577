"""找谁 by place, for the site: the place pages (place/: one per province and per prefecture, the
counties as sections, so the concrete organs are reached by plain links), the browser's data
(data/place/<4 digits>.js: the lines of every 找谁 case for each place of one prefecture, or of one
province's directly governed units) and the lines a fixed-place edition renders itself
(Site(place=...)).  Every line is made here by checkers/wording/place.py: place.js only shows them.

Data files are scripts, like data/rules/: they load from file:// too, where fetch() is refused.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache, partial
from pathlib import Path
from typing import NamedTuple

from .. import parallel
from ..memo import Memo, version_of
from ..engines.channel import leaves
from ..engines.jurisdiction import COURT_ABOVE, resolve, where_for
from ..engines.place import PACKAGE, Place, divisions, source
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
            group = groups.setdefault(tuple(c["id"] for c in cases), {"cases": cases, "pages": [], "basis": []})
            group["pages"].append((page, title.rstrip("。")))
            # The court ladder's cases have no basis of their own: each door's 找谁 says its articles.
            group["basis"] += [b for b in who.get("basis", []) if b not in group["basis"]]

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


class Said(NamedTuple):
    """One line of a case for a place, as both outputs need it."""
    text: str              # with each reason written out: the answer pages' line (data/place/)
    short: str             # 本站不能确定 without the reason: a place page says each reason once
    why: tuple[str, ...]   # the reasons' keys, in order
    anywhere: bool         # a line no place settles (at: any)
    place: str | None      # the code of the place whose organ decided (None: national or any)


@lru_cache(maxsize=2)
def table(site) -> dict[str, dict[str, tuple[Said, ...]]]:
    """{code: {case id: its lines}} for every place: resolved once a build, on both cores, and read
    by the place pages and by the data files.  The generator asks for it before the pages are made,
    so forked page makers inherit it instead of resolving each (case, place) again.  The same cases
    give the same table: it is kept between builds (checkers/memo.py), by the cases and the code."""
    cases = every_case(site)
    key = hashlib.sha256(json.dumps(cases, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()
    memo = Memo("place", _code_version())
    if memo.missing([key]):
        made = parallel.make_all({n: partial(_resolve, cases, codes) for n, codes in _codes_by_key().items()}, minimum=2)
        memo.add({key: {code: lines for part in made.values() for code, lines in part.items()}})
        memo.save()
    return memo[key]


def _code_version() -> str:
    """What the lines are made by besides the cases: the divisions' data and the code that
    resolves and words them."""
    package = Path(__file__).resolve().parents[1]
    return version_of((PACKAGE,), tuple(package / name for name in (
        "engines/place.py", "engines/divisions.yaml", "engines/jurisdiction.py", "wording/place.py", "site/place.py")))


def _codes_by_key() -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    for code in divisions().by_code:
        keys.setdefault(data_key(code), []).append(code)
    return keys


def _resolve(cases: dict[str, dict], codes: list[str]) -> dict[str, dict[str, tuple[Said, ...]]]:
    out = {}
    # A prefecture's line recurs in each of its counties: worded once, and the same object each
    # time, so it is also sent back from the worker once.
    said: dict = {}
    for code in codes:
        out[code] = {}
        for case_id, case in cases.items():
            lines = tuple(said[line] if line in said else said.setdefault(line, _said(line))
                          for line in resolve(where_for(case), code))
            if lines:
                out[code][case_id] = lines
    return out


def _said(line) -> Said:
    why: list[str] = []
    short = line_text(line, why)
    text = line_text(line) if why else short  # the same words where no reason is left out
    return Said(text, short, tuple(why), line.at == "any", line.place and line.place.code)


def files(site) -> dict[str, str]:
    """data/place/<key>.js for every key: what place.js shows for ?place=<code>."""
    found = table(site)
    return {f"{DATA_DIR}/{key}.js": _data_file(found, key, codes) for key, codes in _codes_by_key().items()}


def _data_file(found: dict, key: str, codes: list[str]) -> str:
    """One file's places.  Each line is written once (`lines`) and the places point to it by
    number: a prefecture's lines and the reasons recur in each of its counties (a third of the
    bytes, where a host does not gzip)."""
    lines: dict[str, int] = {}
    places = {}
    for code in codes:
        numbered = {case_id: [lines.setdefault(said.text, len(lines)) for said in said_lines]
                    for case_id, said_lines in found[code].items()}
        places[code] = {"name": full_name(code), "cases": numbered}
    data = {"text": TEXT, "lines": list(lines), "places": places}
    return f"(window.PLACE_ORGANS = window.PLACE_ORGANS || {{}})[{json.dumps(key)}] = {_json(data)};\n"


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sections(site, places: list[Place]) -> dict:
    """A page's sections: for each place, each door's lines about that place's own organs (a
    county's section does not repeat its prefecture's), as {text, why}.  A line's reasons are said
    once at the page's end (`why`); a line no place settles (at: any: 劳动仲裁, 部门的上一级) is
    said once per door (`everywhere`), not in every county.  Each reason comes with the articles of
    the cases it was given for: a reason says what the law leaves open, beside what the law says."""
    out, why, everywhere = [], {}, {}
    found_lines = table(site)
    for place in places:
        found = []
        for n, group in enumerate(doors(site)):
            lines: list[dict] = []
            seen: set[str] = set()
            for case in group["cases"]:
                bases = case.get("basis") or group["basis"]
                for said in found_lines[place.code].get(case["id"], ()):
                    if said.anywhere:
                        entry = everywhere.setdefault(n, (group["pages"], {}))
                        for key in said.why:
                            _add(entry[1].setdefault(key, []), bases)
                        continue
                    if said.place != place.code or said.short in seen:
                        continue
                    seen.add(said.short)
                    lines.append({"text": said.short, "why": said.why})
                    for key in said.why:
                        _add(why.setdefault(key, []), bases)
            if lines:
                found.append({"pages": group["pages"], "lines": lines})
        out.append({"place": place, "doors": found})
    # Each door's address once per page: a page of 40 counties would ask for it 40 times.
    links = {page: Linker(page_of_place(places[0]))(page) for group in doors(site) for page, _ in group["pages"]}
    return {"sections": out, "links": links, "why": [(key, REASONS[key], bases) for key, bases in why.items()],
            "everywhere": [(pages, [(REASONS[k], bases) for k, bases in keys.items()]) for pages, keys in everywhere.values()]}


def _add(bases: list, more: list) -> None:
    bases += [b for b in more if b not in bases]


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
