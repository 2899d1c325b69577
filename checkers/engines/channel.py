"""The channel engine: walks the decision tree from the answers given so far.

Routing only: the tree YAML holds the questions, options and outcomes; this
module holds no wording.  Its structure (total, acyclic, short, one way into
each question) is checked by treecheck.py when the content loads.
"""
from __future__ import annotations

from dataclasses import dataclass


class PathError(ValueError):
    """An answer that does not fit the tree; the message says what would."""


@dataclass(frozen=True)
class Step:
    question: dict
    option: dict


@dataclass(frozen=True)
class Position:
    trail: tuple[Step, ...]          # the answers given, in order
    question: dict | None = None     # the next question, or
    outcome: dict | None = None      # the outcome reached


def parse_answers(texts: list[str]) -> list[tuple[str, str]]:
    out = []
    for text in texts:
        question, sep, option = text.partition("=")
        if not sep or not question or not option:
            raise PathError(f"回答应写成 问题id=选项id：{text!r}")
        out.append((question, option))
    return out


def walk(tree: dict, answers: list[tuple[str, str]]) -> Position:
    nodes = {n["id"]: n for n in tree["nodes"]}
    outcomes = {o["id"]: o for o in tree["outcomes"]}
    current, trail, outcome = nodes[tree["start"]], [], None
    for question_id, option_id in answers:
        if outcome is not None:
            raise PathError(f"已经得到结果，不需要再回答 {question_id}")
        if question_id != current["id"]:
            known = "" if question_id in nodes else "（没有这个问题）"
            raise PathError(f"这一步应回答问题 {current['id']}，而不是 {question_id}{known}")
        option = next((o for o in current["options"] if o["id"] == option_id), None)
        if option is None:
            choices = "、".join(o["id"] for o in current["options"])
            raise PathError(f"问题 {question_id} 没有选项 {option_id}（可选：{choices}）")
        trail.append(Step(current, option))
        if "outcome" in option:
            outcome = outcomes[option["outcome"]]
        else:
            current = nodes[option["next"]]
    if outcome is not None:
        return Position(tuple(trail), outcome=outcome)
    return Position(tuple(trail), question=current)


def leaves(tree: dict):
    """Every path from the start to an outcome: (trail, outcome), depth first in option order."""
    nodes = {n["id"]: n for n in tree["nodes"]}
    outcomes = {o["id"]: o for o in tree["outcomes"]}

    def visit(node: dict, trail: tuple[Step, ...]):
        for option in node["options"]:
            step = trail + (Step(node, option),)
            if "outcome" in option:
                yield step, outcomes[option["outcome"]]
            else:
                yield from visit(nodes[option["next"]], step)

    yield from visit(nodes[tree["start"]], ())


def questions(tree: dict):
    """Every question with the answers that lead to it (one way in per question)."""
    nodes = {n["id"]: n for n in tree["nodes"]}

    def visit(node: dict, trail: tuple[Step, ...]):
        yield trail, node
        for option in node["options"]:
            if "next" in option:
                yield from visit(nodes[option["next"]], trail + (Step(node, option),))

    yield from visit(nodes[tree["start"]], ())


def now_block(kind: str, data: dict, channels: dict[str, dict]) -> tuple[dict, str | None]:
    """The 现在就做 block of a channel ("channel") or a decision-tree outcome, and the rule its date
    box counts by (None: no date box).  An outcome shows its first channel's block, with its own
    fields where it has them.  `now.rule: null` says the step has no period in law.
    One source for the page (checkers/site/pages.py) and for validation (doorcheck.py)."""
    if kind == "channel":
        now, rules = dict(data.get("now", {})), data["rules"]
    else:
        first = channels[data["channels"][0]]
        now = {**first.get("now", {}), **data.get("now", {})}
        rules = data.get("rules") or first["rules"]
    if "rule" in now:
        return now, now["rule"]
    return now, rules[0] if rules else None
