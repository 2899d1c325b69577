"""The preview's web server: the preview build's folder, each page with a banner saying it is a
preview (and, after a refused save, what is wrong, as path:line: field: message), and a small
script that reloads the page when a save has been built.  Only for the editor's own machine: it
listens on 127.0.0.1, sends no security headers, and is never how the site is published."""
from __future__ import annotations

import html
import http.server
import threading
from functools import partial
from pathlib import Path

VERSION_PATH = "/__preview__/version"
_BANNER = ('<div id="preview-banner" role="note" style="background:#fff3cd;color:#3b2a00;border-bottom:2px solid #b38600;'
           'padding:6px 12px;font-size:15px;line-height:1.5">{text}</div>')
_TEXT = ("这是编辑预览，不是发布的网站：草稿也会显示（标着“草稿”）。保存文件后，这一页会自动刷新。"
         "搜索索引不随编辑更新。发布只能用 <code>make build</code>（完整构建，严格检查）。")
# The page carries the build it was served from, so a build finished before the first poll still reloads it.
_RELOAD = ("<script>(function(){var v='%s';setInterval(function(){fetch('" + VERSION_PATH + "',{cache:'no-store'})"
           ".then(function(r){return r.text()}).then(function(t){if(t!==v){location.reload()}})"
           ".catch(function(){})},700)})();</script>")


class State:
    """What the pages show besides themselves: the build's version and the last refusal."""
    def __init__(self):
        self.version, self.problems, self.lock = 0, [], threading.Lock()

    def built(self, problems: list[str]):
        with self.lock:
            self.version += 1
            self.problems = problems


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, state: State, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # the console is for build messages
        pass

    def do_GET(self):
        if self.path == VERSION_PATH:
            return self._send(str(self.state.version).encode(), "text/plain; charset=utf-8")
        if self.state.version == 0:  # the first build is still running: this page reloads when it is done
            return self._send(self._page("<html><body><h1>正在构建预览，请稍候……</h1></body></html>"), "text/html; charset=utf-8")
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the redirect to the address with a slash
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            return self._send(self._page(path.read_text(encoding="utf-8")), "text/html; charset=utf-8")
        if not path.exists() and self.state.problems:
            return self._send(self._page("<html><body><h1>预览没有建好</h1></body></html>"), "text/html; charset=utf-8")
        return super().do_GET()

    def _page(self, text: str) -> bytes:
        with self.state.lock:
            problems, version = list(self.state.problems), self.state.version
        banner = _TEXT
        if problems:
            lines = "\n".join(html.escape(p) for p in problems)
            banner = ("<strong>内容有问题，页面还是上一次的样子。</strong>改好后保存，会自动刷新：<pre style=\"white-space:pre-wrap;"
                      f"margin:4px 0\">{lines}</pre>" + _TEXT)
        head, sep, rest = text.partition("<body")
        if sep:
            tag_end = rest.index(">") + 1
            text = head + sep + rest[:tag_end] + _BANNER.format(text=banner) + rest[tag_end:]
        return text.replace("</body>", _RELOAD % version + "</body>").encode("utf-8")

    def _send(self, body: bytes, kind: str):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def start(site_dir: Path, host: str, port: int, state: State) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer((host, port), partial(Handler, directory=str(site_dir), state=state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
