"""`python -m checkers deadline`: the deadline engine on the command line."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
import re
import sys

from ..content import loader
from ..engines.deadline import (EARLIEST, LATEST, Count, NoVersion, OutOfRange, count, for_rule,
                       non_ascii_digits, parse_period)
from ..wording.deadline import (basis_list, cn_day, general_counting_bases, holiday_bases, step_lines,
                            uncertainty_label)
from .. import clock


class BadInput(ValueError):
    """One-line reason for the user; exit 2."""


def parse_day(text: str, what: str) -> dt.date:
    odd = non_ascii_digits(text or "")
    if odd:
        raise BadInput(f"{what}里的数字“{odd}”请用半角数字 0-9 写：{text!r}")
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text or ""):
        raise BadInput(f"{what}应写成 YYYY-MM-DD，例如 2026-11-23：{text!r}")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise BadInput(f"{what}不是真实存在的日期：{text}") from None
    if not EARLIEST <= day <= LATEST:
        raise BadInput(f"{what}{text} 超出范围：本站只计算{EARLIEST.year}年至{LATEST.year}年之间的日期")
    return day


def add_arguments(parser) -> None:
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--rule", help="期限规则 id，例如 xinfang.review-request")
    what.add_argument("--period", help="期限长度：30日、5工作日、6个月、1年（或 30d、5wd、6m、1y）")
    parser.add_argument("--from", dest="start", required=True, help="起算事件发生的日期 YYYY-MM-DD（这一天不计入）")
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    parser.add_argument("--today", help="计算“还剩几天”用的今天日期（默认系统日期）")


def run(args) -> int:
    try:
        start = parse_day(args.start, "--from ")
        today = parse_day(args.today, "--today ") if args.today else clock.today()
        if args.rule is None:
            try:
                period = parse_period(args.period)
            except ValueError as exc:
                raise BadInput(str(exc)) from None
        content = loader.load(Path(args.root))
        if args.rule is not None:
            answer = _rule_answer(content, args.rule, start, today)
        else:
            c = count(start, period, content.calendar)
            answer = {"rule": None, "from": start.isoformat(), **_count_json(c, today, content.calendar),
                      "basis": basis_list(general_counting_bases(content), content.laws),
                      "calendar_basis": basis_list(holiday_bases([c], content.calendar), content.laws)}
    except (BadInput, OutOfRange) as exc:
        print(f"python -m checkers deadline: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(answer, ensure_ascii=False, indent=2))
    else:
        print(_human(answer))
    return 0


def _rule_answer(content, rule_id: str, start: dt.date, today: dt.date) -> dict:
    rules = content.rules
    if rule_id not in rules:
        what = f"没有这个期限规则：{rule_id}" if rule_id.strip() else "--rule 没有写期限规则 id"
        raise BadInput(f"{what}（可用：{'、'.join(sorted(rules))}）")
    rule = rules[rule_id]
    # A rule that runs after another is asked for the other's trigger day (rule.after).
    first = rules[rule["after"]] if rule.get("after") in rules else rule
    base = {"rule": rule["id"], "title": rule["title"], "from": start.isoformat(), "trigger": first["trigger"],
            "action": rule.get("action")}
    try:
        answer = for_rule(rule, start, content.calendar, rules)
    except NoVersion:
        spans = "；".join(f"{v['effective_from']} 至 {v['effective_until'] or '今'}" for v in rule["versions"])
        return {**base, "deadline": None, "extended": False, "verified": False, "basis": [], "calendar_basis": [],
                "reason": f"本站没有收录 {start.isoformat()} 时适用的这条规定（本站收录的版本适用于：{spans}），无法计算。",
                "steps": []}
    counts = [answer.main, answer.extended_total, answer.custody, answer.after_extended,
              *((answer.base.main, answer.base.extended_total) if answer.base else ())]
    out = {**base, **_count_json(answer.main, today, content.calendar), "basis": basis_list(answer.version["basis"], content.laws),
           # Where a provisional year's holidays come from: 放假办法 第二条 (and why 调休 is open).
           "calendar_basis": basis_list(holiday_bases(counts, content.calendar), content.laws)}
    if answer.extended_total:
        out["extension"] = {"condition": answer.version["extension"]["condition"],
                            **_count_json(answer.extended_total, today, content.calendar)}
    if answer.custody:
        out["custody"] = {"text": answer.version["custody"]["text"], **_count_json(answer.custody, today, content.calendar),
                          "basis": basis_list(answer.version["custody"]["basis"], content.laws)}
    if answer.base:
        b = answer.base
        # Context, never the answer: the other side's period, from whose end this one runs.
        out["after"] = {"rule": b.rule["id"], "title": b.rule["title"], "actor": b.rule["actor"],
                        **_count_json(b.main, today, content.calendar),
                        "extended_deadline": b.extended_total.deadline.isoformat() if b.extended_total else None,
                        "basis": basis_list(b.version["basis"], content.laws)}
    if answer.after_extended:
        out["after_extended"] = {"condition": answer.base.version["extension"]["condition"],
                                 **_count_json(answer.after_extended, today, content.calendar)}
    out["not_counted"] = [n["text"] for n in answer.version.get("not_counted", [])]
    out["exceptions"] = [n["text"] for n in answer.version.get("exceptions", [])]
    return out


def _count_json(c: Count, today: dt.date, calendar) -> dict:
    return {"period": str(c.period), "deadline": c.deadline.isoformat(), "weekday": cn_day(c.deadline)[-4:-1],
            "days_left": (c.deadline - today).days, "extended": c.extended, "verified": c.verified,
            # Years whose art. 2 holidays are counted but whose 调休 is not yet published.
            "provisional_years": [y for y in c.unknown_years if calendar.is_provisional(y)],
            "uncertainty": uncertainty_label(c, calendar) or None,
            "steps": step_lines(c, calendar)}


def _human(a: dict) -> str:
    lines = []
    if a.get("rule"):
        lines.append(f"{a['title']}（{a['rule']}）")
        lines.append(f"起算事件：{a['trigger']}，{cn_day(a['from'])}")
    if a["deadline"] is None:
        return "\n".join(lines + [a["reason"]])
    left = a["days_left"]
    when = f"还有 {left} 天" if left > 0 else ("就是今天" if left == 0 else f"已经过了 {-left} 天")
    if "after" in a:
        b = a["after"]
        lines.append(f"先看{b['actor']}的期限（{b['title']}）：{b['period']}，到{cn_day(b['deadline'])}届满"
                     + (f"，依法延长的到{cn_day(b['extended_deadline'])}" if b["extended_deadline"] else "")
                     + "。从届满那天的第二天起算你自己的期限。")
    if a.get("action"):
        lines.append(f"要做的事：{a['action']}")
    lines.append(f"期限：{a['period']}　截止日期{'（人不在押）' if 'custody' in a else ''}：{cn_day(a['deadline'])}　{when}"
                 + (f"　【{a['uncertainty']}】" if a["uncertainty"] else ""))
    lines.append("计算过程：")
    lines += [f"  {i}. {s}" for i, s in enumerate(a["steps"], 1)]
    if "custody" in a:
        c = a["custody"]
        lines.append(f"人在押的（不因节假日顺延）：最后一天 {cn_day(c['deadline'])}。{c['text']}")
    if "extension" in a:
        ext = a["extension"]
        lines.append(f"如果依法延长（{ext['condition']}）：合计{ext['period']}，最晚 {cn_day(ext['deadline'])}"
                     + (f"【{ext['uncertainty']}】" if ext["uncertainty"] else ""))
    if "after_extended" in a:
        ae = a["after_extended"]
        lines.append(f"对方依法延长了期限的（{ae['condition']}）：从延长后的期限届满算，最晚 {cn_day(ae['deadline'])}"
                     + (f"【{ae['uncertainty']}】" if ae["uncertainty"] else ""))
    for key, label in (("not_counted", "不计入期限"), ("exceptions", "例外")):
        for text in a.get(key, []):
            lines.append(f"{label}：{text}")
    lines.append("依据：" if a.get("rule") else "计算方法的依据（没有指定具体规则，按一般规则计算）：")
    for b in a["basis"] + a.get("after", {}).get("basis", []):
        lines.append(f"  《{b['title']}》（{b['version']}）{b['provision']}：{b['text']}")
    if a.get("calendar_basis"):
        lines.append("还没有放假通知的年份，法定节假日的依据：")
        for b in a["calendar_basis"]:
            lines.append(f"  《{b['title']}》（{b['version']}）{b['provision']}：{b['text']}")
    return "\n".join(lines)
