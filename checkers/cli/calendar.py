"""`python -m checkers calendar`: which years the holiday data covers, and where each comes from."""
from __future__ import annotations

import json
from pathlib import Path

from ..content import loader
from ..engines.statutory_holidays import ARTICLE, LAW
from ..engines.workcalendar import PROVISIONAL_LAST_YEAR


def add_arguments(parser) -> None:
    parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象")


def run(args) -> int:
    calendar = loader.load(Path(args.root)).calendar
    sources = calendar.sources()
    if args.json:
        print(json.dumps({"first_year": calendar.first_year, "last_year": calendar.last_year, "years": sources,
                          "provisional": {"first_year": calendar.provisional_first_year, "last_year": PROVISIONAL_LAST_YEAR,
                                          "basis": {"law": LAW, "article": ARTICLE}}},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"节假日数据：{calendar.first_year}年至{calendar.last_year}年。")
    print(f"{calendar.provisional_first_year}年至{PROVISIONAL_LAST_YEAR}年：还没有国务院通知，法定节假日按《全国年节及纪念日放假办法》"
          "第二条算作休息日，调休和补假未知，期限标为“暂定”。")
    print(f"{calendar.first_year}年以前、{PROVISIONAL_LAST_YEAR}年以后：没有数据，只按周六、周日休息计算，标为“未经核实”。")
    for s in sources:
        if s["kind"] == "package":
            print(f"{s['year']}  软件包 {s['name']}")
        else:
            label = "更正：" if s["correction"] else ""
            print(f"{s['year']}  {label}{s['name']}（{s['number']}，{s['date']}）{s['file']}  {s['url']}")
    return 0
