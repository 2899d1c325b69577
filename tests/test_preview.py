"""The editor's preview (issue 20): after a save it remakes only the pages the edit reaches, and
those pages are the ones a full build makes from the same files; a refused save says
path:line: field: message on the page; the server says it is a preview and reloads after a save."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from browser import fetch, free_port, wait_for
from conftest import ROOT, copy_project

from preview.builder import Preview

MARK = "预览改过"
# (file, line key, the built page that must show the edit).  One of every kind an editor touches,
# each appended to the first plain one-line value of that key.
EDITS = [
    ("docs/cases/posts/civil-supervision-public-hearing.md", "title", "cases/index.html"),
    ("procedures/rule/admin.appeal-judgment.yaml", "summary", "rule/admin.appeal-judgment/index.html"),
    ("procedures/channel/admin-lawsuit.yaml", "summary", "channel/admin-lawsuit/index.html"),
    ("procedures/procedure/xf-review.yaml", "summary", "procedure/xf-review/index.html"),
    ("procedures/document/admin-reconsideration-application.yaml", "hint", "document/admin-reconsideration-application/index.html"),
    ("procedures/contact/hotline-110.yaml", "purpose", "contact/index.html"),
    ("procedures/contact/hotline-110.yaml", "name", "channel/criminal-report/index.html"),  # shown where it is used
    ("procedures/form/handling-opinion.yaml", "summary", "form/handling-opinion/index.html"),
    ("procedures/situation/crime-victim.yaml", "hint", "index.html"),
    ("procedures/topic/five-rule-of-law.yaml", "summary", "topic/five-rule-of-law/index.html"),
    ("procedures/practice/case-review-three-musts.yaml", "summary", "practice/case-review-three-musts/index.html"),
    ("procedures/roadmap/citizen.yaml", "summary", "roadmap/citizen/index.html"),
    ("procedures/tree/channel.yaml", "question", "checker/index.html"),
]
# The search index is made after a full build only (the preview says so on every page).
NOT_PREVIEWED = ("search-index/",)


def _append(path: Path, key: str, text: str) -> None:
    source = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"^(\s*(?:- )?{key}: (?![>|'\"]).+)$", re.M)
    assert pattern.search(source), f"{path}: no plain {key}: line"
    path.write_text(pattern.sub(lambda m: m.group(1) + text, source, count=1), encoding="utf-8")


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and not p.relative_to(site).as_posix().startswith(NOT_PREVIEWED)}


# One preview for the tests that save into it, as an editor's session is one preview: its first
# full build is made once for the tests a worker runs.  Each test asserts what its own saves do,
# whatever was saved before it.


@pytest.fixture(scope="module")
def editing(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("preview-project"))
    built = Preview(project, project / "preview-site")
    assert built.full().how == "full"
    return project, built


@pytest.fixture
def project(editing):
    return editing[0]


@pytest.fixture
def preview(editing):
    return editing[1]


def test_each_edit_remakes_only_its_pages_and_they_equal_a_full_build(project, preview, tmp_path):
    site = preview.site_dir
    for number, (rel, key, page) in enumerate(EDITS):
        mark = f"{MARK}{number}"
        _append(project / rel, key, mark)
        outcome = preview.update(project / rel)
        assert outcome.how == "pages", (rel, outcome)
        assert mark in (site / page).read_text(encoding="utf-8"), (rel, page)
    # A post that moves: another date puts it elsewhere in the column's lists; a category dropped.
    post = project / "docs/cases/posts/civil-supervision-public-hearing.md"
    post.write_text(post.read_text(encoding="utf-8").replace("date: 2025-11-20", "date: 2026-10-20")
                    .replace("categories: [公开听证, 涉法涉诉]", "categories: [公开听证]"), encoding="utf-8")
    assert preview.update(post).how in ("pages", "full")

    fresh = Preview(project, tmp_path / "fresh-site")
    assert fresh.full().how == "full"
    ours, theirs = _files(site), _files(fresh.site_dir)
    assert ours.keys() == theirs.keys()
    different = sorted(name for name in ours if ours[name] != theirs[name])
    assert different == [], different[:20]


def test_a_refused_save_names_file_line_and_field_and_mending_it_remakes_only_its_pages(project, preview):
    rule = project / "procedures/rule/admin.appeal-judgment.yaml"
    good = rule.read_text(encoding="utf-8")
    rule.write_text(good.replace("\nsummary:", "\nsumary:", 1), encoding="utf-8")
    outcome = preview.update(rule)
    assert outcome.how == "problems"
    assert any(re.match(r"procedures/rule/admin\.appeal-judgment\.yaml:\d+: ", line) for line in outcome.problems), outcome.problems
    rule.write_text(good.replace("\nsummary: ", f"\nsummary: {MARK}", 1), encoding="utf-8")
    assert preview.update(rule).how == "pages"  # the same file, mended: still only its pages
    assert MARK in (preview.site_dir / "rule/admin.appeal-judgment/index.html").read_text(encoding="utf-8")


def test_a_draft_post_is_listed_marked_and_the_feed_is_rebuilt_not_appended(project, preview):
    post = project / "docs/cases/posts/police-first-petition-golden-period.md"
    original = post.read_text(encoding="utf-8")
    feed = preview.site_dir / "feed_rss_created.xml"
    items = feed.read_text(encoding="utf-8").count("<item>")
    for number in range(3):
        post.write_text(original, encoding="utf-8")
        _append(post, "title", f"{MARK}草案{number}")
        assert preview.update(post).how == "pages"
    text = feed.read_text(encoding="utf-8")
    assert text.count("<item>") == items and f"{MARK}草案2" in text and f"{MARK}草案0" not in text
    assert "草稿" not in (preview.site_dir / "cases/index.html").read_text(encoding="utf-8")
    post.write_text(post.read_text(encoding="utf-8").replace("status: published", "status: draft"), encoding="utf-8")
    preview.update(post)
    listing = (preview.site_dir / "cases/index.html").read_text(encoding="utf-8")
    assert f"{MARK}草案2" in listing and "草稿" in listing
    assert f"{MARK}草案2" not in feed.read_text(encoding="utf-8")  # a draft is never in the feed


def test_make_serve_says_it_is_a_preview_and_shows_a_save_or_its_problem(tmp_path):
    project = copy_project(tmp_path)  # its own: the server watches and builds it
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "preview", "--root", str(project), "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        # The address answers during the first build (a few seconds even here), with a page that waits.
        first = wait_for(f"{base}/procedure/xf-review/", lambda html: bool(html), 60)
        assert "正在构建预览" in first and "/__preview__/version" in first
        taken = subprocess.run([sys.executable, "-m", "preview", "--root", str(project), "--port", str(port)],
                               cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert taken.returncode == 2 and taken.stderr.count("\n") == 1 and "--port" in taken.stderr, taken.stderr
        page = wait_for(f"{base}/procedure/xf-review/", lambda html: "请求复查" in html, 120)
        assert "这是编辑预览" in page and "make build" in page
        version = fetch(f"{base}/__preview__/version")
        path = project / "procedures/procedure/xf-review.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("title: 请求复查", "title: 请求复查（已修改）", 1),
                        encoding="utf-8")
        wait_for(f"{base}/procedure/xf-review/", lambda html: "请求复查（已修改）" in html, 60)
        # The open page reloads itself when the version moves, which is once the save is built.
        wait_for(f"{base}/__preview__/version", lambda text: text != version, 10)
        path.write_text(path.read_text(encoding="utf-8").replace("\nsummary:", "\nsumary:", 1), encoding="utf-8")
        page = wait_for(f"{base}/procedure/xf-review/", lambda html: "内容有问题" in html, 60)
        assert re.search(r"procedures/procedure/xf-review\.yaml:\d+: ", page), page[:2000]
    finally:
        server.terminate()
        server.wait(timeout=20)
