"""The deadline engine: counts a legal period the way Chinese law counts it.

- The start day is not counted (民法典 第201条; 民事诉讼法 第85条; 刑事诉讼法 第105条).
- 日: calendar days; a last day that is not a working day moves to the next
  working day (民法典 第203条; 民事诉讼法 第85条).  A 调休 weekend is a working day.
- 工作日: only working days after the start day count.
- 个月/年: the same date in the target month, or its last day if it has none
  (民法典 第202条); then the holiday rule.
Days outside the holiday data (workcalendar.Calendar: the package plus the notices
entered as content) are treated as working days on Monday–Friday and the answer is
marked unverified.  This module returns facts and steps as data;
the wording lives in deadline_text.py, the articles in the rule YAML.
"""
from __future__ import annotations

from calendar import monthrange
import datetime as dt
import re
from dataclasses import dataclass, field, replace

from .workcalendar import PROVISIONAL_LAST_YEAR, Calendar

# The topic that states the general counting rule this engine applies (民法典 第二百条至第二百零四条).
GENERAL_COUNTING_TOPIC = "period-counting"
UNITS = {"日": "日", "d": "日", "天": "日", "工作日": "工作日", "wd": "工作日", "个工作日": "工作日",
         "个月": "个月", "月": "个月", "m": "个月", "年": "年", "y": "年"}
_PERIOD = re.compile(r"^\s*([0-9]{1,4})\s*(个工作日|工作日|个月|月|日|天|年|wd|d|m|y)\s*$")
# The days this site counts from, in Python and in the browser (browser_data exports them): the
# law it quotes starts after 1949, and a last day must stay a date every tool can write.
# The last year is the calendar's: the holidays of 第二条 are worked out up to it (workcalendar.py).
EARLIEST, LATEST = dt.date(1949, 1, 1), dt.date(PROVISIONAL_LAST_YEAR, 12, 31)


class OutOfRange(ValueError):
    """A start day outside EARLIEST..LATEST, or a last day past what a calendar can hold."""


def non_ascii_digits(text: str) -> str:
    """The digits in text that are not 0-9 (全角 ３０, Arabic-Indic ٣٠ …): said back to the user."""
    return "".join(c for c in text if c.isdigit() and not c.isascii())


@dataclass(frozen=True)
class Period:
    value: int
    unit: str  # 日 / 工作日 / 个月 / 年

    def __str__(self) -> str:
        # Said as the statutes say it: 5个工作日, 30日, 6个月, 1年.
        return f"{self.value}{'个工作日' if self.unit == '工作日' else self.unit}"


def parse_period(text: str) -> Period:
    """'30日', '30d', '5工作日', '5wd', '6个月', '6m', '1年', '1y' -> Period; ValueError otherwise."""
    odd = non_ascii_digits(text)
    if odd:
        raise ValueError(f"期限里的数字“{odd}”请用半角数字 0-9 写：{text!r}")
    match = _PERIOD.match(text)
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"期限格式不对：{text!r}（例如 30日、5工作日、6个月、1年，或 30d、5wd、6m、1y）")
    return Period(int(match.group(1)), UNITS[match.group(2)])


@dataclass(frozen=True)
class Step:
    kind: str   # start | end | month-end | adjusted-workday | not-workday | moved | workdays | no-rollover | unverified
    day: str    # ISO date the step is about
    detail: str = ""  # holiday name, 'weekend', a count …


@dataclass(frozen=True)
class Count:
    start: dt.date
    period: Period
    deadline: dt.date
    extended: bool          # the last day fell on a rest day and was moved
    verified: bool          # every day the count looked at is covered by the holiday data
    unknown_years: tuple[int, ...] = ()
    steps: tuple[Step, ...] = field(default_factory=tuple)


class _Looker:
    """Asks the calendar about days and remembers which answers were guesses."""

    def __init__(self, calendar: Calendar):
        self.calendar, self.unknown = calendar, set()

    def workday(self, day: dt.date) -> bool:
        answer = self.calendar.is_workday(day)
        if answer is None:
            self.unknown.add(day.year)
            return day.weekday() < 5
        return answer


def add_months(day: dt.date, months: int) -> tuple[dt.date, bool]:
    """Same date `months` later; (last day of that month, True) when the month is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last)), day.day > last


def count(start: dt.date, period: Period, calendar: Calendar, rollover: bool = True) -> Count:
    """The last day of `period` counted from `start`.  rollover=False keeps a last day that falls on
    a rest day where it is (刑事诉讼法 第105条第4款, for a person in custody)."""
    if not EARLIEST <= start <= LATEST:
        raise OutOfRange(f"本站只计算从{EARLIEST.year}年到{LATEST.year}年之间的日期起算的期限")
    return _counted(start, period, calendar, rollover)


def _counted(start: dt.date, period: Period, calendar: Calendar, rollover: bool = True) -> Count:
    """count() without the range check on the start day: a period that runs after another starts
    where the other ended, which may be past LATEST although the day typed in was not."""
    try:
        return _count(start, period, calendar, rollover)
    except (OverflowError, ValueError):  # past year 9999: date() refuses to go there
        raise OutOfRange(f"期限的最后一天超出了公历能写的范围（{period}）") from None


def _count(start: dt.date, period: Period, calendar: Calendar, rollover: bool = True) -> Count:
    look = _Looker(calendar)
    steps = [Step("start", (start + dt.timedelta(days=1)).isoformat())]
    if period.unit == "工作日":
        day, counted, skipped = start, 0, 0
        while counted < period.value:
            day += dt.timedelta(days=1)
            if look.workday(day):
                counted += 1
            else:
                skipped += 1
        steps.append(Step("workdays", day.isoformat(), str(skipped)))
        end, moved = day, False
    else:
        if period.unit == "日":
            end, clamped = start + dt.timedelta(days=period.value), False
        else:
            end, clamped = add_months(start, period.value * (12 if period.unit == "年" else 1))
        steps.append(Step("month-end" if clamped else "end", end.isoformat()))
        if not rollover:
            # The day stands whatever the calendar says, so the answer needs no holiday data; the
            # data only lets us say that the day is a rest day, where it knows.
            if calendar.is_workday(end) is False:
                steps.append(Step("no-rollover", end.isoformat(), calendar.holiday_name(end) or "weekend"))
            return Count(start, period, end, False, True, (), tuple(steps))
        moved = not look.workday(end)
        if not moved and end.weekday() >= 5:
            steps.append(Step("adjusted-workday", end.isoformat()))  # a 调休 weekend: no roll-over
        if moved:
            steps.append(Step("not-workday", end.isoformat(), calendar.holiday_name(end) or "weekend"))
            while not look.workday(end):
                end += dt.timedelta(days=1)
            steps.append(Step("moved", end.isoformat()))
    unknown = tuple(sorted(look.unknown))
    if unknown:
        steps.append(Step("unverified", end.isoformat(), ",".join(map(str, unknown))))
    return Count(start, period, end, moved, not unknown, unknown, tuple(steps))


class NoVersion(LookupError):
    """No version of the rule was in force on the start date: an explicit outcome, never a default."""


def version_for(rule: dict, start: dt.date) -> dict:
    day = start.isoformat()
    for version in rule["versions"]:
        if version["effective_from"] <= day and (version["effective_until"] or "9999-12-31") >= day:
            return version
    raise NoVersion(rule["id"])


@dataclass(frozen=True)
class RuleAnswer:
    rule: dict
    version: dict
    main: Count
    extended_total: Count | None  # the latest date if the extension the law allows is used
    custody: Count | None = None  # the last day without roll-over, where the version says custody stops it
    # A rule that runs "after" another (its period starts when the other's ends, e.g. 复议 after an
    # agency's reply period expired): the other rule's answer, and this period counted from the
    # other's extended end, for when the agency lawfully extended its own period.
    base: "RuleAnswer | None" = None
    after_extended: Count | None = None


def _own(rule: dict, start: dt.date, calendar: Calendar, after: bool = False) -> RuleAnswer:
    counter = _counted if after else count
    version = version_for(rule, start)
    period = Period(version["period"]["value"], version["period"]["unit"])
    total = None
    if "extension" in version:
        extra = version["extension"]["period"]
        if extra["unit"] != period.unit:
            raise ValueError(f"{rule['id']}: extension unit differs from the period unit")
        # The extension lengthens the same period: 60日 + 30日 is counted as 90日 from the same start.
        total = counter(start, Period(period.value + extra["value"], period.unit), calendar)
    custody = counter(start, period, calendar, rollover=False) if "custody" in version else None
    return RuleAnswer(rule, version, counter(start, period, calendar), total, custody)


def _through(c: Count, before: Count) -> Count:
    """A count that started where `before` ended is only as certain as `before` was."""
    unknown = tuple(sorted(set(c.unknown_years) | set(before.unknown_years)))
    if not before.unknown_years or c.unknown_years == unknown:
        return c
    steps = tuple(s for s in c.steps if s.kind != "unverified") + (Step("unverified", c.deadline.isoformat(), ",".join(map(str, unknown))),)
    return replace(c, verified=False, unknown_years=unknown, steps=steps)


def for_rule(rule: dict, start: dt.date, calendar: Calendar, rules: dict | None = None) -> RuleAnswer:
    """`start` is the rule's trigger day; for a rule that runs after another, the other's trigger
    day (the citizen knows when the agency got the request, not when its period ended)."""
    if not rule.get("after"):
        return _own(rule, start, calendar)
    if rules is None or rule["after"] not in rules:
        raise ValueError(f"{rule['id']}: runs after {rule.get('after')}, which was not given")
    base = for_rule(rules[rule["after"]], start, calendar, rules)
    own = _own(rule, base.main.deadline, calendar, after=True)
    main = _through(own.main, base.main)
    later = None
    if base.extended_total is not None:
        period = Period(own.version["period"]["value"], own.version["period"]["unit"])
        later = _through(_counted(base.extended_total.deadline, period, calendar), base.extended_total)
    return replace(own, main=main, base=base, after_extended=later)
