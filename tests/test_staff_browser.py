"""Staff pages in a real browser: the case timeline agrees with the command line, lives in
the URL, prints; a form prints as its blank sheet; local practices say what they are."""
from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import unquote

import pytest
from pypdf import PdfReader

from checkers.wording.deadline import cn_date
from conftest import ROOT, run_cli
from test_print import on_paper, overflowing

pytestmark = pytest.mark.browser


def cli_timeline(kind: str, item_id: str, start: str, at: dict[str, str]) -> list[dict]:
    result = run_cli(ROOT, "timeline", f"--{kind}", item_id, "--from", start, "--json",
                     *[f"--at={k}={v}" for k, v in at.items()])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["steps"]


@pytest.mark.parametrize("kind,item_id,start,at", [
    ("procedure", "staff-handling", "2026-08-10", {}),
    ("procedure", "staff-handling", "2026-09-25", {"accept": "2026-09-28"}),
    ("procedure", "staff-review", "2026-12-10", {}),
    ("practice", "police-first-petition-30-days", "2026-09-20", {}),
])
def test_page_timeline_agrees_with_the_command_line(chromium, kind, item_id, start, at):
    base, browser = chromium
    page = browser.new_page()
    page.goto(f"{base}/{kind}/{item_id}/")
    page.fill("#tl-from", start)
    for step, day in at.items():
        page.fill(f"#tl-at-{step}", day)
    page.click("#tl-form button[type=submit]")
    items = page.locator("#tl-result ol.tl-steps > li")
    items.first.wait_for()
    shown = items.all_inner_texts()
    expected = cli_timeline(kind, item_id, start, at)
    assert len(shown) == len(expected)
    for text, step in zip(shown, expected):
        assert step["title"] in text
        if step.get("status") == "not-needed":
            assert "不需要了" in text and "已经过了" not in text, text
        elif step.get("status") == "pending":
            assert "还没有填" in text, text
        elif step.get("due"):
            assert f"截止{cn_date(step['due'])}" in text, (text, step)
            if step.get("extended_due"):
                assert f"最晚{cn_date(step['extended_due'])}" in text
            assert ("未经核实" in text or "暂定" in text) == (not step["verified"])
    # The answer is in the URL: reloading it shows the same timeline.
    assert f"from={start}" in page.url
    page.goto(page.url)
    assert page.locator("#tl-result ol.tl-steps > li").all_inner_texts() == shown
    page.close()


def test_timeline_prints_without_the_form_with_its_case_and_petitioner(chromium):
    """The print is the file copy: the 案号 and the 信访人 on it, the form not.  The name stays in
    the page: not in the address, not in the calendar file."""
    base, browser = chromium
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{base}/procedure/staff-handling/?from=2026-08-10&at-accept=2026-08-10#case-timeline")
    page.fill("#tl-case", "信访〔2026〕7号")
    page.fill("#tl-person", "王某某")
    page.click("#tl-form button[type=submit]")
    page.locator("#tl-result li").first.wait_for()
    assert "王某某" not in unquote(page.url) and "信访〔2026〕7号" not in unquote(page.url)
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    printed = "".join(p.extract_text() for p in pdf.pages)
    assert on_paper("截止2026年10月9日", printed) and not on_paper("计算时间线", printed)
    assert on_paper("案号：信访〔2026〕7号", printed) and on_paper("信访人：王某某", printed)
    with page.expect_download() as download:
        page.click("text=下载到日历")
    assert "王某某" not in Path(download.value.path()).read_text(encoding="utf-8")
    context.close()


def test_a_staff_page_opens_on_the_task(chromium, content):
    """On a phone, a staff procedure with a case timeline shows its form within the first two
    screens (the staff-handling page had it at y≈4,900 of 18,832 px)."""
    base, browser = chromium
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    staff = [i.id for i in content.items["procedure"].values() if "citizen" not in i.data["audience"] and i.data.get("start")]
    assert "staff-handling" in staff
    for item_id in staff:
        page.goto(f"{base}/procedure/{item_id}/")
        top = page.locator("#tl-form").bounding_box()["y"]
        assert top < 2 * 740, (item_id, top)
    context.close()


def test_every_form_lists_its_fields_and_prints_as_one_blank_sheet(chromium, content):
    base, browser = chromium
    page = browser.new_page()
    forms = content.items["form"]
    assert len(forms) == 6
    for form in forms.values():
        url = f"{base}/form/{form.id}/"
        page.goto(url)
        table = page.locator(".form-fields").inner_text()
        for field in form.data["fields"]:
            assert field["label"] in table, (form.id, field["label"])
        required = [f for f in form.data["fields"] if "basis" in f]
        assert required, f"{form.id}: no field says which article requires it"
        assert page.locator(".form-fields .cite").count() >= len(required)
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
        assert len(pdf.pages) == 1, f"{form.id} prints on {len(pdf.pages)} sheets"
        sheet = pdf.pages[0].extract_text()
        assert all(on_paper(f["label"], sheet) for f in form.data["fields"]), form.id
        assert not on_paper("必须写明的事项", sheet)  # the guidance stays on screen
        assert overflowing(browser, url) == []
    page.close()


def test_local_practices_are_labelled_everywhere_they_appear(chromium, content):
    base, browser = chromium
    page = browser.new_page()
    for practice in content.items["practice"].values():
        page.goto(f"{base}/practice/{practice.id}/")
        assert "地方做法，不是全国统一的法律规定" in page.locator("article").inner_text()
    for procedure in content.items["procedure"].values():
        if procedure.data.get("practices"):
            page.goto(f"{base}/procedure/{procedure.id}/")
            section = page.locator("#practices").locator("xpath=following-sibling::*[1]").inner_text()
            assert "不是全国统一的法律规定" in section
    page.close()
