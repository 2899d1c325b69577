"""`python -m checkers calendar`: which years the holiday data covers, and where each comes from."""
from __future__ import annotations

import json
from pathlib import Path

from . import loader


def add_arguments(parser) -> None:
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象")


def run(args) -> int:
    calendar = loader.load(Path(args.root)).calendar
    sources = calendar.sources()
    if args.json:
        print(json.dumps({"first_year": calendar.first_year, "last_year": calendar.last_year, "years": sources},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"节假日数据：{calendar.first_year}年至{calendar.last_year}年。其他年份的期限只按周六、周日休息计算，标为“未经核实”。")
    for s in sources:
        if s["kind"] == "package":
            print(f"{s['year']}  软件包 {s['name']}")
        else:
            label = "更正：" if s["correction"] else ""
            print(f"{s['year']}  {label}{s['name']}（{s['number']}，{s['date']}）{s['file']}  {s['url']}")
    return 0
