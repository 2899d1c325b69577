"""The benchmark never rots: CI runs it once at the shipped scale (no targets enforced here;
`make bench` measures, and compares with Pagefind, which only make bench installs), and the
generated M-scale content passes validation."""
from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT, run_cli


def test_bench_smoke_writes_a_report_with_every_measurement(tmp_path):
    out = tmp_path / "bench.md"
    result = subprocess.run([sys.executable, "-m", "bench", "--scales", "S", "--runs", "1", "--quick", "--no-pagefind", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert re.search(r"\| S \| \d+ \| [\d.]+ s \| [\d.]+ s \| [\d.]+ \| \d+ MB \| [\d.]+ MB \| \d+ KB \|", text), text
    assert re.search(r"\| S \| [\d.]+ s \| [\d.]+ s \| [\d.]+× \|", text), text
    assert "机器：" in text and "cores" in text and "数字不作数" in text  # a --quick report says what it is
    # make build again with nothing changed, and after one edit: from the caches.
    assert re.search(r"什么都没改、再 `make build` 一次（`site/` 已经是上次构建的结果，只核对一遍）：S [\d.]+ s。改了一篇案例、一条期限规则以后再 `make build`（只重新渲染改到的页面，其余取自 `.cache/pages/`）：S [\d.]+ s、[\d.]+ s。", text), text
    # The national site and four local editions, beside the national build of the same run.
    assert re.search(r"\| S \| [\d.]+ s \| [\d.]+ s \| [\d.]+ \| [\d.]+ s \| \d+ MB \|", text), text
    # In the browser: every page kind's first load, and first searches that found something.
    assert re.search(r"\| 案例 \| `/cases/[a-z0-9-]+/` \| [\d.]+ KB \| \d+ \|", text), text
    assert re.search(r"\| 复议 \| [\d.]+ KB \| \d+ \| \d+ ms（\d+） \| 找到 \d+ 个相关页面。 \|", text), text
    # The calculator's own bytes include the rule file it loads for one answer.
    assert re.search(r"`data/rules/[a-z.-]+\.js`）：[\d.]+ KB", text), text
    # Hit rates on tests/search_queries.yaml (Pagefind's column empty without it), and the target line.
    assert re.search(r"\| 拼音（pinyin） \| \d+ \| \d+（\d+%） \| — \|", text), text
    assert re.search(r"\| 合计 \| \d+ \| \d+（\d+%） \| — \|", text), text
    assert re.search(r"\| 复议 \| [\d.]+ KB \| \d+ ms（\d+ ms） \| — \| — \|", text), text
    assert re.search(r"本站最多 [\d.]+ KB、\d+ ms：(未)?达到", text), text
    # The editor's loop: saving a post and a rule until the preview serves the page, beside the build.
    assert re.search(r"\| S \| [\d.]+ s \| [\d.]+ s \| [\d.、；]+ s \| [\d.]+ s \| [\d.]+ s \|", text), text


def test_generated_benchmark_content_is_valid(tmp_path):
    from bench.content import make

    project = make("M", tmp_path / "M")
    result = run_cli(project, "validate")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "procedure 112" in result.stdout and "case 1008" in result.stdout


def test_pagefind_is_timed_as_its_own_process(tmp_path, monkeypatch):
    """make bench's comparison with Pagefind (not installed for make test): the copy is marked and
    Pagefind's indexing is run and timed as a process.  (It once called the search measurement
    itself, whose name it shares, and make bench failed at its last step.)"""
    from bench import search

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<html><body><article class="md-content__inner">x</article></body></html>', encoding="utf-8")
    calls = []
    monkeypatch.setattr(search, "measure_run", lambda command, cwd: calls.append(command) or {"seconds": 1.0, "rss_mb": 1.0})
    monkeypatch.setattr(search.metadata, "version", lambda name: "0")
    cost = search.pagefind_copy(site, tmp_path / "copy")
    assert calls and calls[0][1:3] == ["-m", "pagefind"] and cost["seconds"] == 1.0
    assert (tmp_path / "copy" / "pagefind-bench.html").exists()
