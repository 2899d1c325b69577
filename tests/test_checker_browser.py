"""The channel checker works by links alone: with JavaScript off, a citizen clicks through
the questions and lands on the right door, with the answers so far shown on each page."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checkers.engines.channel import parse_answers, walk

pytestmark = pytest.mark.browser
SCENARIOS = yaml.safe_load(Path(__file__).with_name("channel_scenarios.yaml").read_text(encoding="utf-8"))


def test_click_through_every_scenario_without_javascript(chromium, content):
    tree = content.trees["channel"]
    base, browser = chromium
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    # Each link is clicked once: a scenario starts from the page the longest trail already clicked
    # through reached (scenarios share their first answers), so 60 scenarios cost about half the pages.
    reached = {(): base + "/checker/"}
    for case in SCENARIOS:
        position = walk(tree, parse_answers(case["answers"]))
        trail = tuple((step.question["question"], step.option["label"]) for step in position.trail)
        done = max((n for n in range(len(trail) + 1) if trail[:n] in reached))
        page.goto(reached[trail[:done]])
        for n, (question, label) in enumerate(trail[done:], start=done + 1):
            assert page.locator("h1").inner_text().strip() == question, case["name"]
            page.get_by_role("link", name=label, exact=True).click()
            reached[trail[:n]] = page.url
        assert page.locator("h1").inner_text().strip() == position.outcome["title"], case["name"]
        channel = content.channels[case["channel"]]
        # The door is named where the details begin (a <summary>, folded under 现在就做).
        assert page.locator("details.channel-card > summary", has_text=channel["title"]).count() >= 1
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), case["name"]
    context.close()
