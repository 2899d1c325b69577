"""`make build` (python -m checkers build): a project that has not changed comes back from the
cache byte for byte, and any change to what the site is made from builds it anew."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

URL = "https://example.org/xf/"


def build(root: Path, site_url: str = URL) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    return subprocess.run([sys.executable, "-m", "checkers", "--root", str(root), "build", "-d", "out"],
                          cwd=root, capture_output=True, text=True, env=env, timeout=600)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_an_unchanged_project_comes_back_from_the_cache_and_any_change_builds_anew(project):
    first = build(project)
    assert first.returncode == 0, first.stderr
    assert "构建完成" in first.stdout
    built = files(project / "out")
    again = build(project)
    assert again.returncode == 0 and "从缓存取出" in again.stdout, again.stdout
    assert files(project / "out") == built  # the same site, byte for byte

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
    # Deleting the cache is always safe: the next build is simply a full one.
    shutil.rmtree(project / ".cache")
    fresh = build(project, "https://other.example.org/")
    assert fresh.returncode == 0 and "构建完成" in fresh.stdout
