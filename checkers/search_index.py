"""The site's search index: Pagefind over the built pages, with Chinese indexed as bigrams.

Why bigrams and not Pagefind's own Chinese support: its extended build segments pages with
jieba but segments the query with the browser's Intl.Segmenter, and the two disagree (Pagefind
issue #1237).  Measured on our pages, 复议 missed the 行政复议 channel page entirely.  Citizens
expect a query to match like 查找 (Ctrl+F): 复议 must find 行政复议.  So the index sees every
run of Chinese characters as its overlapping pairs (行政复议 → 行政 政复 复议), and
``search.js`` turns a query into pairs the same way, so both sides always agree.  The plain
Pagefind binary is used: the extended one would re-segment the pairs.

Only the index sees the pairs.  The pages citizens read are untouched; the results page
rebuilds the original text (see ``unpair`` and its browser mirror in ``search.js``).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pagefind_bin

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(f"[{HAN}]+")
_PAIR_JOIN = re.compile(f"([{HAN}]) \\1(?=[{HAN}])")
_CJK = f"[{HAN}\u3000-\u303f\uff00-\uffef]"  # Chinese characters and full-width punctuation
_CJK_SPACE = re.compile(f"({_CJK})\\s+|\\s+(?={_CJK})")
_TEXT = re.compile(r">([^<]+)<")  # text between two tags; attribute values are left alone
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.S)
# A tooltip's copy of an article is left out of the index (it is on the page in full elsewhere).
_TOOLTIP = re.compile(r"<span\b[^>]*\bdata-search-exclude\b[^>]*>[^<]*</span>")
# Inline markup is unwrapped, so 五个<strong>法治化</strong> is still read as one run of text.
_INLINE = re.compile(r"</?(?:a|abbr|b|code|em|i|mark|small|span|strong|sub|sup|time)\b[^>]*>")
BODY = "data-pagefind-body"
# What the browser needs from Pagefind's output; its ready-made UIs are not shipped:
# search.js draws the results itself (see there why).
KEEP = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.unknown.pagefind",
        "index", "fragment")


def _run_pairs(run: str) -> str:
    return " " + " ".join(run[i:i + 2] for i in range(max(1, len(run) - 1))) + " "


def pairs(text: str) -> str:
    """行政复议 → ' 行政 政复 复议 ': every run of Chinese becomes its overlapping pairs (a lone
    character stays alone), set apart by spaces, because Pagefind finds words between spaces."""
    return _RUN.sub(lambda m: _run_pairs(m.group()), text)


def unpair(text: str) -> str:
    """Readable text again: the pairs joined, and no spaces next to Chinese characters or
    punctuation (Chinese is written without them, so none is lost)."""
    return _CJK_SPACE.sub(lambda m: m.group(1) or "", _PAIR_JOIN.sub(r"\1", text)).strip()


def for_index(html: str) -> str:
    """The page as the indexer should read it: Chinese text in pairs, scripts and styles dropped."""
    html = _INLINE.sub("", _TOOLTIP.sub("", _SCRIPT.sub("", html)))
    return _TEXT.sub(lambda m: ">" + pairs(m.group(1)) + "<", html)


def build(site_dir: Path) -> int:
    """Index every built page that marks its searchable part; returns how many were indexed."""
    out = site_dir / "pagefind"
    shutil.rmtree(out, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="xf-search-") as tmp:
        count = 0
        for page in site_dir.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            if BODY not in html:  # excluded from search (list pages, checker answers, 404)
                continue
            target = Path(tmp) / page.relative_to(site_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(for_index(html), encoding="utf-8")
            count += 1
        # "und" (no language), not zh: for zh, pagefind.js would cut the query's pairs again
        # with the browser's word segmenter.  No language also means no stemming: the pairs are the words.
        subprocess.run([str(pagefind_bin.get_executable()), "--site", tmp, "--output-path", str(out),
                        "--force-language", "und", "--silent",
                        "--exclude-selectors", "[data-search-exclude]"], check=True)
    for extra in out.iterdir():
        if extra.name not in KEEP and not extra.name.endswith(".pf_meta"):
            shutil.rmtree(extra) if extra.is_dir() else extra.unlink()
    return count
