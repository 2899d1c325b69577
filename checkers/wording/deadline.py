"""Chinese wording for the deadline engine's answers (CLI; the page has its own template).

Kept apart from deadline.py so the arithmetic has no prose in it and the prose
no arithmetic: GOV.UK Smart Answers style.
"""
from __future__ import annotations

import datetime as dt

from ..engines import statutory_holidays
from ..content.citation import excerpt, provision
from ..engines.deadline import Count, RuleAnswer

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
            lines += unverified_lines([int(y) for y in step.detail.split(",")], calendar)
    return lines


# Why a date is not final, said once: the CLI fills these here, and the browser gets them in
# data/calendar.js (browser_data.py) and fills them in deadline-text.js.  {years}: 2027年、2028年.
NOTES = {
    "provisional": ("暂定：国务院还没有公布{years}的节假日安排。" + "、".join(statutory_holidays.NAMES)
                    + "已按《全国年节及纪念日放假办法》第二条算作休息日；还没有定的只是调休和补假：哪些周一到周五放假，"
                      "哪些周六、周日上班。通知公布以后，这个日期可能会变，请尽早办理，不要等到最后一天。"),
    "unknown": ("注意：本站的节假日数据只有{first}年至{last}年，没有{years}的放假和调休安排。这个日期只按周六、周日休息计算，"
                "没有考虑节假日，不能作为确定的结论，请向办理机关核实。"),
}


def _years(years: list[int]) -> str:
    return "、".join(f"{y}年" for y in years)


def unverified_lines(years: list[int], calendar) -> list[str]:
    """Why a date is not final: a year whose 调休 is not yet published (its art. 2 holidays are
    counted), or a year the site has no holiday data for at all."""
    provisional = [y for y in years if calendar.is_provisional(y)]
    unknown = [y for y in years if not calendar.is_provisional(y)]
    lines = []
    if provisional:
        lines.append(NOTES["provisional"].format(years=_years(provisional)))
    if unknown:
        lines.append(NOTES["unknown"].format(first=calendar.first_year, last=calendar.last_year, years=_years(unknown)))
    return lines


def uncertainty_label(c: Count, calendar) -> str:
    """'' for a final date; 暂定 when only 调休 is missing; 未经核实 when holiday data is missing."""
    if c.verified:
        return ""
    return "暂定" if all(calendar.is_provisional(y) for y in c.unknown_years) else "未经核实"


# Where a provisional year's holidays come from (第二条) and why its 调休 and 补假 are open (第六条、第七条).
HOLIDAY_BASES = [{"law": statutory_holidays.LAW, "article": n} for n in (statutory_holidays.ARTICLE, 6, 7)]


def holiday_bases(counts, calendar) -> list[dict]:
    """The 放假办法 articles, when any of the counts used a provisional year."""
    used = any(calendar.is_provisional(y) for c in counts if c is not None for y in c.unknown_years)
    return HOLIDAY_BASES if used else []


def general_counting_bases(content) -> list[dict]:
    """A bare period (30日 from a date) has no rule of its own: its basis is the general counting
    rule, taken from the counting topic (民法典、诉讼法 articles; the 信访 regulation has none)."""
    from ..engines.deadline import GENERAL_COUNTING_TOPIC

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
