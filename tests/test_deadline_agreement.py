"""One source of truth for legal arithmetic: the browser engine must agree with Python
on every start date in the holiday data, for every rule (and past the data, where both
must say 'unverified')."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess

from checkers.deadline import Period, count, for_rule, NoVersion
from conftest import ROOT

PERIODS = ["1日", "3日", "7日", "5工作日", "20工作日", "1个月", "6个月", "1年", "2年", "3年"]


def _line(c) -> str:
    if c is None:
        return "-"
    steps = "|".join(f"{s.kind}:{s.day}:{s.detail}" for s in c.steps)
    return f"{c.deadline.isoformat()} {str(c.extended).lower()} {str(c.verified).lower()} {steps}"


def span(calendar) -> tuple[dt.date, dt.date]:
    """Every day of the holiday data, and one year past it (where both must say 'unverified')."""
    return dt.date(calendar.first_year, 1, 1), dt.date(calendar.last_year + 1, 12, 31)


def python_lines(rules: list[dict], calendar) -> list[str]:
    out = []
    day, last = span(calendar)
    while day <= last:
        for rule in rules:
            try:
                a = for_rule(rule, day, calendar)
                out.append(f"{rule['id']}\t{day}\t{_line(a.main)}\t{_line(a.extended_total)}\t{_line(a.custody)}")
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
    result = subprocess.run([node, str(ROOT / "tests" / "js" / "agree.js"), str(data), str(engine),
                             *(d.isoformat() for d in span(content.calendar)), *PERIODS],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    browser = result.stdout.splitlines()
    python = python_lines([content.rules[i] for i in sorted(content.rules)], content.calendar)
    assert len(browser) == len(python) > 0
    mismatches = [(b, p) for b, p in zip(browser, python) if b != p]
    assert not mismatches, f"{len(mismatches)} disagreements, first:\nbrowser {mismatches[0][0]}\npython  {mismatches[0][1]}"
    # The comparison covered rules, periods, roll-overs, 调休 days and unverified years.
    text = "\n".join(python)
    for needle in ("moved:", "adjusted-workday:", "month-end:", "unverified:", "no-version", "workdays:", "no-rollover:"):
        assert needle in text, needle
