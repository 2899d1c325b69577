"""找谁 by place in Chromium: for ?place= the answer pages show the lines Python computes (place.js
only shows them), links keep the place, nothing is stored; without a place a page reads exactly as
before; without JavaScript the place pages lead to the same organs."""
from __future__ import annotations

import pytest

from checkers.site import place as place_site
from checkers.site.pages import Site
from checkers.wording.place import case_lines

pytestmark = pytest.mark.browser
# A county, a city, a 直辖市's district, a 不设区的地级市, a 省直辖县级 unit and a 兵团 city.
PLACES = ("350902", "350900", "110101", "441900", "429004", "659001")
PAGES = ("channel/admin-reconsideration", "channel/admin-lawsuit", "checker/civil-stage--in-period", "channel/labor-arbitration")


@pytest.fixture(scope="module")
def cases(content):
    return place_site.every_case(Site(content))


def shown(page) -> dict[str, list[str]]:
    return page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll("details.who-cases > ul > li"))
        .map(li => [li.id.slice(4), Array.from(li.querySelectorAll("ul.who-here > li")).map(x => x.textContent)]))""")


def test_the_page_shows_for_each_place_what_python_computes(chromium, cases):
    base, browser = chromium
    page = browser.new_page()
    for code in PLACES:
        for path in PAGES:
            page.goto(f"{base}/{path}/?place={code}")
            page.wait_for_selector("p.who-place")
            lines = shown(page)
            assert lines == {case_id: case_lines(cases[case_id], code) for case_id in lines}, (code, path)
            assert any(lines.values()), (code, path)
            assert page.locator("details.who-cases").evaluate("d => d.open")
    page.close()


def test_links_keep_the_place_and_nothing_is_stored(chromium):
    base, browser = chromium
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/checker/admin-choice--reconsider/?place=350902")
    page.wait_for_selector("ul.who-here")
    assert "福建省宁德市蕉城区" in page.locator("p.who-place").inner_text()
    # The next answer page, reached by a link on this one, names the same place's organs.
    page.goto(page.locator("a[href*='channel/admin-lawsuit/']").first.get_attribute("href"))  # in a folded card
    page.wait_for_selector("ul.who-here")
    assert "place=350902" in page.url and "蕉城区人民政府：一般是宁德市中级人民法院" in page.locator("#who-sue-government").inner_text()
    # 不按地方看 goes back to the national page.
    page.locator("p.who-place a", has_text="不按地方看").click()
    page.wait_for_load_state()
    assert "place=" not in page.url and page.locator("ul.who-here").count() == 0
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0 and context.cookies() == []
    context.close()


def test_without_a_place_the_page_reads_as_before(chromium, content):
    """No ?place= (or one that names no division): with JavaScript the answer page is the page
    without JavaScript, and each case says exactly what its YAML says."""
    base, browser = chromium
    plain, scripted = browser.new_context(java_script_enabled=False), browser.new_context()
    who = content.channels["admin-reconsideration"]["now"]["who"]
    for path in ("channel/admin-reconsideration/", "channel/admin-reconsideration/?place=999999",
                 "channel/admin-reconsideration/?place=abc", "checker/civil-stage--in-period/"):
        pages = [c.new_page() for c in (plain, scripted)]
        for page in pages:
            page.goto(f"{base}/{path}")
        pages[1].wait_for_timeout(300)  # a data file that does not exist has been asked for by now
        texts = [p.locator("section.now").evaluate("s => s.textContent") for p in pages]
        assert texts[0] == texts[1], path
        assert pages[1].locator("ul.who-here, p.who-place").count() == 0, path
        if "admin-reconsideration" in path:
            items = pages[1].locator("details.who-cases > ul > li").all_text_contents()
            assert items == [f"{c['given']}找{c['go']}" for c in who["cases"]]
        for page in pages:
            page.close()
    plain.close(), scripted.close()


def test_without_javascript_the_place_pages_lead_to_a_countys_organs(chromium):
    base, browser = chromium
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/channel/admin-reconsideration/")
    page.locator("details.who-cases > summary").click()
    page.locator("a", has_text="按地方看具体叫什么").click()
    page.locator("a", has_text="福建省").first.click()
    page.locator("a", has_text="宁德市").first.click()
    section = page.locator("#p350902")
    assert "蕉城区的部门：蕉城区人民政府" in section.inner_text()
    section.locator("a", has_text="申请行政复议").click()
    page.wait_for_load_state()
    assert page.url.endswith("/channel/admin-reconsideration/?place=350902")
    context.close()


def test_place_data_and_pages_stay_light(site):
    """What a phone downloads for a place: one prefecture's data file, gzipped as nginx serves it,
    and the place pages themselves (measured at the heaviest, 重庆's and 保定's)."""
    import gzip

    data = sorted(site.glob("data/place/*.js"), key=lambda f: f.stat().st_size)
    assert len(data) == 373 and max(len(gzip.compress(f.read_bytes(), 6)) for f in data) < 12_000, data[-1]
    pages = [site / "place" / name / "index.html" for name in ("50", "1306", "3509")]
    assert max(len(gzip.compress(p.read_bytes(), 6)) for p in pages) < 30_000
    script = site / "assets" / "javascripts" / "place.js"
    assert len(script.read_bytes()) < 5_000
