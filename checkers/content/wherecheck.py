"""Checks on 找谁's cases that the schema cannot make: a case id is the key of its concrete lines
for a place (the pages' anchors and data/place/ use it), so one id means one `where` everywhere;
and the ids of the three court cases (court_above) are taken by the template and the engine."""
from __future__ import annotations

from ..engines.jurisdiction import COURT_ABOVE
from .problems import Problem, field_name


def _cases(content):
    """(item, path to the case, case) for every 找谁 case in channels and decision-tree outcomes."""
    for item in content.items["channel"].values():
        for i, case in enumerate(item.data.get("now", {}).get("who", {}).get("cases", [])):
            yield item, ("now", "who", "cases", i), case
    for item in content.items["tree"].values():
        for o, outcome in enumerate(item.data["outcomes"]):
            for i, case in enumerate(outcome.get("now", {}).get("who", {}).get("cases", [])):
                yield item, ("outcomes", o, "now", "who", "cases", i), case


def check(content) -> list[Problem]:
    out, first = [], {}
    for item, path, case in _cases(content):
        def problem(message: str, key: str = "id") -> Problem:
            return Problem(item.path, item.line(*path, key), field_name((*path, key)), message)
        if case["id"] in COURT_ABOVE:
            out.append(problem(f"id “{case['id']}” 留给 court_above 的三种法院情形；请换一个 id"))
        elif case["id"] in first and first[case["id"]][1] != case["where"]:
            out.append(problem(f"id “{case['id']}” 在 {first[case['id']][0]} 也用了，两处的 where 不一样；"
                               "同一个 id 按地方只能算出一种结果，请改成一样或者换一个 id", "where"))
        else:
            first.setdefault(case["id"], (f"{item.path}:{item.line(*path, 'id')}", case["where"]))
    return out
