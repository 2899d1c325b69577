"""Shared fixtures: a throw-away copy of the project, the CLI, and one built site."""
from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.content import copy_project as _bench_copy  # noqa: E402  (what an editor's checkout needs; shared with the benchmark)


def copy_project(dest: Path) -> Path:
    """The benchmark's copy of the project and the site's settings (site.yaml), which that copy does
    not take: the benchmark's generated posts carry no review record, and without site.yaml none is asked."""
    _bench_copy(dest)
    shutil.copy(ROOT / "site.yaml", dest / "site.yaml")
    return dest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project to break on purpose."""
    return copy_project(tmp_path)


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checkers", "--root", str(root), *args], cwd=root,
                          capture_output=True, text=True, timeout=120)


def site_build(root: Path, site_dir: Path, offline: bool = False, site_url: str | None = None) -> subprocess.CompletedProcess:
    """`make build` on a copy: ProperDocs with the project's mkdocs.yml (`make offline` with offline=True).
    Without site_url the site keeps the preview's address, as the tests need no public one."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **({"OFFLINE": "1"} if offline else {}))
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    # The build writes its generated pages into root/docs: with tests in parallel (make test runs
    # two workers), a second build of the same root waits, so no build reads a half-written page.
    with open(root / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return subprocess.run([sys.executable, "-m", "properdocs", "build", "-q", "-f", str(root / "mkdocs.yml"),
                               "-d", str(site_dir)], cwd=root, capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The shipped content built once, exactly as `make build` does."""
    out = tmp_path_factory.mktemp("site")
    result = site_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def content():
    from checkers.content import loader

    return loader.load(ROOT)


@pytest.fixture(scope="session")
def chromium(site):
    """One Debian Chromium for every browser test, with the built site behind the shipped nginx."""
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, CHROMIUM_ARGS, serve

    base, server = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield base, browser
            browser.close()
    finally:
        server.shutdown()
