"""The shipped nginx configuration: security headers on every response, caching, compression,
and a Content-Security-Policy that allows exactly the theme's inline scripts."""
from __future__ import annotations

import base64
import gzip
import hashlib
import re
import urllib.request

import pytest

from browser import ROOT, serve


@pytest.fixture(scope="module")
def server(site):
    base, nginx = serve(site)
    yield base
    nginx.shutdown()


def fetch(url: str, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.parametrize("path", ["/", "/procedure/xf-review/", "/assets/javascripts/cite.js", "/no-such-page/"])
def test_every_response_carries_the_security_headers(server, path):
    status, headers, _ = fetch(server + path)
    assert status in (200, 404)
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "http" not in csp  # no inline handlers, no other hosts
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "geolocation=()" in headers["Permissions-Policy"]


def test_missing_page_gets_the_site_404(server):
    status, _, body = fetch(server + "/no-such-page/")
    assert status == 404 and "信访路线图" in body.decode("utf-8")


@pytest.mark.parametrize("path", ["/assets/", "/assets/javascripts/", "/search-index/"])
def test_a_folder_without_a_page_is_not_found_not_forbidden(server, path):
    status, headers, body = fetch(server + path)
    assert status == 404 and "信访路线图" in body.decode("utf-8") and "Forbidden" not in body.decode("utf-8")
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_resources_are_ours_alone_except_the_open_data(server):
    for path in ("/", "/assets/javascripts/search.js", "/assets/stylesheets/site.css", "/no-such-page/"):
        assert fetch(server + path)[1]["Cross-Origin-Resource-Policy"] == "same-origin", path
    assert fetch(server + "/data/v1/rules.json")[1]["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_caching_and_compression(server, site):
    theme_css = next((site / "assets" / "stylesheets").glob("main.*.min.css")).name
    _, headers, _ = fetch(f"{server}/assets/stylesheets/{theme_css}")
    assert "immutable" in headers["Cache-Control"]
    _, headers, _ = fetch(server + "/")
    assert headers["Cache-Control"] == "no-cache"
    _, headers, body = fetch(server + "/law/xinfang-gongzuo-tiaoli-2022/", **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip" and "第三十五条" in gzip.decompress(body).decode("utf-8")


def test_csp_hashes_match_every_inline_script_of_the_built_site(site):
    conf = (ROOT / "deploy" / "security-headers.conf").read_text(encoding="utf-8")
    allowed = set(re.findall(r"'sha256-([^']+)'", conf))
    found = set()
    for page in site.rglob("*.html"):
        for body in re.findall(r"<script(?![^>]*\b(?:src|type)=)[^>]*>(.*?)</script>", page.read_text(encoding="utf-8"), re.S):
            found.add(base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode())
    assert found and found <= allowed, f"inline scripts not allowed by the CSP: {found - allowed}"
    assert not list(site.rglob("*.html"))[0].read_text(encoding="utf-8").count(" onclick=")
