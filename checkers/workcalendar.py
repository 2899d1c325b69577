"""Which days are working days in mainland China, from the chinesecalendar package.

The package knows statutory holidays and 调休 (weekend days made working days)
for the years it has official notices for (2004–2026 in the pinned version) and
raises for other years.  We turn that into an explicit answer: True/False where
the data speaks, None where it does not, so callers can say "unverified"
instead of guessing.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import chinese_calendar
from chinese_calendar import constants

# The package's English holiday names, in the words of the State Council notices.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节", "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节", "Mid-autumn Festival": "中秋节", "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
FIRST_YEAR = min(constants.holidays).year
LAST_YEAR = max(constants.holidays).year


def covered(day: dt.date) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR


@lru_cache(maxsize=None)
def is_workday(day: dt.date) -> bool | None:
    """True/False from the official arrangements; None when the year is not in the data."""
    if not covered(day):
        return None
    return chinese_calendar.is_workday(day)


def holiday_name(day: dt.date) -> str | None:
    """Chinese name of the statutory holiday on this day, or None (weekends have no name)."""
    name = constants.holidays.get(day)
    return HOLIDAY_NAMES.get(name, name) if name else None


def is_adjusted_workday(day: dt.date) -> bool:
    """A Saturday or Sunday that the State Council made a working day (调休上班)."""
    return day in constants.workdays


def export() -> dict:
    """The same facts for the browser engine: one source for both."""
    return {
        "first_year": FIRST_YEAR,
        "last_year": LAST_YEAR,
        "holidays": {d.isoformat(): HOLIDAY_NAMES.get(n, n) for d, n in sorted(constants.holidays.items())},
        "workdays": sorted(d.isoformat() for d in constants.workdays),
    }
