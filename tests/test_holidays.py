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


def test_shipped_content_keeps_2027_provisional(project):
    answer = deadline(project)
    assert answer["deadline"] == "2027-01-11"  # Saturday the 9th, moved to Monday
    assert answer["verified"] is False and answer["uncertainty"] == "暂定" and answer["provisional_years"] == [2027]
    assert any("暂定：国务院还没有公布2027年的节假日安排" in s and "调休和补假" in s for s in answer["steps"])
    calendar = json.loads(run_cli(project, "calendar", "--json").stdout)
    assert calendar["last_year"] == 2026 and all(y["kind"] == "package" for y in calendar["years"])
    assert calendar["provisional"]["first_year"] == 2027


def test_2027_statutory_holidays_are_rest_days_before_the_notice(project):
    """The issue's check: a 15-day appeal from 2027-01-21 ends on 除夕 (Friday 5 February); 除夕 to
    初三 (5–8 February) are holidays by 第二条 whatever the notice adds, so the last day is later,
    and the answer says it is provisional and cites the article."""
    result = run_cli(project, "deadline", "--rule", "civil.appeal-judgment", "--from", "2027-01-21", "--json")
    answer = json.loads(result.stdout)
    assert answer["deadline"] == "2027-02-09" and answer["uncertainty"] == "暂定"
    assert "2027年2月5日（星期五）是法定节假日（春节），不是工作日。" in answer["steps"]
    assert [(b["law"], b["article"]) for b in answer["calendar_basis"]][0] == ("quanguo-nianjie-fangjia-banfa-2024", 2)
    # 元旦 2027 (a Friday) is neither a last day nor a counted working day.
    day30 = json.loads(run_cli(project, "deadline", "--period", "15日", "--from", "2026-12-17", "--json").stdout)
    assert day30["deadline"] == "2027-01-04" and "2027年1月1日（星期五）是法定节假日（元旦），不是工作日。" in day30["steps"]
    work = json.loads(run_cli(project, "deadline", "--period", "3工作日", "--from", "2026-12-29", "--json").stdout)
    assert work["deadline"] == "2027-01-04"  # 30, 31 December, then Monday 4 January: the 1st is skipped
    human = run_cli(project, "deadline", "--rule", "civil.appeal-judgment", "--from", "2027-01-21").stdout
    assert "2027年2月9日（星期二）" in human and "【暂定】" in human and "第二条" in human


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
     "holidays[7]", "两段假期重叠"),
    ("weekday", lambda t: t.replace('"2027-01-10"', '"2027-01-11"'), "workdays[0]", "是星期一，本来就上班"),
    ("both", lambda t: t.replace('"2027-01-10"', '"2027-01-02"'), "workdays[0]", "同时写成了放假"),
    ("reversed", lambda t: t.replace('to: "2027-01-03"', 'to: "2026-12-30"'), "holidays[0].to", "早于第一天"),
    ("other year", lambda t: t.replace('from: "2027-01-01"', 'from: "2026-12-31"'), "holidays[0]", "日期不在2027年内"),
    ("package year", lambda t: t.replace('"2027"', '"2026"').replace("year: 2027", "year: 2026").replace("2027-", "2026-"),
     "year", "和软件包 chinesecalendar 里的2026年不一致（第一个不同的日子：2026-01-04）"),
    ("除夕 left out", lambda t: t.replace('from: "2027-02-05"', 'from: "2027-02-06"'),
     "holidays", "2027-02-05（春节）是《全国年节及纪念日放假办法》第二条规定的法定节假日"),
    ("not gov.cn", lambda t: t.replace("https://www.gov.cn/", "https://example.com/"), "notice.url", "格式不对"),
]


def test_a_year_the_package_also_has_is_accepted_when_the_days_agree(project):
    """The package catches up a year later: the notice file may stay, as long as both agree."""
    target = project / "procedures" / "holiday" / "2026.yaml"
    text = FIXTURE.read_text(encoding="utf-8").replace('"2027"', '"2026"').replace("year: 2027", "year: 2026")
    head, _ = text.split("holidays:\n")
    target.write_text(head + "holidays:\n"
                      '  - {name: 元旦, from: "2026-01-01", to: "2026-01-03"}\n'
                      '  - {name: 春节, from: "2026-02-15", to: "2026-02-23"}\n'
                      '  - {name: 清明节, from: "2026-04-04", to: "2026-04-06"}\n'
                      '  - {name: 劳动节, from: "2026-05-01", to: "2026-05-05"}\n'
                      '  - {name: 端午节, from: "2026-06-19", to: "2026-06-21"}\n'
                      '  - {name: 中秋节, from: "2026-09-25", to: "2026-09-27"}\n'
                      '  - {name: 国庆节, from: "2026-10-01", to: "2026-10-07"}\n'
                      "workdays:\n" + "".join(f'  - "{d}"\n' for d in
                      ("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"))
                      + 'last_reviewed: "2026-11-29"\n', encoding="utf-8")
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
    from checkers.content import loader, schema
    from checkers.content.problems import ContentError

    from checkers.engines import statutory_holidays

    monkeypatch.setattr(schema, "last_year", lambda: 2028)
    head = FIXTURE.read_text(encoding="utf-8").split("holidays:\n")[0]
    spans = "".join(f'  - {{name: {name}, from: "{day}", to: "{day}"}}\n' for day, name in statutory_holidays.days(2028).items())
    (project / "procedures/holiday/2028.yaml").write_text(
        head.replace('"2027"', '"2028"').replace("year: 2027", "year: 2028") + "holidays:\n" + spans
        + 'workdays:\n  - "2028-01-09"\nlast_reviewed: "2026-11-29"\n', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        loader.load(project)
    assert [str(p) for p in caught.value.problems] == [
        "procedures/holiday/2028.yaml:6: year: 2027年还没有录入，不能先录入2028年：中间缺一年，那一年的期限就会被当成已经核实"]


def test_article_2_days_agree_with_the_package_in_every_year_it_has():
    """For 2025 and 2026, the years under the 2024 text, every 第二条 day is a package holiday.  And
    the lunar library's festivals (初一 to 初三, 清明, 端午, 中秋) are rest days in the package in
    every year since they became holidays (2008).  (The package lists some weekend holidays only
    as weekends: 2012-06-23, 端午, is not in its table, but is a rest day.)"""
    import datetime as dt

    from chinese_calendar import constants
    from lunar_python import Lunar

    from checkers.engines import statutory_holidays
    from checkers.engines.workcalendar import PACKAGE_LAST_YEAR

    for year in range(2025, PACKAGE_LAST_YEAR + 1):
        days = statutory_holidays.days(year)
        assert len(days) == 13 and set(days) <= set(constants.holidays), year
    for year in range(2008, PACKAGE_LAST_YEAR + 1):
        new_year = Lunar.fromYmd(year, 1, 1).getSolar()
        first = dt.date(new_year.getYear(), new_year.getMonth(), new_year.getDay())
        festivals = [first + dt.timedelta(days=n) for n in range(3)] + [statutory_holidays._qingming(year)]
        festivals += [statutory_holidays._lunar_day(year, 5, 5), statutory_holidays._lunar_day(year, 8, 15)]
        working = [d for d in festivals if d in constants.workdays or (d.weekday() < 5 and d not in constants.holidays)]
        assert not working, (year, working)
    with pytest.raises(ValueError):
        statutory_holidays.days(2024)  # the 2024 text does not describe earlier years


def test_a_provisional_year_counts_only_its_article_2_days_as_known(content):
    import datetime as dt

    calendar = content.calendar
    assert calendar.is_provisional(2027) and not calendar.is_provisional(2026)
    assert calendar.is_workday(dt.date(2027, 2, 5)) is False and calendar.holiday_name(dt.date(2027, 2, 5)) == "春节"
    assert calendar.is_workday(dt.date(2027, 2, 9)) is None  # a 补假 or bridged day perhaps: the notice says
    assert calendar.is_workday(dt.date(2027, 2, 13)) is None  # a weekend may become a 调休 working day
    assert calendar.holiday_name(dt.date(2028, 10, 3)) == "国庆节、中秋节"
