"""The site's search index: Chinese indexed as overlapping character pairs, split into small
files so that a phone downloads only what its query needs.

Why our own and not a library.  Material's search sends the whole index on the first query
(tens of MB at 3,000 posts) and cannot find 复议 inside 行政复议.  Pagefind segments pages with
jieba but queries with the browser's segmenter, and the two disagree (Pagefind issue #1237);
fed character pairs instead, it needed 2.9 GB and 29 s at the L benchmark scale, and a first
query fetched 200-325 KB (make bench, issue 7).  Pairs in plain posting lists take 12 s and
0.12 GB there, and a query fetches one small file per pair plus the pages it shows.

What is written under site/search-index/:
- meta.json: how many pages and shards;
- s/<n>.json: for each pair (or lone character, or Latin word/number) hashed to shard n,
  [gap, score, gap, score, ...]: the pages holding it in ascending order, each written as its
  distance from the one before (from 0 for the first), with the score already weighted for term
  frequency, page length and page weight (BM25's term part, times 100).  The gaps of a common
  pair are mostly 1, which gzip packs far better than page numbers: at the L benchmark scale a
  first query for 复议 fetched 148 KB of shards with plain numbers, and 24 KB with gaps and 2,048
  shards (fewer other pairs ride along in each file);
- d/<page>.json: the page's address, title and plain text, for the results list.
search.js holds the browser's half: the same tokens and hash (tests/test_search.py proves
they agree), rarity weighting, and the ranking of what it shows.
"""
from __future__ import annotations

import html
import json
import marshal
import os
import re
import shutil
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path, PurePosixPath

from .. import parallel

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(f"[{HAN}]+|[A-Za-z0-9]+")
_ALL_HAN = re.compile(f"[{HAN}]+")
WRITERS = 8  # threads writing the page files
SHARD_WORKERS = 2  # processes scoring pages and writing the shards
STAFF_WEIGHT = 0.5  # pages weighted below this are staff material (procedures, forms, practices: 0.2)


def is_han(text: str) -> bool:
    return bool(_ALL_HAN.fullmatch(text))
BODY = "data-search-body"          # set by hooks/search.py on each searchable article
WEIGHT = re.compile(r'data-search-weight="([0-9.]+)"')
OUT = "search-index"
SHARDS = 2048
# BM25's usual k1 and b.  The title is its own short field, scored without length
# normalisation and TITLE times over: a word in a statute's title must count for as much as
# many mentions in a short page's text.
K1, B, TITLE = 1.2, 0.75, 10
_ARTICLE = re.compile(r"<article\b([^>]*\bdata-search-body\b[^>]*)>(.*?)</article>", re.S)
# Left out: the verbatim articles under 法律依据 and their tooltips (quoted on many pages, they
# would make every page match every statute word) and the column's lists.  These elements
# hold no <div> or <span> of their own kind inside, so the first closing tag ends them.
_EXCLUDED = re.compile(r"<(div|span)\b[^>]*\bdata-search-exclude\b[^>]*>.*?</\1>", re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
# Inline markup is dropped without a gap, so 五个<strong>法治化</strong> stays one run of text;
# any other tag ends a run.
_INLINE = re.compile(r"</?(?:a|abbr|b|code|em|i|mark|small|span|strong|sub|sup|time)\b[^>]*>|¶")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def tokens(text: str) -> list[str]:
    """行政复议 → 行政 政复 复议; a lone Chinese character stays whole; Latin words and numbers
    are lower-cased words."""
    out: list[str] = []
    for run in _TOKEN.findall(text):
        if run[0].isascii():
            out.append(run.lower())
        elif len(run) == 1:
            out.append(run)
        else:
            out.extend(map(str.__add__, run, run[1:]))  # each character with the next one
    return out


def token_count(text: str) -> int:
    """len(tokens(text)), without making them: a run of n Chinese characters is n - 1 pairs (one
    character alone is itself), a Latin word or a number is one."""
    return sum(1 if run[0].isascii() else max(1, len(run) - 1) for run in _TOKEN.findall(text))


def shard(token: str, shards: int = SHARDS) -> int:
    """A small string hash over code points, the same in search.js."""
    h = 0
    for char in token:
        h = (h * 31 + ord(char)) & 0xFFFFFFFF
    return h % shards


def plain(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", _INLINE.sub("", fragment)))).strip()


def read_page(page: Path, site_dir: Path) -> dict | None:
    """Address, title, text and weight of one built page, or None if it is not searchable."""
    return read_html(page.read_text(encoding="utf-8"), page.relative_to(site_dir).as_posix())


def read_html(source: str, path: str) -> dict | None:
    """The same, from a page's HTML and its file's path in the site (rule/x/index.html): the build
    calls this as it writes each page, so the index never reads the site back from disk."""
    match = _ARTICLE.search(source) if BODY in source else None
    if not match:
        return None
    attributes, body = match.group(1), _EXCLUDED.sub(" ", match.group(2))
    title = _H1.search(body)
    url = path.removesuffix("index.html")
    weight = WEIGHT.search(attributes)
    text = plain(body)
    return {"f": path, "u": url, "t": plain(title.group(1)) if title else url, "x": text,
            "w": float(weight.group(1)) if weight else 1.0, "n": token_count(text)}


_ANSWER = re.compile(r"^checker/[^/]+--[^/]+/$")


def build(site_dir: Path, records: list[dict] | None = None) -> int:
    """Write the index for every searchable page; returns how many pages it holds.  `records`: the
    pages as read_html read them while the site was written; without them, the site is read."""
    out = site_dir / OUT
    shutil.rmtree(out, ignore_errors=True)
    (out / "d").mkdir(parents=True)
    (out / "s").mkdir()
    if records is None:
        records = [r for r in (read_page(f, site_dir) for f in site_dir.rglob("*.html")) if r]
    # Pages are numbered in the order of their files' paths, whoever read them.
    pages = sorted(records, key=lambda r: PurePosixPath(r["f"]).parts)
    _write_postings(out, pages)
    # Thousands of small files: opening and closing them, not the bytes, is what takes the time, and
    # a few threads overlap that waiting (each writes its own files; the contents are fixed).
    with ThreadPoolExecutor(WRITERS) as writers:
        list(writers.map(lambda n: _write(out / "d" / f"{n}.json", {k: pages[n][k] for k in ("u", "t", "x")}),
                         range(len(pages))))
    # Which pages are staff material, one letter a page: search lifts them again for staff words.
    kinds = "".join("s" if page["w"] < STAFF_WEIGHT else "c" for page in pages)
    # The checker's answer pages by address: the answer a query's everyday words suggest
    # (search-words/outcomes.json) can then lead its results (search.js).
    answers = {page["u"]: number for number, page in enumerate(pages) if _ANSWER.match(page["u"])}
    _write(out / "meta.json", {"pages": len(pages), "shards": SHARDS, "kinds": kinds, "answers": answers})
    return len(pages)


def _write_postings(out: Path, pages: list[dict]) -> None:
    """The shards, in two rounds on every core (parallel.py), so that each page is cut into tokens
    once.  First each worker scores a run of consecutive pages (BM25 of each page's tokens, page
    lengths against the average) and sorts its postings by the worker that will write each shard;
    then each worker joins, for its own shards, the runs in page order and writes the files."""
    workers = max(1, min(SHARD_WORKERS, len(os.sched_getaffinity(0))))
    average = sum(page["n"] for page in pages) / max(1, len(pages))
    runs = [(len(pages) * w // workers, len(pages) * (w + 1) // workers) for w in range(workers)]
    with tempfile.TemporaryDirectory(dir=out) as scratch:
        parallel.make_all({w: partial(_score_run, Path(scratch), pages, average, run, w, workers)
                           for w, run in enumerate(runs)}, workers=workers, minimum=1)
        parallel.make_all({w: partial(_join_and_write, out, Path(scratch), w, workers) for w in range(workers)},
                          workers=workers, minimum=1)


def _score_run(scratch: Path, pages: list[dict], average: float, run: tuple[int, int], source: int, workers: int) -> str:
    # The inner loop runs once per (page, token): millions at thousands of pages, so it does as
    # little as it can.  A page's score for a token depends only on how often the token occurs
    # (and, for the few title tokens, also in the title), so each count is scored once a page.
    postings: dict[str, list] = defaultdict(list)
    for number in range(*run):
        page = pages[number]
        body, title = Counter(tokens(page["x"])), Counter(tokens(page["t"]))
        norm = K1 * (1 - B + B * page["n"] / average)
        weight = 100 * page["w"]
        scored: dict[int, int] = {}
        # In order of first appearance (not a set), so the same site always gives the same files.
        for token, tf in body.items():
            score = scored.get(tf)
            if score is None:
                score = scored[tf] = max(1, round(weight * (tf * (K1 + 1) / (tf + norm) + 0.0)))
            postings[token] += (number, score)
        for token, tt in title.items():
            tf = body.get(token, 0)
            score = max(1, round(weight * (tf * (K1 + 1) / (tf + norm) + TITLE * tt * (K1 + 1) / (tt + K1))))
            if tf:
                postings[token][-1] = score
            else:
                postings[token] += (number, score)
    parts: list[dict[str, list]] = [{} for _ in range(workers)]
    for token, numbers in postings.items():
        parts[shard(token) % workers][token] = numbers
    for target, part in enumerate(parts):
        (scratch / f"{source}-{target}").write_bytes(marshal.dumps(part))
    return ""


def _join_and_write(out: Path, scratch: Path, target: int, workers: int) -> str:
    parts = [marshal.loads((scratch / f"{source}-{target}").read_bytes()) for source in range(workers)]
    shards: dict[int, dict[str, list]] = defaultdict(dict)
    for token in dict.fromkeys(token for part in parts for token in part):
        joined = [n for part in parts for n in part.get(token, ())]
        shards[shard(token)][token] = _gaps(joined)
    for index, content in shards.items():
        _write(out / "s" / f"{index}.json", content)
    return ""


def _gaps(pages_scores: list[int]) -> list[int]:
    """[page, score, ...] in ascending page order -> [gap from the previous page, score, ...]."""
    out, previous = [], 0
    for i in range(0, len(pages_scores), 2):
        out += (pages_scores[i] - previous, pages_scores[i + 1])
        previous = pages_scores[i]
    return out


def _write(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
