"""案例专栏 posts: Markdown under docs/cases/posts/ whose front matter is content.

Editors write a post as Markdown (checkers/site/column.py lists it), but what a post
claims — which doors and procedures it illustrates, which articles it rests on —
is data like everything else: the front matter is validated against
schemas/case.schema.json by the same YAML reader (line numbers kept), and its
references are cross-checked with the rest of the content.  The body is checked
for the column's fixed shape: 案情简介, 处理过程, 法律依据, in that order.
"""
from __future__ import annotations

import re
from pathlib import Path

from . import schema
from .problems import Problem
from .yamlsafe import parse_yaml, read_text, read_yaml

POSTS = Path("docs/cases/posts")
AUTHORS = Path("docs/cases/.authors.yml")
SECTIONS = ("案情简介", "处理过程", "法律依据")
EXCERPT = "<!-- more -->"  # ends the lead: the column's lists show only the lead
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HEADING = re.compile(r"^(#{1,2})\s+(.*?)\s*(?:\{[^}]*\})?\s*$")
_FENCE = re.compile(r"^(```|~~~)")
# A post's body becomes the page's HTML: editors write Markdown only, so any tag, event
# attribute (via an attribute list) or javascript: link is refused rather than published.
_UNSAFE = ((re.compile(r"<\s*[A-Za-z/!?]"), "正文不要写 HTML 标签，只用 Markdown（导语后的 <!-- more --> 除外）"),
           (re.compile(r"\bon[a-z]+\s*=", re.I), "正文不要写 on…= 这样的网页属性"),
           (re.compile(r"\]\(\s*(?:javascript|data|vbscript):", re.I), "链接只能指向网址或本站页面"))


def load(root: Path, schema_dir: Path, content, make_item) -> list[Problem]:
    """Add every post to content.items['case']; return the problems found."""
    problems: list[Problem] = []
    content.case_authors, problems_authors = _authors(root)
    authors = set(content.case_authors)
    problems += problems_authors
    folder = root / POSTS
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        shown = path.relative_to(root).as_posix()
        if path.is_dir():
            continue
        if path.suffix != ".md" or path.parent != folder:
            problems.append(Problem(shown, 1, "", "案例文章应是 docs/cases/posts/ 下的 .md 文件（图片请放在 docs/assets/images/）"))
            continue
        problems += _load_post(path, shown, schema_dir, content, authors, make_item)
    return problems


def _authors(root: Path) -> tuple[dict[str, dict], list[Problem]]:
    path = root / AUTHORS
    if not path.exists():
        return {}, []
    data, _, problems = read_yaml(path, AUTHORS.as_posix())
    if not isinstance(data, dict) or not isinstance(data.get("authors"), dict):
        return {}, problems or [Problem(AUTHORS.as_posix(), 1, "authors", "应为“authors:”下按 id 列出的供稿单位")]
    return data["authors"], problems


def _load_post(path: Path, shown: str, schema_dir: Path, content, authors: set[str], make_item) -> list[Problem]:
    text, problem = read_text(path, shown)
    if problem:
        return [problem]
    lines = text.split("\n")
    if lines[0].rstrip() != "---" or "---" not in (line.rstrip() for line in lines[1:]):
        return [Problem(shown, 1, "", "文章开头应是用 --- 包起来的头部信息（标题、日期、分类等），见案例专栏写作指南")]
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    data, where, problems = parse_yaml("\n".join(lines[1:end]) + "\n", shown, offset=1)
    if data is None:
        return problems
    if not isinstance(data, dict):
        return problems + [Problem(shown, 2, "", "头部信息应为字段组（key: value）")]
    problems += schema.check(data, "case", schema_dir, shown, where)
    for number, line in enumerate(lines[1:end], start=2):
        # The column and the feed read these as dates only when they are not quoted.
        if re.match(r"(date|reviewed):\s*[\"']", line):
            problems.append(Problem(shown, number, line.split(":")[0], "日期不要加引号，写成 2026-03-18 这样（加了引号，栏目和订阅读不出日期）"))
    slug = path.stem
    if not SLUG.match(slug):
        problems.append(Problem(shown, 1, "", "文件名只能用小写英文字母、数字和 -，例如 first-petition-30-days.md（它就是文章的网址）"))
    item = make_item("case", slug, data, shown, where)
    problems += _body(lines, end, shown)
    # Like every other kind: only a post whose own shape is right takes part in cross-checks.
    if not problems:
        content.items["case"][slug] = item
        content.case_leads[slug] = "\n".join(lines[end + 1:]).partition(EXCERPT)[0].strip()
    else:
        content.broken["case"].add(slug)
    for i, author in enumerate(data.get("authors") or []):
        if isinstance(author, str) and author not in authors:
            problems.append(Problem(shown, item.line("authors", i), f"authors[{i}]",
                                    f"供稿单位“{author}”不在 {AUTHORS.as_posix()} 中（已有：{'、'.join(sorted(authors))}）"))
    if not data.get("channels") and not data.get("procedures"):
        problems.append(Problem(shown, item.line("channels"), "channels", "至少写一个本案走过的途径（channels）或信访程序（procedures）"))
    if isinstance(data.get("date"), str) and isinstance(data.get("reviewed"), str) and data["reviewed"] < data["date"]:
        problems.append(Problem(shown, item.line("reviewed"), "reviewed", "最后核对日期不能早于发布日期"))
    return problems


def _body(lines: list[str], end: int, shown: str) -> list[Problem]:
    """The column's shape: a lead, the excerpt line, then exactly the three sections in order."""
    problems, found, fenced, excerpt = [], [], False, None
    for number, line in enumerate(lines[end + 1:], start=end + 2):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced:
            continue
        if line.strip() == EXCERPT:
            excerpt = number if excerpt is None else excerpt
            continue
        for pattern, message in _UNSAFE:
            if pattern.search(line):
                problems.append(Problem(shown, number, "正文", message))
        match = _HEADING.match(line)
        if not match:
            continue
        level, title = match.groups()
        if level == "#":
            problems.append(Problem(shown, number, "正文", "正文不要写一级标题（# …），标题写在头部信息的 title 里"))
        elif title not in SECTIONS:
            problems.append(Problem(shown, number, "正文", f"二级标题只能是 {'、'.join(SECTIONS)}，小标题请用 ###"))
        else:
            found.append((title, number))
    titles = [t for t, _ in found]
    for title in SECTIONS:
        if titles.count(title) == 0:
            problems.append(Problem(shown, found[-1][1] if found else end + 1, "正文",
                                    f"缺少“## {title}”一节（正文必须依次有 {'、'.join('## ' + s for s in SECTIONS)}）"))
        elif titles.count(title) > 1:
            problems.append(Problem(shown, [n for t, n in found if t == title][1], "正文", f"“## {title}”出现了两次"))
    order = [t for t in titles if t in SECTIONS]
    if len(set(order)) == len(SECTIONS) and order != sorted(order, key=SECTIONS.index):
        wrong = next(n for (t, n), want in zip(found, SECTIONS) if t != want)
        problems.append(Problem(shown, wrong, "正文", f"三节的顺序应为 {' → '.join(SECTIONS)}"))
    if excerpt is None:
        problems.append(Problem(shown, end + 1, "正文", f"导语后面缺少一行 {EXCERPT}（栏目首页只显示它前面的导语）"))
    elif found and excerpt > found[0][1]:
        problems.append(Problem(shown, excerpt, "正文", f"{EXCERPT} 应写在导语之后、“## {SECTIONS[0]}”之前"))
    for (title, start), nxt in zip(found, [n for _, n in found[1:]] + [len(lines) + 1]):
        if not any(line.strip() for line in lines[start:nxt - 1]):
            problems.append(Problem(shown, start, "正文", f"“## {title}”一节是空的"))
    return problems
