"""`make build` (python -m checkers build): a project that has not changed is left as it is, and
any change to what the site is made from, or to the site itself, builds it anew."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from checkers import caches

URL = "https://example.org/xf/"


def build(root: Path, site_url: str = URL, out: str = "out", own_caches: bool = False) -> subprocess.CompletedProcess:
    """make build; with own_caches, the project's .cache/ instead of the run's shared caches, so
    that what comes from the cache is what this test put there."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    if own_caches:
        env.pop(caches.SETTING, None)
    return subprocess.run([sys.executable, "-m", "checkers", "--root", str(root), "build", "-d", out],
                          cwd=root, capture_output=True, text=True, env=env, timeout=600)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_an_unchanged_project_comes_back_from_the_cache_and_any_change_builds_anew(project):
    first = build(project)
    assert first.returncode == 0, first.stderr
    assert "构建完成" in first.stdout
    built = files(project / "out")
    again = build(project)
    assert again.returncode == 0 and "没有任何改动" in again.stdout, again.stdout
    assert files(project / "out") == built  # the same site, byte for byte
    # A site changed by hand after the build is not taken for the build's: it is built again.
    (project / "out/index.html").write_text("改坏了", encoding="utf-8")
    mended = build(project)
    assert "构建完成" in mended.stdout and files(project / "out") == built

    # A content file, a template and the config: each is something the site is made from.
    rule = project / "procedures/rule/civil.appeal-judgment.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("title: 民事判决上诉期限", "title: 民事判决上诉期限（改）"), encoding="utf-8")
    changed = build(project)
    assert "构建完成" in changed.stdout and "民事判决上诉期限（改）" in (project / "out/rule/civil.appeal-judgment/index.html").read_text(encoding="utf-8")
    template = project / "checkers/site/templates/_now.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace("<h2 id=\"now-title\">现在就做</h2>", "<h2 id=\"now-title\">现在就办</h2>"), encoding="utf-8")
    assert "构建完成" in build(project).stdout
    assert "现在就办" in (project / "out/checker/problem--work/index.html").read_text(encoding="utf-8")
    # The build's settings count too: another public address is another site.
    other = build(project, "https://other.example.org/")
    assert "构建完成" in other.stdout and "https://other.example.org/" in (project / "out/robots.txt").read_text(encoding="utf-8")
    # (Deleting the cache: the next test.)


def rendered(result: subprocess.CompletedProcess) -> tuple[int, int]:
    """(pages rendered, pages taken from the page cache), as the build reports them."""
    import re

    match = re.search(r"渲染 (\d+) 页，(\d+) 页和上次一样", result.stdout)
    assert match, result.stdout + result.stderr[-2000:]
    return int(match.group(1)), int(match.group(2))


def _copy_if_there(source, target):
    """Another worker's build may retire a page while the folder is copied."""
    try:
        shutil.copy2(source, target)
    except FileNotFoundError:
        pass


def test_a_small_edit_renders_only_the_pages_it_reaches_and_the_site_is_as_if_built_anew(project, site):
    """sitetool/pagecache.py: each page's last rendering, found by what it is made from.  The
    project's own cache starts as a copy of the pages the run's builds rendered (the shipped site's
    among them: `site`), so only the build after deleting it renders every page."""
    shutil.copytree(caches.folder("pages"), project / ".cache/pages", ignore=shutil.ignore_patterns("*.partial"),
                    copy_function=_copy_if_there)
    first = build(project, own_caches=True)
    assert first.returncode == 0, first.stderr
    made = sum(rendered(first))
    shutil.rmtree(project / ".cache/site")  # so the pages, not the whole site, come from the cache
    again = build(project, own_caches=True)
    assert rendered(again) == (0, made)
    rule = project / "procedures/rule/civil.appeal-judgment.yaml"
    # An edit no other build of the run makes: its pages are in no cache yet.
    rule.write_text(rule.read_text(encoding="utf-8").replace("title: 民事判决上诉期限", "title: 民事判决上诉期限（只改一处）"), encoding="utf-8")
    edited = build(project, own_caches=True)
    anew, kept = rendered(edited)
    assert 0 < anew < made / 2 and anew + kept == made
    # A template of the generator's changes the pages' text, which their keys hash: only the pages
    # it reaches are rendered again (here the checker's answers, which show 现在就做).
    template = project / "checkers/site/templates/_now.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace('<h2 id="now-title">现在就做</h2>', '<h2 id="now-title">现在就做（只改一处）</h2>'), encoding="utf-8")
    anew, kept = rendered(build(project, own_caches=True))
    assert 0 < anew < made / 2 and anew + kept == made
    assert "现在就做（只改一处）" in (project / "out/checker/problem--work/index.html").read_text(encoding="utf-8")
    # Deleting the cache is always safe: the next build renders every page, and the site the cache
    # helped to make is the one made from nothing.
    shutil.rmtree(project / ".cache")
    fresh = build(project, out="fresh", own_caches=True)
    assert fresh.returncode == 0, fresh.stderr
    assert rendered(fresh) == (made, 0)
    assert files(project / "out") == files(project / "fresh")


def test_every_file_the_site_is_made_from_is_in_the_builds_key(project):
    """A change the site would show is never answered with the last build: hidden files below the
    top count too (the column's authors), the project's own tooling at the top does not."""
    from checkers.cli.build import build_key

    def key():
        return build_key(project, ["mkdocs.yml", "out", ""], exclude=project / "out")

    before = key()
    (project / ".gitignore").write_text("changed\n", encoding="utf-8")
    assert key() == before
    authors = project / "docs/cases/.authors.yml"
    authors.write_text(authors.read_text(encoding="utf-8").replace("name: ", "name: 改名", 1), encoding="utf-8")
    assert key() != before
