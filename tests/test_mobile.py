"""On a 360×740 phone: the main page kinds fit the screen, their controls are big enough
to tap, and a screenshot of each is kept as a test artefact (test-artifacts/screenshots/)."""
from __future__ import annotations

import pytest

from browser import ROOT
from test_accessibility import PAGES

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "screenshots"  # pytest-playwright empties test-results/ on every run


@pytest.mark.parametrize("kind", PAGES)
def test_page_fits_a_phone_and_its_controls_can_be_tapped(chromium, kind):
    base, browser = chromium
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    page = context.new_page()
    page.goto(base + PAGES[kind])
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{kind.replace(' ', '-')}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # Controls a visitor must tap (not links inside a sentence): at least 44 CSS px high, and on screen.
    small = page.locator("article .md-button, article select, article input, article button").evaluate_all(
        """els => els.filter(e => e.getClientRects().length).map(e => [e.textContent.trim() || e.id,
                 e.getBoundingClientRect().height, e.getBoundingClientRect().right])
            .filter(([, h, right]) => h < 44 || right > window.innerWidth)""")
    context.close()
    assert not small, small


@pytest.mark.parametrize("path", ["/rule/xinfang.handle/", "/channel/"])
def test_a_table_shows_every_column_on_a_phone(chromium, path):
    """The four-column tables (a rule's versions, the list of channels) become one card a row at
    360 px: every cell, 依据 included, lies inside the screen, none behind a sideways scroll."""
    base, browser = chromium
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base + path)
    cells = page.locator("article td").evaluate_all(
        "els => els.map(e => [e.getAttribute('data-label'), e.getBoundingClientRect().right, getComputedStyle(e, '::before').content])")
    context.close()
    assert cells
    labels = {label for label, _, _ in cells}
    assert labels & {"依据", "主要依据"}, labels
    assert all(right <= 360 for _, right, _ in cells), [c for c in cells if c[1] > 360][:3]
    assert all(label in before for label, _, before in cells), cells[:2]
