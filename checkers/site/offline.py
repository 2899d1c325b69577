"""`make offline`: the built site made to open from a folder (file://), for a USB stick, a kiosk
or an intranet PC without a web server.

Two things differ from a web server there.  A link to a folder (rule/x/) opens a directory
listing instead of the page, so every relative link to a folder gets index.html added, in the
pages and in the data the tools turn into links.  And browsers refuse fetch() on file://, so the
search index is also written as scripts, which search.js loads with <script> tags there.
Run after the build (hooks/offline.py, only when OFFLINE is set); the site for a server is
not touched.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .search_index import OUT as SEARCH_INDEX
from .search_words import FOLDER as SEARCH_WORDS

# href/src/action values in HTML, and "page"/"href"/"form_page" strings in the tools' data (in
# data/*.js, and in the JSON a page carries for its own script, such as the case timeline's).
_HTML_ATTR = re.compile(r'(\b(?:href|src|action)=")([^"]*)(")')
_DATA_FIELD = re.compile(r'("(?:page|href|form_page)":\s*")([^"]*)(")')
_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\?)")


def folder_link(url: str) -> str:
    """'../rule/x/#f' -> '../rule/x/index.html#f'; './' -> './index.html'; other URLs unchanged."""
    if not url or _ABSOLUTE.match(url):
        return url
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    path, rest = url[:cut], url[cut:]
    if path in (".", ".."):
        path += "/"
    return (path + "index.html" if path.endswith("/") else path) + rest


def _html(text: str) -> str:
    return _data(_HTML_ATTR.sub(lambda m: m.group(1) + folder_link(m.group(2)) + m.group(3), text))


def _data(text: str) -> str:
    return _DATA_FIELD.sub(lambda m: m.group(1) + folder_link(m.group(2)) + m.group(3), text)


def rewrite(site_dir: Path) -> int:
    """Make site_dir open from a folder; returns how many files were changed."""
    changed = 0
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = _html(text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    for script in (site_dir / "data").rglob("*.js"):
        text = script.read_text(encoding="utf-8")
        new = _data(text)
        if new != text:
            script.write_text(new, encoding="utf-8")
            changed += 1
    for folder, prefix in ((site_dir / SEARCH_INDEX, ""), (site_dir / SEARCH_WORDS, "words:")):
        changed += _scripts(folder, prefix)
    return changed


def _scripts(index: Path, prefix: str) -> int:
    """Each JSON file of a search folder also as a script; search.js asks for it by this name."""
    changed = 0
    for file in sorted(index.rglob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        if file.parent.name == "d" and isinstance(data.get("u"), str):  # a result's page address
            data["u"] = folder_link(data["u"]) if data["u"] else "index.html"
        if file.name == "meta.json" and "answers" in data:  # the same addresses as outcomes.json
            data["answers"] = {folder_link(u): n for u, n in data["answers"].items()}
        if file.name == "outcomes.json":  # the suggestions' page addresses
            data = {k: [folder_link(v[0]), *v[1:]] for k, v in data.items()}
        name = prefix + file.relative_to(index).as_posix()
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        # search.js defines xfSearchFile before it adds the first of these scripts to the page.
        file.with_suffix(".js").write_text(f"xfSearchFile({json.dumps(name)},{body});\n", encoding="utf-8")
        changed += 1
    return changed
