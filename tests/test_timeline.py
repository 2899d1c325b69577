"""The case timeline: each step's due date for one case, from the deadline engine, with
steps that wait on an earlier date marked as waiting, on the command line and in the page."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from checkers.engines.timeline import build
from conftest import ROOT, run_cli
from test_loader import assert_rejected, edit

D = dt.date.fromisoformat
# A procedure shaped like staff-handling, written here so the arithmetic is tested apart from the content.
HANDLING = {
    "id": "example", "title": "示例", "start": "收到信访事项",
    "steps": [
        {"id": "register", "title": "登记", "actor": "机关"},
        {"id": "notify", "title": "书面告知", "actor": "机关", "deadline": "xinfang.notify-acceptance", "counts_from": "start"},
        {"id": "object", "title": "提出异议", "actor": "机关", "deadline": "xinfang.transfer-objection", "counts_from": "start"},
        {"id": "accept", "title": "受理", "actor": "机关"},
        {"id": "conclude", "title": "办结", "actor": "机关", "deadline": "xinfang.handle", "counts_from": "accept"},
    ],
}


def due(entries, step_id):
    entry = next(e for e in entries if e.step.get("id") == step_id)
    return entry


def test_worked_example_received_and_accepted_on_the_same_monday(content):
    entries = build(HANDLING, content.rules, D("2026-08-10"), {"accept": D("2026-08-10")}, content.calendar)
    assert due(entries, "notify").due.deadline == D("2026-08-25")       # 15日: Tue 25 Aug
    assert due(entries, "object").due.deadline == D("2026-08-17")       # 5工作日: Mon 17 Aug
    assert due(entries, "conclude").due.deadline == D("2026-10-09")     # 60日: Fri 9 Oct (after 国庆)
    assert due(entries, "conclude").extended_due.deadline == D("2026-11-09")  # 90日 lands on Sun 8 Nov -> Mon 9 Nov
    assert due(entries, "register").due is None and not due(entries, "register").pending


def test_a_step_counted_from_an_undated_step_waits_for_it(content):
    entries = build(HANDLING, content.rules, D("2026-08-10"), {}, content.calendar)
    conclude = due(entries, "conclude")
    assert conclude.pending and conclude.due is None and conclude.counts_from == "accept"
    assert due(entries, "notify").due.deadline == D("2026-08-25")  # the others do not wait


def test_late_and_unverified_are_marked(content):
    entries = build(HANDLING, content.rules, D("2026-08-10"), {"accept": D("2026-08-10"), "conclude": D("2026-10-20")}, content.calendar)
    assert due(entries, "conclude").late
    beyond = build(HANDLING, content.rules, D("2026-12-20"), {"accept": D("2026-12-21")}, content.calendar)
    assert not due(beyond, "conclude").due.verified  # 2027 has no holiday data yet


def test_dates_before_the_start_and_unknown_steps_are_refused(content):
    from checkers.engines.timeline import TimelineError

    with pytest.raises(TimelineError, match="早于起点"):
        build(HANDLING, content.rules, D("2026-08-10"), {"accept": D("2026-08-01")}, content.calendar)
    with pytest.raises(TimelineError, match="没有这个步骤：acept"):
        build(HANDLING, content.rules, D("2026-08-10"), {"acept": D("2026-08-11")}, content.calendar)


# --- the command line, on the shipped staff procedures ----------------------------------

def staff_procedures(content):
    return [i for i in content.items["procedure"].values() if "start" in i.data]


def test_every_timed_procedure_and_practice_computes_from_the_engine(content):
    from checkers.engines.deadline import Period, count, for_rule

    timed = staff_procedures(content) + [i for i in content.items["practice"].values() if "start" in i.data]
    assert len(timed) >= 4
    for item in timed:
        ids = [s["id"] for s in item.data["steps"] if "id" in s]
        start = D("2026-03-02")
        result = run_cli(ROOT, "timeline", f"--{item.kind}", item.id, "--from", "2026-03-02", "--json",
                         *[f"--at={i}=2026-03-02" for i in ids])
        assert result.returncode == 0, result.stderr
        steps = json.loads(result.stdout)["steps"]
        for step, out in zip(item.data["steps"], steps):
            if "deadline" in step:
                assert out["due"] == for_rule(content.rules[step["deadline"]], start, content.calendar, content.rules).main.deadline.isoformat()
            elif "period" in step:
                assert out["due"] == count(start, Period(step["period"]["value"], step["period"]["unit"]), content.calendar).deadline.isoformat()


def test_cli_marks_waiting_steps_and_says_how_to_fill_them():
    result = run_cli(ROOT, "timeline", "--procedure", "staff-handling", "--from", "2026-08-10")
    assert result.returncode == 0, result.stderr
    assert "那一步的日期还没有填（--at " in result.stdout
    assert "2026年8月25日（星期二）" in result.stdout  # 15日 written notice, counted from receipt


@pytest.mark.parametrize("args,message", [
    (["--procedure", "no-such", "--from", "2026-08-10"], "没有这个程序：no-such"),
    (["--procedure", "xf-claim", "--from", "2026-08-10"], "没有时间线"),
    (["--procedure", "staff-handling", "--from", "2026-02-30"], "不是真实存在的日期"),
    (["--procedure", "staff-handling", "--from", "2026-08-10", "--at", "nosuch=2026-08-11"], "没有这个步骤"),
    (["--procedure", "staff-handling", "--from", "2026-08-10", "--at", "accept"], "--at 应写成"),
])
def test_bad_input_gets_one_line(args, message):
    result = run_cli(ROOT, "timeline", *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


def test_a_broken_chain_is_a_content_error(project):
    rel = "procedures/procedure/staff-handling.yaml"
    text = (project / rel).read_text(encoding="utf-8")
    first_counted = text.index("counts_from:")
    old = text[first_counted:text.index("\n", first_counted)]
    line = edit(project, rel, old, "counts_from: later-step")
    assert_rejected(run_cli(project, "validate"), f"{rel}:{line}: ", "“later-step”不是 start，也不是前面某一步的 id")
