"""Holiday notices as content (procedures/holiday/<year>.yaml): a fixture year turns 2027 dates
verified in Python, on the command line and in the browser; a notice that cannot be what the
State Council published is refused with path:line."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from browser import serve
from conftest import run_cli, site_build

FIXTURE = Path(__file__).with_name("fixtures") / "holiday-2027.yaml"  # invented; see its header


def add_fixture(project: Path, text: str | None = None) -> Path:
    target = project / "procedures" / "holiday" / "2027.yaml"
    target.write_text(text if text is not None else FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def deadline(project: Path) -> dict:
    result = run_cli(project, "deadline", "--rule", "xinfang.review-request", "--from", "2026-12-10", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_shipped_content_keeps_2027_unverified(project):
    answer = deadline(project)
    assert answer["verified"] is False and answer["deadline"] == "2027-01-11"  # Saturday the 9th, moved to Monday
    calendar = json.loads(run_cli(project, "calendar", "--json").stdout)
    assert calendar["last_year"] == 2026 and all(y["kind"] == "package" for y in calendar["years"])


def test_a_notice_year_makes_its_dates_verified_and_counts_its_adjusted_workday(project):
    add_fixture(project)
    answer = deadline(project)
    # Day 30 is Saturday 9 January; the fixture makes Sunday the 10th a 调休 working day.
    assert answer["verified"] is True and answer["deadline"] == "2027-01-10"
    assert not any("未经核实" in s or "只按周六" in s for s in answer["steps"])
    calendar = json.loads(run_cli(project, "calendar", "--json").stdout)
    assert calendar["last_year"] == 2027
    assert calendar["years"][-1] == {"year": 2027, "kind": "notice", "name": "测试用的虚构通知（不是真实的2027年节假日安排）",
                                     "file": "procedures/holiday/2027.yaml", "number": "测试〔2027〕0号", "date": "2026-11-01",
                                     "url": "https://www.gov.cn/test-fixture-not-a-real-notice", "correction": False}
    text = run_cli(project, "calendar").stdout
    assert "2027  测试用的虚构通知" in text and "2026  软件包 chinesecalendar" in text


BAD = [
    ("overlap", lambda t: t.replace('workdays:', '  - {name: 春节, from: "2027-01-03", to: "2027-01-05"}\nworkdays:'),
     "holidays[1]", "两段假期重叠"),
    ("weekday", lambda t: t.replace('"2027-01-10"', '"2027-01-11"'), "workdays[0]", "是星期一，本来就上班"),
    ("both", lambda t: t.replace('"2027-01-10"', '"2027-01-02"'), "workdays[0]", "同时写成了放假"),
    ("reversed", lambda t: t.replace('to: "2027-01-03"', 'to: "2026-12-30"'), "holidays[0].to", "早于第一天"),
    ("other year", lambda t: t.replace('from: "2027-01-01"', 'from: "2026-12-31"'), "holidays[0]", "日期不在2027年内"),
    ("package year", lambda t: t.replace('"2027"', '"2026"').replace("year: 2027", "year: 2026").replace("2027-", "2026-"),
     "year", "和软件包 chinesecalendar 里的2026年不一致（第一个不同的日子：2026-01-04）"),
    ("not gov.cn", lambda t: t.replace("https://www.gov.cn/", "https://example.com/"), "notice.url", "格式不对"),
]


def test_a_year_the_package_also_has_is_accepted_when_the_days_agree(project):
    """The package catches up a year later: the notice file may stay, as long as both agree."""
    target = project / "procedures" / "holiday" / "2026.yaml"
    target.write_text(FIXTURE.read_text(encoding="utf-8").replace('"2027"', '"2026"').replace("year: 2027", "year: 2026")
                      .replace('  - {name: 元旦, from: "2027-01-01", to: "2027-01-03"}\n',
                               '  - {name: 元旦, from: "2026-01-01", to: "2026-01-03"}\n'
                               '  - {name: 春节, from: "2026-02-15", to: "2026-02-23"}\n'
                               '  - {name: 清明节, from: "2026-04-04", to: "2026-04-06"}\n'
                               '  - {name: 劳动节, from: "2026-05-01", to: "2026-05-05"}\n'
                               '  - {name: 端午节, from: "2026-06-19", to: "2026-06-21"}\n'
                               '  - {name: 中秋节, from: "2026-09-25", to: "2026-09-27"}\n'
                               '  - {name: 国庆节, from: "2026-10-01", to: "2026-10-07"}\n')
                      .replace('  - "2027-01-10"\n', "".join(f'  - "{d}"\n' for d in
                               ("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"))),
                      encoding="utf-8")
    result = run_cli(project, "validate")
    assert result.returncode == 0, result.stderr
    assert json.loads(run_cli(project, "calendar", "--json").stdout)["years"][-1]["kind"] == "notice"


@pytest.mark.parametrize("name,change,field,message", BAD, ids=[b[0] for b in BAD])
def test_a_notice_that_cannot_be_right_is_refused(project, name, change, field, message):
    text = change(FIXTURE.read_text(encoding="utf-8"))
    year = "2026" if name == "package year" else "2027"
    target = project / "procedures" / "holiday" / f"{year}.yaml"
    target.write_text(text, encoding="utf-8")
    result = run_cli(project, "validate")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    line = next(l for l in result.stderr.splitlines() if f"procedures/holiday/{year}.yaml:" in l)
    assert f": {field}: " in line and message in line, result.stderr


@pytest.mark.browser
def test_the_browser_counts_the_notice_year_too(tmp_path, project, chromium):
    _, browser = chromium  # the session's Chromium; the copy with the fixture gets its own nginx
    add_fixture(project)
    out = tmp_path / "site"
    built = site_build(project, out)
    assert built.returncode == 0, built.stderr[-2000:]
    base, server = serve(out)
    try:
        page = browser.new_page()
        page.goto(base + "/calculator/?rule=xinfang.review-request&from=2026-12-10")
        result = page.locator("#dl-result")
        result.get_by_text("截止日期：2027年1月10日（星期日）").wait_for()
        assert "未经核实" not in result.inner_text()
        assert "顺延至下一个工作日：2027年1月10日" in result.text_content()
        sources = page.locator(".calendar-sources").inner_text()
        assert "2027年" in sources and "测试用的虚构通知" in sources and "2004年至2026年" in sources
        page.close()
    finally:
        server.shutdown()
    shutil.rmtree(out, ignore_errors=True)


def test_years_must_follow_each_other(project, monkeypatch):
    """2028 entered while 2027 is missing: the engine would treat 2027 as known.  (Dates are
    allowed up to next year, so the test moves 'next year' instead of waiting for 2027.)"""
    from checkers import loader, schema
    from checkers.problems import ContentError

    monkeypatch.setattr(schema, "last_year", lambda: 2028)
    text = FIXTURE.read_text(encoding="utf-8")
    (project / "procedures/holiday/2028.yaml").write_text(
        text.replace('"2027"', '"2028"').replace("year: 2027", "year: 2028").replace("2027-", "2028-")
        .replace('"2028-01-10"', '"2028-01-09"'), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        loader.load(project)
    assert [str(p) for p in caught.value.problems] == [
        "procedures/holiday/2028.yaml:5: year: 2027年还没有录入，不能先录入2028年：中间缺一年，那一年的期限就会被当成已经核实"]
