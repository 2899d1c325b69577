"""Real-browser plumbing: Debian's Chromium driven by Playwright, the built site served by
nginx with the configuration we ship (deploy/nginx.conf), on loopback.

Playwright cannot download its own browser here, so we launch /usr/bin/chromium with
the flags that keep it from calling home.  If Chromium or nginx cannot start, the
tests fail: they are never skipped.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]


class Nginx:
    def __init__(self, site: Path, script_src: str = ""):
        self.dir = Path(tempfile.mkdtemp(prefix="nginx-"))
        self.port = free_port()
        conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
        for old, new in (("listen 80;", f"listen 127.0.0.1:{self.port};"),
                         ("root /var/www/xinfang-roadmap;", f"root {site};")):
            assert old in conf, f"deploy/nginx.conf no longer has {old!r}"
            conf = conf.replace(old, new)
        # Run as the test's own user, with pid and logs in a scratch folder.
        conf = f"user root;\npid {self.dir}/nginx.pid;\nerror_log {self.dir}/error.log;\n" + conf
        (self.dir / "nginx.conf").write_text(conf, encoding="utf-8")
        headers = (ROOT / "deploy" / "security-headers.conf").read_text(encoding="utf-8")
        # Only make bench adds to script-src (Pagefind's WebAssembly needs 'wasm-unsafe-eval'); the
        # tests serve the policy as shipped.
        if script_src:
            assert "script-src 'self'" in headers, "deploy/security-headers.conf no longer has script-src 'self'"
            headers = headers.replace("script-src 'self'", f"script-src 'self' {script_src}")
        (self.dir / "security-headers.conf").write_text(headers, encoding="utf-8")
        self.process = subprocess.Popen(["nginx", "-p", str(self.dir), "-c", str(self.dir / "nginx.conf"),
                                         "-g", "daemon off;"], stderr=subprocess.PIPE)
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    break
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"nginx did not start: {self.process.stderr.read().decode()}")
                time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def shutdown(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)


def serve(directory: Path, script_src: str = "") -> tuple[str, Nginx]:
    server = Nginx(directory, script_src)
    return server.url, server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    """The page's text, or "" while nothing answers there yet."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, predicate, seconds: float, every: float = 0.2) -> str:
    """Fetch url until predicate(text) holds; raises TimeoutError with what it last got."""
    deadline, last = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        last = fetch(url)
        if predicate(last):
            return last
        time.sleep(every)
    raise TimeoutError(f"{url} not as expected after {seconds:.0f} s:\n{last[:500]}")


def type_query(page, query: str) -> None:
    """Go to the search page from the header, type a query and press Enter; wait for the answer
    (search.js sets data-query on the results once they are shown)."""
    from playwright.sync_api import expect

    if "/search/" not in page.url:
        page.locator("a.xf-search-link").click()
    page.locator("#xf-search-form[data-ready]").wait_for(state="attached")  # search.js is listening
    box = page.locator("#xf-q")
    box.fill(query)
    box.press("Enter")
    expect(page.locator("#xf-search-results")).to_have_attribute("data-query", query, timeout=15000)


def top_results(page, query: str, n: int = 3) -> list[str]:
    """The first n results' addresses, relative to the site root (procedure/xf-review/)."""
    type_query(page, query)
    links = page.locator("#xf-search-results > li > a").evaluate_all("els => els.map(e => e.href)")
    base = page.url.split("/search/")[0] + "/"
    return [link.removeprefix(base) for link in links][:n]
