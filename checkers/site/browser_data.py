"""What the browser's deadline engine (docs/assets/javascripts/deadline.js) loads.

Scripts, not JSON, so the calculator and the timelines also work when the site is opened
from file:// (browsers refuse fetch() there, but run <script src>).  The files are split so a
page downloads only what it uses (issue 7: the calculator adds at most 15 KB on a phone):

- ``data/calendar.js``: the holiday and 调休 days, once, for every page with a date tool;
- ``data/rules/<id>.js``: one rule with its versions and quoted articles.  A timeline page
  loads the rules its steps count by; the calculator loads a rule when the visitor picks it.
"""
from __future__ import annotations

import datetime as dt
import json

from ..engines.deadline import EARLIEST, LATEST
from ..wording.deadline import NOTES
from .pages import Citer, page_of
from .render import Linker

RULES_DIR = "data/rules"


def compact_calendar(calendar: dict) -> dict:
    """Calendar.export() with each holiday's run of days written once, as 2026-10-01/8.
    A day-by-day list grows by ~30 entries a year; runs are a third of the bytes."""
    runs: dict[str, list[list]] = {}
    previous: tuple[str, dt.date] | None = None
    for day, name in sorted(calendar["holidays"].items()):
        date = dt.date.fromisoformat(day)
        if previous == (name, date - dt.timedelta(days=1)):
            runs[name][-1][1] += 1
        else:
            runs.setdefault(name, []).append([day, 1])
        previous = (name, date)
    holidays = {name: [day if length == 1 else f"{day}/{length}" for day, length in days] for name, days in runs.items()}
    return {**calendar, "holidays": holidays}


def rule_data(site, item, page: str) -> dict:
    """One rule for the browser; links are relative to ``page`` (the calculator, which shows them)."""
    link = Linker(page)
    citer = Citer(site.content, link)

    def citation(basis: dict) -> dict:
        parts = citer.parts(basis)
        return {"label": parts["label"], "href": parts["href"], "text": "\n".join(parts["lines"])}

    d = item.data
    # A rule that runs after another carries that rule whole, so the page loads one file.
    after = {"after": rule_data(site, site.content.items["rule"][d["after"]], page)} if d.get("after") else {}
    return {
        **after, "action": d.get("action"), "actor": d["actor"],
        "id": d["id"], "title": d["title"], "trigger": d["trigger"], "date_label": site.date_label(d["id"]),
        "page": link(page_of("rule", d["id"])),
        "versions": [{
            "effective_from": v["effective_from"], "effective_until": v["effective_until"], "period": v["period"],
            **({"extension": {"period": v["extension"]["period"], "condition": v["extension"]["condition"]}}
               if "extension" in v else {}),
            **({"custody": {"text": v["custody"]["text"], "citations": [citation(b) for b in v["custody"]["basis"]]}}
               if "custody" in v else {}),
            "not_counted": [n["text"] for n in v.get("not_counted", [])],
            "exceptions": [n["text"] for n in v.get("exceptions", [])],
            "citations": [citation(b) for b in v["basis"]],
        } for v in d["versions"]],
    }


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def files(site, page: str) -> dict[str, str]:
    """Path under docs/ -> script text."""
    # The days the engine counts from, so the browser refuses exactly what the command line refuses.
    # And why a date is not final, in the command line's own words (deadline_text.NOTES).
    calendar = {**compact_calendar(site.content.calendar.export_with_provisional()), "range": [EARLIEST.isoformat(), LATEST.isoformat()],
                "notes": NOTES}
    out = {"data/calendar.js": f"window.DEADLINE_CALENDAR = {_json(calendar)};\n"}
    for item in site.items("rule"):
        # A registry rather than one global per rule: a page may load several rules, in any order.
        out[f"{RULES_DIR}/{item.id}.js"] = ("(window.DEADLINE_RULES = window.DEADLINE_RULES || {})"
                                            f"[{_json(item.id)}] = {_json(rule_data(site, item, page))};\n")
    return out
