"""Trust (issue 16): content that validates never breaks later, one mistake gives one message,
and no command ever answers with a traceback."""
from __future__ import annotations

import datetime as dt

import pytest

from checkers import clock
from checkers.site import rawhtml
from conftest import ROOT, run_cli
from test_loader import RULE, assert_rejected, edit

POST = "docs/cases/posts/police-first-petition-golden-period.md"


# --- one mistake, one message ---------------------------------------------------------------

def test_a_yaml_syntax_error_is_reported_first_and_alone(project):
    line = edit(project, RULE, "title: 办理期限", "title: [办理期限")
    result = run_cli(project, "validate")
    assert_rejected(result)
    lines = result.stderr.splitlines()
    # The parser notices the open bracket on the line after it.
    assert lines[0].startswith((f"{RULE}:{line}: (文件): YAML 格式错误", f"{RULE}:{line + 1}: (文件): YAML 格式错误"))
    assert lines[1] == "共 1 个问题"
    assert lines[2].startswith("另有 7 处引用指向上面无法读取的文件，已省略")  # xinfang.handle is referenced 7 times
    assert "不一致" not in result.stderr  # no false alarms from the period-wording check


def test_a_byte_order_mark_is_accepted(project):
    for rel in (RULE, POST):
        path = project / rel
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = run_cli(project, "validate")
    assert result.returncode == 0, result.stderr


# --- values that used to validate and break later -------------------------------------------

def test_a_value_ending_in_a_newline_is_refused(project):
    line = edit(project, RULE, "counting: period-counting", 'counting: "period-counting\\n"')
    assert_rejected(run_cli(project, "validate"), f"{RULE}:{line}: counting: ")


def test_an_author_without_a_name_is_refused_before_the_build(project):
    line = edit(project, "docs/cases/.authors.yml", "    name: 某市公安局信访部门\n", "")
    result = run_cli(project, "validate")
    assert_rejected(result, "docs/cases/.authors.yml:", "缺少必填字段“name”")
    assert f"docs/cases/.authors.yml:{line - 1}:" in result.stderr


def test_an_extension_in_another_unit_is_refused(project):
    edit(project, RULE, "period: {value: 60, unit: 日}", "period: {value: 2, unit: 个月}")
    result = run_cli(project, "validate")
    assert_rejected(result, "延长的单位“日”和期限的单位“个月”不同")


@pytest.mark.parametrize("old,new,message", [
    ('last_reviewed: "2026-11-23"', 'last_reviewed: "9999-12-31"', "不在合理范围内"),
    ('last_reviewed: "2026-11-23"', 'last_reviewed: "1900-01-01"', "不在合理范围内"),
])
def test_absurd_content_dates_are_refused(project, old, new, message):
    edit(project, RULE, old, new)
    assert_rejected(run_cli(project, "validate"), message)


def test_a_review_date_after_today_is_refused(project):
    tomorrow = (clock.today() + dt.timedelta(days=1)).isoformat()
    edit(project, RULE, 'last_reviewed: "2026-11-23"', f'last_reviewed: "{tomorrow}"')
    assert_rejected(run_cli(project, "validate"), "last_reviewed: 最后核对日期", "在今天")


@pytest.mark.parametrize("day,message", [("0001-01-01", "不在合理范围内"), ("2099-01-01", "不在合理范围内"),
                                         ("tomorrow", "在今天")])
def test_absurd_post_dates_are_refused(project, day, message):
    day = (clock.today() + dt.timedelta(days=1)).isoformat() if day == "tomorrow" else day
    edit(project, POST, "reviewed: 2026-11-20", f"reviewed: {max(day, '2026-11-20')}")
    edit(project, POST, "date: 2026-03-18", f"date: {day}")
    assert_rejected(run_cli(project, "validate"), message)


def test_a_draft_may_carry_a_future_date(project):
    tomorrow = (clock.today() + dt.timedelta(days=1)).isoformat()
    edit(project, POST, "status: published", "status: draft")
    edit(project, POST, "date: 2026-03-18", f"date: {tomorrow}")
    edit(project, POST, "reviewed: 2026-11-20", f"reviewed: {tomorrow}")
    assert run_cli(project, "validate").returncode == 0


@pytest.mark.parametrize("title", ["\u200b\u200b\u200b", "\u200d\ufeff", " \u3000 "])
def test_a_title_must_have_visible_characters(project, title):
    edit(project, RULE, "title: 办理期限", f'title: "{title}"')
    assert_rejected(run_cli(project, "validate"), f"{RULE}:")


# --- no traceback on the command line -------------------------------------------------------

BAD_COMMANDS = [
    (["deadline", "--period", "３０日", "--from", "2026-01-01"], "半角数字"),
    (["deadline", "--period", "٣٠日", "--from", "2026-01-01"], "半角数字"),
    (["deadline", "--period", "30日", "--from", "２０２６-01-01"], "半角数字"),
    (["deadline", "--period", "30日", "--from", "9999-12-31"], "超出范围"),
    (["deadline", "--period", "9999年", "--from", "2099-01-01"], "超出了公历能写的范围"),
    (["deadline", "--rule", "", "--from", "2026-01-01"], "没有写期限规则"),
    (["timeline", "--procedure", "staff-handling", "--from", "9999-12-31"], "超出范围"),
    (["timeline", "--procedure", "staff-handling", "--from", "2026-08-10", "--at", "accept=2026-02-30"], "不是真实存在的日期"),
    (["import-law", "/no/such/file.yaml"], "读不了法规原文文件"),
    (["import-law", "mkdocs.yml"], "不是 YAML 文件"),
    (["import-law", "procedures/rule/xinfang.handle.yaml"], "不是法规原文文件"),
    (["channel", "--answer", "kind=nope"], "没有选项"),
    (["new-case", "Bad Name"], ""),
]


@pytest.mark.parametrize("argv,message", BAD_COMMANDS, ids=[" ".join(a)[:40] for a, _ in BAD_COMMANDS])
def test_bad_commands_get_one_line_and_exit_2(argv, message):
    result = run_cli(ROOT, *argv)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr, result.stderr


def test_a_root_without_content_is_an_error(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "checkers", "--root", str(tmp_path), "validate"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "找不到 procedures/ 目录" in result.stderr and "通过" not in result.stdout


# --- the raw-HTML hook and text that looks like its tokens ----------------------------------

def test_text_cannot_pose_as_a_block_token():
    page_a = "Intro\n\n<div>\n<p>A</p>\n</div>\n\nEnd\n"
    text_a, blocks_a = rawhtml.stash(page_a)
    token = next(iter(blocks_a))
    # Another page's text holding page A's token, as a hostile post might: left as it is.
    page_b = f"{token}\n\n<div>\n<p>B</p>\n</div>\n\nEnd\n"
    text_b, blocks_b = rawhtml.stash(page_b)
    html = rawhtml.restore(f"<p>{token}</p>\n" + "".join(f"<p>{t}</p>" for t in blocks_b), blocks_b)
    assert token in html and "<p>A</p>" not in html and "<p>B</p>" in html
