"""案例专栏 posts: Markdown under docs/cases/posts/ whose front matter is content.

Editors write a post as Markdown (checkers/site/column.py lists it), but what a post
claims — which doors and procedures it illustrates, which articles it rests on —
is data like everything else: the front matter is validated against
schemas/case.schema.json by the same YAML reader (line numbers kept), and its
references are cross-checked with the rest of the content.  The body is checked
for the column's fixed shape: 案情简介, 处理过程, 法律依据, in that order.  Before a post can be
published it also needs its review record (review.py, under the site's settings), no personal
information and a 公众号 version within WeChat's limits (publish.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from .. import parallel
from ..site import wechat
from . import publish, review, safe_markdown, schema, yamlsafe
from .case_template import TEMPLATE
from .problems import Problem
from .yamlsafe import parse_yaml, read_text, read_yaml
from .. import clock

POSTS = Path("docs/cases/posts")
AUTHORS = Path("docs/cases/.authors.yml")
SECTIONS = ("案情简介", "处理过程", "法律依据")
EXCERPT = "<!-- more -->"  # ends the lead: the column's lists show only the lead
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TABLES = (yamlsafe.TABLE, safe_markdown.TABLE)  # the memo tables a post's check reads
_HEADING = re.compile(r"^(#{1,2})\s+(.*?)\s*(?:\{[^}]*\})?\s*$")


@dataclass(frozen=True)
class Post:
    """A post's body as the site publishes it: each part rendered by the column's safe Markdown."""
    lead: str                          # HTML of the lead (before <!-- more -->)
    sections: tuple[tuple[str, str], ...]  # (section title, HTML) in order
    wechat: wechat.Version | None = None   # the 公众号 version, with wechat.ADDRESS for the site's address
    show_review: bool = False          # the site's setting: the page shows the review record


def load(root: Path, schema_dir: Path, content, make_item, column: dict | None = None) -> list[Problem]:
    """Add every post to content.items['case']; return the problems found.  `column` is the site's
    column settings (site.schema.json#/$defs/column); a local edition passes its own, otherwise
    they are read from site.yaml."""
    problems: list[Problem] = []
    if column is None:
        column, problems = review.read_settings(root, schema_dir)
    content.case_authors, problems_authors = _authors(root, schema_dir)
    return problems + problems_authors + load_posts(root, POSTS, schema_dir, content, make_item, column, whole_column=True)


def load_posts(root: Path, folder: Path, schema_dir: Path, content, make_item, column: dict,
               whole_column: bool = False) -> list[Problem]:
    """The posts in one folder (docs/cases/posts/, or a local edition's own), checked under a
    site's column settings and added to the content with the offices it knows as authors.
    whole_column: the national column, whose posts are most of what the memo's tables keep (so
    they may be cut back to them; a local edition's few posts may not)."""
    problems: list[Problem] = []
    authors = set(content.case_authors)
    posts = {}
    for path in sorted((root / folder).rglob("*")) if (root / folder).is_dir() else []:
        shown = path.relative_to(root).as_posix()
        if path.is_dir():
            continue
        if path.suffix != ".md" or path.parent != root / folder:
            problems.append(Problem(shown, 1, "", f"案例文章应是 {folder.as_posix()}/ 下的 .md 文件（图片请放在 docs/assets/images/）"))
            continue
        posts[shown] = path
    # Each post checked on every core (the personal-information scan and the 公众号 version are the
    # costly parts, and the safe profile and YAML for a post not seen before); what was found is added
    # to the content in file order.
    # What was parsed and rendered before is taken from the memo's tables, which the workers
    # inherit open and whose new entries come back with each post (checkers/memo.py).
    opened = [table for table in TABLES if not table.is_open]
    for table in opened:
        table.open()
    try:
        checked = parallel.make_all({shown: partial(_checked_and_noted, path, shown, schema_dir, content, authors, make_item, column)
                                     for shown, path in posts.items()})
        for outcome, noted in checked.values():
            problems += _add(content, *outcome)
            for table, used in zip(TABLES, noted):
                table.merge(used)
    finally:
        for table in opened:
            table.close(trim=whole_column)
    return problems


def _checked_and_noted(*args) -> tuple[tuple, list[dict]]:
    """A post checked, and what its parsing and rendering made anew or found in the tables."""
    return _checked_post(*args), [table.taken() for table in TABLES]


def _front_matter_end(lines: list[str]) -> int | None:
    """The line index of the --- that closes the front matter, or None if there is none."""
    if lines[0].rstrip() != "---":
        return None
    return next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)


def _authors(root: Path, schema_dir: Path, where: Path = AUTHORS) -> tuple[dict[str, dict], list[Problem]]:
    path = root / where
    if not path.exists():
        return {}, []
    shown = where.as_posix()
    data, lines, problems = read_yaml(path, shown)
    if not isinstance(data, dict) or not isinstance(data.get("authors"), dict):
        return {}, problems or [Problem(shown, 1, "authors", "应为“authors:”下按 id 列出的供稿单位")]
    problems += schema.check(data, "authors", schema_dir, shown, lines)
    # Only complete entries are known authors: a post naming a broken one is told so once, here.
    return {k: v for k, v in data["authors"].items() if isinstance(v, dict) and isinstance(v.get("name"), str)
            and not any(p.field.startswith(f"authors.{k}") for p in problems)}, problems


def _load_post(path: Path, shown: str, schema_dir: Path, content, authors: set[str], make_item,
               column: dict | None = None) -> list[Problem]:
    """One post read again (the preview, after a save); the column settings come from site.yaml
    unless given."""
    return _add(content, *_checked_post(path, shown, schema_dir, content, authors, make_item, column))


def _add(content, problems: list[Problem], item, post: Post | None, whole: bool) -> list[Problem]:
    """A checked post into the content: like every other kind, only a post whose own shape is right
    takes part in cross-checks."""
    if whole:
        content.items["case"][item.id] = item
        content.case_posts[item.id] = post
    elif item is not None:
        content.broken["case"].add(item.id)
    return problems


def _checked_post(path: Path, shown: str, schema_dir: Path, content, authors: set[str], make_item,
                  column: dict | None) -> tuple[list[Problem], object, Post | None, bool]:
    """(problems, item, post, whether its own shape is whole): one post checked without changing
    the content, so that load() can check many at once."""
    text, problem = read_text(path, shown)
    if problem:
        return [problem], None, None, False
    lines = text.split("\n")
    end = _front_matter_end(lines)
    if end is None:
        return [Problem(shown, 1, "", "文章开头应是用 --- 包起来的头部信息（标题、日期、分类等），见案例专栏写作指南")], None, None, False
    data, where, problems = parse_yaml("\n".join(lines[1:end]) + "\n", shown, offset=1)
    if data is None:
        return problems, None, None, False
    if not isinstance(data, dict):
        return problems + [Problem(shown, 2, "", "头部信息应为字段组（key: value）")], None, None, False
    problems += schema.check(data, "case", schema_dir, shown, where)
    shaped = not problems  # the fields have the types the later checks read
    for number, line in enumerate(lines[1:end], start=2):
        # The column and the feed read these as dates only when they are not quoted.
        if re.match(r"(date|reviewed):\s*[\"']", line):
            problems.append(Problem(shown, number, line.split(":")[0], "日期不要加引号，写成 2026-03-18 这样（加了引号，栏目和订阅读不出日期）"))
    slug = path.stem
    if not SLUG.match(slug):
        problems.append(Problem(shown, 1, "", "文件名只能用小写英文字母、数字和 -，例如 first-petition-30-days.md（它就是文章的网址）"))
    item = make_item("case", slug, data, shown, where)
    body_problems, post = _body(lines, end, shown)
    problems += body_problems + _template_left(data, lines, end, shown, item)
    column = column or review.read_settings(schema_dir.parent, schema_dir)[0]
    if shaped:
        problems += publish.personal_information(data, lines, end, shown, item)
    if shaped and post is not None:
        post = replace(post, wechat=publish.wechat_version(data, post, slug, content),
                       show_review=column["review"]["show_on_page"])
        body = lines[end + 1:]
        first = end + 2 + next((i for i, line in enumerate(body) if line.strip()), 0)
        problems += publish.wechat_limits(data, post, shown, item,
                                          lambda words: _line_of(body, end + 2, words) if words else first)
    whole = not problems
    if shaped:
        problems += review.check(data, item, shown, column, authors, clock.today().isoformat())
    for i, author in enumerate(data.get("authors") or []):
        if isinstance(author, str) and author not in authors:
            problems.append(Problem(shown, item.line("authors", i), f"authors[{i}]",
                                    f"供稿单位“{author}”不在 {AUTHORS.as_posix()} 中（已有：{'、'.join(sorted(authors))}）"))
    if not data.get("channels") and not data.get("procedures"):
        problems.append(Problem(shown, item.line("channels"), "channels", "至少写一个本案走过的途径（channels）或信访程序（procedures）"))
    if isinstance(data.get("date"), str) and isinstance(data.get("reviewed"), str) and data["reviewed"] < data["date"]:
        problems.append(Problem(shown, item.line("reviewed"), "reviewed", "最后核对日期不能早于发布日期"))
    today = clock.today().isoformat()
    for key, what in (("date", "发布日期"), ("reviewed", "最后核对日期")):
        # A published post dated later would sit at the top of the column before its day came.
        if data.get("status") == "published" and isinstance(data.get(key), str) and data[key] > today:
            problems.append(Problem(shown, item.line(key), key, f"{what} {data[key]} 在今天（{today}）之后："
                                                              "发布的文章写真正发布、核对的日子；要以后再发布，先保持 status: draft"))
    return problems, item, post, whole


def _template_left(data: dict, lines: list[str], end: int, shown: str, item) -> list[Problem]:
    """What `make new-case` wrote for the editor to replace and is still there: a post holding it
    must not pass, since it would publish the template's own instructions."""
    head, _, body = TEMPLATE.partition("\n---\n")
    wanted = {key: value for key, _, value in (line.partition(": ") for line in head.splitlines())
              if key in ("title", "local_practice")}
    hints = {line.strip() for line in body.splitlines()
             if line.strip().startswith(("（", "导语：")) and line.strip() != EXCERPT}
    problems = [Problem(shown, item.line(key), key, f"还是模板里的提示文字“{value[:12]}…”：换成这篇文章自己的内容"
                        + ("（没有地方做法就删掉这一行）" if key == "local_practice" else ""))
                for key, value in wanted.items() if str(data.get(key, "")).strip() == value]
    for number, line in enumerate(lines[end + 1:], start=end + 2):
        text = line.strip()
        if text in hints:
            problems.append(Problem(shown, number, "正文", f"还是模板里的提示文字“{text[:12]}…”：换成你自己写的内容"))
        elif text.startswith("导语：") or text.startswith("导语:"):
            problems.append(Problem(shown, number, "正文", "导语直接写内容，不要留“导语：”这几个字（它会出现在网页上）"))
    return problems


def _body(lines: list[str], end: int, shown: str) -> tuple[list[Problem], Post | None]:
    """The column's shape (a lead, the excerpt line, then exactly the three sections in order),
    and each part rendered by the safe profile, whose refusals are reported at their line."""
    problems, found, excerpt = [], [], None
    first = end + 2  # line number of the body's first line
    body = lines[end + 1:]
    for number, line in enumerate(body, start=first):
        if line.strip() == EXCERPT:
            excerpt = number if excerpt is None else excerpt
            continue
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
    if excerpt is not None and found and any(line.strip() for line in lines[excerpt:found[0][1] - 1]):
        problems.append(Problem(shown, excerpt + 1, "正文", f"{EXCERPT} 和“## {SECTIONS[0]}”之间不要写内容：导语写在 {EXCERPT} 前面"))
    if problems:
        return problems, None
    # Each part separately: the lead (lists and the feed show it alone) and each section's text.
    spans = [(None, first, excerpt)] + [(t, n + 1, nxt) for (t, n), nxt in
                                       zip(found, [n for _, n in found[1:]] + [len(lines) + 2])]
    rendered = []
    for title, start, stop in spans:
        part = lines[start - 1:stop - 1]
        html, findings = safe_markdown.render("\n".join(part))
        for finding in findings:
            problems.append(Problem(shown, _line_of(part, start, finding.needle), "正文", finding.message))
        rendered.append((title, html))
    return problems, Post(rendered[0][1], tuple(rendered[1:]))


def _line_of(part: list[str], start: int, needle: str) -> int:
    """The line of a part where the refused text was written (its start, if it cannot be found)."""
    for probe in (needle, needle[:8], needle[:4]):
        for offset, line in enumerate(part):
            if probe and probe in line:
                return start + offset
    return start
