"""`python -m preview` (run by `make serve`): build the site once, serve it on 127.0.0.1, and after
each save rebuild what the saved file changes.  Publishing is `make build`, never this."""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from preview import server, watch  # noqa: E402
from preview.builder import Outcome, Preview  # noqa: E402

CODE = ("checkers/", "hooks/", "preview/", "sitetool/")


def say(outcome: Outcome) -> None:
    if outcome.how == "problems":
        print("内容有问题，预览还是上一次的样子：", *outcome.problems, sep="\n  ", flush=True)
    elif outcome.how == "full":
        print(f"已完整构建，用时 {outcome.seconds:.1f} 秒", flush=True)
    else:
        print(f"已更新 {len(outcome.pages)} 个文件，用时 {outcome.seconds:.2f} 秒：{'、'.join(outcome.pages[:5])}"
              + ("……" if len(outcome.pages) > 5 else ""), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m preview", description="编辑预览：保存后只重建改到的页面")
    parser.add_argument("--root", default=str(ROOT))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    logging.basicConfig(level=logging.WARNING, format="%(message)s")  # the site tool's warnings, as a build shows them
    site_dir = Path(tempfile.mkdtemp(prefix="xf-preview-"))
    url = f"http://{args.host}:{args.port}/"
    preview, state = Preview(root, site_dir, url, os.environ.get("EDITION") or None), server.State()
    try:  # before the build, so a taken port is said at once, and the browser can wait on the address
        http = server.start(site_dir, args.host, args.port, state)
    except OSError as exc:
        print(f"python -m preview: 不能在 {args.host}:{args.port} 上提供预览（{exc.strerror}）；端口被占用时用 --port 换一个",
              file=sys.stderr)
        shutil.rmtree(site_dir, ignore_errors=True)
        return 2
    print("正在完整构建预览（内容多时要一会儿）……", flush=True)
    # Looked at before the build: a file saved while it runs (or the moment the server is up) is
    # still noticed as a change.
    before = watch.snapshot(root)
    outcome = preview.full()
    say(outcome)
    state.built(outcome.problems)
    print(f"预览：{url}（按 Ctrl+C 停止）。这是预览，发布请用 make build。", flush=True)
    try:
        while True:
            time.sleep(0.2)
            after = watch.snapshot(root)
            changed = watch.changes(before, after)
            before = after
            if not changed:
                continue
            if any(name.startswith(CODE) and name.endswith(".py") for name in changed):
                print("程序代码改了，重新启动预览……", flush=True)
                http.shutdown()
                http.server_close()
                shutil.rmtree(site_dir, ignore_errors=True)
                os.execv(sys.executable, [sys.executable, "-m", "preview", *sys.argv[1:]])
            outcome = preview.update(root / changed[0]) if len(changed) == 1 else preview.full()
            say(outcome)
            state.built(outcome.problems)
    except KeyboardInterrupt:
        return 0
    finally:
        http.shutdown()
        http.server_close()
        shutil.rmtree(site_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
