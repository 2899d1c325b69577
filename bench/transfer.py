"""What a phone downloads: bytes on the wire (compressed, headers included) for the first load of
each kind of page, and for the first search queries, measured in Chromium against the built site
served by the shipped nginx configuration (gzip as deployed).  Each page kind is opened in a
fresh browser context, so nothing comes from the cache.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from .content import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402  (the tests' nginx + Chromium plumbing)

# (kind shown in the report, path); the generated L content adds procedures, rules and posts.
PAGES = [("首页", ""), ("路线图", "roadmap/citizen/"), ("程序目录", "procedure/"), ("程序", "procedure/xf-review/"),
         ("期限规则目录", "rule/"), ("期限规则", "rule/xinfang.handle/"),
         ("法规全文", "law/xinfang-gongzuo-tiaoli-2022/"), ("条文的引用清单", "law/xinfang-gongzuo-tiaoli-2022/cited/35/"),
         ("专题", "topic/period-counting/"),
         ("途径", "channel/admin-reconsideration/"), ("找对途径（问题）", "checker/"), ("期限计算器", "calculator/"),
         ("工作人员程序（时间线）", "procedure/staff-handling/"), ("案例", "cases/police-first-petition-golden-period/"),
         ("案例专栏首页", "cases/"), ("搜索页", "search/")]
# Site words, then (from tests/search_queries.yaml) an everyday phrase the lexicon expands, traditional
# characters and toneless pinyin: the three ways of typing that fetch helper data before the index.
QUERIES = ["复议", "信访", "不再受理", "节假日", "行政复议", "信访处理意见书", "老板欠工资不给", "勞動仲裁", "laodong zhongcai"]
SEARCH_RUNS = 3  # each query's time is the median of this many first searches (the bytes do not vary); at most --runs
# The calculator's own scripts and data: what the tool adds to a page.  The rule's own file
# (data/rules/<id>.js) comes when the visitor picks a situation, so it is counted after one answer.
# make bench --quick (tests/test_bench_smoke.py): each measurement once, on the page kinds that need
# their own code (a post, the calculator with one answer) and one query, to show that it still runs.
QUICK_PAGES = [kind for kind in PAGES if kind[0] in ("首页", "期限计算器", "案例")]
QUICK_QUERIES = QUERIES[:1]
CALCULATOR_FILES = ("calendar.js", "deadline.js", "deadline-text.js", "calculator.js")
CALCULATOR_ANSWER = ("xinfang.handle", "2026-08-10")


def _calculator_file(url: str) -> bool:
    return url.rsplit("/", 1)[-1] in CALCULATOR_FILES or "/data/rules/" in url


def _sizes(requests) -> int:
    total = 0
    for request in requests:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return total


def _first_search(browser, base: str, query: str) -> dict:
    """One query as a citizen's first: a fresh context with the search page loaded, then Enter."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/search/", wait_until="networkidle")
    done = []
    page.on("requestfinished", lambda r: done.append(r))
    page.locator("#xf-q").fill(query)
    started = time.perf_counter()  # from Enter: typing is the visitor's time, not the search's
    page.locator("#xf-q").press("Enter")
    page.locator(f'#xf-search-results[data-query="{query}"]').wait_for()
    wall = (time.perf_counter() - started) * 1000
    page.wait_for_load_state("networkidle")
    row = {"query": query, "bytes": _sizes(done), "requests": len(done),
           "ms": int(page.locator("#xf-search-results").get_attribute("data-ms")),
           "wall_ms": round(wall), "found": page.locator("#xf-search-status").inner_text()}
    context.close()
    return row


def measure(site: Path, runs: int = SEARCH_RUNS, pages=PAGES, queries=QUERIES) -> dict:
    from playwright.sync_api import sync_playwright

    base, server = serve(site)
    result: dict = {"pages": [], "queries": [], "runs": runs}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for kind, path in pages:
                context = browser.new_context()
                page = context.new_page()
                done = []
                page.on("requestfinished", lambda r: done.append(r))
                page.goto(f"{base}/{path}", wait_until="networkidle")
                first = list(done)
                if path == "calculator/":  # one answer, as a visitor would get it
                    page.select_option("#dl-rule", CALCULATOR_ANSWER[0])
                    page.fill("#dl-from", CALCULATOR_ANSWER[1])
                    page.click("button[type=submit]")
                    page.locator(".dl-answer").wait_for()
                    page.wait_for_load_state("networkidle")
                result["pages"].append({"kind": kind, "path": path, "bytes": _sizes(first), "requests": len(first),
                                        "tool_bytes": _sizes([r for r in done if _calculator_file(r.url)])})
                context.close()
            for query in queries:
                rows = [_first_search(browser, base, query) for _ in range(runs)]
                median = sorted(rows, key=lambda r: r["wall_ms"])[len(rows) // 2]
                result["queries"].append({**median, "runs": [r["wall_ms"] for r in rows]})
            browser.close()
    finally:
        server.shutdown()
    return result


def report(result: dict, scale: str) -> list[str]:
    lines = [f"## 浏览器里的传输量（{scale}） {{#transfer}}", "",
             "用 Chromium 打开按部署配置（nginx，gzip）提供的站点。每类页面都在新的浏览器环境里打开，不用缓存；"
             "数字是实际传输的字节（压缩后，含响应头）。", "",
             "| 页面 | 地址 | 首次打开 | 请求数 |", "|---|---|---|---|"]
    for row in result["pages"]:
        lines.append(f"| {row['kind']} | `/{row['path']}` | {row['bytes'] / 1024:.1f} KB | {row['requests']} |")
    calc = next(r for r in result["pages"] if r["path"] == "calculator/")
    lines += ["", f"期限计算器自己的脚本和数据（{'、'.join(CALCULATOR_FILES)}，加上选中情形后载入的那条规则 "
              f"`data/rules/{CALCULATOR_ANSWER[0]}.js`）：{calc['tool_bytes'] / 1024:.1f} KB。"
              "“找对途径”是纯链接页面，不加载脚本。", "",
              "### 第一次搜索 {#first-search}", "",
              "搜索页已经打开，输入一个词并回车：从回车到结果显示的时间，和这期间下载的字节（索引里这个词所在的文件和要显示的页面摘要）。"
              f"每个词在新的浏览器环境里搜{result['runs']}次，时间取中位数，括号里是每一次。", "",
              "| 搜索词 | 传输 | 请求数 | 到显示结果 | 结果 |", "|---|---|---|---|---|"]
    for row in result["queries"]:
        each = "、".join(map(str, row["runs"]))
        lines.append(f"| {row['query']} | {row['bytes'] / 1024:.1f} KB | {row['requests']} | {row['wall_ms']} ms（{each}） | {row['found']} |")
    kb = [r["bytes"] / 1024 for r in result["queries"]]
    ms = [r["wall_ms"] for r in result["queries"]]
    lines += ["", f"中位数：{statistics.median(kb):.1f} KB，{statistics.median(ms):.0f} ms；最大：{max(kb):.1f} KB，{max(ms)} ms。", ""]
    return lines
