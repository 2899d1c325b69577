"""What a 案例专栏 post needs before it goes out, besides its shape (cases.py) and its review record
(review.py): no personal information a reader could use to find someone (pii.py), and a 公众号
version (checkers/site/wechat.py) that WeChat would take.  The 公众号 version is built and checked
here, with the post, so that `validate`, the preview and the build all report its limits at the
line the editor has to change; the site only puts in its own address.
"""
from __future__ import annotations

from typing import Callable

from ..site import wechat
from . import pii
from .problems import Problem


def personal_information(data: dict, lines: list[str], end: int, shown: str, item) -> list[Problem]:
    """ID numbers, telephone numbers and names of private persons anywhere a reader sees, except
    what the post's `privacy` list waives; and a waiver of text the post no longer has."""
    waivers = data.get("privacy") or []
    fields = [(("title",), data["title"]), (("local_practice",), data.get("local_practice", ""))]
    fields += [(("tags", i), tag) for i, tag in enumerate(data.get("tags") or [])]
    fields += [(("wechat", key), text) for key, text in (data.get("wechat") or {}).items()]
    waived = {w["text"] for w in waivers}
    problems = []
    for path, text in fields:
        for found in pii.scan([(item.line(*path), text)], waived):
            problems.append(Problem(shown, found.line, _field(path), f"“{found.text}”{found.message}"))
    for found in pii.scan(list(enumerate(lines[end + 1:], start=end + 2)), waived):
        problems.append(Problem(shown, found.line, "正文", f"“{found.text}”{found.message}"))
    readable = "\n".join([text for _, text in fields] + lines[end + 1:])
    problems += [Problem(shown, item.line("privacy", i, "text"), f"privacy[{i}].text",
                         f"“{w['text']}”在文章里没有出现：删掉这一项（放行的文字要和文章里的一字不差）")
                 for i, w in enumerate(waivers) if w["text"] not in readable]
    return problems


def _field(path: tuple) -> str:
    return path[0] + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path[1:])


def wechat_version(data: dict, post, slug: str, content) -> wechat.Version:
    """The post's 公众号 version; articles that do not exist are left to the cross-checks to report."""
    laws = content.items["law"]
    quoted = [(laws[law].data, content.article(law, number))
              for law, number in sorted({(b["law"], b["article"]) for b in data["articles"]})
              if law in laws and content.article(law, number)]
    names = [content.case_authors[a]["name"] for a in data["authors"] if a in content.case_authors]
    return wechat.build(data, post.lead, post.sections, quoted, names, f"{wechat.ADDRESS}cases/{slug}/")


def wechat_limits(data: dict, post, shown: str, item, body_line: Callable[[str], int]) -> list[Problem]:
    """What WeChat would refuse, at the line to change: the title or summary, the body (its first
    line, body_line("")), a list nested too deep (where its words are, body_line(words))."""
    problems = [Problem(shown, item.line(*path) if path else body_line(""), _field(path) if path else "正文",
                        f"公众号：{message}") for path, message in wechat.limits(post.wechat, data)]
    for _, part in post.sections:
        depth, words = wechat.list_depth(part)
        if depth > wechat.LIST_DEPTH:
            problems.append(Problem(shown, body_line(words[:8]), "正文",
                                    f"公众号：列表最多{wechat.LIST_DEPTH}层，这里是第{depth}层：把它改成上一层的一项，或者写成段落"))
    return problems
