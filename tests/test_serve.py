"""`make serve` for content editors: the preview rebuilds when a YAML file changes."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, predicate, seconds: float) -> str:
    deadline, last = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            last = _get(url)
            if predicate(last):
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not change in {seconds}s")


def test_serve_rebuilds_when_yaml_changes(project):
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "properdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                               "--livereload", "-f", str(project / "mkdocs.yml")], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/procedure/xf-review/"
        _wait_for(url, lambda html: "请求复查" in html, 90)
        path = project / "procedures/procedure/xf-review.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("title: 请求复查", "title: 请求复查（已修改）", 1),
                        encoding="utf-8")
        _wait_for(url, lambda html: "请求复查（已修改）" in html, 60)
    finally:
        server.terminate()
        server.wait(timeout=20)
