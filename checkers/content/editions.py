"""Local editions: a city's or a county's own site, made of the national content and what the
edition adds (editions/<id>/).

The law is national; the doors have addresses.  So an edition may add offices (with their
sources), local practices and local hotlines, under editions/<id>/procedures/<kind>/, and it may
not change any national item: a file of another kind, or an id the national content (or the city
edition a county inherits) already uses, is refused with its path and line.  A county edition
names its city's edition in `inherits` and gets everything the city added.  The cross-checks then
run on the whole, as for the national site, so an office's doors and a practice's procedures must
exist.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from functools import partial

from . import cases, review, schema
from .problems import ContentError, Problem
from .yamlsafe import read_yaml

FOLDER = "editions"
CONFIG = "edition.yaml"
# What an edition may add.  Everything else is national law, rules, routing or wording.
ADDS = ("office", "practice", "contact")
# Its own column: posts, and the offices that write them (the national ones are known too).
POSTS, AUTHORS = Path("cases/posts"), Path("cases/.authors.yml")


@dataclass
class Edition:
    id: str
    data: dict
    path: str
    chain: tuple[str, ...]  # the editions whose additions it shows: the city first, itself last

    @property
    def name(self) -> str:
        return self.data["name"]

    @property
    def place(self) -> str:
        return self.data["place"]


def ids(root: Path) -> list[str]:
    folder = root / FOLDER
    return sorted(p.parent.name for p in folder.glob(f"*/{CONFIG}")) if folder.is_dir() else []


def schema_line(kind: str) -> str:
    """Overlay files lie two folders deeper than the national ones."""
    return f"# yaml-language-server: $schema=../../../../schemas/{kind}.schema.json"


def read(root: Path, edition_id: str, seen: tuple[str, ...] = ()) -> Edition:
    """The edition's own settings, and those it inherits; ContentError if any is wrong."""
    shown = f"{FOLDER}/{edition_id}/{CONFIG}"
    path = root / shown
    if not path.is_file():
        known = "、".join(ids(root)) or "（还没有）"
        raise ContentError([Problem(shown, 1, "", f"没有这个地方版“{edition_id}”（已有：{known}）")])
    data, lines, problems = read_yaml(path, shown)
    if not isinstance(data, dict):
        raise ContentError(problems or [Problem(shown, 1, "", "文件内容应为字段组（key: value）")])
    problems += schema.check(data, "edition", root / "schemas", shown, lines)
    if data.get("id") != edition_id:
        problems.append(Problem(shown, lines.line_of(("id",)), "id", f"应为 {edition_id}，和文件夹名一样"))
    parent = data.get("inherits")
    if problems:
        raise ContentError(problems)
    if parent is None:
        return Edition(edition_id, data, shown, (edition_id,))
    if parent in (*seen, edition_id):
        raise ContentError([Problem(shown, lines.line_of(("inherits",)), "inherits", f"“{parent}”又继承回本版，不能互相继承")])
    upper = read(root, parent, (*seen, edition_id))
    if not data["place"].startswith(_prefix(upper.place)) or data["place"] == upper.place:
        raise ContentError([Problem(shown, lines.line_of(("place",)), "place",
                                    f"{data['place']} 不在“{parent}”的 {upper.place} 之内：只能继承所在市的地方版")])
    return Edition(edition_id, data, shown, (*upper.chain, edition_id))


def _prefix(code: str) -> str:
    """The digits every place inside a division shares (GB/T 2260): 350900 → 3509, 350000 → 35."""
    return code[:2] if code.endswith("0000") else code[:4] if code.endswith("00") else code


def add(root: Path, edition: Edition, content, load_file, make_item) -> list[Problem]:
    """Add every file the edition and its city add to content; return the problems found."""
    problems: list[Problem] = []
    schema_dir = root / "schemas"
    national_column = None
    for edition_id in edition.chain:
        settings = edition if edition_id == edition.id else read(root, edition_id)
        place = settings.place
        base = root / FOLDER / edition_id
        for path in sorted(base.rglob("*")):
            if path.is_dir() or path.name == CONFIG or path.relative_to(base).parts[0] == "cases":
                continue
            shown = path.relative_to(root).as_posix()
            rel = path.relative_to(base).parts
            if len(rel) != 3 or rel[0] != "procedures" or path.suffix != ".yaml":
                problems.append(Problem(shown, 1, "", f"地方版的内容文件应放在 {FOLDER}/{edition_id}/procedures/<类型>/ 下，"
                                                       f"扩展名 .yaml；类型为 {'、'.join(ADDS)}"))
                continue
            kind = rel[1]
            if kind not in ADDS:
                problems.append(Problem(shown, 1, "", f"地方版只能增加 {'、'.join(ADDS)}，不能改动全国的 {kind}："
                                                       "法律、期限、途径和决策树全国一样"))
                continue
            problems += load_file(path, shown, kind, schema_dir, content, schema_line(kind), edition_id)
            office = content.items[kind].get(path.stem) if kind == "office" else None
            if office is not None and office.path == shown and not office.data["place"].startswith(_prefix(place)):
                problems.append(Problem(shown, office.line("place"), "place",
                                        f"{office.data['place']} 不在本版服务的 {place} 之内"))
        # Its column: posts checked under its own column settings (edition.yaml `column`), or the
        # national site's (site.yaml) when it has none.
        where = Path(FOLDER) / edition_id
        own, problems_authors = cases._authors(root, schema_dir, where / AUTHORS)
        taken = [a for a in own if a in content.case_authors]
        problems += problems_authors + [Problem((where / AUTHORS).as_posix(), 1, f"authors.{a}",
                                                f"供稿单位 id“{a}”全国版已经用了，换一个") for a in taken]
        content.case_authors = {**content.case_authors, **own}
        column = settings.data.get("column")
        if column is None:
            national_column = national_column or review.read_settings(root, schema_dir)[0]
            column = national_column
        problems += cases.load_posts(root, where / POSTS, schema_dir, content, partial(make_item, edition=edition_id), column)
    return problems
