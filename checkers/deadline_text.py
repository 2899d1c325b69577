"""Chinese wording for the deadline engine's answers (CLI; the page has its own template).

Kept apart from deadline.py so the arithmetic has no prose in it and the prose
no arithmetic: GOV.UK Smart Answers style.
"""
from __future__ import annotations

import datetime as dt

from .citation import excerpt, provision
from .deadline import Count, RuleAnswer

WEEKDAYS = "一二三四五六日"


def cn_day(day: dt.date | str) -> str:
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    return f"{day.year}年{day.month}月{day.day}日（星期{WEEKDAYS[day.weekday()]}）"


def cn_date(day: dt.date | str | None) -> str:
    """2026年5月1日 (from a date or an ISO string; — when there is none)."""
    if not day:
        return "—"
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    return f"{day.year}年{day.month}月{day.day}日"


def step_lines(c: Count, calendar) -> list[str]:
    lines = []
    for step in c.steps:
        if step.kind == "start":
            lines.append(f"开始的当日（{cn_date(c.start)}）不计入，从{cn_day(step.day)}开始计算。")
        elif step.kind == "end" and c.period.unit == "日":
            lines.append(f"第{c.period.value}日为{cn_day(step.day)}。")
        elif step.kind == "end":
            lines.append(f"{c.period}后的对应日为{cn_day(step.day)}。")
        elif step.kind == "month-end":
            lines.append(f"{c.period}后的月份没有对应日，以月末日{cn_day(step.day)}为最后一天。")
        elif step.kind == "adjusted-workday":
            lines.append(f"{cn_day(step.day)}是国家安排调休上班的日子，是工作日，不顺延。")
        elif step.kind == "not-workday":
            why = "周末" if step.detail == "weekend" else f"法定节假日（{step.detail}）"
            lines.append(f"{cn_day(step.day)}是{why}，不是工作日。")
        elif step.kind == "no-rollover":
            why = "周末" if step.detail == "weekend" else f"法定节假日（{step.detail}）"
            lines.append(f"{cn_day(step.day)}是{why}，但不顺延：到这一天为止。")
        elif step.kind == "moved":
            lines.append(f"顺延至下一个工作日：{cn_day(step.day)}。")
        elif step.kind == "workdays":
            lines.append(f"只数工作日：跳过{step.detail}个周末和节假日，第{c.period.value}个工作日是{cn_day(step.day)}。"
                         "调休上班的周六、周日算作工作日。")
        elif step.kind == "unverified":
            years = "、".join(f"{y}年" for y in step.detail.split(","))
            lines.append(f"注意：本站的节假日数据只有{calendar.first_year}年至{calendar.last_year}年，"
                         f"没有{years}的放假和调休安排。这个日期只按周六、周日休息计算，没有考虑节假日，"
                         "不能作为确定的结论，请向办理机关核实。")
    return lines


def general_counting_bases(content) -> list[dict]:
    """A bare period (30日 from a date) has no rule of its own: its basis is the general counting
    rule, taken from the counting topic (民法典、诉讼法 articles; the 信访 regulation has none)."""
    from .deadline import GENERAL_COUNTING_TOPIC

    topic = content.topics[GENERAL_COUNTING_TOPIC]
    bases = [b for section in topic["sections"] for point in section["points"] for b in point["basis"]]
    return [b for b in bases if b["law"] != "xinfang-gongzuo-tiaoli-2022"]


def basis_list(bases: list[dict], laws: dict) -> list[dict]:
    out, seen = [], set()
    for basis in bases:
        key = tuple(sorted(basis.items()))
        if key in seen:
            continue
        seen.add(key)
        law = laws[basis["law"]]
        article = next(a["text"] for a in law["articles"] if a["number"] == basis["article"])
        out.append({"law": basis["law"], "title": law["title"], "article": basis["article"],
                    "paragraph": basis.get("paragraph"), "item": basis.get("item"),
                    "provision": provision(basis, article), "version": law["version"],
                    "text": "\n".join(excerpt(article, basis))})
    return out
