"""Checks on the doors a citizen is shown: what the 现在就做 date box counts, and what an answer
promises about time.

- The date box answers the citizen's own last day.  Its rule (now.rule, or the first rule) must be
  one the citizen keeps (actor_kind: citizen); an agency's period is context, never that answer: it
  goes in now.expect (“等多久”), which must be an agency's rule.  Either box asks for a day in the
  words on the citizen's own paper (the rule's date_label), not in the statute's.
- An answer (a decision-tree outcome) that states a period ("15日内起诉") must have a rule with that
  period among its own rules, its date box's rule and its channels' rules, so the calculator and the
  date box can count it.  A period without a rule would be a promise nobody computes.
- A rule that runs after another (`after`) must name an existing rule, and the chain may not loop.
"""
from __future__ import annotations

from ..engines.channel import now_block
from .crossref import PERIOD, UNIT, periods
from .problems import Problem, field_name


def check(content) -> list[Problem]:
    if any(content.broken[k] for k in ("rule", "channel", "tree")):
        return []  # a broken file may hold the reference; its own errors come first
    rules, channels = content.rules, content.channels
    out = _chains(content, rules)
    asked = set()  # every rule a date box counts by, for _date_labels
    for item in content.items["channel"].values():
        block = now_block("channel", item.data, channels)
        asked |= {block[1], block[0].get("expect")}
        out += _date_box(item, ("now",), block, rules, item.data)
    for item in content.items["tree"].values():
        for i, outcome in enumerate(item.data["outcomes"]):
            block = now_block("outcome", outcome, channels)
            asked |= {block[1], block[0].get("expect")}
            out += _date_box(item, ("outcomes", i, "now"), block, rules, outcome)
            out += _stated_periods(item, i, outcome, block[1], rules, channels)
    for document in content.items["document"].values():
        asked.add(document.data.get("rule"))
    return out + _date_labels(content, sorted(r for r in asked if r in rules))


def _date_labels(content, asked: list[str]) -> list[Problem]:
    """A date box asks for the day in the words on the citizen's own paper, not the statute's."""
    out = []
    for rule_id in asked:
        item = content.items["rule"][rule_id]
        if not item.data.get("date_label"):
            out.append(_problem(item, ("trigger",), f"日期框要问群众一个他知道的日子：写 date_label，用他手里那张纸上的说法，"
                                                    f"例如“收到复议决定书的那天”（{rule_id} 用在“现在就做”或者文书的日期框里）"))
    return out


def _problem(item, path: tuple, message: str) -> Problem:
    return Problem(item.path, item.lines.line_of(path), field_name(path), message)


def _chains(content, rules: dict) -> list[Problem]:
    out = []
    for rule_id, item in content.items["rule"].items():
        seen, current = [rule_id], item.data.get("after")
        while current:
            if current not in rules:
                break  # reported by crossref as an unknown reference
            if current in seen:
                out.append(_problem(item, ("after",), f"期限规则按 after 首尾相接成了一个圈：{' → '.join(seen + [current])}"))
                break
            seen.append(current)
            current = rules[current].get("after")
    return out


def _date_box(item, path: tuple, block, rules: dict, data: dict) -> list[Problem]:
    now, rule_id = block
    expect = now.get("expect")
    if expect in rules and rules[expect]["actor_kind"] != "authority":
        return [_problem(item, path + ("expect",) if "expect" in data.get("now", {}) else path,
                         f"“等多久”要写机关的期限，“{rules[expect]['title']}”（{expect}）是群众自己的期限：写进 now.rule")]
    out = []
    if rule_id is None or rule_id not in rules or rules[rule_id]["actor_kind"] == "citizen":
        return out
    where = path + ("rule",) if "rule" in data.get("now", {}) else (path[:-1] + ("rules", 0) if data.get("rules") else path[:-1])
    return out + [_problem(item, where, f"“哪天之前”的日期框会用“{rules[rule_id]['title']}”（{rule_id}）来算，这是"
                                  f"{rules[rule_id]['actor']}的期限，不是群众自己的。日期框只答群众自己最晚哪天办："
                                  "在 now.rule 写群众自己的期限规则；这一步法律没有期限的，写 now.rule: null")]


def _texts(outcome: dict):
    yield ("title",), outcome["title"]
    yield ("summary",), outcome["summary"]
    for key, value in outcome.get("now", {}).items():
        if isinstance(value, dict) and "text" in value:
            yield ("now", key, "text"), value["text"]
    for j, advice in enumerate(outcome.get("advice", [])):
        yield ("advice", j, "text"), advice["text"]


def _stated_periods(item, i: int, outcome: dict, box_rule, rules: dict, channels: dict) -> list[Problem]:
    ids = [*outcome.get("rules", []), *([box_rule] if box_rule else []),
           *(r for c in outcome["channels"] if c in channels for r in channels[c]["rules"])]
    allowed = set().union(*(periods(rules[r]) for r in ids if r in rules))
    out = []
    for path, text in _texts(outcome):
        for value, unit in PERIOD.findall(text):
            if (int(value), UNIT.get(unit, unit)) not in allowed:
                out.append(_problem(item, ("outcomes", i) + path,
                                    f"结果“{outcome['id']}”写了“{value}{unit}”，但它、它的日期框和它的途径都没有这个期限的规则："
                                    "在 procedures/rule/ 加一条规则，写进这个结果的 rules"))
                break
    return out
