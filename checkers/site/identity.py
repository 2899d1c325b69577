"""What makes one site of the project different from another on every page: its name, its public
address, the banner of a demonstration edition and the footer naming who runs it.

`make editions` builds the national site and every local edition.  Most of their pages are the
same page with another name in the title bar, so the pages are rendered once with placeholders
for these four things (PLACEHOLDERS), and each site is that render with its own values put in
(specialise).  A placeholder is plain ASCII that no escaping, URL quoting or Markdown changes, so
it comes through the site tool exactly as written.  A QR code cannot be edited that way: the page
carries a token naming the address, and the code is drawn for each site.  tests/test_editions.py
proves the national site made this way is byte for byte the one `make build` makes.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from .outputs import SITE_NAME


@dataclass(frozen=True)
class Identity:
    name: str
    site_url: str
    banner: str  # HTML, under the header of every page ("" for none)
    footer: str  # HTML, in the footer of every page ("" for none)


PLACEHOLDERS = Identity(name="xfsitename7q", site_url="https://xf-site.invalid/xfpath7q/",
                        banner="<!--xf:banner-->", footer="<!--xf:footer-->")
_QR = re.compile(r"<!--xf:qr:([^>]*?)-->")
_MARK = ("xfsitename7q", "xf-site.invalid", "xfpath7q", "<!--xf:")
TEXT = (".html", ".xml", ".json", ".js", ".txt")
RECORD = "xf_search_record"  # where hooks/search.py keeps a page's searchable text


def of(edition, site_url: str) -> Identity:
    """The identity of the national site (edition None) or of a local edition."""
    if edition is None:
        return Identity(SITE_NAME, site_url, "", "")
    banner = ""
    if edition.data.get("demonstration"):
        banner = ('<div class="xf-edition-banner" role="note"><strong>演示版：</strong>本版的机关、做法等本地信息是示例数据，'
                  "不能当真。法律规定、期限和途径与全国版相同。</div>")
    return Identity(edition.name, site_url, banner, footer(edition.data["operator"]))


def footer(operator: dict) -> str:
    """主办单位 and the filing numbers a government site shows, each linked to where it is checked."""
    parts = [f"主办单位：{escape(operator['name'])}"]
    if operator.get("address"):
        parts.append(f"地址：{escape(operator['address'])}")
    if operator.get("site_code"):
        parts.append(f"网站标识码：{escape(operator['site_code'])}")
    if operator.get("icp"):
        parts.append(f'<a href="https://beian.miit.gov.cn/" rel="noopener noreferrer">{escape(operator["icp"])}</a>')
    if operator.get("police"):
        parts.append(f'<a href="https://beian.mps.gov.cn/" rel="noopener noreferrer">{escape(operator["police"])}</a>')
    return '<div class="xf-operator">' + " · ".join(parts) + "</div>"


def qr_token(url: str) -> str:
    return f"<!--xf:qr:{url}-->"


def specialise(text: str, identity: Identity, draw_qr) -> str:
    """A placeholder render made into one site's page: QR codes drawn for its address, then its
    banner, footer, address and name put in."""
    if "<!--xf:qr:" in text:
        text = _QR.sub(lambda m: draw_qr(m.group(1).replace(PLACEHOLDERS.site_url, identity.site_url)), text)
    path = _path(PLACEHOLDERS.site_url)
    for placeholder, value in ((PLACEHOLDERS.banner, identity.banner), (PLACEHOLDERS.footer, identity.footer),
                               (PLACEHOLDERS.site_url, identity.site_url), (path, _path(identity.site_url) or "/"),
                               (PLACEHOLDERS.name, str(escape(identity.name)))):
        text = text.replace(placeholder, value)
    return text


def specialise_made(made: dict, identity: Identity) -> dict:
    """What the site tool kept of a page made into this site's: its canonical address, and the text
    the search index reads (hooks/search.py), which may quote the site's own address."""
    own = dict(made)
    if own.get("canonical_url"):
        own["canonical_url"] = specialise(own["canonical_url"], identity, str)
    record = (own.get("meta") or {}).get(RECORD)
    if record and any(mark in record["x"] + record["t"] for mark in _MARK):
        from .search_index import token_count
        text = specialise(record["x"], identity, lambda url: "")
        own["meta"] = {**own["meta"], RECORD: {**record, "x": text, "t": specialise(record["t"], identity, str),
                                               "n": token_count(text)}}
    return own


def _path(url: str) -> str:
    """https://host/a/b/ → /a/b/ (the error page's links start from the site's own path)."""
    rest = url.split("://", 1)[-1]
    return rest[rest.index("/"):] if "/" in rest else ""


def specialise_tree(site_dir: Path, identity: Identity, draw_qr, skip: set[str] = frozenset()) -> int:
    """Every text file of a built site that still holds a placeholder, made into this site's; returns
    how many files changed.  Files without one are left alone, and those in `skip` (paths, as
    strings) are not read: the pages, which were written as this site's already."""
    changed = 0
    for folder, _, names in os.walk(site_dir):
        for name in names:
            if not name.endswith(TEXT) or os.path.join(folder, name) in skip:
                continue
            path = Path(folder) / name
            text = path.read_text(encoding="utf-8")
            if any(mark in text for mark in _MARK):
                path.write_text(specialise(text, identity, draw_qr), encoding="utf-8")
                changed += 1
    return changed
