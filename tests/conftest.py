"""Shared fixtures: a throw-away copy of the project, the CLI, and one built site."""
from __future__ import annotations

import fcntl
import functools
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.content import copy_project  # noqa: E402  (what an editor's checkout needs; shared with the benchmark)
from checkers import caches  # noqa: E402


def pytest_configure(config):
    """One day for the whole run (checkers/clock.py): a run that crosses midnight must not compare a
    build of one day with a build of the next.  Set before xdist starts its workers, which inherit it."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project to break on purpose."""
    return copy_project(tmp_path)


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checkers", "--root", str(root), *args], cwd=root,
                          capture_output=True, text=True, timeout=120)


def cli_json(*args: str) -> dict:
    """`python -m checkers <args> --json` run in this process: the same code and output as the
    command line, without starting Python and reading the shipped content again for each of many
    questions (the content is read once, from the same files; other tests run the real command)."""
    import contextlib
    import io
    import json
    from unittest import mock

    from checkers.cli import main as cli
    from checkers.content import loader

    real = loader.load

    def load(root=loader.ROOT, edition=None):
        return _shipped_content(real) if Path(root).resolve() == ROOT and edition is None else real(root, edition)

    out = io.StringIO()
    with mock.patch.object(loader, "load", load), contextlib.redirect_stdout(out):
        assert cli.main(["--root", str(ROOT), *args]) == 0
    return json.loads(out.getvalue())


@functools.lru_cache(maxsize=1)
def _shipped_content(load):
    return load(ROOT)


def site_build(root: Path, site_dir: Path, offline: bool = False, site_url: str | None = None) -> subprocess.CompletedProcess:
    """`make build` on a copy (`make offline` with offline=True): the site tool on both cores
    (sitetool/driver.py), with the caches the run's builds share (shared_caches below).  Without
    site_url the site keeps the preview's address, as the tests need no public one."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **({"OFFLINE": "1"} if offline else {}))
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    # The build writes its generated pages into root/docs: with tests in parallel (make test runs
    # two workers), a second build of the same root waits, so no build reads a half-written page.
    with open(root / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return subprocess.run([sys.executable, "-m", "checkers", "--root", str(root), "build", "-d", str(site_dir)],
                              cwd=root, capture_output=True, text=True, env=env, timeout=600)


def _shared(tmp_path_factory) -> Path:
    """The run's own folder, the same for every worker (make test's workers each have one below it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def shared_caches(tmp_path_factory):
    """One caches' folder for the whole run (checkers/caches.py, CHECKERS_CACHE), for every build a
    test starts, in this process or another: most pages and sentences of a copy with one thing broken
    on purpose are the shipped ones.  An entry is used only when everything it is made from is the
    same (tests/test_build_cache.py); tests of the caches themselves give their builds their own."""
    os.environ[caches.SETTING] = str(_shared(tmp_path_factory) / "caches")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The shipped content built once, exactly as `make build` does: once for the whole run, not
    once per worker (make test's workers share the run's temporary folder; the first to come builds,
    the other waits for it).  Tests only read it."""
    shared = _shared(tmp_path_factory)
    out, done = shared / "shipped-site", shared / "shipped-site.built"
    with open(shared / "shipped-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            result = site_build(ROOT, out)
            assert result.returncode == 0, result.stderr
            done.touch()
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
