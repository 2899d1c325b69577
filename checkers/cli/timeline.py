"""`python -m checkers timeline`: every step's due date for one case.

    python -m checkers timeline --procedure staff-handling --from 2026-11-23 --at accept=2026-11-25 [--json]

The arithmetic is the deadline engine's (timeline.py -> deadline.py); this module
only reads the arguments and words the answer.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from ..content import loader
from ..engines.deadline import GENERAL_COUNTING_TOPIC, OutOfRange, Period
from .deadline import BadInput, parse_day
from ..wording.deadline import cn_day, uncertainty_label, unverified_lines
from ..engines.timeline import START, Entry, TimelineError, build

PROG = "python -m checkers timeline"


def add_arguments(parser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--procedure", help="程序 id，例如 staff-handling")
    which.add_argument("--practice", help="地方做法 id，例如 police-first-petition-30-days（地方时限，不是法定期限）")
    parser.add_argument("--from", dest="start", required=True, help="程序起点那件事发生的日期 YYYY-MM-DD（这一天不计入）")
    parser.add_argument("--at", action="append", default=[], metavar="STEP=DATE",
                        help="已经完成的步骤和完成日期，可以写多次，例如 --at accept=2026-11-25")
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象")


def run(args) -> int:
    try:
        start = parse_day(args.start, "--from ")
        done = dict(_parse_at(a) for a in args.at)
        content = loader.load(Path(args.root))
        kind, item_id = ("procedure", args.procedure) if args.procedure else ("practice", args.practice)
        items = content.items[kind]
        if item_id not in items:
            raise BadInput(f"没有这个{'程序' if kind == 'procedure' else '地方做法'}：{item_id}（可用：{'、'.join(sorted(items))}）")
        item = items[item_id].data
        if "start" not in item:
            with_timeline = sorted(i for i, it in items.items() if "start" in it.data)
            raise BadInput(f"{item_id} 没有时间线（有时间线的：{'、'.join(with_timeline)}）")
        entries = build(item, content.rules, start, done, content.calendar)
    except (BadInput, TimelineError, OutOfRange) as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    answer = _json(kind, item, start, entries, content.calendar)
    answer["counting_topic"] = content.topics[GENERAL_COUNTING_TOPIC]["title"]
    print(json.dumps(answer, ensure_ascii=False, indent=2) if args.json else _human(answer))
    return 0


def _parse_at(text: str) -> tuple[str, dt.date]:
    step, sep, day = text.partition("=")
    if not sep or not step.strip():
        raise BadInput(f"--at 应写成 步骤id=YYYY-MM-DD，例如 accept=2026-11-25：{text!r}")
    return step.strip(), parse_day(day.strip(), f"--at {step.strip()} 的日期")


def _json(kind: str, item: dict, start: dt.date, entries: list[Entry], calendar) -> dict:
    titles = {s["id"]: s["title"] for s in item["steps"] if "id" in s}
    titles[START] = item["start"]
    steps = []
    for e in entries:
        out = {"id": e.step.get("id"), "title": e.step["title"], "actor": e.step["actor"],
               "done": e.done.isoformat() if e.done else None}
        if e.counts_from:
            out["counts_from"] = {"id": e.counts_from, "title": titles[e.counts_from],
                                  "date": e.base.isoformat() if e.base else None}
            out["rule"] = e.rule["id"] if e.rule else None
            out["period"] = str(e.due.period) if e.due else _period_text(e)
            out["not_needed_since"] = e.not_needed
            out["status"] = ("not-needed" if e.not_needed else "pending" if e.pending else "no-version" if e.no_version else "late" if e.late
                             else "done" if e.done else "due")
            out["due"] = e.due.deadline.isoformat() if e.due else None
            out["verified"] = e.due.verified if e.due else None
            out["uncertainty"] = uncertainty_label(e.due, calendar) or None if e.due else None
            out["uncertain_why"] = unverified_lines(list(e.due.unknown_years), calendar) if e.due else []
            if e.extended_due:
                out["extended_due"] = e.extended_due.deadline.isoformat()
        steps.append(out)
    return {"kind": kind, "id": item["id"], "title": item["title"], "local_practice": kind == "practice",
            "start": {"title": item["start"], "date": start.isoformat()}, "steps": steps}


def _title(answer: dict, step_id: str) -> str:
    return next(s["title"] for s in answer["steps"] if s["id"] == step_id)


def _period_text(e: Entry) -> str | None:
    if "period" in e.step:
        return str(Period(e.step["period"]["value"], e.step["period"]["unit"]))
    return None


def _human(answer: dict) -> str:
    lines = [f"{answer['title']}：从{cn_day(answer['start']['date'])}（{answer['start']['title']}）起"]
    if answer["local_practice"]:
        lines.append(f"注意：这是地方做法自己定的时限，不是法定期限。这里按本站专题“{answer['counting_topic']}”的方法来数"
                     "（那里写明了依据的条文）；这项做法自己是不是这样数，本站收录的材料没有写。")
    for n, s in enumerate(answer["steps"], 1):
        head = f"{n}. {s['title']}（{s['actor']}）"
        if "counts_from" not in s:
            lines.append(head + (f"：已于{cn_day(s['done'])}完成" if s["done"] else "：没有单独的期限"))
            continue
        source = s["counts_from"]
        if s["status"] == "not-needed":
            lines.append(f"{head}：不需要了（“{_title(answer, s['not_needed_since'])}”已经完成）")
            continue
        if s["status"] == "pending":
            lines.append(f"{head}：{s['period'] or ''}，从“{source['title']}”那天起算；那一步的日期还没有填（--at {source['id']}=日期）")
            continue
        if s["status"] == "no-version":
            lines.append(f"{head}：本站没有收录{source['date']}时适用的规定，无法计算")
            continue
        text = f"{head}：{s['period']}，截止{cn_day(s['due'])}"
        if s.get("extended_due"):
            text += f"；依法延长的，最晚{cn_day(s['extended_due'])}"
        if not s["verified"]:
            text += f"（{''.join(s['uncertain_why'])}）"
        if s["done"]:
            text += f"；已于{cn_day(s['done'])}完成"
            if s["status"] == "late":
                within = s.get("extended_due") and s["done"] <= s["extended_due"]
                text += "，超过了期限；依法延期了的，仍在延长后的期限内" if within else "，超过了期限"
        lines.append(text)
    return "\n".join(lines)
