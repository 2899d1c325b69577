"""The 审核 (review) record of a 案例专栏 post, and the site setting that says which steps a published
post needs.

A government post about a real case is checked before it is public: 初审, 复审, 终审, and a legal
check (法律审核) of the articles it cites and of personal information.  The post records each step
(`review:` in its front matter: role, the reviewing office's id, date; the legal step also the
articles it checked).  Which steps a published post must have is the site's decision, not the
post's: the national site says it in site.yaml; a local edition passes its own `column` settings
(the same sub-schema, schemas/site.schema.json#/$defs/column) to `check`.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path

from . import schema
from .problems import Problem
from .yamlsafe import read_yaml

SETTINGS = Path("site.yaml")
# A copy of the project without site.yaml (the benchmark's generated content) asks for nothing.
NO_SETTINGS = {"review": {"required": [], "show_on_page": False}}
LEGAL = "法律审核"


def read_settings(root: Path, schema_dir: Path) -> tuple[dict, list[Problem]]:
    """The national site's column settings from site.yaml (checked by schemas/site.schema.json)."""
    path = root / SETTINGS
    if not path.exists():
        return NO_SETTINGS, []
    shown = SETTINGS.as_posix()
    data, lines, problems = read_yaml(path, shown)
    if not isinstance(data, dict):
        return NO_SETTINGS, problems or [Problem(shown, 1, "", "应为字段组，见 schemas/site.schema.json")]
    problems += schema.check(data, "site", schema_dir, shown, lines)
    return (data["column"] if not problems else NO_SETTINGS), problems


def column_problems(column: object, schema_dir: Path, shown: str, lines) -> list[Problem]:
    """A `column` settings group checked against site.schema.json#/$defs/column, for site.yaml and
    for an edition's own file, where it also sits under the key `column` (so the lines match)."""
    if column is None:
        return [Problem(shown, 1, "column", "缺少 column（案例专栏的设置）")]
    return schema.check({"column": column}, "site", schema_dir, shown, lines)


def check(data: dict, item, shown: str, column: dict, authors: set[str], today: str) -> list[Problem]:
    """One post's review record under a site's column settings: known offices, each role once,
    real order of dates, the legal step checking exactly the cited articles, and, for a published
    post, every step the site requires."""
    steps = data.get("review") or []
    required = column["review"]["required"]
    problems, seen = [], {}
    for i, step in enumerate(steps):
        where = partial(item.line, "review", i)
        field = f"review[{i}]"
        if step["name"] not in authors:
            problems.append(Problem(shown, where("name"), f"{field}.name",
                                    f"审核单位“{step['name']}”不在 docs/cases/.authors.yml 中（已有：{'、'.join(sorted(authors))}）"))
        if step["role"] in seen:
            problems.append(Problem(shown, where("role"), f"{field}.role", f"“{step['role']}”写了两次：每一步只写一项"))
        seen.setdefault(step["role"], step)
        if step["role"] != LEGAL and ("articles" in step or "personal_info" in step):
            problems.append(Problem(shown, where("articles" if "articles" in step else "personal_info"), field,
                                    f"只有{LEGAL}一步写核对过的条文和个人信息"))
        if step["date"] > today:
            problems.append(Problem(shown, where("date"), f"{field}.date", f"审核日期 {step['date']} 在今天（{today}）之后"))
    in_order = [seen[role] for role in required if role in seen]
    for earlier, later in zip(in_order, in_order[1:]):
        if later["date"] < earlier["date"]:
            i = steps.index(later)
            problems.append(Problem(shown, item.line("review", i, "date"), f"review[{i}].date",
                                    f"“{later['role']}”（{later['date']}）早于“{earlier['role']}”（{earlier['date']}）："
                                    f"审核按 {' → '.join(required)} 的先后进行"))
    if steps and data["reviewed"] < max(step["date"] for step in steps):
        problems.append(Problem(shown, item.line("reviewed"), "reviewed",
                                f"最后核对日期 {data['reviewed']} 早于审核记录里最后一步的日期 {max(s['date'] for s in steps)}"))
    if LEGAL in seen:
        problems += _legal_articles(data, seen[LEGAL], steps.index(seen[LEGAL]), item, shown)
    missing = [role for role in required if role not in seen]
    if data["status"] == "published" and missing:
        problems.append(Problem(shown, item.line("review") if steps else item.line("status"), "review",
                                f"发布的文章要有审核记录：还缺 {'、'.join(missing)}（{SETTINGS.as_posix()} 要求 "
                                f"{'、'.join(required)}）；审核完成之前保持 status: draft"))
    return problems


def _key(basis: dict) -> tuple:
    return basis["law"], basis["article"], basis.get("paragraph"), basis.get("item")


def _legal_articles(data: dict, step: dict, index: int, item, shown: str) -> list[Problem]:
    """The legal step checked exactly the articles the post cites: one left out was not checked,
    one extra is a record of another version of the post."""
    cited, checked = [_key(b) for b in data["articles"]], [_key(b) for b in step["articles"]]
    field = f"review[{index}].articles"
    problems = [Problem(shown, item.line("review", index, "articles"), field, f"法律审核没有核对本文引用的 {_shown(key)}"
                        f"（articles 第{n + 1}项）") for n, key in enumerate(cited) if key not in checked]
    problems += [Problem(shown, item.line("review", index, "articles", n), f"{field}[{n}]",
                         f"法律审核核对的 {_shown(key)} 本文没有引用（articles 里没有）")
                 for n, key in enumerate(checked) if key not in cited]
    return problems


def _shown(key: tuple) -> str:
    law, article, paragraph, item = key
    return f"{law} 第{article}条" + (f"第{paragraph}款" if paragraph else "") + (f"第{item}项" if item else "")
