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


def print_font_pt(browser, url: str, elder: bool = False) -> float:
    """The body text's size on paper, from the computed style in print media (CSS px -> pt)."""
    context = browser.new_context()
    if elder:
        context.add_init_script("try { localStorage.setItem('xf-elder', '1'); } catch (e) {}")
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(url)
    sizes = page.locator("article p, article li, article dd").evaluate_all(
        "els => els.filter(e => e.getClientRects().length && e.textContent.trim().length > 20"
        " && !e.closest('.print-address, .page-meta, .print-basis'))"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))")
    context.close()
    assert sizes, url
    return min(sizes) * 72 / 96


def printed_qr(browser, url: str) -> tuple[str, str]:
    """(the address printed as text, what the printed QR code decodes to), read off the PDF's page image."""
    import zxingcpp
    from PIL import Image

    page = browser.new_page(viewport={"width": 794, "height": 1123})
    page.emulate_media(media="print")
    page.goto(url)
    block = page.locator(".print-address")
    text = block.inner_text()
    image = Image.open(io.BytesIO(block.locator("svg").screenshot(scale="device")))
    page.close()
    found = zxingcpp.read_barcodes(image.convert("L").resize((image.width * 3, image.height * 3), Image.NEAREST))
    return text, found[0].text if found else ""


@pytest.mark.parametrize("path", ["/roadmap/citizen/", "/checker/problem--work/", "/checker/xf-stage--opinion/"])
def test_handed_out_pages_print_large_on_two_sheets_with_their_address(chromium, content, path):
    """The 明白纸 and every answer page, for the older readers they are handed to (issue 17):
    12 pt or more, at most two A4 sheets, the page's address and a QR code that leads back to it."""
    base, browser = chromium
    for elder in (False, True):
        context = browser.new_context()
        if elder:
            context.add_init_script("try { localStorage.setItem('xf-elder', '1'); } catch (e) {}")
        page = context.new_page()
        page.goto(base + path)
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
        context.close()
        assert len(pdf.pages) <= 2, (path, elder, len(pdf.pages))
    assert print_font_pt(browser, base + path) >= 12
    assert print_font_pt(browser, base + path, elder=True) > print_font_pt(browser, base + path)
    address = f"http://127.0.0.1:8000{path}"  # SITE_URL's default, as built by the tests
    text, decoded = printed_qr(browser, base + path)
    assert address in text.replace("\n", "") and decoded == address


def test_roadmap_prints_every_stage_with_short_citations(chromium, content):
    base, browser = chromium
    texts, sizes = print_pdf(browser, base + "/roadmap/citizen/")
    assert set(sizes) == {A4_POINTS}
    sheet = "".join(texts).replace("\n", "")
    roadmap = content.items["roadmap"]["citizen"].data
    for stage in roadmap["stages"]:
        assert on_paper(stage["title"], sheet), stage["title"]
    # Citations as short article numbers, not the full titles shown on screen.
    assert on_paper("信访工作条例第35条", sheet) and not on_paper("《信访工作条例》第三十五条", sheet)
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
