"""Checks across files: every id, reference and legal basis must resolve.

Schemas check each file alone; these checks need the whole registry: a basis
must name an existing article (and 款/项), a rule version must cite a law in
force during that version, current pages must not rest on a superseded law,
and every rule must be used somewhere (no orphan rule).
"""
from __future__ import annotations

import re

from . import treecheck
from .citation import cn_number, structure
from .problems import Problem, field_name
from .. import clock

# For each kind: (path pattern, target kind) of id references.  "*" walks a list.
REFERENCES = {
    "procedure": [(("steps", "*", "deadline"), "rule"), (("related", "*"), "procedure"),
                  (("if_disagree", "next", "*"), "procedure"), (("steps", "*", "form"), "form"),
                  (("practices", "*"), "practice")],
    "practice": [(("procedures", "*"), "procedure")],
    "form": [(("procedures", "*"), "procedure"), (("deadline",), "rule")],
    "roadmap": [(("stages", "*", "procedures", "*"), "procedure"), (("stages", "*", "rules", "*"), "rule"),
                (("stages", "*", "topics", "*"), "topic")],
    "topic": [(("procedures", "*"), "procedure"), (("rules", "*"), "rule"), (("related", "*"), "topic")],
    "law": [(("superseded_by",), "law")],
    "rule": [(("counting",), "topic"), (("after",), "rule")],
    "channel": [(("rules", "*"), "rule"), (("if_disagree", "next", "*"), "channel"), (("procedures", "*"), "procedure"),
                (("now", "ask", "*"), "contact"), (("now", "rule"), "rule"), (("now", "expect"), "rule")],
    "tree": [(("outcomes", "*", "channels", "*"), "channel"), (("outcomes", "*", "rules", "*"), "rule"),
             (("outcomes", "*", "now", "ask", "*"), "contact"), (("outcomes", "*", "now", "rule"), "rule"),
             (("outcomes", "*", "now", "expect"), "rule")],
    "situation": [(("tree",), "tree")],
    "contact": [],
    "lexicon": [],
    "document": [(("rule",), "rule"), (("channels", "*"), "channel")],
    "case": [(("channels", "*"), "channel"), (("procedures", "*"), "procedure")],
    "holiday": [],
    "office": [(("serves", "*"), "channel")],
}


def check(content) -> list[Problem]:
    problems: list[Problem] = []
    today = clock.today().isoformat()
    for item in content.all_items():
        reviewed = item.data.get("last_reviewed")
        if isinstance(reviewed, str) and reviewed > today:
            problems.append(_problem(item, ("last_reviewed",), f"最后核对日期 {reviewed} 在今天（{today}）之后：写真正核对的那一天"))
        problems += _references(content, item)
        problems += _bases(content, item)
        if item.kind == "law":
            problems += _law(item)
        if item.kind == "rule":
            problems += _rule_versions(item) + _rule_version_law_window(content, item)
        if item.kind == "tree":
            problems += treecheck.check(item)
        if item.kind in ("procedure", "practice"):
            problems += _timeline(item)
        if item.kind == "form":
            problems += _form_dates(content, item)
    problems += _orphan_rules(content)
    problems += _period_mentions(content)
    return problems


def walk(data, pattern: tuple, path: tuple = ()):
    """Yield (path, value) for every value matching pattern ('*' = each list item)."""
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        for i, value in enumerate(data if isinstance(data, list) else []):
            yield from walk(value, rest, path + (i,))
    elif isinstance(data, dict) and data.get(head) is not None:
        yield from walk(data[head], rest, path + (head,))


def find_bases(data, path: tuple = ()):
    """Yield (path, basis) for every legal basis anywhere in an item."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "basis" and isinstance(value, list):
                for i, basis in enumerate(value):
                    yield path + (key, i), basis
            else:
                yield from find_bases(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from find_bases(value, path + (i,))


def _problem(item, path: tuple, message: str) -> Problem:
    return Problem(item.path, item.lines.line_of(path), field_name(path), message)


def _references(content, item) -> list[Problem]:
    out = []
    for pattern, target in REFERENCES[item.kind]:
        for path, ref in walk(item.data, pattern):
            if ref in content.broken[target]:
                content.suppressed += 1  # the target's own file reports its problem
            elif not content.has(target, ref):
                known = "、".join(sorted(content.items[target])[:12])
                out.append(_problem(item, path, f"找不到 {target}“{ref}”（已有：{known}）"))
    return out


def _bases(content, item) -> list[Problem]:
    out = []
    laws = content.items["law"]
    # A case post lists its articles under `articles`; everything else says `basis`.
    bases = walk(item.data, ("articles", "*")) if item.kind == "case" else find_bases(item.data)
    for path, basis in bases:
        law = laws.get(basis["law"])
        if law is None:
            if not content.has("law", basis["law"]):
                out.append(_problem(item, path + ("law",), f"法规“{basis['law']}”不在法规库 procedures/law/ 中"))
            continue
        article = content.article(basis["law"], basis["article"])
        if article is None:
            title, number = law.data["short_title"], basis["article"]
            if number > law.data["article_count"] or law.data["articles_complete"]:
                message = f"法规库中没有《{title}》第{number}条"
            else:
                message = f"《{title}》第{number}条尚未收录进 procedures/law/{law.id}.yaml（用 python -m checkers import-law 导入）"
            out.append(_problem(item, path + ("article",), message))
            continue
        out += _paragraph_and_item(item, path, basis, structure(article["text"]))
        # Rules have dated versions and a case is told under the law of its day; other pages speak of today.
        if item.kind not in ("rule", "case") and law.data.get("effective_until") and law.data.get("superseded_by"):
            out.append(_problem(item, path + ("law",), f"《{law.data['short_title']}》（{law.data['version']}）已失效，现行内容应引用 {law.data['superseded_by']}"))
    return out


def _paragraph_and_item(item, path, basis, paragraphs: list[int]) -> list[Problem]:
    para, sub = basis.get("paragraph"), basis.get("item")
    where = f"第{basis['article']}条"
    if para is not None and para > len(paragraphs):
        return [_problem(item, path + ("paragraph",), f"{where}只有 {len(paragraphs)} 款，没有第 {para} 款")]
    if sub is not None:
        if para is None:
            with_items = [n for n in paragraphs if n]
            if len(with_items) != 1:
                return [_problem(item, path + ("item",), f"{where}有 {len(with_items)} 款带项，请同时写明 paragraph（款）")]
            count = with_items[0]
        else:
            count = paragraphs[para - 1]
        if sub > count:
            return [_problem(item, path + ("item",), f"{where}{'第%d款' % para if para else ''}只有 {count} 项，没有第 {sub} 项")]
    return []


def _timeline(item) -> list[Problem]:
    """A step's period counts from the start or from an earlier step: the chain must resolve."""
    out, seen = [], {"start"}
    timed = "deadline" if item.kind == "procedure" else "period"
    for i, step in enumerate(item.data["steps"]):
        source = step.get("counts_from")
        if source is not None and timed not in step:
            out.append(_problem(item, ("steps", i, "counts_from"), f"只有写了 {timed} 的步骤才需要 counts_from"))
        elif source is not None and "start" not in item.data:
            out.append(_problem(item, ("steps", i, "counts_from"), "用了 counts_from，就要在开头写 start（时间线从哪件事开始）"))
        elif source is not None and source not in seen:
            out.append(_problem(item, ("steps", i, "counts_from"),
                                f"“{source}”不是 start，也不是前面某一步的 id（前面的：{'、'.join(sorted(seen))}）"))
        elif source is None and timed in step and "start" in item.data:
            out.append(_problem(item, ("steps", i, timed), "有时间线的程序，每个带期限的步骤都要写 counts_from（从哪天起算）"))
        for j, other in enumerate(step.get("unless", [])):
            if other not in {s.get("id") for s in item.data["steps"]} or other == step.get("id"):
                out.append(_problem(item, ("steps", i, "unless", j), f"“{other}”不是这个程序里另一步的 id"))
        if "id" in step:
            if step["id"] in seen:
                out.append(_problem(item, ("steps", i, "id"), f"步骤 id“{step['id']}”重复（start 也不能用作步骤 id）"))
            seen.add(step["id"])
    return out


def _form_dates(content, item) -> list[Problem]:
    """A notice's date filled from the case timeline names a step of one of its own procedures,
    and a due date only exists for a step that has a deadline."""
    out = []
    procedures = [content.items["procedure"].get(p) for p in item.data["procedures"]]
    steps = {s["id"]: s for p in procedures if p is not None and "start" in p.data
             for s in p.data["steps"] if "id" in s}
    for i, field in enumerate(item.data["fields"]):
        source = field.get("timeline", "start")
        if source == "start":
            if "timeline" in field and not any(p is not None and "start" in p.data for p in procedures):
                out.append(_problem(item, ("fields", i, "timeline"), "本文书的程序都没有时间线（start），无法取起点日期"))
            continue
        how, step_id = source.split(":", 1)
        if step_id not in steps:
            out.append(_problem(item, ("fields", i, "timeline"),
                                f"“{step_id}”不是本文书程序里的步骤 id（有：{'、'.join(sorted(steps)) or '无'}）"))
        elif how != "done" and "counts_from" not in steps[step_id]:
            out.append(_problem(item, ("fields", i, "timeline"), f"步骤“{step_id}”没有期限，取不到截止日期"))
    return out


def _law(item) -> list[Problem]:
    out, data = [], item.data
    numbers = [a["number"] for a in data["articles"]]
    if numbers != sorted(set(numbers)):
        out.append(_problem(item, ("articles",), "条文应按条号从小到大排列，且不能重复"))
    if numbers and numbers[-1] > data["article_count"]:
        out.append(_problem(item, ("article_count",), f"条文总数 {data['article_count']} 小于最大条号 {numbers[-1]}"))
    if data["articles_complete"] and len(numbers) != data["article_count"]:
        out.append(_problem(item, ("articles_complete",), f"标为全文收录，但只有 {len(numbers)} 条（应有 {data['article_count']} 条）"))
    for i, article in enumerate(data["articles"]):
        if article["label"] != f"第{cn_number(article['number'])}条":
            out.append(_problem(item, ("articles", i, "label"), f"条号 {article['number']} 与标签“{article['label']}”不一致"))
    start, end = data.get("effective_from"), data.get("effective_until")
    if start and end and end < start:
        out.append(_problem(item, ("effective_until",), "失效日期早于施行日期"))
    return out


def _rule_versions(item) -> list[Problem]:
    out, previous_end = [], None
    for i, version in enumerate(item.data["versions"]):
        start, end = version["effective_from"], version["effective_until"]
        if end is not None and end < start:
            out.append(_problem(item, ("versions", i, "effective_until"), "失效日期早于施行日期"))
        if previous_end is None and i > 0:
            out.append(_problem(item, ("versions", i, "effective_from"), "前一版本没有失效日期，后面不能再有版本"))
        elif previous_end is not None and start <= previous_end:
            out.append(_problem(item, ("versions", i, "effective_from"), f"与前一版本重叠（前一版本至 {previous_end}）"))
        previous_end = end
        extension = version.get("extension")
        if extension and extension["period"]["unit"] != version["period"]["unit"]:
            # 60日 + 30日 is counted as 90日 from the same start; 2个月 + 30日 has no such sum.
            out.append(_problem(item, ("versions", i, "extension", "period", "unit"),
                                f"延长的单位“{extension['period']['unit']}”和期限的单位“{version['period']['unit']}”不同，"
                                "无法合计；请用同一个单位写"))
    return out


def _rule_version_law_window(content, item) -> list[Problem]:
    """Each version may only cite laws in force for the whole of the version."""
    out = []
    for i, version in enumerate(item.data["versions"]):
        for path, basis in find_bases(version, ("versions", i)):
            law = content.items["law"].get(basis["law"])
            if law is None:
                continue
            law_start, law_end = law.data.get("effective_from"), law.data.get("effective_until")
            v_start, v_end = version["effective_from"], version["effective_until"]
            if (law_start and v_start < law_start) or (law_end and (v_end is None or v_end > law_end)):
                out.append(_problem(item, path + ("law",),
                                    f"《{law.data['short_title']}》的施行期间（{law_start or '?'} 至 {law_end or '今'}）不覆盖本版本（{v_start} 至 {v_end or '今'}）"))
    return out


def _orphan_rules(content) -> list[Problem]:
    if any(content.broken[k] for k in ("procedure", "roadmap", "topic", "channel")):
        return []  # a broken file may hold the reference; its own errors come first
    used = set()
    for kind in ("procedure", "roadmap", "topic", "channel"):
        for item in content.items[kind].values():
            for pattern, target in REFERENCES[kind]:
                if target == "rule":
                    used.update(ref for _, ref in walk(item.data, pattern))
    return [_problem(item, ("id",), "没有任何程序、路线图、专题或法定途径引用这条期限规则（孤立规则）")
            for rule_id, item in content.items["rule"].items() if rule_id not in used]


# A period ("15日", "6个月"), not a date or a version: "2024年1月1日" has neither a 2024-year nor a
# 1-day period, and "1999年的行政复议法" no 1999-year one.
PERIOD = re.compile(r"(?<![0-9年月])(?!(?:19|20)[0-9]{2}\s*年)(\d+)\s*(个工作日|工作日|日|天|个月|年)(?!\s*[0-9]{1,2}\s*月)")
UNIT = {"个工作日": "工作日", "天": "日"}


def periods(rule: dict) -> set[tuple[int, str]]:
    out = set()
    for version in rule["versions"]:
        for period in (version["period"], version.get("extension", {}).get("period")):
            if period:
                out.add((period["value"], period["unit"]))
    return out


def _statements(data, path: tuple = ()):
    """Yield (path, text, basis, linked rule ids) for every prose field that carries a basis."""
    if isinstance(data, dict):
        if isinstance(data.get("basis"), list):
            linked = [data["deadline"]] if data.get("deadline") else list(data.get("rules", []))
            for key in ("text", "action", "summary"):
                if isinstance(data.get(key), str):
                    yield path + (key,), data[key], data["basis"], linked
        for key, value in data.items():
            yield from _statements(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _statements(value, path + (i,))


def _period_mentions(content) -> list[Problem]:
    """Prose that states a period must agree with the rules behind it.

    Pages say "30日内" in plain words for readers; the rule YAML is the single
    source of the number.  A statement is compared with the rules it links
    (a step's deadline, a stage's rules) and with every rule resting on the
    same article, so a changed deadline cannot leave stale text anywhere.
    """
    if content.broken["rule"]:
        return []  # a broken rule file may hold the number; its own errors come first
    rules = content.items["rule"]
    by_article: dict[tuple[str, int], set[str]] = {}
    for rule in rules.values():
        for _, basis in find_bases(rule.data):
            by_article.setdefault((basis["law"], basis["article"]), set()).add(rule.id)
    by_rule = {rule_id: periods(rule.data) for rule_id, rule in rules.items()}
    out = []
    for item in content.all_items():
        if item.kind in ("rule", "law"):
            continue
        for path, text, bases, linked in _statements(item.data):
            mentioned = PERIOD.findall(text)
            if not mentioned:
                continue
            related = {r for r in linked if r in rules}
            related |= set().union(*(by_article.get((b["law"], b["article"]), set()) for b in bases))
            if not related:
                continue
            allowed = set().union(*(by_rule[r] for r in related))
            for value, unit in mentioned:
                if (int(value), UNIT.get(unit, unit)) not in allowed:
                    shown = "、".join(f"{v}{u}" for v, u in sorted(allowed))
                    out.append(_problem(item, path, f"文字写的“{value}{unit}”与相关期限规则（{'、'.join(sorted(related))}：{shown}）不一致"))
    return out
