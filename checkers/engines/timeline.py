"""The case timeline: every step's due date for one case, from the dates staff enter.

A procedure (or a local practice) with a `start` is a small chain of events: the
start event, then steps that each may have a period counted from the start or
from an earlier step's completion.  Given the start date and the actual dates of
steps already done, each step gets a due date from the deadline engine — or an
explicit "pending" naming the earlier step whose date is still missing.  Nothing
is guessed: a missing date stays missing.  Wording lives in timeline_cli.py and
timeline.js; this module returns facts.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .deadline import Count, NoVersion, Period, count, for_rule
from .workcalendar import Calendar

START = "start"


@dataclass(frozen=True)
class Entry:
    step: dict
    index: int
    counts_from: str | None          # 'start', a step id, or None (no period on this step)
    base: dt.date | None             # the date the period counts from, when known
    due: Count | None                # the deadline, when the base is known
    extended_due: Count | None       # the latest date if the legal extension is used
    rule: dict | None                # the legal rule (procedures); None for a local practice's own period
    no_version: bool = False         # the rule has no version in force on the base date
    done: dt.date | None = None      # the date staff entered for this step
    late: bool = False               # done after the due date (an extension, if any, must have been approved)
    not_needed: str | None = None    # the step (step.unless) whose completion made this one unnecessary

    @property
    def pending(self) -> bool:
        return self.counts_from is not None and self.base is None


class TimelineError(ValueError):
    """Input the timeline cannot use: one line for the user."""


def step_ids(item: dict) -> list[str]:
    return [s["id"] for s in item["steps"] if "id" in s]


def build(item: dict, rules: dict[str, dict], start: dt.date, done: dict[str, dt.date], calendar: Calendar) -> list[Entry]:
    """Entries in step order.  `done` maps step id -> the date that step was completed."""
    known = set(step_ids(item))
    unknown = sorted(set(done) - known)
    if unknown:
        raise TimelineError(f"没有这个步骤：{'、'.join(unknown)}（可用：{'、'.join(step_ids(item))}）")
    for step_id, day in done.items():
        if day < start:
            raise TimelineError(f"步骤 {step_id} 的日期 {day} 早于起点 {start}")
    dates = {START: start, **done}
    entries = []
    for index, step in enumerate(item["steps"]):
        source = step.get("counts_from")
        base = dates.get(source) if source else None
        rule = rules[step["deadline"]] if "deadline" in step else None
        due = extended = None
        no_version = False
        if base is not None:
            if rule is not None:
                try:
                    answer = for_rule(rule, base, calendar, rules)
                    due, extended = answer.main, answer.extended_total
                except NoVersion:
                    no_version = True
            elif "period" in step:
                due = count(base, Period(step["period"]["value"], step["period"]["unit"]), calendar)
        finished = done.get(step.get("id", ""))
        # The branch not taken: once the matter is accepted, telling the petitioner where to go is moot.
        moot = next((other for other in step.get("unless", []) if other in done), None) if not finished else None
        entries.append(Entry(step, index, source, base, due, extended, rule, no_version, finished,
                             late=bool(finished and due and finished > due.deadline), not_needed=moot))
    return entries
