"""Command line: ``python -m checkers validate | generate | import-law | deadline | channel | timeline | new-case | calendar | document | build``.

Exit codes: 0 success, 2 bad content or bad input (one message per line on
stderr, never a traceback).
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from ..content import editions, loader
from ..content.problems import ContentError


def _validate(args) -> int:
    root = Path(args.root)
    content = loader.load(root)
    counts = "、".join(f"{kind} {len(content.items[kind])}" for kind in loader.KINDS)
    # Every local edition too (editions/<id>/), each on the national content; all problems at once.
    problems, checked = [], []
    for edition in editions.ids(root):
        try:
            checked.append(loader.with_edition(content, root, edition))
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    print(f"内容校验通过：{counts}" + (f"；地方版 {len(checked)} 个：{'、'.join(c.edition.id for c in checked)}" if checked else ""))
    return 0


def _generate(args) -> int:
    from ..site import generate

    written = generate.generate(loader.load(Path(args.root)), Path(args.out))
    print(f"已生成 {written.pages} 个页面（更新 {written.changed} 个）到 {args.out}")
    return 0


def _import_law(args) -> int:
    from . import import_law

    return import_law.main([args.source] + ([args.articles] if args.articles else []), Path(args.root))


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        # One line on stderr and exit 2, as for every other bad input.
        self.exit(2, f"{self.prog}: {message}\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m checkers", description="信访路线图：内容校验与生成")
    parser.add_argument("--root", default=str(loader.ROOT), help="项目根目录（含 procedures/ 与 schemas/）")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sub.add_parser("validate", help="校验 procedures/ 下的全部内容").set_defaults(run=_validate)
    gen = sub.add_parser("generate", help="从 YAML 生成网站页面（Markdown）和浏览器用 JSON")
    gen.add_argument("--out", default=str(loader.ROOT / "docs"), help="输出目录（默认 docs/）")
    gen.set_defaults(run=_generate)
    imp = sub.add_parser("import-law", help="从法规原文 YAML 复制条文到 procedures/law/")
    imp.add_argument("source")
    imp.add_argument("articles", nargs="?", help="条号，例如 1-5,9；省略则全部")
    imp.set_defaults(run=_import_law)
    # Commands that live in their own module: each gives add_arguments(parser) and run(args).
    for name, module, text in (("deadline", "deadline", "计算法定期限的截止日期"),
                               ("channel", "channel", "用决策树找到该走的法定途径"),
                               ("timeline", "timeline", "一件事各步骤的截止日期（按程序和已经发生的日期计算）"),
                               ("new-case", "new_case", "写一篇带日期的案例专栏草稿（docs/cases/posts/）"),
                               ("calendar", "calendar", "节假日数据覆盖哪些年份、各年的来源"),
                               ("document", "document", "群众自己写的文书：每一项怎么写、依据哪一条"),
                               ("build", "build", "构建网站；什么都没改时直接从缓存取出上次的结果"),
                               ("editions", "editions", "构建全国版和每个地方版（editions/）"),
                               ("new-edition", "new_edition", "开始一个地方版（editions/<id>/）")):
        command = importlib.import_module(f".{module}", __package__)
        parser_ = sub.add_parser(name, help=text)
        command.add_arguments(parser_)
        parser_.set_defaults(run=command.run)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except ContentError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
        return 2
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:  # noqa: BLE001 - the promise is one line, never a traceback
        # Every known bad input has its own message above; reaching here is a bug in this program.
        print(f"{parser.prog}: 程序出错（{type(exc).__name__}: {exc}）。这是本程序的问题，不是您的输入，请报告。",
              file=sys.stderr)
        return 2
