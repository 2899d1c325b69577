"""Structural checks of a decision tree: the routing must be total, finite and short.

Every option leads to exactly one next question or outcome; every question is
reachable from the start and has exactly one way in (so each page can show the
answers that led to it without JavaScript); there are no cycles; no outcome is
more than MAX_QUESTIONS questions away; every outcome is reachable; no two outcomes share a title.
"""
from __future__ import annotations

from .problems import Problem, field_name

MAX_QUESTIONS = 6


def check(item) -> list[Problem]:
    data, out = item.data, []

    def problem(path: tuple, message: str):
        out.append(Problem(item.path, item.lines.line_of(path), field_name(path), message))

    nodes = {n["id"]: (i, n) for i, n in enumerate(data["nodes"])}
    outcomes = {o["id"]: i for i, o in enumerate(data["outcomes"])}
    for path, entries, what in (("nodes", data["nodes"], "问题"), ("outcomes", data["outcomes"], "结果")):
        seen = set()
        for i, entry in enumerate(entries):
            if entry["id"] in seen:
                problem((path, i, "id"), f"{what} id“{entry['id']}”重复")
            seen.add(entry["id"])
    # Two answers with one title cannot be told apart in search suggestions, lists and tabs: a
    # citizen would pick the civil appeal for a criminal case.  One answer reached by several
    # paths is one outcome, so a repeated title is always two different answers.
    titles: dict[str, str] = {}
    for i, o in enumerate(data["outcomes"]):
        if o["title"] in titles:
            problem(("outcomes", i, "title"), f"结果“{o['id']}”和“{titles[o['title']]}”标题相同，群众分不清：标题里写明是哪一类案件或哪一步")
        titles.setdefault(o["title"], o["id"])
    if set(nodes) & set(outcomes):
        problem(("outcomes",), f"问题和结果不能同名：{'、'.join(sorted(set(nodes) & set(outcomes)))}")
    if data["start"] not in nodes:
        problem(("start",), f"找不到起始问题“{data['start']}”")
        return out

    parents: dict[str, list[str]] = {}
    reached_outcomes: set[str] = set()
    for node_id, (i, node) in nodes.items():
        option_ids = set()
        for j, option in enumerate(node["options"]):
            path = ("nodes", i, "options", j)
            if option["id"] in option_ids:
                problem(path + ("id",), f"选项 id“{option['id']}”在这个问题里重复")
            option_ids.add(option["id"])
            targets = [k for k in ("next", "outcome") if k in option]
            if len(targets) != 1:
                problem(path, "每个选项必须恰好写 next（下一个问题）或 outcome（结果）中的一个")
                continue
            if "next" in option:
                if option["next"] not in nodes:
                    problem(path + ("next",), f"找不到问题“{option['next']}”")
                else:
                    parents.setdefault(option["next"], []).append(f"{node_id}.{option['id']}")
            elif option["outcome"] not in outcomes:
                problem(path + ("outcome",), f"找不到结果“{option['outcome']}”")
            else:
                reached_outcomes.add(option["outcome"])

    # Walk from the start: depth, cycles, reachability.
    depth: dict[str, int] = {}
    stack = [(data["start"], 1, (data["start"],))]
    while stack:
        node_id, level, trail = stack.pop()
        i, node = nodes[node_id]
        depth[node_id] = level
        for option in node["options"]:
            target = option.get("next")
            if target not in nodes:
                continue
            if target in trail:
                problem(("nodes", i, "options"), f"出现循环：{' → '.join(trail + (target,))}")
            elif level + 1 > MAX_QUESTIONS:
                problem(("nodes", nodes[target][0], "id"), f"从开始到这里要回答超过 {MAX_QUESTIONS} 个问题")
            else:
                stack.append((target, level + 1, trail + (target,)))
    for node_id, (i, _) in nodes.items():
        if node_id not in depth and node_id != data["start"]:
            problem(("nodes", i, "id"), f"问题“{node_id}”从起始问题走不到")
        if len(parents.get(node_id, [])) > 1:
            problem(("nodes", i, "id"), f"问题“{node_id}”有多个入口（{'、'.join(parents[node_id])}）；每个问题只能从一个选项进入")
    if parents.get(data["start"]):
        problem(("start",), "起始问题不能被其他选项指向")
    for outcome_id, i in outcomes.items():
        if outcome_id not in reached_outcomes:
            problem(("outcomes", i, "id"), f"结果“{outcome_id}”没有任何选项指向它")
    return out
