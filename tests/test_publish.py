"""Publishing for real: make build refuses to run without the site's public address, and with
it every absolute address (sitemap, robots.txt, canonical links, feed) names that address;
pages that repeat one answer name one canonical page; each post has its own description."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

from conftest import ROOT, site_build

PUBLIC = "https://xinfang.example.gov.cn/luxian/"


def test_make_build_without_the_public_address_refuses_in_one_line(project):
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    # -o .venv/ok: the copy has no virtual environment, and none is needed to be refused.
    result = subprocess.run(["make", "-s", "-f", str(ROOT / "Makefile"), "-o", ".venv/ok", "build"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    message = [l for l in result.stderr.splitlines() if l.startswith("make build:")]
    assert len(message) == 1 and "SITE_URL=https://" in message[0] and "make serve" in message[0], result.stderr
    assert "Traceback" not in result.stderr and not (project / "site").exists()


def test_a_published_site_names_its_public_address_everywhere(project, tmp_path):
    out = tmp_path / "site"
    built = site_build(project, out, site_url=PUBLIC)
    assert built.returncode == 0, built.stderr[-2000:]
    robots = (out / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and f"Sitemap: {PUBLIC}sitemap.xml" in robots
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert locations and all(l.startswith(PUBLIC) for l in locations)
    assert len(locations) == len(set(locations)), "a page listed twice"
    feed = (out / "feed_rss_created.xml").read_text(encoding="utf-8")
    assert PUBLIC + "cases/" in feed and "127.0.0.1" not in feed + sitemap + robots
    # Every page's canonical link is absolute, on the public address, and names a page that exists.
    pages = sorted(out.rglob("index.html"))
    canonical = {}
    for page in pages:
        match = re.search(r'<link rel="canonical" href="([^"]*)"', page.read_text(encoding="utf-8"))
        assert match and match.group(1).startswith(PUBLIC), page
        canonical[page] = match.group(1)
        target = out / unquote(match.group(1)[len(PUBLIC):]) / "index.html"
        assert target.exists(), (page, match.group(1))
    # Each page a crawler is told about is its own canonical page.
    listed = {out / unquote(l[len(PUBLIC):]) / "index.html" for l in locations}
    assert listed <= set(canonical)
    assert all(unquote(canonical[p]) == PUBLIC + p.parent.relative_to(out).as_posix() + "/" for p in listed if p != out / "index.html")


def _checker_answers(site: Path) -> dict[Path, tuple[str, str]]:
    """Each checker answer page: (title, canonical address)."""
    out = {}
    for page in sorted((site / "checker").glob("*--*/index.html")):
        html = page.read_text(encoding="utf-8")
        title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
        out[page] = (title, re.search(r'<link rel="canonical" href="([^"]*)"', html).group(1))
    return out


def test_pages_that_repeat_one_answer_name_one_canonical_page(site):
    """An answer reached by several paths has several pages; all but the first point to the first.
    And two different answers never share a title (treecheck refuses it), so a title is an answer."""
    answers = _checker_answers(site)
    by_title: dict[str, set[str]] = {}
    for title, href in answers.values():
        by_title.setdefault(title, set()).add(href)
    assert all(len(hrefs) == 1 for hrefs in by_title.values()), {t: h for t, h in by_title.items() if len(h) > 1}
    repeated = [t for t in by_title if sum(1 for a in answers.values() if a[0] == t) > 1]
    assert len(repeated) >= 5  # the tree has such answers: the test is not vacuous


def test_each_post_has_its_own_description(site, content):
    descriptions = {}
    for case_id in content.case_posts:
        page = site / "cases" / case_id / "index.html"
        if not page.exists():  # a draft is not published
            continue
        match = re.search(r'<meta name="description" content="([^"]*)"', page.read_text(encoding="utf-8"))
        descriptions[case_id] = match.group(1)
    assert len(descriptions) >= 8 and len(set(descriptions.values())) == len(descriptions)
    site_wide = re.search(r'<meta name="description" content="([^"]*)"', (site / "privacy" / "index.html").read_text(encoding="utf-8"))
    assert site_wide is None or site_wide.group(1) not in descriptions.values()
    assert all(0 < len(d) <= 120 for d in descriptions.values())


def test_no_theme_markup_error_in_any_page(site):
    """The two errors the W3C checker found in every page: autocomplete on a checkbox, and a
    label for a control the page does not have."""
    from htmlscan import scan

    for path in sorted(site.rglob("*.html")):
        page = scan(path)
        for tag, attrs in page.tags:
            if tag == "input" and attrs.get("type") == "checkbox":
                assert "autocomplete" not in attrs, path
            if tag == "label" and attrs.get("for"):
                assert attrs["for"] in page.ids, (path, attrs["for"])
