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
    for case in SCENARIOS:
        page.goto(base + "/checker/")
        position = walk(tree, parse_answers(case["answers"]))
        for step in position.trail:
            assert page.locator("h1").inner_text().strip() == step.question["question"], case["name"]
            page.get_by_role("link", name=step.option["label"], exact=True).click()
        assert page.locator("h1").inner_text().strip() == position.outcome["title"], case["name"]
        channel = content.channels[case["channel"]]
        # The door is named where the details begin (a <summary>, folded under 现在就做).
        assert page.locator("details.channel-card > summary", has_text=channel["title"]).count() >= 1
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), case["name"]
    context.close()
