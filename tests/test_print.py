"""Printing, as a petition clerk or a citizen does it: Chromium's own print to an A4 PDF.
The roadmap fits one sheet (明白纸); procedure pages and a calculator answer print with
no navigation chrome and no text cut off at the right edge."""
from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser
A4_POINTS = (595.3, 841.9)  # 210 × 297 mm
# Words that only appear in the site's chrome (header, tabs, navigation, footer, buttons).
CHROME = ("长者模式", "找对途径", "内容维护指南", "隐私说明", "Material for MkDocs")


def print_pdf(browser, url: str) -> tuple[list[str], list[tuple[int, int]]]:
    page = browser.new_page()
    page.goto(url)
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    page.close()
    # Chromium's PDF maps some CJK glyphs to compatibility code points (⼀ for 一): NFKC undoes that.
    texts = [unicodedata.normalize("NFKC", p.extract_text()) for p in pdf.pages]
    # Chromium rounds the page box to whole device pixels: within 2 points of A4 is A4.
    sizes = [A4_POINTS if abs(float(p.mediabox.width) - A4_POINTS[0]) < 2 and abs(float(p.mediabox.height) - A4_POINTS[1]) < 2
             else (float(p.mediabox.width), float(p.mediabox.height)) for p in pdf.pages]
    return texts, sizes


def on_paper(text: str, printed: str) -> bool:
    """Whether text is in the PDF's text.  Chromium's PDF maps some CJK glyphs to radical
    code points (⻔ for 门) that NFKC cannot undo, so a radical matches any character."""
    wanted = re.sub(r"\s", "", unicodedata.normalize("NFKC", text))
    pattern = "".join(f"(?:{re.escape(c)}|[\u2e80-\u2fdf])" for c in wanted)
    return re.search(pattern, re.sub(r"\s", "", unicodedata.normalize("NFKC", printed))) is not None


def overflowing(browser, url: str) -> list[str]:
    """Elements of the printed content that reach past the right edge of an A4 text column."""
    page = browser.new_page(viewport={"width": 700, "height": 1000})  # A4 less the page margins, in CSS px
    page.emulate_media(media="print")
    page.goto(url)
    wide = page.evaluate("""() => {
        const edge = document.documentElement.clientWidth + 1;
        return [...document.querySelectorAll('article *')]
            .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > edge)
            .map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 30));
    }""")
    chrome = page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar', '.md-footer', '.md-search', '.xf-header-button']
        .flatMap(s => [...document.querySelectorAll(s)]).filter(e => e.getClientRects().length).map(e => e.className)""")
    page.close()
    return wide + [f"chrome still shown: {c}" for c in chrome]


def test_roadmap_prints_on_one_a4_sheet(chromium, content):
    base, browser = chromium
    texts, sizes = print_pdf(browser, base + "/roadmap/citizen/")
    assert len(texts) == 1, f"the 明白纸 takes {len(texts)} sheets"
    assert sizes == [A4_POINTS]
    sheet = texts[0].replace("\n", "")
    roadmap = content.items["roadmap"]["citizen"].data
    for stage in roadmap["stages"]:
        assert on_paper(stage["title"], sheet), stage["title"]
    assert all(on_paper(w, sheet) for w in ("30日", "依据", "第三十六条"))
    assert not [w for w in CHROME if on_paper(w, sheet)]
    assert overflowing(browser, base + "/roadmap/citizen/") == []


@pytest.mark.parametrize("procedure", ["xf-claim", "xf-review", "xf-register-notify", "staff-handling"])
def test_procedure_prints_cleanly_on_a4(chromium, content, procedure):
    base, browser = chromium
    texts, sizes = print_pdf(browser, f"{base}/procedure/{procedure}/")
    assert set(sizes) == {A4_POINTS}
    printed = "".join(texts).replace("\n", "").replace(" ", "")
    for step in content.items["procedure"][procedure].data["steps"]:
        assert on_paper(step["title"], printed), step["title"]
    assert on_paper("法律依据", printed) and on_paper("最后核对", printed)  # the article texts and the date they were checked
    # Each quoted article's address on the site (SITE_URL), since paper cannot be clicked.
    assert on_paper(f"http://127.0.0.1:8000/law/xinfang-gongzuo-tiaoli-2022/#第", printed)
    assert not [w for w in CHROME if on_paper(w, printed)]
    assert overflowing(browser, f"{base}/procedure/{procedure}/") == []


def test_a_calculator_answer_prints_without_the_form(chromium):
    base, browser = chromium
    url = base + "/calculator/?rule=xinfang.review-request&from=2026-09-01"
    texts, _ = print_pdf(browser, url)
    printed = "".join(texts).replace("\n", "").replace(" ", "")
    assert on_paper("截止日期:2026年10月8日", printed)  # NFKC turns the full-width colon into ':'
    assert not on_paper("计算截止日期", printed)  # the form's button is not on paper
    assert overflowing(browser, url) == []
