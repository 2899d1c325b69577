"""`python -m bench`: measure the build at S/M/L against a plain Material build, and our
validator against check-jsonschema, then write a dated Markdown report.

Each measured command runs in its own child process (measure.py), so runs do not see each
other's memory.  Medians of --runs runs.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import tempfile
from importlib import metadata
from pathlib import Path

from checkers import caches

from . import loop, search, transfer
from .content import ROOT, SCALES, make
from .measure import ENV, PY, measure


# --quick: the baseline builds without these folders (the place and checker pages, two thirds of S):
# the smoke test proves the baseline still builds, and its time does not count.
QUICK_BASELINE_SKIPS = "/place/\n/checker/\n"


def baseline_config(project: Path, quick: bool = False) -> Path:
    """Material for MkDocs as a careful user would set it up for the same pages: search with
    jieba, the blog plugin for the cases, tags, navigation.prune; no hook, no validation."""
    config = {
        "site_name": "baseline", "docs_dir": "docs", "use_directory_urls": True,
        "theme": {"name": "material", "language": "zh", "font": False, "features": ["navigation.prune", "navigation.indexes"]},
        "plugins": [{"search": {"lang": "zh"}},  # Material picks jieba for zh when it is installed
                    {"blog": {"blog_dir": "cases", "post_url_format": "{file}"}}, "tags"],
        "markdown_extensions": ["attr_list", "md_in_html", "admonition", "tables", "toc"],
        "extra_css": ["assets/stylesheets/site.css"],
    }
    if quick:
        config["exclude_docs"] = QUICK_BASELINE_SKIPS
    path = project / "baseline.yml"
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    return path


def site_size(site: Path) -> tuple[int, int]:
    pages = list(site.rglob("*.html"))
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return len(pages), total


def check_jsonschema(project: Path) -> list[list[str]]:
    """One check-jsonschema call per content kind (it takes one schema per call)."""
    exe = str(Path(PY).with_name("check-jsonschema"))
    calls = []
    for folder in sorted((project / "procedures").iterdir()):
        files = sorted(str(p) for p in folder.glob("*.yaml"))
        if not files:
            continue  # a kind with no content yet (procedures/holiday/ until a notice is entered)
        calls.append([exe, "--schemafile", str(project / "schemas" / f"{folder.name}.schema.json"), *files])
    return calls


def bench_scale(scale: str, runs: int, work: Path, baseline: bool, preview: bool = True, quick: bool = False) -> dict:
    project = make(scale, work / scale)
    rows: dict[str, list[dict]] = {"validate": [], "check-jsonschema": [], "build": [], "baseline": []}
    for _ in range(runs):
        rows["validate"].append(measure([PY, "-m", "checkers", "--root", str(project), "validate"], project))
        total = {"seconds": 0.0, "rss_mb": 0.0}
        for call in check_jsonschema(project)[:1 if quick else None]:  # --quick: the call works; its time does not count
            one = measure(call, project)
            total = {"seconds": total["seconds"] + one["seconds"], "rss_mb": max(total["rss_mb"], one["rss_mb"])}
        rows["check-jsonschema"].append(total)
        shutil.rmtree(project / "site", ignore_errors=True)
        # What make build runs (the site tool on both cores: sitetool/driver.py), without the cache.
        # (--quick: with the cache, which the warm builds below then start from; its numbers do not count.)
        rows["build"].append(measure([PY, "-m", "checkers", "--root", str(project), "build", *([] if quick else ["--no-cache"]),
                                      "-d", str(project / "site")], project))
        if baseline:
            shutil.rmtree(project / "site-baseline", ignore_errors=True)
            # The generated Markdown our build left in docs/ is the baseline's input: the same pages.
            rows["baseline"].append(measure([PY, "-m", "properdocs", "build", "-q", "-f", str(baseline_config(project, quick)),
                                             "-d", str(project / "site-baseline")], project))
    # make build again with nothing changed: the site is already the last build's (checkers/cli/build.py).
    warm = [PY, "-m", "checkers", "--root", str(project), "build", "-d", str(project / "site-warm")]
    if not quick:
        shutil.rmtree(project / ".cache", ignore_errors=True)
    measure(warm, project)  # the first one builds and fills the caches (--quick: the pages are there already)
    rows["warm"] = [measure(warm, project) for _ in range(runs)]
    # ...and after editing one post, then one rule (the preview loop's edits): new words each run.
    for kind, source, where, _ in loop.TARGETS:
        path = project / source
        original = path.read_text(encoding="utf-8")
        rows[f"edit-{kind}"] = []
        for run in range(runs):
            path.write_text(loop.edited(original, where, f"基准测试改动{run}"), encoding="utf-8")
            rows[f"edit-{kind}"].append(measure(warm, project))
        path.write_text(original, encoding="utf-8")
    # The national site and the four editions (make editions), from an empty cache each time.
    rows["editions"], each = [], []
    for _ in range(runs):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        run = measure([PY, "-m", "checkers", "--root", str(project), "editions", "-d", "site-all", "--out", "site-all-editions"],
                      project, {"SITE_URL": "https://example.gov.cn/xf/"})
        rows["editions"].append(run)
        each.append([float(s) for s in re.findall(r"^地方版 \S+：\S+（([\d.]+) 秒", run["out"], re.M)])
    result = {name: {"seconds": statistics.median(r["seconds"] for r in rs), "rss_mb": max(r["rss_mb"] for r in rs)}
              for name, rs in rows.items() if rs}
    result["editions"].update(count=len(each[0]), each=statistics.median(s for run in each for s in run))
    pages, size = site_size(project / "site")
    result["build"].update(pages=pages, bytes=size)
    if baseline:
        pages_b, size_b = site_size(project / "site-baseline")
        result["baseline"].update(pages=pages_b, bytes=size_b)
    if preview:  # the editor's loop on the same content, after the builds it is set beside
        result["loop"] = loop.measure(project, edits=1 if quick else loop.EDITS)
    return result


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("properdocs", "mkdocs-material", "jieba", "jsonschema", "jsonschema-rs", "check-jsonschema"))
    return f"{cpu}, {os.cpu_count()} cores, {mem} GiB; Python {platform.python_version()}; {versions}"


def report(results: dict[str, dict], runs: int, browser: dict | None = None, found: dict | None = None) -> str:
    lines = ["---", "title: 性能基准", "description: make bench 的测量结果：构建时间、内存、输出大小、校验速度，浏览器里的传输量和搜索。", "search:",
             "  exclude: true", "---", "", "# 性能基准", "",
             f"由 `make bench` 在 {dt.date.today().isoformat()} 生成。机器：{machine()}。每项取 {runs} 次运行的中位数（内存取最大值）。",
             "", "规模：S 为本站现有内容；M 为另加 100 个程序（各带一条期限规则）和 1,000 篇案例；L 为另加 300 个程序和 3,000 篇案例。",
             "", "## 完整构建 {#build}", "",
             "本站构建包括校验、生成页面、ProperDocs 构建和搜索索引。对照组是同样的页面交给 Material for MkDocs 直接构建（同样用 ProperDocs）"
             "（jieba 搜索、blog 插件、tags、navigation.prune，不校验）。", "",
             "| 规模 | 页面数 | 本站用时 | 对照组用时 | 本站/对照 | 峰值内存 | 输出 | 平均每页 |", "|---|---|---|---|---|---|---|---|"]
    for scale, r in results.items():
        b, base = r["build"], r.get("baseline")
        ratio = f"{b['seconds'] / base['seconds']:.2f}" if base else "—"
        base_time = f"{base['seconds']:.1f} s" if base else "—"
        lines.append(f"| {scale} | {b['pages']} | {b['seconds']:.1f} s | {base_time} | {ratio} | "
                     f"{b['rss_mb']:.0f} MB | {b['bytes'] / 1e6:.1f} MB | {b['bytes'] / b['pages'] / 1024:.0f} KB |")
    if "M" in results and "L" in results:
        lines += ["", f"从 M 到 L 的增长：{results['L']['build']['seconds'] / results['M']['build']['seconds']:.2f} 倍（内容是 3 倍）。"]
    if all("warm" in r for r in results.values()):
        lines += ["", "什么都没改、再 `make build` 一次（`site/` 已经是上次构建的结果，只核对一遍）：" + "；".join(
            f"{scale} {r['warm']['seconds']:.1f} s" for scale, r in results.items()) + "。"
                  "改了一篇案例、一条期限规则以后再 `make build`（只重新渲染改到的页面，其余取自 `.cache/pages/`）：" + "；".join(
            f"{scale} {r['edit-post']['seconds']:.1f} s、{r['edit-rule']['seconds']:.1f} s" for scale, r in results.items()) + "。"]
    if all("editions" in r for r in results.values()):
        lines += ["", "## 全国版和地方版 {#editions}", "",
                  "`make editions`：全国版加4个地方版（两个演示版、两个性能基准用的地方版，各是市和它下面的一个区），"
                  "每个都是完整的网站。每次从空的缓存开始。和同一次运行里单独构建一次全国版（上表的“本站用时”）相比。", "",
                  "| 规模 | 全国版 | 全国版+4个地方版 | 倍数 | 每多一个地方版（中位数） | 峰值内存 |", "|---|---|---|---|---|---|"]
        for scale, r in results.items():
            e, b = r["editions"], r["build"]
            lines.append(f"| {scale} | {b['seconds']:.1f} s | {e['seconds']:.1f} s | {e['seconds'] / b['seconds']:.2f} | "
                         f"{e['each']:.1f} s | {e['rss_mb']:.0f} MB |")
    lines += ["", "## 校验 {#validate}", "", "本站校验（行号、交叉引用、案例正文检查都在内）与 check-jsonschema（只做 JSON Schema，逐类调用）对同一批 YAML 文件。", "",
              "| 规模 | 本站校验 | check-jsonschema | 速度比 |", "|---|---|---|---|"]
    for scale, r in results.items():
        v, c = r["validate"], r["check-jsonschema"]
        lines.append(f"| {scale} | {v['seconds']:.2f} s | {c['seconds']:.2f} s | {c['seconds'] / v['seconds']:.1f}× |")
    lines += ["", "两者对这批文件的结论一致：都判定全部通过（任何一方报错，基准测试就会中止）。", ""]
    loops = {scale: r["loop"] for scale, r in results.items() if "loop" in r}
    if loops:
        lines += loop.report(loops, results)
    if browser:
        lines += transfer.report(browser, scale=list(results)[-1])
    if browser and found:
        lines += search.report(found, browser, scale=list(results)[-1])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--scales", default="S,M,L")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--no-preview", action="store_true", help="不测编辑预览（保存到看到新页面）")
    parser.add_argument("--no-browser", action="store_true", help="不测浏览器里的传输量和搜索")
    parser.add_argument("--no-pagefind", action="store_true", help="不和 Pagefind 对比（只测本站搜索的命中率）")
    parser.add_argument("--quick", action="store_true",
                        help="只为证明基准测试还能跑（tests/test_bench_smoke.py）：对照组不建地点和问答页面，预览各改一次，"
                             "浏览器里只开几类页面、搜一个词，命中率每类只查一个；数字不作数")
    parser.add_argument("--out", default=str(ROOT / "docs" / "bench.md"), help="报告写到哪里")
    args = parser.parse_args(argv)
    scales = [s for s in args.scales.split(",") if s]
    unknown = [s for s in scales if s not in SCALES]
    if unknown:
        parser.exit(2, f"python -m bench: 不认识的规模 {unknown}（可用：{'、'.join(SCALES)}）\n")
    if not args.quick:  # a cold build is cold: each project has its own caches (checkers/caches.py)
        for env in (ENV, os.environ):
            env.pop(caches.SETTING, None)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        results = {s: bench_scale(s, args.runs, Path(tmp), not args.no_baseline, not args.no_preview, args.quick) for s in scales}
        # In the browser, at the largest scale measured: the site it built is still in place.
        site = Path(tmp) / scales[-1] / "site"
        searches = min(args.runs, transfer.SEARCH_RUNS)
        browser = None if args.no_browser else transfer.measure(
            site, searches, *((transfer.QUICK_PAGES, transfer.QUICK_QUERIES) if args.quick else ()))
        # Hit rates on tests/search_queries.yaml, and Pagefind over a copy of the same site.
        found = None if args.no_browser else search.measure(site, Path(tmp), not args.no_pagefind, searches,
                                                            search.quick_cases() if args.quick else search.CASES)
    text = report(results, args.runs, browser, found)
    if args.quick:  # never to be taken for a measurement
        text = text.replace("# 性能基准\n", "# 性能基准\n\n**`--quick` 的报告：只证明基准测试还能跑，数字不作数。**\n", 1)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0
