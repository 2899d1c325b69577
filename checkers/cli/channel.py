"""`python -m checkers channel`: the decision tree on the command line."""
from __future__ import annotations

import json
from pathlib import Path
import sys

from ..content import loader
from ..engines.channel import PathError, parse_answers, walk
from ..content.citation import label

DEFAULT_TREE = "channel"


def add_arguments(parser) -> None:
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--list", action="store_true", help="列出整棵决策树")
    what.add_argument("--answer", nargs="*", metavar="问题id=选项id", help="按顺序给出的回答；不写则显示第一个问题")
    parser.add_argument("--tree", default=DEFAULT_TREE, help="决策树 id")
    parser.add_argument("--json", action="store_true", help="输出 JSON")


def run(args) -> int:
    content = loader.load(Path(args.root))
    try:
        if args.tree not in content.trees:
            raise PathError(f"没有这个决策树：{args.tree}（可用：{'、'.join(sorted(content.trees))}）")
        tree = content.trees[args.tree]
        if args.list:
            print(json.dumps(tree, ensure_ascii=False, indent=2) if args.json else _outline(tree))
            return 0
        position = walk(tree, parse_answers(args.answer or []))
    except PathError as exc:
        print(f"python -m checkers channel: {exc}", file=sys.stderr)
        return 2
    answer = _answer(position, content)
    print(json.dumps(answer, ensure_ascii=False, indent=2) if args.json else _human(answer, content.laws))
    return 0


def _answer(position, content) -> dict:
    trail = [{"question": s.question["id"], "option": s.option["id"], "label": s.option["label"]} for s in position.trail]
    if position.question:
        q = position.question
        return {"answers": trail, "question": {"id": q["id"], "text": q["question"], "help": q.get("help"),
                                               "options": [{"id": o["id"], "label": o["label"]} for o in q["options"]]}}
    o = position.outcome
    channels = []
    for channel_id in o["channels"]:
        c = content.channels[channel_id]
        channels.append({"id": channel_id, "title": c["title"], "organ": c["organ"]["text"], "level": c["level"]["text"],
                         "rules": c["rules"], "basis": c["basis"]})
    return {"answers": trail, "outcome": {"id": o["id"], "title": o["title"], "summary": o["summary"],
                                          "basis": o["basis"], "channels": channels}}


def _human(a: dict, laws: dict) -> str:
    def cite(basis: dict) -> str:
        article = next(a["text"] for a in laws[basis["law"]]["articles"] if a["number"] == basis["article"])
        return label(laws[basis["law"]]["short_title"], basis, article)

    lines = [f"已回答：{s['question']} = {s['option']}（{s['label']}）" for s in a["answers"]]
    if "question" in a:
        q = a["question"]
        lines.append(f"下一个问题（{q['id']}）：{q['text']}")
        lines += [f"  {o['id']}：{o['label']}" for o in q["options"]]
        return "\n".join(lines)
    o = a["outcome"]
    lines += [f"结果：{o['title']}", o["summary"]]
    for c in o["channels"]:
        lines.append(f"途径：{c['title']}（{c['id']}）")
        lines.append(f"  谁来决定：{c['organ']}")
        lines.append(f"  哪一级：{c['level']}")
        if c["rules"]:
            lines.append(f"  期限规则：{'、'.join(c['rules'])}（用 python -m checkers deadline --rule … 计算）")
        lines.append("  依据：" + "、".join(cite(b) for b in c["basis"]))
    lines.append("结果依据：" + "、".join(cite(b) for b in o["basis"]))
    return "\n".join(lines)


def _outline(tree: dict) -> str:
    nodes = {n["id"]: n for n in tree["nodes"]}
    outcomes = {o["id"]: o for o in tree["outcomes"]}
    lines = [f"{tree['title']}（{tree['id']}）"]

    def visit(node, depth):
        lines.append(f"{'  ' * depth}? {node['id']}：{node['question']}")
        for option in node["options"]:
            target = option.get("next") or option.get("outcome")
            lines.append(f"{'  ' * (depth + 1)}- {option['id']}：{option['label']}")
            if "next" in option:
                visit(nodes[target], depth + 2)
            else:
                lines.append(f"{'  ' * (depth + 2)}=> {target}：{outcomes[target]['title']}（{'、'.join(outcomes[target]['channels'])}）")

    visit(nodes[tree["start"]], 0)
    return "\n".join(lines)
