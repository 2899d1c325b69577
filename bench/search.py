"""Search against Pagefind (issue 18): how often each finds a relevant page in the top 3 for the
queries in tests/search_queries.yaml, and what a first query costs, both over the same built site.

Pagefind gets a copy of the site, marked so that it indexes what our index does: the same pages
(the articles hooks/search.py marks), the same parts of them (without data-search-exclude) and the
same page weights.  It is installed from bench/requirements.txt, never for the site itself.
"""
from __future__ import annotations

import importlib.util
import re
import shutil
import statistics
import sys
import time
from importlib import metadata
from pathlib import Path

import yaml

from .content import ROOT
# (measure_run: this module has its own measure(), the search measurement.)
from .measure import PY, measure as measure_run
from .transfer import QUERIES, SEARCH_RUNS, _sizes

sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM, CHROMIUM_ARGS, serve, top_results  # noqa: E402

CASES = yaml.safe_load((ROOT / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))
KINDS = {"colloquial": "日常说法", "question": "整句提问", "traditional": "繁体字", "pinyin": "拼音",
         "statute": "法规和术语", "staff": "工作人员用语"}
TOP, SHOWN = 3, 10  # a hit is a relevant page in the top 3; our page shows 10 results, so Pagefind loads 10
TARGET_KB, TARGET_MS = 150, 300  # issue 18: a first query at L
# The article opening tag as hooks/search.py leaves it, with the page weight if it has one.
_ARTICLE = re.compile(r'<article\b([^>]*)\bdata-search-body\b(?: data-search-weight="([0-9.]+)")?')
# The page Pagefind is queried from.  lang="zh" because pagefind.js picks its index by the page's
# language.  pagefind.js comes with the page, as our search.js does; the query then fetches Pagefind's
# worker, WebAssembly, index chunks and the shown results' fragments, as ours fetches index files and
# page texts.  A script file, not inline: the page is served under the shipped CSP.
PAGE = """<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>Pagefind</title>
<script type="module" src="/pagefind-bench.js"></script></head><body></body></html>
"""
SCRIPT = """import * as pagefind from "/pagefind/pagefind.js";
// The first n results' addresses, and the time by the page's own clock (as search.js sets data-ms).
window.pfTop = async (query, n) => {
  const started = performance.now();
  const found = await pagefind.search(query);
  const pages = await Promise.all(found.results.slice(0, n).map(r => r.data()));
  return { urls: pages.map(p => p.url), count: found.results.length, ms: Math.round(performance.now() - started) };
};
document.documentElement.dataset.ready = "1";
"""
# Pagefind compiles WebAssembly in a web worker, which the shipped CSP forbids; a deployment of
# Pagefind would add this, so the copy is served with it (Playwright's bypass_csp misses workers).
WASM = "'wasm-unsafe-eval'"


def _relative(url: str) -> str:
    """Pagefind's /procedure/xf-review/ (or with index.html) as our site-relative procedure/xf-review/."""
    return re.sub(r"^https?://[^/]+", "", url).lstrip("/").removesuffix("index.html")


def pagefind_copy(site: Path, dest: Path) -> dict:
    """Copy the site, mark what our index reads and index it with Pagefind; time and memory as the build's."""
    shutil.copytree(site, dest)
    for page in dest.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "data-search-body" in text:
            page.write_text(_ARTICLE.sub(lambda m: m.group(0) + " data-pagefind-body" + (
                f' data-pagefind-weight="{m.group(2)}"' if m.group(2) else ""), text, count=1), encoding="utf-8")
    (dest / "pagefind-bench.html").write_text(PAGE, encoding="utf-8")
    (dest / "pagefind-bench.js").write_text(SCRIPT, encoding="utf-8")
    cost = measure_run([PY, "-m", "pagefind", "--site", str(dest), "--exclude-selectors", "[data-search-exclude]", "--quiet"], dest)
    cost["bytes"] = sum(p.stat().st_size for p in (dest / "pagefind").rglob("*") if p.is_file())
    cost["version"] = metadata.version("pagefind-bin-extended")
    return cost


def quick_cases() -> list[dict]:
    """--quick: the first query of each kind, so the smoke test runs every row of the table."""
    return [next(c for c in CASES if c["kind"] == kind) for kind in KINDS]


def _ours(browser, base: str, cases: list[dict]) -> list[list[str]]:
    page = browser.new_page()
    page.goto(f"{base}/search/")
    tops = [top_results(page, case["query"], TOP) for case in cases]  # typed as tests/test_search.py types
    page.close()
    return tops


def _pagefind_page(browser, base: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/pagefind-bench.html", wait_until="networkidle")
    page.locator("html[data-ready]").wait_for(state="attached")
    return context, page


def _pagefind_first(browser, base: str, query: str) -> dict:
    """A first query, as transfer._first_search does for ours: a fresh context, bytes from the call on."""
    context, page = _pagefind_page(browser, base)
    done = []
    page.on("requestfinished", lambda r: done.append(r))
    started = time.perf_counter()
    answer = page.evaluate("([q, n]) => pfTop(q, n)", [query, SHOWN])
    wall = (time.perf_counter() - started) * 1000
    page.wait_for_load_state("networkidle")
    # Playwright reports no body bytes for a worker's own script (pagefind-worker.js, about 12 KB
    # gzipped); the page's Resource Timing has them, so such a request is counted from there.
    timing = dict(page.evaluate("performance.getEntriesByType('resource').map(e => [e.name, e.encodedBodySize])"))
    unsized = sum(timing.get(r.url, 0) for r in done if r.sizes()["responseBodySize"] == 0)
    row = {"query": query, "bytes": _sizes(done) + unsized, "requests": len(done), "wall_ms": round(wall), "ms": answer["ms"]}
    context.close()
    return row


def measure(site: Path, work: Path, pagefind: bool = True, runs: int = SEARCH_RUNS, cases: list[dict] = CASES) -> dict:
    from playwright.sync_api import sync_playwright

    result: dict = {"ours": None, "pagefind": None, "pagefind_empty": None, "first": [], "index": None, "runs": runs,
                    "cases": cases}
    copy = work / "site-pagefind"
    if pagefind and importlib.util.find_spec("pagefind") is None:
        raise RuntimeError("没有装 Pagefind：make bench 会按 bench/requirements.txt 装上；不和它比就加 --no-pagefind")
    if pagefind:
        result["index"] = pagefind_copy(site, copy)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        base, server = serve(site)
        try:
            result["ours"] = _ours(browser, base, cases)
        finally:
            server.shutdown()
        if pagefind:
            base, server = serve(copy, script_src=WASM)
            try:
                context, page = _pagefind_page(browser, base)
                answers = [page.evaluate("([q, n]) => pfTop(q, n)", [c["query"], TOP]) for c in cases]
                context.close()
                result["pagefind"] = [[_relative(u) for u in a["urls"]] for a in answers]
                result["pagefind_empty"] = sum(a["count"] == 0 for a in answers)
                for query in QUERIES:
                    rows = [_pagefind_first(browser, base, query) for _ in range(runs)]
                    result["first"].append({**sorted(rows, key=lambda r: r["wall_ms"])[len(rows) // 2],
                                            "runs": [r["wall_ms"] for r in rows]})
            finally:
                server.shutdown()
        browser.close()
    shutil.rmtree(copy, ignore_errors=True)
    return result


def _rate(tops: list[list[str]] | None, cases: list[dict], kind: str | None) -> str:
    if tops is None:
        return "—"
    hits = [any(r in c["relevant"] for r in top) for c, top in zip(cases, tops, strict=True) if kind in (None, c["kind"])]
    return f"{sum(hits)}（{sum(hits) / len(hits):.0%}）"


def report(result: dict, transfer_result: dict, scale: str) -> list[str]:
    ours = transfer_result["queries"]
    theirs = {r["query"]: r for r in result["first"]}
    index, cases = result["index"], result["cases"]
    how = (f"Pagefind {index['version']}（extended，带中文分词）对同一批页面的同一部分建索引：在站点的副本里，把本站索引读的文章标成 "
           "`data-pagefind-body`（页面权重照搬为 `data-pagefind-weight`），`data-search-exclude` 的部分排除；查询原样交给它的 JS API。"
           "Pagefind 在 Web Worker 里编译 WebAssembly，本站的 CSP 不允许，所以副本由同样的 nginx 配置提供，只在 CSP 的 script-src 里加上 "
           "'wasm-unsafe-eval'（部署 Pagefind 就得这样加）。") if index else "这次没有和 Pagefind 比较（`--no-pagefind`）。"
    lines = [f"## 搜索：找得到吗，第一次搜索花多少（{scale}） {{#search}}", "",
             f"`tests/search_queries.yaml` 的 {len(cases)} 个查询（不看搜索结果写成的），前 {TOP} 个结果里有一个是列出的相关页面就算找到。"
             + how, "", "| 查询类别 | 查询数 | 本站找到 | Pagefind 找到 |", "|---|---|---|---|"]
    for kind, name in KINDS.items():
        count = sum(c["kind"] == kind for c in cases)
        lines.append(f"| {name}（{kind}） | {count} | {_rate(result['ours'], cases, kind)} | {_rate(result['pagefind'], cases, kind)} |")
    lines.append(f"| 合计 | {len(cases)} | {_rate(result['ours'], cases, None)} | {_rate(result['pagefind'], cases, None)} |")
    if scale != "S":
        # The query set lists the shipped pages; the generated ones quote the same sentences.
        lines += ["", f"规模 {scale} 另加的示例程序和案例是用本站自己的句子拼成的，标题里也有“信访工作条例”这样的词。"
                  "它们会和查询集列出的相关页面争前三名，所以这里的命中率比只有本站内容时低；"
                  "本站内容上的命中率由 `make test` 的搜索测试检查。两个搜索面对的是同样的页面。"]
    if index:
        # Why Pagefind misses so often, so the table is not read as a setup fault: its query-time
        # segmentation (the browser's) differs from its index-time one (Pagefind issue #1237).
        lines += ["", f"Pagefind 对其中 {result['pagefind_empty']} 个查询一个结果也没有：它建索引时用 jieba 分词，查询时用浏览器的 "
                  "Intl.Segmenter 切词，两边切得不一样（比如把“复议”切成“复”“议”），查询的词在索引里就对不上（Pagefind issue #1237）；"
                  "它也不认拼音，没有本站那样把日常说法对到法定用语的词表。"]
        lines += ["", f"Pagefind 建索引：{index['seconds']:.1f} s，峰值内存 {index['rss_mb']:.0f} MB，索引文件 {index['bytes'] / 1e6:.1f} MB"
                  "（本站的索引在上面的构建时间里）。"]
    lines += ["", "### 第一次搜索：本站和 Pagefind {#search-first}", "",
              f"量法同[第一次搜索](#first-search)：新的浏览器环境，搜索页已打开，从回车（Pagefind 是调用它的 API）到 {SHOWN} 个结果的内容都取到，"
              f"计传输的字节和用时（浏览器外量的；括号里是页面自己的时钟）。每个词 {result['runs']} 次，取用时的中位数。"
              "Pagefind 的 pagefind.js 随页面载入，不算在内，正如本站的 search.js。", "",
              "| 搜索词 | 本站传输 | 本站用时（页面内） | Pagefind 传输 | Pagefind 用时（页面内） |", "|---|---|---|---|---|"]
    for row in ours:
        other = theirs.get(row["query"])
        pf = f"{other['bytes'] / 1024:.1f} KB | {other['wall_ms']} ms（{other['ms']} ms）" if other else "— | —"
        lines.append(f"| {row['query']} | {row['bytes'] / 1024:.1f} KB | {row['wall_ms']} ms（{row['ms']} ms） | {pf} |")
    lines += ["", "| | 传输中位数 | 传输最大 | 用时中位数 | 用时最大 |", "|---|---|---|---|---|"]
    for name, rows in (("本站", ours), ("Pagefind", result["first"])):
        if rows:
            kb, ms = [r["bytes"] / 1024 for r in rows], [r["wall_ms"] for r in rows]
            lines.append(f"| {name} | {statistics.median(kb):.1f} KB | {max(kb):.1f} KB | {statistics.median(ms):.0f} ms | {max(ms)} ms |")
    kb, ms = max(r["bytes"] / 1024 for r in ours), max(r["wall_ms"] for r in ours)
    met = "达到" if kb <= TARGET_KB and ms <= TARGET_MS else "未达到"
    note = "" if scale == "L" else f"（目标是对 L 说的，这次只测到 {scale}）"
    lines += ["", f"目标：L 规模下第一次搜索传输不超过 {TARGET_KB} KB、在本机不超过 {TARGET_MS} ms。"
              f"本次 {scale} 规模本站最多 {kb:.1f} KB、{ms} ms：{met}{note}。", ""]
    return lines
