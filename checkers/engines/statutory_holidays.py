"""The national holidays of any year, from 全国年节及纪念日放假办法 (2024年修订) 第二条.

The State Council's yearly notice (entered in procedures/holiday/, or shipped in the
chinesecalendar package) only adds 调休 around these days: weekdays bridged as rest days and
weekend days made working days (第七条), and the 补假 for a holiday that falls on a weekend
(第六条).  Which days art. 2 itself makes holidays is fixed by the text, so a year whose notice
is not out yet still has them; counting them as working days would move deadlines onto days
when every office is closed.

The lunar dates (除夕, 正月初一至初三, 端午, 中秋) and the solar term 清明 come from lunar-python
(6tail's calendar library, pure Python, kept up since 2017 and used by its JavaScript twin
lunar-javascript): chinesecalendar has no lunar calendar, and the festivals must not be typed in
by hand for decades ahead.  tests/test_holidays.py checks these days against every year the
package has.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from lunar_python import Lunar, Solar

LAW, ARTICLE = "quanguo-nianjie-fangjia-banfa-2024", 2
# The 2024 revision (in force 2025-01-01) added 除夕 and 5月2日; earlier years had other days,
# and the package covers all of them, so the article is only applied from here on.
FIRST_YEAR = 2025
# The festivals of 第二条, in its order: the names the days carry and the list the pages give.
NAMES = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")


def _date(solar: Solar) -> dt.date:
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _lunar_day(year: int, month: int, day: int) -> dt.date:
    """A day of the lunar year that begins in Gregorian `year` (never a leap month)."""
    return _date(Lunar.fromYmd(year, month, day).getSolar())


def _qingming(year: int) -> dt.date:
    day = _date(Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()["清明"])
    if (day.year, day.month) != (year, 4):  # 清明 is always 4月4日–6日; anything else is a library fault
        raise ValueError(f"清明 of {year} computed as {day}")
    return day


@lru_cache(maxsize=None)
def days(year: int) -> dict[dt.date, str]:
    """{day: holiday name} for every day art. 2 makes a holiday in `year`."""
    if year < FIRST_YEAR:
        raise ValueError(f"{year}: 第二条的现行规定从{FIRST_YEAR}年起适用")
    out: dict[dt.date, list[str]] = {}

    def add(day: dt.date, name: str) -> None:
        out.setdefault(day, []).append(name)

    new_year_day, spring, qingming, labour, dragon_boat, mid_autumn, national = NAMES
    add(dt.date(year, 1, 1), new_year_day)
    new_year = _lunar_day(year, 1, 1)
    for offset in range(-1, 3):  # 农历除夕、正月初一至初三
        add(new_year + dt.timedelta(days=offset), spring)
    add(_qingming(year), qingming)
    add(dt.date(year, 5, 1), labour)
    add(dt.date(year, 5, 2), labour)
    add(_lunar_day(year, 5, 5), dragon_boat)
    for n in (1, 2, 3):
        add(dt.date(year, 10, n), national)
    add(_lunar_day(year, 8, 15), mid_autumn)  # may fall on 10月1日–3日: the day is then both
    return {day: "、".join(names) for day, names in sorted(out.items())}
