"""The channel checker: scenarios reach the right door, every leaf is reachable and cited,
the tree's shape is enforced, the CLI rejects bad paths, and the site needs no JavaScript."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from checkers.engines.channel import PathError, leaves, now_block, parse_answers, questions, walk
from conftest import ROOT, run_cli
from htmlscan import scan

SCENARIOS = yaml.safe_load(Path(__file__).with_name("channel_scenarios.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tree(content):
    return content.trees["channel"]


@pytest.mark.parametrize("case", SCENARIOS, ids=[c["name"] for c in SCENARIOS])
def test_scenario_reaches_the_expected_channel(case, tree, content):
    position = walk(tree, parse_answers(case["answers"]))
    assert position.outcome is not None, f"{case['name']}: stopped at question {position.question['id']}"
    outcome = position.outcome
    assert outcome["channels"][0] == case["channel"]
    if "outcome" not in case:
        return
    # The second doors (issue 24): the right answer, its date box counting the citizen's own step
    # with the right period, and the article it rests on among its bases.
    assert outcome["id"] == case["outcome"]
    now, rule = now_block("outcome", outcome, content.channels)
    assert rule == case["rule"], (case["name"], rule)
    if rule:
        version = next(v for v in content.rules[rule]["versions"] if v["effective_until"] is None)
        period = version["period"]
        assert f"{period['value']}{period['unit']}" == case["period"]
        assert content.rules[rule]["actor_kind"] == "citizen"
    bases = [*outcome["basis"], *(b for k in ("who", "how", "warn") for b in now.get(k, {}).get("basis", []))]
    assert any(b["law"] == case["article"]["law"] and b["article"] == case["article"]["article"] for b in bases), case["name"]


def test_every_channel_is_reached_and_has_a_scenario(tree, content):
    reached = {c for _, outcome in leaves(tree) for c in outcome["channels"]}
    assert reached == set(content.channels), set(content.channels) - reached
    assert {c["channel"] for c in SCENARIOS} == set(content.channels)


def test_every_leaf_is_short_and_cited(tree, content):
    paths = list(leaves(tree))
    assert {o["id"] for _, o in paths} == {o["id"] for o in tree["outcomes"]}
    for trail, outcome in paths:
        assert 1 <= len(trail) <= 6
        assert outcome["basis"], outcome["id"]
        for channel_id in outcome["channels"]:
            assert content.channels[channel_id]["basis"]


@pytest.mark.parametrize("case", SCENARIOS[:3], ids=[c["name"] for c in SCENARIOS[:3]])
def test_cli_walks_a_scenario(case):
    result = run_cli(ROOT, "channel", "--answer", *case["answers"], "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["outcome"]["channels"][0]["id"] == case["channel"]
    assert answer["outcome"]["basis"] and answer["outcome"]["channels"][0]["organ"]


def test_cli_first_question_and_list(tree):
    first = run_cli(ROOT, "channel", "--answer", "--json")
    assert json.loads(first.stdout)["question"]["id"] == tree["start"]
    listing = run_cli(ROOT, "channel", "--list")
    assert listing.returncode == 0
    for node in tree["nodes"]:
        assert node["question"] in listing.stdout


def test_cli_rejects_bad_paths(tree):
    start = tree["start"]
    first_option = tree["nodes"][[n["id"] for n in tree["nodes"]].index(start)]["options"][0]["id"]
    cases = [
        (["--answer", "nonsense"], "问题id=选项id"),
        (["--answer", f"{start}=no-such-option"], f"问题 {start} 没有选项 no-such-option"),
        (["--answer", "no-such-question=x"], f"这一步应回答问题 {start}"),
        (["--tree", "nope", "--answer"], "没有这个决策树：nope"),
    ]
    outcome_path = next(trail for trail, _ in leaves(tree))
    answers = [f"{s.question['id']}={s.option['id']}" for s in outcome_path]
    cases.append((["--answer", *answers, f"{start}={first_option}"], "已经得到结果"))
    for argv, message in cases:
        result = run_cli(ROOT, "channel", *argv)
        assert result.returncode == 2, argv
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr, (argv, result.stderr)


def test_every_question_and_outcome_has_a_static_page_linking_onwards(site, tree):
    from checkers.site.pages import option_page, question_page

    def built(page: str) -> Path:
        return site / (page[:-3].removesuffix("index") if page.endswith("index.md") else page[:-3] + "/") / "index.html"

    for trail, node in questions(tree):
        html = scan(built(question_page(tree, node)))
        hrefs = [a.get("href") for t, a in html.tags if t == "a" and "option" in a.get("class", "")]
        assert len(hrefs) == len(node["options"])
        for option in node["options"]:
            assert built(option_page(tree, node, option)).exists()
        assert "重新开始" in html.text
        for step in trail:  # the answers so far, without JavaScript
            assert step.option["label"] in html.text
    for trail, outcome in leaves(tree):
        html = scan(built(option_page(tree, trail[-1].question, trail[-1].option)))
        assert outcome["title"] in html.text and "重新开始" in html.text
        assert "legal-basis" in html.ids


# --- the tree's shape is enforced when content loads -------------------------------------
TREE = """# yaml-language-server: $schema=../../schemas/tree.schema.json
id: shape
title: 测试
summary: 测试
start: a
nodes:
{nodes}
outcomes:
  - {{id: done, title: 结果, summary: 结果, channels: [xinfang], basis: [{{law: xinfang-gongzuo-tiaoli-2022, article: 31}}]}}
last_reviewed: "2026-11-23"
"""


def _tree(project: Path, nodes: str):
    (project / "procedures/tree/shape.yaml").write_text(TREE.format(nodes=nodes), encoding="utf-8")
    return run_cli(project, "validate")


@pytest.mark.parametrize("nodes,message", [
    ("  - {id: a, question: 一, options: [{id: x, label: 是, next: b}, {id: y, label: 否, outcome: done}]}\n"
     "  - {id: b, question: 二, options: [{id: x, label: 是, next: a}, {id: y, label: 否, outcome: done}]}",
     "起始问题不能被其他选项指向"),
    ("  - {id: a, question: 一, options: [{id: x, label: 是, outcome: done}, {id: y, label: 否, outcome: done}]}\n"
     "  - {id: b, question: 二, options: [{id: x, label: 是, outcome: done}, {id: y, label: 否, outcome: done}]}",
     "问题“b”从起始问题走不到"),
    ("  - {id: a, question: 一, options: [{id: x, label: 是, next: b, outcome: done}, {id: y, label: 否, outcome: done}]}\n"
     "  - {id: b, question: 二, options: [{id: x, label: 是, outcome: done}, {id: y, label: 否, outcome: done}]}",
     "每个选项必须恰好写 next"),
    ("  - {id: a, question: 一, options: [{id: x, label: 是, outcome: nowhere}, {id: y, label: 否, outcome: done}]}",
     "找不到结果“nowhere”"),
    ("  - {id: a, question: 一, options: [{id: x, label: 是, next: b}, {id: y, label: 否, next: c}]}\n"
     "  - {id: b, question: 二, options: [{id: x, label: 是, next: d}, {id: y, label: 否, outcome: done}]}\n"
     "  - {id: c, question: 三, options: [{id: x, label: 是, next: d}, {id: y, label: 否, outcome: done}]}\n"
     "  - {id: d, question: 四, options: [{id: x, label: 是, outcome: done}, {id: y, label: 否, outcome: done}]}",
     "问题“d”有多个入口"),
    ("\n".join(f"  - {{id: {a}, question: 问, options: [{{id: x, label: 是, next: {b}}}, {{id: y, label: 否, outcome: done}}]}}"
               for a, b in zip("abcdef", "bcdefg")) +
     "\n  - {id: g, question: 七, options: [{id: x, label: 是, outcome: done}, {id: y, label: 否, outcome: done}]}",
     "要回答超过 6 个问题"),
])
def test_bad_tree_shapes_are_rejected(project, nodes, message):
    result = _tree(project, nodes)
    assert result.returncode == 2
    assert "procedures/tree/shape.yaml:" in result.stderr and message in result.stderr, result.stderr


def test_walk_rejects_answers_out_of_order(tree):
    with pytest.raises(PathError):
        walk(tree, [("not-the-start", "x")])


DOOR_ERRORS = [
    # An answer that promises a period nobody computes.
    ("procedures/tree/channel.yaml", "    title: 不服劳动仲裁裁决：收到裁决书后15日内到法院起诉。",
     "    title: 不服劳动仲裁裁决：收到裁决书后99日内到法院起诉。", "outcomes[", "title", "写了“99日”"),
    # A date box that would answer with the agency's day.
    ("procedures/tree/channel.yaml", "      rule: admin.lawsuit-after-reconsideration\n",
     "      rule: xinfang.handle\n", "outcomes[", "now.rule", "不是群众自己的"),
    # A date box that would ask for the day in the statute's words.
    ("procedures/rule/labor.lawsuit-after-award.yaml", "date_label: 收到仲裁裁决书的那天\n", "",
     "trigger", "trigger", "写 date_label"),
    # A rule chain that loops.
    ("procedures/rule/admin.duty-default-period.yaml", "trigger: 行政机关收到你的申请\n",
     "after: admin.reconsideration-after-inaction\ntrigger: 行政机关收到你的申请\n", "", "after", "成了一个圈"),
]


@pytest.mark.parametrize("path,old,new,field_start,field_end,message", DOOR_ERRORS, ids=["period", "agency-date", "statute-words", "loop"])
def test_a_door_that_promises_what_nobody_computes_is_refused(project, path, old, new, field_start, field_end, message):
    target = project / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_cli(project, "validate")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = [l for l in result.stderr.splitlines() if message in l]
    assert lines and lines[0].startswith(path + ":"), result.stderr
    field = lines[0].split(": ")[1]
    assert field.startswith(field_start) and field.endswith(field_end), lines[0]
