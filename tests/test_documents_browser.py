"""Documents in a real browser, as a citizen and a clerk use them: every document filled in and
printed (what was typed is on paper, within two sheets, with no request leaving the page); a staff
notice on one A4 sheet in the GB/T 9704 layout, its dates taken from the case timeline; the
timeline's due dates as an .ics file a calendar imports; nothing stored until 在本机保存."""
from __future__ import annotations

import io
import json
import subprocess
import tempfile
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import ROOT, run_cli
from test_print import on_paper

pytestmark = pytest.mark.browser
MM = 72 / 25.4  # PDF points per millimetre


def typed_value(field: dict, n: int, short: bool = False) -> str:
    """A value a person might type, unique per field so the PDF shows which one was printed."""
    kind = field.get("type") or ("textarea" if field.get("lines", 1) > 1 else "text")
    if kind == "date":
        return "2026-11-20"
    if kind == "choice":
        return field["options"][0]
    if kind == "evidence":
        return f"证据甲{n}号\n证据乙{n}号"
    if kind == "textarea" and short:
        return f"第{n}项：经调查核实，情况属实。"
    if kind == "textarea":
        return f"第{n}项：去年三月起单位一直拖欠工资，多次找负责人都没有结果，请求依法处理。"
    return f"填写内容{n}"


def fill(page, fields: list[dict], ids: list[str], short: bool = False) -> dict[str, str]:
    values = {}
    for n, (field, fid) in enumerate(zip(fields, ids), start=1):
        value = typed_value(field, n, short)
        target = page.locator(f"#f-{fid}")
        if field.get("type") == "choice":
            target.select_option(value)
        else:
            target.fill(value)
        values[fid] = value
    return values


def printed(page) -> tuple[list[str], bytes]:
    page.evaluate("window.print = () => {}")  # the print button draws the sheet; page.pdf() prints it
    page.click("[data-act=print]")
    data = page.pdf(prefer_css_page_size=True)
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages], data


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_every_document_prints_what_was_typed_on_two_sheets_at_most_and_sends_nothing(chromium, content, elder):
    base, browser = chromium
    context = browser.new_context()
    if elder:
        context.add_init_script("localStorage.setItem('xf-elder', '1')")
    page = context.new_page()
    requests: list[str] = []
    # Chromium may fetch the tab's icon late, after the page went idle: our own static file,
    # which carries nothing typed.  Every other request after load fails the test.
    page.on("request", lambda r: None if r.url.endswith(("/favicon.png", "/favicon.ico")) else requests.append(r.url))
    docs = content.items["document"]
    assert len(docs) >= 8
    for doc in docs.values():
        page.goto(f"{base}/document/{doc.id}/")
        page.wait_for_load_state("networkidle")
        requests.clear()  # the page's own files have loaded; from here on, nothing may be fetched
        fields = doc.data["fields"]
        values = fill(page, fields, [f["id"] for f in fields])
        sheets, _ = printed(page)
        text = "".join(sheets)
        assert len(sheets) <= 2, f"{doc.id} prints on {len(sheets)} sheets"
        assert on_paper(doc.data["title"], text)
        for field in fields:
            shown = "2026年11月20日" if field["type"] == "date" else values[field["id"]].split("\n")[0]
            assert on_paper(shown, text), (doc.id, field["id"], shown)
        assert not on_paper("怎么写", text)  # the guidance stays on screen
        assert "http" not in text and "/document/" not in text  # no address or tracking mark on paper
        assert requests == [], f"{doc.id}: {requests}"
        assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('xf-doc'))") == []
    context.close()


def test_a_document_is_kept_only_when_saved_and_clear_removes_it(chromium):
    base, browser = chromium
    context = browser.new_context()
    page = context.new_page()
    url = f"{base}/document/xf-review-request/"
    page.goto(url)
    first = page.locator(".doc-form [data-field]").first
    first.fill("王五")
    page.goto(url)
    assert page.locator(".doc-form [data-field]").first.input_value() == "", "kept without being asked"
    first.fill("王五")
    page.click("[data-act=save]")
    assert "已经保存" in page.locator(".doc-status").inner_text()
    page.goto(url)
    expect(page.locator(".doc-form [data-field]").first).to_have_value("王五")
    page.click("[data-act=clear]")
    assert page.evaluate("localStorage.getItem('xf-doc-xf-review-request')") is None
    page.goto(url)
    assert page.locator(".doc-form [data-field]").first.input_value() == ""
    # The keyboard alone reaches every field and the print button, in order.
    page.locator(".doc-form [data-field]").first.focus()
    reached = set()
    for _ in range(300):
        reached.add(page.evaluate("document.activeElement.id || document.activeElement.getAttribute('data-act')"))
        if "clear" in reached:
            break
        page.keyboard.press("Tab")
    assert {"print", "save", "clear"} <= reached
    assert len([r for r in reached if r and r.startswith("f-")]) == page.locator(".doc-form [data-field]").count()
    context.close()


def text_lines(pdf: bytes) -> list[tuple[float, float, float, str]]:
    """(xMin, yMin, xMax, text) of each line on the first page, in points, from poppler's pdftotext."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "a.pdf").write_bytes(pdf)
        subprocess.run(["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", "a.pdf", "a.html"], cwd=tmp, check=True)
        from xml.etree import ElementTree

        tree = ElementTree.parse(Path(tmp) / "a.html")
    out = []
    for line in tree.iter("{http://www.w3.org/1999/xhtml}line"):
        words = "".join(w.text or "" for w in line)
        out.append((float(line.get("xMin")), float(line.get("yMin")), float(line.get("xMax")), words))
    return out


def cli_due(procedure: str, start: str, at: dict[str, str]) -> dict[str, dict]:
    result = run_cli(ROOT, "timeline", "--procedure", procedure, "--from", start, "--json",
                     *[f"--at={k}={v}" for k, v in at.items()])
    assert result.returncode == 0, result.stderr
    return {s["id"]: s for s in json.loads(result.stdout)["steps"] if s.get("id")}


def test_every_staff_notice_prints_on_one_a4_sheet_with_a_156_mm_text_block(chromium, content):
    base, browser = chromium
    page = browser.new_page()
    for form in content.items["form"].values():
        page.goto(f"{base}/form/{form.id}/")
        fields = form.data["fields"]
        ids = [f"f{n}" for n in range(1, len(fields) + 1)]
        values = fill(page, fields, ids, short=True)
        # One long item, so that a body paragraph runs the full width of the 版心.
        body = next(fid for f, fid in zip(fields, ids) if f.get("lines", 1) > 1 and "role" not in f)
        page.fill(f"#f-{body}", "信访人反映的问题涉及多个部门，需要调取材料、现场核实并听取各方意见。" * 3)
        sheets, pdf = printed(page)
        assert len(sheets) == 1, f"{form.id} prints on {len(sheets)} sheets"
        page_text = sheets[0]
        assert on_paper(form.data["title"], page_text)
        for field, fid in zip(fields, ids):
            if field.get("type") != "date" and fid != body:
                assert on_paper(values[fid], page_text), (form.id, field["label"])
        lines = text_lines(pdf)
        body_lines = [ln for ln in lines if ln[2] - ln[0] > 100 * MM]
        left = min(ln[0] for ln in body_lines)
        width = max(ln[2] for ln in body_lines) - left
        assert abs(width / MM - 156) <= 2, f"{form.id}: text block {width / MM:.1f} mm wide"
        assert abs(left / MM - 28) <= 1.5, f"{form.id}: left margin {left / MM:.1f} mm"
        # 28 characters to a full line, and 22 lines to the 225 mm of the 版心.
        full = [ln for ln in body_lines if abs(ln[0] - left) < MM and (ln[2] - left) / MM > 150]
        # (a line can hold 27 when the next character may not start a line, as with 。)
        counts = [len(ln[3].replace(" ", "")) for ln in full]
        assert counts and max(counts) == 28 and min(counts) >= 27, (form.id, [ln[3] for ln in full])
        ys = sorted(ln[1] for ln in lines)
        pitch = sorted(b - a for a, b in zip(ys, ys[1:]) if b - a > 5 * MM)[len(ys) // 3]
        assert abs(pitch / MM - 225 / 22) <= 0.4, f"{form.id}: lines {pitch / MM:.2f} mm apart"
        top = min(ln[1] for ln in lines)
        assert 33 <= top / MM <= 40, f"{form.id}: first line {top / MM:.1f} mm from the top"
    page.close()


def test_a_notice_takes_its_dates_from_the_case_timeline(chromium):
    """受理 on 10 September, 60 days to conclude, extended 30: the 延期告知书 reached from the
    timeline carries the same dates as the command line."""
    base, browser = chromium
    page = browser.new_page()
    page.goto(f"{base}/procedure/staff-handling/?from=2026-09-01&at-accept=2026-09-10#case-timeline")
    link = page.locator("#tl-result a", has_text="延期")
    link.first.click()
    page.wait_for_url("**/form/notice-extension/**")
    due = cli_due("staff-handling", "2026-09-01", {"accept": "2026-09-10"})
    assert due["conclude"]["due"] == "2026-11-09"
    # The form's script fills these after the page loads: wait for it, as a reader would.
    expect(page.locator("[data-timeline='done:accept']")).to_have_value("2026-09-10")
    expect(page.locator("[data-timeline='due:conclude']")).to_have_value(due["conclude"]["due"])
    expect(page.locator("[data-timeline='extended:conclude']")).to_have_value(due["conclude"]["extended_due"])
    assert "请核对" in page.locator(".form-case").inner_text()
    page.close()


def test_timeline_due_dates_download_as_a_calendar_file(chromium):
    base, browser = chromium
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{base}/procedure/staff-handling/?from=2026-09-01#case-timeline")
    with page.expect_download() as download:
        page.click("text=下载到日历")
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    events = [e for e in calendar.walk("VEVENT") if "延长" not in str(e.get("SUMMARY"))]
    due = cli_due("staff-handling", "2026-09-01", {})
    expected = sorted(s["due"] for s in due.values() if s.get("due"))
    assert sorted(e.decoded("DTSTART").isoformat() for e in events) == expected
    assert len(events) == len(expected) >= 2
    for event in events:
        assert "依据" in str(event.get("DESCRIPTION")) and "《" in str(event.get("DESCRIPTION"))
        assert "截止" in str(event.get("SUMMARY"))
    context.close()


def _download_ics(page, url: str, case: str = "") -> dict[str, icalendar.Event]:
    page.goto(url)
    if case:  # typed, never in the address (timeline.js)
        page.fill("#tl-case", case)
        page.click("#tl-form button[type=submit]")
        assert case not in page.url
    page.locator("#tl-result ol.tl-steps > li").first.wait_for()
    with page.expect_download() as download:
        page.click("text=下载到日历")
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_a_corrected_timeline_updates_the_calendar_instead_of_adding_to_it(chromium):
    """Issue 29: the UID names the case and the step, not the date.  A clerk who corrects the
    受理 date and imports again gets the same events with new dates and a higher SEQUENCE; the
    extended last day is an event of its own; a step since done comes back as cancelled."""
    base, browser = chromium
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    case = "信访〔2026〕12号"
    url = f"{base}/procedure/staff-handling/?from=2026-09-01&at-accept=2026-09-10#case-timeline"
    page.clock.set_fixed_time("2026-09-15T09:00:00")
    first = _download_ics(page, url, case)
    assert "案号：" + case in page.locator("#tl-result").inner_text()
    page.clock.set_fixed_time("2026-09-15T09:05:00")  # five minutes later, on the visitor's clock
    second = _download_ics(page, url.replace("at-accept=2026-09-10", "at-accept=2026-09-14"), case)
    assert set(first) == set(second) and all(case in uid for uid in first)
    due = {k: v for k, v in cli_due("staff-handling", "2026-09-01", {"accept": "2026-09-14"}).items() if v.get("due")}
    conclude = f"staff-handling/conclude/case:{case}@xinfang-roadmap"
    extended = f"staff-handling/conclude/extended/case:{case}@xinfang-roadmap"
    assert second[conclude].decoded("DTSTART").isoformat() == due["conclude"]["due"]
    assert second[extended].decoded("DTSTART").isoformat() == due["conclude"]["extended_due"]
    assert "延长后的最晚一天" in str(second[extended]["SUMMARY"])
    assert first[conclude].decoded("DTSTART") != second[conclude].decoded("DTSTART")
    assert int(second[conclude]["SEQUENCE"]) > int(first[conclude]["SEQUENCE"])
    done = _download_ics(page, url.replace("#case-timeline", "&at-conclude=2026-10-20#case-timeline"), case)
    assert set(done) == set(first)
    assert str(done[conclude].get("STATUS")) == "CANCELLED" and "已完成" in str(done[conclude]["SUMMARY"])
    # Without a 案号 the case is its start date: still no date of a deadline in the UID.
    plain = _download_ics(page, f"{base}/procedure/staff-handling/?from=2026-09-01&at-accept=2026-09-10#case-timeline")
    assert all("from:2026-09-01" in uid and due["conclude"]["due"] not in uid for uid in plain)
    context.close()


def test_timeline_marks_each_deadline_against_today_and_prints_alone_on_one_sheet(chromium):
    """On 9 October 2026 (the visitor's own clock), in a case received and accepted on 10 August:
    the 处理意见书 is due today, the 告知 passed 45 days ago."""
    base, browser = chromium
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time("2026-10-09T09:30:00")
    page.goto(f"{base}/procedure/staff-handling/?from=2026-08-10&at-accept=2026-08-10#case-timeline")
    steps = page.locator("#tl-result ol.tl-steps > li")
    steps.first.wait_for()
    assert "就是今天" in steps.filter(has_text="出具信访处理意见书").inner_text()
    assert "已经过了45天" in steps.filter(has_text="书面告知受理情况").inner_text()
    page.clock.set_fixed_time("2026-10-01T09:30:00")
    page.reload()
    assert "还有8天" in page.locator("#tl-result li", has_text="出具信访处理意见书").inner_text()
    page.evaluate("window.print = () => {}")
    page.click("text=打印时间线（一页）")
    sheets = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    assert len(sheets) == 1
    text = sheets[0].extract_text()
    assert on_paper("截止2026年10月9日", text) and on_paper("还有8天", text)
    assert not on_paper("计算时间线", text) and not on_paper("必须写明", text)
    context.close()


def test_document_command_lists_every_field_with_its_articles():
    result = run_cli(ROOT, "document", "--list", "--json")
    assert result.returncode == 0, result.stderr
    docs = {d["id"]: d for d in json.loads(result.stdout)}
    assert {"xf-letter", "xf-review-request", "xf-recheck-request", "gov-info-application", "labor-arbitration-application",
            "admin-reconsideration-application", "state-compensation-application", "civil-complaint"} <= set(docs)
    for doc in docs.values():
        for field in doc["fields"]:
            assert not field["required"] or field["basis"], (doc["id"], field["id"])
            assert all(b["label"].startswith("《") for b in field["basis"])
    bad = run_cli(ROOT, "document", "--id", "no-such-document")
    assert bad.returncode == 2 and bad.stdout == "" and len(bad.stderr.strip().splitlines()) == 1
