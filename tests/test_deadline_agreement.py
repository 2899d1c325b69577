"""One source of truth for legal arithmetic: the browser engine must agree with Python
on every start date in the holiday data, for every rule; in the provisional years after it
(第二条 holidays known, 调休 not: both must say 'unverified' and still skip those holidays);
and at the end of the range, past every data (weekends only, 'unverified')."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

from checkers.engines.deadline import LATEST, Period, count, for_rule, NoVersion
from conftest import ROOT

PERIODS = ["1日", "3日", "7日", "5工作日", "20工作日", "1个月", "6个月", "1年", "2年", "3年"]


def _line(c) -> str:
    if c is None:
        return "-"
    steps = "|".join(f"{s.kind}:{s.day}:{s.detail}" for s in c.steps)
    return f"{c.deadline.isoformat()} {str(c.extended).lower()} {str(c.verified).lower()} {steps}"


def spans(calendar) -> list[tuple[dt.date, dt.date]]:
    """Every day of the holiday data and three provisional years after it; the last two years
    the engines count from, whose periods run past the last provisional year."""
    return [(dt.date(calendar.first_year, 1, 1), dt.date(calendar.last_year + 3, 12, 31)),
            (dt.date(LATEST.year - 1, 1, 1), LATEST)]


def python_lines(rules: list[dict], calendar, span) -> list[str]:
    out, by_id = [], {r["id"]: r for r in rules}
    day, last = span
    while day <= last:
        for rule in rules:
            try:
                a = for_rule(rule, day, calendar, by_id)
                base = f"\t{_line(a.base.main)}\t{_line(a.after_extended)}" if a.base else ""
                out.append(f"{rule['id']}\t{day}\t{_line(a.main)}\t{_line(a.extended_total)}\t{_line(a.custody)}{base}")
            except NoVersion:
                out.append(f"{rule['id']}\t{day}\tno-version\t-\t-")
        for p in PERIODS:
            unit = p.lstrip("0123456789")
            out.append(f"period:{p}\t{day}\t{_line(count(day, Period(int(p[:-len(unit)]), unit), calendar))}\t-\t-")
        day += dt.timedelta(days=1)
    return out


def test_browser_engine_agrees_with_python_on_every_day(site, content):
    node = shutil.which("node")
    assert node, "node is needed to run the browser engine outside the browser"
    data = site / "data"
    engine = ROOT / "docs" / "assets" / "javascripts" / "deadline.js"
    rules = [content.rules[i] for i in sorted(content.rules)]
    python = []
    for span in spans(content.calendar):
        result = subprocess.run([node, str(ROOT / "tests" / "js" / "agree.js"), str(data), str(engine),
                                 *(d.isoformat() for d in span), *PERIODS],
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        browser, lines = result.stdout.splitlines(), python_lines(rules, content.calendar, span)
        assert len(browser) == len(lines) > 0
        mismatches = [(b, p) for b, p in zip(browser, lines) if b != p]
        assert not mismatches, f"{len(mismatches)} disagreements, first:\nbrowser {mismatches[0][0]}\npython  {mismatches[0][1]}"
        python += lines
    # The comparison covered rules, periods, roll-overs, 调休 days and unverified years.
    text = "\n".join(python)
    first_provisional, beyond = content.calendar.last_year + 1, LATEST.year + 1
    for needle in ("moved:", "adjusted-workday:", "month-end:", "unverified:", "no-version", "workdays:", "no-rollover:",
                   f"not-workday:{first_provisional}-01-01:元旦"):
        assert needle in text, needle
    # Both kinds of unverified year: provisional (第二条 holidays counted), and past all data.
    assert re.search(rf"unverified:[0-9-]+:{first_provisional}\b", text)
    assert re.search(rf"unverified:[0-9-]+:([0-9]+,)*{beyond}\b", text)
