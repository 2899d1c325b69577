"""Safe YAML reading that keeps line numbers and refuses hostile input.

PyYAML's safe_load loses line numbers, turns unquoted dates into
``datetime.date`` (so 2026-02-30 crashes instead of being reported) and expands
aliases (an alias bomb costs exponential memory).  We compose the node tree
with the C parser and build plain data ourselves: dates stay strings for the
schema's format check, aliases are refused, and every value's line is kept.
"""
from __future__ import annotations

import os
import pickle
from pathlib import Path

import yaml

from ..memo import Table, version_of
from .problems import Problem, field_name

MAX_BYTES = 1_000_000  # a single content file larger than this is a mistake, not content

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_scalars = yaml.constructor.SafeConstructor()
_PLAIN_TAGS = {
    "tag:yaml.org,2002:null": _scalars.construct_yaml_null,
    "tag:yaml.org,2002:bool": _scalars.construct_yaml_bool,
    "tag:yaml.org,2002:int": _scalars.construct_yaml_int,
    "tag:yaml.org,2002:float": _scalars.construct_yaml_float,
}
_STRING_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}


class Lines(dict):
    """Maps a value's path (tuple of keys and indexes) to its 1-based line."""

    def line_of(self, path: tuple) -> int:
        while path and path not in self:
            path = path[:-1]
        return self.get(path, 1)


class _Refused(Exception):
    def __init__(self, node: yaml.Node, path: tuple, message: str):
        self.node, self.path, self.message = node, path, message


def read_yaml(path: Path, shown: str) -> tuple[object, Lines, list[Problem]]:
    """Return (data, lines, problems); data is None when the file is unusable."""
    text, problem = read_text(path, shown)
    return (None, Lines(), [problem]) if problem else parse_yaml(text, shown)


def read_text(path: Path, shown: str) -> tuple[str, Problem | None]:
    """A content file's text, or the one reason it cannot be read (too big, not UTF-8)."""
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        return "", Problem(shown, 1, "", f"无法读取文件：{exc.strerror}")
    if size > MAX_BYTES:
        return "", Problem(shown, 1, "", f"文件过大（{size} 字节，上限 {MAX_BYTES} 字节），未读取")
    try:
        # utf-8-sig: a byte-order mark (some Windows editors write one) is accepted and dropped.
        return path.read_bytes().decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return "", Problem(shown, 1, "", f"不是 UTF-8 编码的文本（第 {exc.start} 字节）")


def parse_yaml(text: str, shown: str, offset: int = 0) -> tuple[object, Lines, list[Problem]]:
    """Like read_yaml, for YAML that starts `offset` lines into a file (a post's front matter)."""
    kept = TABLE.get(text, lambda: _kept(text)) if TABLE.is_open else None
    data, lines, problems = _parse(text, shown) if kept is None else (*pickle.loads(kept), [])
    if offset:
        lines = Lines({path: line + offset for path, line in lines.items()})
        problems = [Problem(p.path, p.line + offset, p.field, p.message) for p in problems]
    return data, lines, problems


# Texts parsed before, in this build or an earlier one (checkers/memo.py): thousands of files are
# read at every build, and only the changed ones need PyYAML's composer (most of loading them).
# Opened by the content loader (loader.py).  Kept as pickled bytes: each file gets its own copy of
# the data, however many files share a text.
TABLE = Table("yaml", lambda: version_of(("PyYAML",), (Path(__file__),)))


def _kept(text: str) -> bytes | None:
    """What the table keeps of a text: its data and lines when it parses cleanly (a problem names
    its file, so those are parsed again each time; they are few)."""
    data, lines, problems = _parse(text, "")
    return None if problems else pickle.dumps((data, lines), protocol=pickle.HIGHEST_PROTOCOL)


def _parse(text: str, shown: str) -> tuple[object, Lines, list[Problem]]:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, Lines(), [Problem(shown, line, "", f"YAML 格式错误：{exc.problem or exc.context}")]
    except yaml.YAMLError as exc:
        return None, Lines(), [Problem(shown, 1, "", f"YAML 格式错误：{exc}")]
    except RecursionError:
        return None, Lines(), [Problem(shown, 1, "", "YAML 嵌套层数过深")]
    if node is None:
        return None, Lines(), [Problem(shown, 1, "", "文件是空的")]
    lines = Lines()
    try:
        data = _build(node, (), lines, set())
    except _Refused as exc:
        return None, Lines(), [Problem(shown, exc.node.start_mark.line + 1, field_name(exc.path), exc.message)]
    except RecursionError:
        return None, Lines(), [Problem(shown, 1, "", "YAML 嵌套层数过深")]
    return data, lines, []


def _build(node: yaml.Node, path: tuple, lines: Lines, seen: set[int]) -> object:
    # A node met twice is an alias (*name): refuse it rather than expand it.
    if id(node) in seen:
        raise _Refused(node, path, "不允许使用 YAML 锚点和别名（& 和 *），请直接写出内容")
    seen.add(id(node))
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(key_node, path, "字段名必须是简单文字")
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(key_node, path, "不允许使用 YAML 合并键（<<）")
            key = key_node.value
            if key in out:
                raise _Refused(key_node, path + (key,), f"字段“{key}”重复出现")
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _build(value_node, path + (key,), lines, seen)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines, seen) for i, item in enumerate(node.value)]
    if node.tag in _STRING_TAGS:
        return node.value
    if node.tag in _PLAIN_TAGS:
        return _PLAIN_TAGS[node.tag](node)
    raise _Refused(node, path, f"不支持的 YAML 标签 {node.tag}")
