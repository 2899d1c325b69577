"""``python -m checkers new-case NAME``: write a dated draft case post from the template.

The template is the one the editor's guide shows, so a new post starts valid except
for what only the editor can know (the story); `make validate` then says what is left.
"""
from __future__ import annotations

import datetime
import sys
from pathlib import Path

from ..content.case_template import TEMPLATE
from ..content.cases import POSTS, SLUG
from .. import clock


def add_arguments(parser):
    parser.add_argument("name", help="文件名（小写英文字母、数字和 -），也是文章的网址")
    parser.add_argument("--date", help="发布日期 YYYY-MM-DD，默认今天")


def run(args) -> int:
    if not SLUG.match(args.name):
        print(f"文件名“{args.name}”不行：只能用小写英文字母、数字和 -，例如 first-petition-30-days", file=sys.stderr)
        return 2
    try:
        day = datetime.date.fromisoformat(args.date) if args.date else clock.today()
    except ValueError:
        print(f"日期“{args.date}”不存在或格式不对，应为 YYYY-MM-DD", file=sys.stderr)
        return 2
    path = Path(args.root) / POSTS / f"{args.name}.md"
    if path.exists():
        print(f"{path.relative_to(args.root)} 已经存在，没有改动它", file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEMPLATE.format(today=day.isoformat()), encoding="utf-8")
    print(f"已写好草稿 {path.relative_to(args.root)}：填好内容后运行 make validate 检查，make serve 预览")
    return 0
