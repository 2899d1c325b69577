"""The editor's loop (issue 20): from saving a file to the preview server (`make serve`, i.e.
`python -m preview`) handing out the changed page, for a case post's lead and a rule's summary,
each edited several times in a row.  Measured from outside, as an editor's browser sees it: the
file is written, then the page is fetched every 20 ms until it shows the new words.  So the time
includes noticing the save (the preview looks every 0.2 s) and everything up to the page."""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from .content import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from browser import free_port, wait_for  # noqa: E402  (the tests' own helpers, as bench/search.py uses)

EDITS = 3
# (what is edited, file, the line that gets new words, the page that must show them)
TARGETS = [("post", "docs/cases/posts/police-first-petition-golden-period.md", "\n<!-- more -->", "cases/police-first-petition-golden-period/"),
           ("rule", "procedures/rule/admin.appeal-judgment.yaml", "\nsummary: ", "rule/admin.appeal-judgment/")]


def _until(url: str, words: str, limit: float) -> float:
    started = time.perf_counter()
    try:
        wait_for(url, lambda text: words in text, limit, every=0.02)
    except TimeoutError:
        raise TimeoutError(f"预览在 {limit:.0f} 秒内没有显示 {url} 的修改") from None
    return time.perf_counter() - started


def edited(source: str, where: str, words: str) -> str:
    # A post's lead ends before <!-- more -->; a rule's summary starts after its key.
    return source.replace(where, f"{words}。\n{where}" if where.startswith("\n<!--") else where + words, 1)


def measure(project: Path, edits: int = EDITS) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    started = time.perf_counter()
    # Its messages go to a file: a pipe nobody reads fills up at L and stops the preview.
    log = project / "preview.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "preview", "--root", str(project), "--port", str(port)],
                                  cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    result: dict = {"edits": edits}
    try:
        _until(base + TARGETS[0][3], "<article", 900)
        result["start"] = time.perf_counter() - started
        for name, rel, where, page in TARGETS:
            path = project / rel
            original = path.read_text(encoding="utf-8")
            times = []
            for number in range(edits):
                words = f"预览计时{time.time_ns()}"  # never on the page before, even after an interrupted run
                path.write_text(edited(original, where, words), encoding="utf-8")
                times.append(_until(base + page, words, 120))
                time.sleep(0.5)  # the editor reads the page before the next save
            path.write_text(original, encoding="utf-8")
            result[name] = {"median": statistics.median(times), "runs": times}
            time.sleep(1)  # the restore is built before the next file is timed
    except TimeoutError as exc:
        raise RuntimeError(f"{exc}\n预览的输出（{log}）最后几行：\n{log.read_text(encoding='utf-8')[-2000:]}") from None
    finally:
        server.terminate()
        server.wait(timeout=30)
    return result


def report(loops: dict[str, dict], builds: dict[str, dict]) -> list[str]:
    edits = next(iter(loops.values()))["edits"]
    lines = ["## 编辑预览：保存到看到新页面 {#preview-loop}", "",
             f"`make serve`（`python -m preview`）开着，改一篇案例的导语、一条期限规则的 summary，各连续保存 {edits} 次；"
             "每次从写入文件算起，每 20 毫秒取一次页面，直到预览服务器给出的页面里有新写的字。"
             "所以时间里包括预览发现文件改了（它每 0.2 秒看一次）。和同一次运行里的完整构建放在一起。目标：L 规模下不超过 2 秒。", "",
             "| 规模 | 改案例（中位数） | 改期限规则（中位数） | 每次（案例；规则） | 预览启动（完整构建一遍） | `make build` 完整构建 |",
             "|---|---|---|---|---|---|"]
    for scale, loop in loops.items():
        each = "、".join(f"{t:.2f}" for t in loop["post"]["runs"]) + "；" + "、".join(f"{t:.2f}" for t in loop["rule"]["runs"])
        lines.append(f"| {scale} | {loop['post']['median']:.2f} s | {loop['rule']['median']:.2f} s | {each} s | "
                     f"{loop['start']:.1f} s | {builds[scale]['build']['seconds']:.1f} s |")
    worst = max(max(loop["post"]["median"], loop["rule"]["median"]) for loop in loops.values())
    lines += ["", f"最慢的中位数 {worst:.2f} s：{'达到' if worst <= 2 else '未达到'}目标"
              + ("" if "L" in loops else "（目标是对 L 说的，这次没有测 L）") + "。", ""]
    return lines
