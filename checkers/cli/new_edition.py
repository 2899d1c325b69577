"""``python -m checkers new-edition ID --place CODE --name NAME``: start a local edition.

Writes editions/<id>/edition.yaml with what the command was told, and the folders the edition's
offices and practices go in.  What only the office can know (its public address, who runs the
site) is left out on purpose: `make validate` then names each missing field, so a half-filled
edition cannot be published by mistake.  docs/maintain.md (地方版) takes it from there.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from ..content.editions import ADDS, CONFIG, FOLDER
from .. import clock

TEMPLATE = """# yaml-language-server: $schema=../../schemas/edition.schema.json
# 地方版的设置。还要补上（make validate 会逐项提示）：
#   site_url: 网站的公开地址，以 / 结尾，例如 https://www.example.gov.cn/xinfang/
#   operator: 主办单位 name，有的话再写 address、icp（ICP备案号）、police（公安备案号）、site_code（政府网站标识码）
# 县（区）的地方版可以写 inherits: <所在市的地方版 id>，市里增加的机关、做法和热线也会出现在本版。
id: {id}
name: {name}
place: "{place}"
last_reviewed: "{today}"
"""


def add_arguments(parser) -> None:
    parser.add_argument("id", help="地方版的 id：小写字母、数字和 -，例如 ningde")
    parser.add_argument("--place", required=True, help="行政区划代码（6位），例如 350900")
    parser.add_argument("--name", required=True, help="网站名称，例如 宁德市信访路线图")


def run(args) -> int:
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", args.id):
        print(f"new-edition: id“{args.id}”只能用小写字母、数字和 -", file=sys.stderr)
        return 2
    if not re.fullmatch(r"[0-9]{6}", args.place):
        print(f"new-edition: --place“{args.place}”应是6位行政区划代码，例如 350900", file=sys.stderr)
        return 2
    if not re.fullmatch(r"[^<>&\"'\s]{2,30}", args.name):
        print("new-edition: --name 应是2到30个字，不能有空格和 < > & \" '", file=sys.stderr)
        return 2
    folder = Path(args.root) / FOLDER / args.id
    if folder.exists():
        print(f"new-edition: {folder} 已经有了", file=sys.stderr)
        return 2
    for kind in ADDS:
        (folder / "procedures" / kind).mkdir(parents=True)
    (folder / CONFIG).write_text(TEMPLATE.format(id=args.id, name=args.name, place=args.place,
                                                 today=clock.today().isoformat()), encoding="utf-8")
    print(f"已写出 {FOLDER}/{args.id}/{CONFIG}；补上 site_url 和 operator，再运行 make validate")
    return 0
