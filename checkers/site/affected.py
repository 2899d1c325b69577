"""Which generated pages an edit to one item can change: the editor's preview (preview/) makes
only these again instead of every page.  Site-tool independent, like the rest of checkers/site.

An item's text shows on its own page and section index; its title on every page that points at
it (used_by) and every page it points at (their "where used" and 相关案例 lists); its articles on
the statute's pages.  Some kinds feed pages that list no item by id (the checker's answers, the
calculator, the home page), which are remade whole: they are few.  A case post shows in the
column's lists that hold it before or after the edit, and in those whose share of posts moved.
Returns None when the edit can change every page (a statute's text, the holiday calendar) or the
place pages and data (a door's title or 找谁): the preview then builds everything.
tests/test_preview.py proves the preview equals a full build.
"""
from __future__ import annotations

from functools import partial

from ..content.crossref import REFERENCES, find_bases, walk
from . import column
from .pages import CALCULATOR_PAGE, CONTACTS, HOME, PAGELESS, SECTIONS, citations_page, page_of

EVERYTHING = ("law", "holiday")  # quoted, or counted with, on nearly every page
# Pages that show a kind's data without naming the item (so used_by does not find them).
_UNNAMED = {"rule": (CALCULATOR_PAGE, HOME), "channel": (HOME,), "tree": (HOME,), "contact": (HOME, CONTACTS),
            "situation": (HOME,)}
# Kinds the checker's answer pages show (their 现在就做 blocks): every answer page is made again.
_IN_ANSWERS = {"rule", "channel", "tree", "document", "contact", "situation", "procedure"}
_FOLDER = {kind: folder for _, folder, kind in SECTIONS}


def pages(kind: str, item_id: str, old: dict | None, new: dict | None, old_site, new_site) -> set[str] | None:
    if kind in EVERYTHING or _place_parts(kind, old) != _place_parts(kind, new):
        return None
    out: set[str] = set()
    if kind not in PAGELESS and kind != "case":
        out.add(page_of(kind, item_id))
        if kind in _FOLDER:
            out.add(f"{_FOLDER[kind]}/index.md")
    for data in (old, new):
        if data is None:
            continue
        for pattern, target in REFERENCES[kind]:
            out.update(page_of(target, ref) for _, ref in walk(data, pattern) if isinstance(ref, str))
        for _, basis in find_bases(data):
            out.update((page_of("law", basis["law"]), citations_page(basis["law"], basis["article"])))
    for site in (old_site, new_site):
        out.update(page for page, _ in site.used_by(kind, item_id))
    out.update(_UNNAMED.get(kind, ()))
    if kind in _IN_ANSWERS:
        out.update(new_site.checker_specs())
    if kind == "case":
        out |= _column_pages(item_id, old_site, new_site)
    return out


def _column_pages(case_id: str, old_site, new_site) -> set[str]:
    """The column's lists holding the post, and those whose posts changed (a new date moves posts
    from one page to the next).  Read from the lists' arguments: nothing is rendered to find them."""
    def members(site) -> dict[str, list[str]]:
        return {page: [c.id for c in make.keywords["posts"]] for page, make in column.specs(site).items()
                if isinstance(make, partial)}

    before, after = members(old_site), members(new_site)
    out = {column.INDEX}  # the first list page, with its category and month counts
    for page in before.keys() | after.keys():
        ids_before, ids_after = before.get(page), after.get(page)
        if ids_before != ids_after or case_id in (ids_before or []) or case_id in (ids_after or []):
            out.add(page)
    return out


def _place_parts(kind: str, data: dict | None):
    """What the place pages and data/place/ show of a channel or a decision tree (titles and 找谁),
    which reach 365 place pages and every data file: such an edit remakes everything."""
    if data is None or kind not in ("channel", "tree"):
        return None
    items = [data] if kind == "channel" else data["outcomes"]
    return [(i["title"], i.get("now", {}).get("who")) for i in items]
