"""Checks on the holiday notices entered as content (procedures/holiday/<year>.yaml).

A wrong day here moves real deadlines, so a notice is refused when it cannot be what the
State Council published: days outside its year, overlapping holidays, a 调休 working day
that is not a Saturday or Sunday or that is also a holiday, or days that differ from what
the package has for that year (unless the file says it is a correction and why), or a notice that leaves
out a day 全国年节及纪念日放假办法 第二条 makes a holiday (a typing slip: no notice can take one away).
Years must follow each other: a gap would make the engine treat the missing year as known.
"""
from __future__ import annotations

import datetime as dt

from ..engines import statutory_holidays
from .problems import Problem, field_name
from ..engines.workcalendar import PACKAGE, PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR, days, package_only

MAX_SPAN = 10  # the longest holiday in any notice so far is 8 days (2025 and 2026 国庆节、中秋节)


def check(content) -> list[Problem]:
    problems = []
    items = sorted(content.items["holiday"].values(), key=lambda i: i.data["year"])
    for item in items:
        problems += _one(item)
    expected = PACKAGE_LAST_YEAR + 1
    for item in items:
        year = item.data["year"]
        if year > expected:
            problems.append(_problem(item, ("year",), f"{expected}年还没有录入，不能先录入{year}年：中间缺一年，"
                                                       f"那一年的期限就会被当成已经核实"))
        expected = max(expected, year + 1)
    return problems


def _one(item) -> list[Problem]:
    d, problems = item.data, []
    year = d["year"]
    if item.id != str(year):
        problems.append(_problem(item, ("year",), f"year 写的是 {year}，文件名和 id 应为 {year}"))
    in_package = PACKAGE_FIRST_YEAR <= year <= PACKAGE_LAST_YEAR
    if not in_package and "correction" in d:
        problems.append(_problem(item, ("correction",), f"软件包 {PACKAGE} 里没有{year}年，不是更正，删去 correction"))
    taken: dict[dt.date, int] = {}
    for i, span in enumerate(d["holidays"]):
        path = ("holidays", i)
        first, last = dt.date.fromisoformat(span["from"]), dt.date.fromisoformat(span["to"])
        if last < first:
            problems.append(_problem(item, path + ("to",), f"最后一天 {span['to']} 早于第一天 {span['from']}"))
            continue
        if (last - first).days + 1 > MAX_SPAN:
            problems.append(_problem(item, path + ("to",), f"一段假期有 {(last - first).days + 1} 天，超过 {MAX_SPAN} 天，请核对通知"))
            continue
        if first.year != year or last.year != year:
            problems.append(_problem(item, path, f"日期不在{year}年内：跨年的日子写在它所在年份的文件里"))
            continue
        for day in days(span):
            if day in taken:
                problems.append(_problem(item, path, f"{day.isoformat()} 已经在 holidays[{taken[day]}] 里，两段假期重叠"))
                break
            taken[day] = i
    for i, text in enumerate(d["workdays"]):
        day, path = dt.date.fromisoformat(text), ("workdays", i)
        if day.year != year:
            problems.append(_problem(item, path, f"{text} 不在{year}年内"))
        elif day.weekday() < 5:
            problems.append(_problem(item, path, f"{text} 是星期{'一二三四五'[day.weekday()]}，本来就上班；"
                                                 "调休上班的日子只会是周六或周日，请核对通知"))
        elif day in taken:
            problems.append(_problem(item, path, f"{text} 同时写成了放假（holidays[{taken[day]}]）和调休上班"))
    # A year the package has is compared with the package below; a new year or a correction with 第二条.
    if year >= statutory_holidays.FIRST_YEAR and (not in_package or "correction" in d) and not problems:
        for day, name in statutory_holidays.days(year).items():
            if day not in taken:
                problems.append(_problem(item, ("holidays",), f"{day.isoformat()}（{name}）是《全国年节及纪念日放假办法》第二条规定的"
                                                              "法定节假日，通知不会让这一天上班：请核对是否漏录"))
                break
    if in_package and "correction" not in d and not problems:
        problems += _against_package(item)
    return problems


def _against_package(item) -> list[Problem]:
    """A year the package also has: the same days are fine (the package caught up), other days
    are a correction and must say so."""
    d, package = item.data, package_only()
    notice = ({day for span in d["holidays"] for day in days(span)}, {dt.date.fromisoformat(x) for x in d["workdays"]})
    known = ({day for day in package.holidays if day.year == d["year"]},
             {day for day in package.workdays if day.year == d["year"]})
    differs = sorted((notice[0] ^ known[0]) | (notice[1] ^ known[1]))
    if not differs:
        return []
    return [_problem(item, ("year",), f"和软件包 {PACKAGE} 里的{d['year']}年不一致（第一个不同的日子：{differs[0].isoformat()}）。"
                                      "确实要更正软件包的，写 correction: {reason: 说明哪里和通知不一致}")]


def _problem(item, path: tuple, message: str) -> Problem:
    return Problem(item.path, item.lines.line_of(path), field_name(path), message)
