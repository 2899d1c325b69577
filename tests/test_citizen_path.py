"""The citizen's path (issue 17), on a 360 px phone: from the home page's situations to the door
in at most three taps, the 现在就做 block within two screens, and the date box giving the same
last day as the command line."""
from __future__ import annotations

import re

import pytest

from checkers.engines.channel import parse_answers, walk
from conftest import cli_json

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
# The unpaid-wages answer page was 9,801 px tall at 360 px before this work (commit 3efc604).
WAGES_BEFORE = 9801


def situations(content):
    return sorted(content.items["situation"].values(), key=lambda i: (i.data["order"], i.id))


def tap(page, link) -> None:
    """Follow a link and wait until the next page has loaded: count() reads without waiting."""
    before = page.url
    link.click()
    page.wait_for_url(lambda url: url != before)


def taps_to_outcomes(tree, node_id, nodes) -> int:
    """The most taps from a question page to any outcome below it."""
    node = nodes[node_id]
    return 1 + max(0 if "outcome" in o else taps_to_outcomes(tree, o["next"], nodes) for o in node["options"])


def test_the_home_page_lists_enough_situations_in_everyday_words(content):
    assert len(content.items["situation"]) >= 12


def test_every_situation_reaches_its_door_in_three_taps(chromium, content):
    tree = content.trees["channel"]
    nodes = {n["id"]: n for n in tree["nodes"]}
    base, browser = chromium
    context = browser.new_context(**PHONE)
    page = context.new_page()
    for item in situations(content):
        position = walk(tree, parse_answers(item.data["answers"]))
        # One tap on the home page, then at most two more to any outcome the situation can end in.
        more = 0 if position.outcome else taps_to_outcomes(tree, position.question["id"], nodes)
        assert 1 + more <= 3, (item.id, 1 + more)
        page.goto(base + "/")
        tap(page, page.locator("ul.situations a", has_text=item.data["label"]))
        taps = 1
        while page.locator("section.now").count() == 0:
            tap(page, page.locator("a.option").first)
            taps += 1
        assert taps <= 3, item.id
        now = page.locator("section.now")
        assert now.locator("dt", has_text="找谁").count() == 1, (item.id, page.url)
        assert now.locator("dt", has_text="哪天之前").count() == 1, (item.id, page.url)
        who = now.locator("dt:has-text('找谁') + dd").inner_text()
        assert len(who) > 4, (item.id, who)
    context.close()


def outcome_pages(site):
    return sorted(p.relative_to(site).parent.as_posix() for p in (site / "checker").glob("*--*/index.html"))


def test_now_fits_two_phone_screens_on_every_answer_page(chromium, site):
    base, browser = chromium
    context = browser.new_context(**PHONE)
    page = context.new_page()
    too_low = []
    for path in outcome_pages(site):
        page.goto(f"{base}/{path}/")
        box = page.locator("section.now").bounding_box()
        bottom = box["y"] + box["height"] + page.evaluate("window.scrollY")
        if bottom > 2 * 740:
            too_low.append((path, round(bottom)))
    context.close()
    assert len(outcome_pages(site)) >= 30
    assert not too_low, too_low


def test_the_wages_answer_is_at_most_forty_percent_of_its_old_height(chromium):
    base, browser = chromium
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base + "/checker/problem--work/")
    height = page.evaluate("document.documentElement.scrollHeight")
    context.close()
    assert height <= 0.4 * WAGES_BEFORE, height


def test_the_date_box_gives_the_command_lines_date(chromium, site):
    """Every rule a date box counts by, on the first answer page that uses it: the citizen's own
    box ("哪天之前") and the agency's ("等多久")."""
    base, browser = chromium
    first_page_of: dict[tuple[str, str], str] = {}
    for path in outcome_pages(site) + [f"channel/{p.parent.name}" for p in sorted((site / "channel").glob("*/index.html"))]:
        html = (site / path / "index.html").read_text(encoding="utf-8")
        for rule, kind in re.findall(r'class="now-date"[^>]*data-rule="([^"]+)" data-kind="([a-z]+)"', html):
            first_page_of.setdefault((rule, kind), path)
    assert len(first_page_of) >= 10 and {k for _, k in first_page_of} == {"own", "expect"}
    page = browser.new_page()
    for (rule, kind), path in first_page_of.items():
        cli = cli_json("deadline", "--rule", rule, "--from", "2026-09-01", "--json")
        page.goto(f"{base}/{path}/")
        form = page.locator(f"form.now-date[data-kind={kind}]")
        form.locator("input[type=date]").fill("2026-09-01")
        form.locator("button").click()
        box = page.locator("dd", has=form)
        answer = box.locator(".now-answer .now-deadline").first
        answer.wait_for()
        day = cli["deadline"]
        y, m, d = day.split("-")
        assert f"{int(y)}年{int(m)}月{int(d)}日" in answer.inner_text(), (rule, path, cli["deadline"], answer.inner_text())
        if kind == "own" and cli.get("action"):
            assert "最晚哪天" + cli["action"] in answer.inner_text()
        if kind == "expect":
            assert "这是机关的期限" in box.inner_text()
        if "custody" in cli:
            y, m, d = cli["custody"]["deadline"].split("-")
            assert f"{int(y)}年{int(m)}月{int(d)}日" in box.locator(".now-answer").inner_text(), rule
    page.close()


def test_the_date_box_without_javascript_opens_the_calculator(chromium):
    base, browser = chromium
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/checker/xf-stage--opinion/")
    page.fill("#now-from", "2026-09-01")
    page.click("form.now-date button")
    page.wait_for_url(re.compile(r"/calculator/\?rule=xinfang\.review-request&from=2026-09-01"))
    context.close()


# A date box labelled with the statute's words instead of the citizen's event (the fallback the
# template uses when a rule has no date_label, and the phrases issue 25 found on answer pages).
STATUTE_LABEL = re.compile(r"的日期$|知道或者应当知道|书面答复")


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_every_answer_names_its_day_a_phone_and_fits_the_phone(chromium, site, content, elder):
    """Every checker answer, at 360 px: the date box asks for the day in the citizen's words (the
    rule's date_label), 先问问 has a number to tap or says why there is none, and nothing is wider
    than the phone even with 找谁's cases unfolded."""
    base, browser = chromium
    context = browser.new_context(**PHONE)
    if elder:
        context.add_init_script("localStorage.setItem('xf-elder', '1')")
    page = context.new_page()
    wrong = []
    for path in outcome_pages(site):
        page.goto(f"{base}/{path}/")
        now = page.locator("section.now")
        if elder and not page.evaluate("document.documentElement.classList.contains('elder')"):
            wrong.append((path, "长者模式 not on"))
        form = now.locator("form.now-date[data-kind=own]")
        if form.count():
            rule = content.rules[form.get_attribute("data-rule")]
            first = content.rules[rule["after"]] if rule.get("after") else rule
            label = now.locator("label[for=now-from]").inner_text()
            if label != (rule.get("date_label") or first.get("date_label")) or STATUTE_LABEL.search(label):
                wrong.append((path, "date label", label))
        elif "期限" not in now.locator("dt:has-text('哪天之前') + dd").inner_text():
            wrong.append((path, "no date box and no word on the period"))
        if not now.locator("a[href^='tel:']").count() and not now.locator(".now-no-phone").count():
            wrong.append((path, "neither a number nor why there is none"))
        for summary in now.locator("details.who-cases > summary").all():
            summary.click()
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            wrong.append((path, "wider than the phone", page.evaluate("document.documentElement.scrollWidth")))
    context.close()
    assert len(outcome_pages(site)) >= 40
    assert not wrong, wrong


def test_who_names_the_organ_the_citizens_paper_points_to(site):
    """找谁 made concrete: a 派出所's fine goes to the government its 公安局 belongs to, a tax
    bureau's to the tax bureau above, and an appeal from a county court to the intermediate court."""
    def case(path, case_id):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        found = re.search(rf'<li id="who-{case_id}"><span class="who-given">(.*?)</span><span class="who-go">(.*?)</span>', html)
        assert found, (path, case_id)
        return found.groups()
    given, go = case("checker/admin-decision--on-spot", "department-branch")
    assert "派出所" in given and go.startswith("找设立它的那个部门所属的那一级人民政府")
    assert case("checker/admin-choice--reconsider", "vertical")[1].startswith("找它的上一级主管部门")
    given, go = case("checker/civil-stage--in-period", "basic-court")
    assert "基层人民法院" in given and "中级人民法院" in go
    assert "高级人民法院" in case("checker/admin-stage--effective", "intermediate-court")[1]
    # What the law leaves open is said under 别错过, not inside 找谁.
    html = (site / "checker/hardship--victim/index.html").read_text(encoding="utf-8")
    who = re.search(r"<dt>找谁</dt><dd>(.*?)</dd>", html, re.S).group(1)
    assert "没有写明" not in who and "没有写明" in re.search(r'<dd class="now-warn">(.*?)</dd>', html, re.S).group(1)
