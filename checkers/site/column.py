"""案例专栏's list pages: newest first, ten leads a page, and one page per category and month.

Generated here rather than by Material's blog plugin: the plugin renders every lead again
for every list it appears in (about a fifth of the build at 1,000 posts, measured with
cProfile in issue 7), while these lists are plain Markdown pages, converted once each.
Posts themselves stay Markdown files in docs/cases/posts/, published at cases/<file name>/
by the hook (hooks/content.py, on_files).
"""
from __future__ import annotations

from collections import defaultdict
from functools import partial

PER_PAGE = 10
INDEX = "cases/index.md"  # hand-written introduction; the hook appends the first list page to it


def list_page(number: int) -> str:
    return INDEX if number == 1 else f"cases/page/{number}.md"


def category_page(name: str) -> str:
    return f"cases/category/{name}.md"


def month_page(month: str) -> str:
    """'2026-03' -> cases/archive/2026/03.md"""
    return "cases/archive/{}/{}.md".format(*month.split("-"))


def months(posts) -> dict[str, list]:
    """Posts by month of publication, newest month first (posts keep their newest-first order)."""
    out: dict[str, list] = defaultdict(list)
    for post in posts:
        out[str(post.data["date"])[:7]].append(post)
    return dict(sorted(out.items(), reverse=True))


def categories(posts) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    for post in posts:
        for name in post.data["categories"]:
            out[name].append(post)
    return dict(sorted(out.items()))


def page_count(posts) -> int:
    return max(1, -(-len(posts) // PER_PAGE))


def specs(site) -> dict:
    """Every list page except the first (which the hook adds to the introduction), as a way to make it."""
    posts = site.listed_cases()
    count = page_count(posts)
    out = {list_page(n): partial(site.render, "column_list.md.j2", list_page(n), number=n, count=count,
                                 posts=posts[(n - 1) * PER_PAGE:n * PER_PAGE], standalone=True)
           for n in range(2, count + 1)}
    for name, group in categories(posts).items():
        out[category_page(name)] = partial(site.render, "column_group.md.j2", category_page(name), title=f"分类：{name}",
                                           posts=group)
    for month, group in months(posts).items():
        year, mm = month.split("-")
        out[month_page(month)] = partial(site.render, "column_group.md.j2", month_page(month),
                                         title=f"{year}年{int(mm)}月", posts=group)
    return out


def first_page(site) -> str:
    """The newest posts, the way to further pages, and the category and month lists: Markdown
    appended to the column's introduction."""
    posts = site.listed_cases()
    count = page_count(posts)
    return site.render("column_list.md.j2", INDEX, number=1, count=count, posts=posts[:PER_PAGE], standalone=False,
                       categories=categories(posts), months=months(posts))
