"""Which days are working days in mainland China: the chinesecalendar package, extended or
corrected by the State Council notices entered as content (procedures/holiday/<year>.yaml).

The package knows statutory holidays and 调休 (weekend days made working days) for the
years of the notices it was released with (2004–2026 in the pinned version) and raises for
other years.  Offices cannot wait for a package release each December, so a year's notice
can be typed in as content (checked by checkers/holidays.py).  A Calendar answers
True/False where either source speaks and None where neither does, so callers say
"unverified" instead of guessing; it also says, year by year, where its answer comes from.

After the last year of that data, the holidays that 全国年节及纪念日放假办法 第二条 fixes for
every year (checkers/statutory_holidays.py) are still known: those days answer False, every
other day None.  Such a year is "provisional": only its 调休 and 补假 wait for the notice.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from chinese_calendar import constants

from ..memo import Memo, version_of
from . import statutory_holidays

# The package's English holiday names, in the words of the State Council notices.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节", "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节", "Mid-autumn Festival": "中秋节", "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
PACKAGE = "chinesecalendar"
PACKAGE_FIRST_YEAR = min(constants.holidays).year
PACKAGE_LAST_YEAR = max(constants.holidays).year
# The last year whose art. 2 holidays are worked out, and so the last year the engines count from
# (deadline.LATEST is its 31 December).  Later days have no data at all, as before 2004.
PROVISIONAL_LAST_YEAR = 2099


def days(span: dict) -> list[dt.date]:
    """The days of one holiday entry {from, to} of a notice file, both ends included."""
    first, last = dt.date.fromisoformat(span["from"]), dt.date.fromisoformat(span["to"])
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


class Calendar:
    def __init__(self, notices: list[dict] = ()):
        """`notices`: the data of valid holiday files, one per year, in year order."""
        self.holidays = {d: HOLIDAY_NAMES.get(n, n) for d, n in constants.holidays.items()}
        self.workdays = set(constants.workdays)
        self.notice_years = {}
        for notice in notices:
            year = notice["year"]
            # A notice replaces what the package says about its year, whole: a correction
            # that leaves out a day the package has must remove that day.
            self.holidays = {d: n for d, n in self.holidays.items() if d.year != year}
            self.workdays = {d for d in self.workdays if d.year != year}
            for span in notice["holidays"]:
                for day in days(span):
                    self.holidays[day] = span["name"]
            self.workdays.update(dt.date.fromisoformat(d) for d in notice["workdays"])
            self.notice_years[year] = notice
        years = {*range(PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR + 1), *self.notice_years}
        self.first_year, self.last_year = min(years), max(years)
        self.provisional_first_year = max(self.last_year + 1, statutory_holidays.FIRST_YEAR)

    def covered(self, day: dt.date) -> bool:
        return self.first_year <= day.year <= self.last_year

    def is_provisional(self, year: int) -> bool:
        """A year after the data whose art. 2 holidays are known and whose 调休 is not."""
        return self.provisional_first_year <= year <= PROVISIONAL_LAST_YEAR

    def is_workday(self, day: dt.date) -> bool | None:
        """True/False from the official arrangements; None when the year is not in the data,
        except that an art. 2 holiday of a provisional year is never a working day."""
        if not self.covered(day):
            if self.is_provisional(day.year) and day in statutory_holidays.days(day.year):
                return False
            return None
        # The package's own rule (chinese_calendar.is_workday), applied to the merged tables.
        return day in self.workdays or (day.weekday() < 5 and day not in self.holidays)

    def holiday_name(self, day: dt.date) -> str | None:
        """Chinese name of the statutory holiday on this day, or None (weekends have no name)."""
        if self.is_provisional(day.year):
            return statutory_holidays.days(day.year).get(day)
        return self.holidays.get(day)

    def provisional_holidays(self) -> dict[dt.date, str]:
        """Every art. 2 holiday of the provisional years.  The lunar calendar takes about 0.7 s for
        them, in every build: each year's days are kept between builds (checkers/memo.py), by the
        lunar library's version and the code of statutory_holidays.py."""
        years = list(range(self.provisional_first_year, PROVISIONAL_LAST_YEAR + 1))
        memo = Memo("holidays", version_of(("lunar_python",), (Path(statutory_holidays.__file__),)))
        memo.add({year: statutory_holidays.days(year) for year in memo.missing(years)})
        memo.save()
        out = {}
        for year in years:
            out.update(memo[year])
        return out

    def is_adjusted_workday(self, day: dt.date) -> bool:
        """A Saturday or Sunday that the State Council made a working day (调休上班)."""
        return day in self.workdays

    def sources(self) -> list[dict]:
        """Each year covered and where its days come from: the package, or a notice file."""
        version = metadata.version(PACKAGE)
        out = []
        for year in range(self.first_year, self.last_year + 1):
            notice = self.notice_years.get(year)
            if notice is None:
                out.append({"year": year, "kind": "package", "name": f"{PACKAGE} {version}", "file": None,
                            "number": None, "date": None, "url": None, "correction": False})
            else:
                n = notice["notice"]
                out.append({"year": year, "kind": "notice", "name": n["title"], "file": f"procedures/holiday/{year}.yaml",
                            "number": n["number"], "date": n["date"], "url": n["url"], "correction": "correction" in notice})
        return out

    def export(self) -> dict:
        """The final data (package and notices), as open data v1 publishes it."""
        return {
            "first_year": self.first_year,
            "last_year": self.last_year,
            "holidays": {d.isoformat(): n for d, n in sorted(self.holidays.items())},
            "workdays": sorted(d.isoformat() for d in self.workdays),
        }

    def export_with_provisional(self) -> dict:
        """The same facts for the browser engine, provisional years included: one source for both."""
        data = self.export()
        data["holidays"].update((d.isoformat(), n) for d, n in self.provisional_holidays().items())
        data["provisional"] = [self.provisional_first_year, PROVISIONAL_LAST_YEAR]
        return data


@lru_cache(maxsize=1)
def package_only() -> Calendar:
    """The package's data alone, for checking notice files against it (checkers/holidays.py)."""
    return Calendar()
