"""The compiled validator (jsonschema-rs) decides which files are valid; jsonschema explains the
errors.  They must agree on every verdict, or an invalid file could slip through unexplained."""
from __future__ import annotations

import copy
import re

from jsonschema import Draft202012Validator

from checkers.content.schema import fast_validator, validator
from conftest import ROOT

SCHEMAS = (ROOT / "schemas").resolve()
# Values that break one schema rule or another: empty, impossible dates, wrong types, markup,
# only whitespace (the "\S" pattern), a Chinese article label, an id with capitals.
BAD_DATES = ["2026-02-30", "2025-02-29", "2026-13-01", "2026-04-31"]
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ODD_VALUES = ["", " ", "\u3000", "2026-02-30", "2025-02-29", "2024-02-29", "2026-13-01", "26-1-1", 0, -1, 3.5, True,
              None, [], {}, ["x"], {"x": 1}, "<b>x</b>", "第三十五条", "第35条", "Xinfang.Handle", "a" * 3000]


def _paths(data, prefix=()):
    """Every place in a content file where a value can be swapped or a key removed."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, prefix + (index,))


def _shape(path: tuple) -> tuple:
    """A path with list positions left out: each schema rule is reached once, not once per article."""
    return tuple("[]" if isinstance(step, int) else step for step in path)


def _agree(kind: str, data) -> None:
    slow: Draft202012Validator = validator(SCHEMAS, kind)
    # is_valid stops at the first error; every error is listed only for a disagreement's message.
    assert fast_validator(SCHEMAS, kind).is_valid(data) == slow.is_valid(data), (kind, [e.message for e in slow.iter_errors(data)][:3])


def test_every_shipped_file_gets_the_same_verdict(content):
    for item in content.all_items():
        _agree(item.kind, item.data)


def _variants(data):
    """One broken copy per place in the file: each value swapped for an odd one (in turn), every
    date also for each impossible date, each key removed, and an unknown key added to each group."""
    paths = list({_shape(p): p for p in reversed([p for p in _paths(data) if p])}.values())  # first of each shape
    for n, path in enumerate(paths):
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        old = parent[path[-1]]
        dates = BAD_DATES if isinstance(old, str) and DATE.fullmatch(old) else []
        for value in [ODD_VALUES[n % len(ODD_VALUES)], *dates]:
            parent[path[-1]] = value
            yield copy.deepcopy(data)
        parent[path[-1]] = old
        if isinstance(parent, dict):
            del parent[path[-1]]
            yield copy.deepcopy(data)
            parent[path[-1]] = old
        if isinstance(old, dict):
            old["no_such_field"] = "x"
            yield copy.deepcopy(data)
            del old["no_such_field"]


def test_broken_files_get_the_same_verdict(content):
    checked = 0
    for kind in sorted({i.kind for i in content.all_items()}):
        # The file of each kind with the most kinds of field reaches the most schema rules.
        item = max((i for i in content.all_items() if i.kind == kind), key=lambda i: len({_shape(p) for p in _paths(i.data)}))
        for variant in _variants(copy.deepcopy(item.data)):
            _agree(kind, variant)
            checked += 1
    assert checked > 500
