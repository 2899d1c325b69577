"""Checks on the content written in citizens' words: the home page's situations (situation), the
search lexicon (lexicon) and the documents citizens write (document, which points at the checker).

A situation is a shortcut into the decision tree: its answers must be a real path from the first
question, or the home page would send someone to the wrong door.  A lexicon entry maps what people
say (讨薪) to what the site says (拖欠劳动报酬): each of the site's words must really occur in the
content, or search would expand a query into words that find nothing; each outcome it suggests
must exist; and no everyday word may mean two things in two entries.
"""
from __future__ import annotations

from ..engines.channel import PathError, parse_answers, walk
from .problems import Problem, field_name

DEFAULT_TREE = "channel"


def check(content) -> list[Problem]:
    problems = []
    for item in content.items["situation"].values():
        problems += _situation(content, item)
    if content.items["lexicon"]:
        problems += _lexicon(content)
    outcomes = {o["id"] for tree in content.trees.values() for o in tree["outcomes"]}
    for item in content.items["document"].values():
        for i, outcome in enumerate(item.data.get("outcomes", [])):
            if outcome not in outcomes:
                problems.append(_problem(item, ("outcomes", i), f"找不到“找对途径”的结果“{outcome}”"))
    return problems


def _problem(item, path: tuple, message: str) -> Problem:
    return Problem(item.path, item.lines.line_of(path), field_name(path), message)


def _situation(content, item) -> list[Problem]:
    tree = content.trees.get(item.data.get("tree", DEFAULT_TREE))
    if tree is None:
        return [] if item.data.get("tree") else [_problem(item, ("answers",), f"找不到决策树 {DEFAULT_TREE}")]
    try:
        walk(tree, parse_answers(item.data["answers"]))
    except PathError as exc:
        return [_problem(item, ("answers",), f"这些回答在决策树里走不通：{exc}")]
    return []


def site_text(content, posts: bool = True) -> str:
    """Every word the site shows from its content (prose of every kind, statutes, and unless told
    otherwise the posts), for checking that a lexicon's site words exist."""
    return "\n".join(site_strings(content, posts))


def site_strings(content, posts: bool = True) -> list[str]:
    parts: list[str] = []

    def collect(value):
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                collect(v)
        elif isinstance(value, list):
            for v in value:
                collect(v)

    for kind, items in content.items.items():
        if kind != "lexicon":
            for item in items.values():
                collect(item.data)
    for post in (content.case_posts.values() if posts else ()):
        parts.append(post.lead)
        parts.extend(html for _, html in post.sections)
    return parts


def _lexicon(content) -> list[Problem]:
    problems, text = [], site_text(content)
    outcomes = {o["id"] for tree in content.trees.values() for o in tree["outcomes"]}
    seen: dict[str, str] = {}
    for item in content.items["lexicon"].values():
        for i, entry in enumerate(item.data["entries"]):
            path = ("entries", i)
            for j, word in enumerate([entry["term"], *entry.get("variants", [])]):
                where = f"{item.path}:{item.line(*path)}"
                if word in seen:
                    problems.append(_problem(item, path + (("term",) if j == 0 else ("variants", j - 1)),
                                             f"“{word}”已经在 {seen[word]} 写过：一个说法只能在一处"))
                else:
                    seen[word] = where
            for j, word in enumerate(entry["means"]):
                if word not in text:
                    problems.append(_problem(item, path + ("means", j), f"本站内容里没有“{word}”这个词，搜索换成它也找不到页面"))
            for j, ref in enumerate(entry.get("rule_at", [])):
                procedure = content.procedures.get(ref["procedure"])
                ids = [step["id"] for step in procedure["steps"] if "id" in step] if procedure else []
                if procedure is None:
                    problems.append(_problem(item, path + ("rule_at", j, "procedure"), f"找不到程序“{ref['procedure']}”"))
                elif ref["step"] not in ids:
                    problems.append(_problem(item, path + ("rule_at", j, "step"),
                                             f"程序“{ref['procedure']}”没有 id 为“{ref['step']}”的步骤"
                                             f"（有 id 的步骤：{'、'.join(ids) or '没有'}；在步骤里写 id）"))
            for j, outcome in enumerate(entry.get("outcomes", [])):
                if outcome not in outcomes:
                    problems.append(_problem(item, path + ("outcomes", j),
                                             f"找不到“找对途径”的结果“{outcome}”（已有：{'、'.join(sorted(outcomes)[:12])}……）"))
    return problems
