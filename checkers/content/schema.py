"""JSON Schema validation of content files, with messages an editor can act on.

Two validators over the same schemas: jsonschema-rs (compiled) answers "is this file
valid?", ~60× faster, which matters at thousands of case posts (issue 7); only when it
says no does jsonschema walk the file again to explain each error.  This module picks
the schema for a content kind, resolves ``common.schema.json`` references from disk
(never from the network) and turns each error into a ``Problem`` at the right line.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from referencing import Registry, Resource

from .problems import Problem, field_name
from .yamlsafe import Lines
from .. import clock

_TYPES = {"string": "文字", "integer": "整数", "number": "数字", "boolean": "true/false",
          "array": "列表", "object": "字段组", "null": "null（空）"}


@lru_cache(maxsize=None)
def _registry(schema_dir: Path) -> Registry:
    # Every sibling schema, loaded once and crawled: a `retrieve` callback would be asked again
    # on every $ref of every file (the validator keeps the original registry), which made
    # validation of 1,000 posts take 20 s instead of 2 s.  Nothing is ever fetched from the network.
    resources = [(path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))))
                 for path in sorted(schema_dir.glob("*.schema.json"))]
    return Registry().with_resources(resources).crawl()


def ecma(pattern: str) -> str:
    """A JSON Schema pattern (ECMA-262) for Python's re: a bare $ ends the text, as in ECMA,
    and not also before a final newline as in Python; otherwise "abc\n" would pass ^[a-z]+$ and
    become a folder name with a newline in it."""
    out, escaped, in_class = [], False, False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "[":
            in_class = True
            out.append(char)
        elif char == "]":
            in_class = False
            out.append(char)
        else:
            out.append(r"\Z" if char == "$" and not in_class else char)
    return "".join(out)


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not re.search(ecma(pattern), instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})


@lru_cache(maxsize=None)
def validator(schema_dir: Path, kind: str) -> Draft202012Validator:
    schema = json.loads((schema_dir / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    checker = FormatChecker()
    checker.checks("date")(_real_date)
    return _Validator(schema, registry=_registry(schema_dir), format_checker=checker)


# A base address for the schemas inside jsonschema-rs' registry, so that "common.schema.json#/…"
# resolves; .invalid is reserved (RFC 2606) and the validator is never allowed to fetch anything.
_BASE = "https://schemas.invalid/"


FIRST_YEAR = 1949  # no content of this site is about an earlier day


def last_year() -> int:
    """Content may look ahead (a law promulgated, not yet in force), but not beyond next year."""
    return clock.today().year + 1


def _real_date(value: object) -> bool:
    # One test for both validators, so they give the same verdict: a real day, in a sane range.
    if not isinstance(value, str):
        return True
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return False
    return FIRST_YEAR <= day.year <= last_year()


@lru_cache(maxsize=None)
def fast_validator(schema_dir: Path, kind: str):
    resources = [(_BASE + path.name, json.loads(path.read_text(encoding="utf-8")))
                 for path in sorted(schema_dir.glob("*.schema.json"))]
    schema = dict(resources)[_BASE + f"{kind}.schema.json"]
    return jsonschema_rs.validator_for(schema, registry=jsonschema_rs.Registry(resources), base_uri=_BASE + f"{kind}.schema.json",
                                       validate_formats=True, formats={"date": _real_date})


def check(data: object, kind: str, schema_dir: Path, shown: str, lines: Lines) -> list[Problem]:
    try:
        if fast_validator(schema_dir, kind).is_valid(data):
            return []
    except ValueError:
        pass  # a value jsonschema-rs cannot take: let jsonschema judge it
    problems = []
    for error in validator(schema_dir, kind).iter_errors(data):
        for path, message in _explain(error):
            problems.append(Problem(shown, lines.line_of(path), field_name(path), message))
    if not problems:
        # The two validators disagree: never let a file through that one of them refuses.
        problems.append(Problem(shown, 1, "", "不符合格式说明 schemas/" + f"{kind}.schema.json（请逐项对照格式说明检查）"))
    return problems


def _explain(error) -> list[tuple[tuple, str]]:
    """Translate one jsonschema error into (path, Chinese message) pairs."""
    path = tuple(error.absolute_path)
    kind, inst, want = error.validator, error.instance, error.validator_value
    if kind == "additionalProperties" and isinstance(inst, dict):
        allowed = sorted(error.schema.get("properties", {}))
        extra = [k for k in inst if k not in error.schema.get("properties", {})]
        return [(path + (k,), f"未知字段“{k}”；允许的字段：{', '.join(allowed)}") for k in extra]
    if kind == "required":
        missing = [k for k in want if isinstance(inst, dict) and k not in inst]
        return [(path, f"缺少必填字段“{k}”") for k in missing]
    if kind == "type":
        names = want if isinstance(want, list) else [want]
        return [(path, f"应为{'或'.join(_TYPES.get(n, n) for n in names)}，实际是 {_show(inst)}")]
    if kind == "format" and want == "date":
        try:
            dt.date.fromisoformat(inst)
        except ValueError:
            return [(path, f"不是真实存在的日期：{_show(inst)}（格式 YYYY-MM-DD）")]
        return [(path, f"日期{_show(inst)}不在合理范围内：应在{FIRST_YEAR}年至{last_year()}年之间")]
    if kind == "pattern":
        if error.schema.get("format") == "date":
            return [(path, f"日期格式应为 YYYY-MM-DD：{_show(inst)}")]
        return [(path, f"{_show(inst)} 格式不对（应符合 {want}）" + _hint(error))]
    if kind == "enum":
        return [(path, f"取值{_show(inst)}不在允许范围内：{'、'.join(map(str, want))}")]
    if kind == "minItems":
        return [(path, f"至少需要 {want} 项")]
    if kind == "minLength":
        return [(path, "不能为空")]
    if kind == "maxLength":
        return [(path, f"太长：最多 {want} 个字，现在 {len(inst)} 个")]
    if kind == "maxItems":
        return [(path, f"最多 {want} 项，现在 {len(inst)} 项")]
    if kind == "minimum":
        return [(path, f"应不小于 {want}，实际是 {_show(inst)}")]
    if kind == "uniqueItems":
        return [(path, "列表中有重复项")]
    if kind == "oneOf":
        # Show the most relevant branch's complaint instead of "not valid under any".
        branches = [e for e in error.context if e.validator != "type"] or list(error.context)
        return _explain(branches[0]) if branches else [(path, "取值不符合要求")]
    return [(path, error.message)]


def _hint(error) -> str:
    desc = error.schema.get("description")
    return f"：{desc}" if desc else ""


def _show(value: object) -> str:
    if isinstance(value, str):
        return f"“{json.dumps(value, ensure_ascii=False)[1:-1]}”"  # a newline shows as \n: one line per problem
    return json.dumps(value, ensure_ascii=False)[:80]
