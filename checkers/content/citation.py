"""How Chinese law numbers and cites its provisions.

Articles are 条, their paragraphs 款 (one per line of the official text) and
list items 项 (lines starting with （一）…, belonging to the 款 above them).
"""
from __future__ import annotations

import re

_DIGITS = "零一二三四五六七八九"
_ITEM = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")


def cn_number(n: int) -> str:
    """Chinese numeral as used in article labels: 10 -> 十, 105 -> 一百零五, 1260 -> 一千二百六十."""
    if n <= 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out, zero = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and out:
                out += "零"
            out += _DIGITS[digit] + name
            zero = False
        elif out:
            zero = True
    return out


def positions(text: str) -> list[tuple[int, int]]:
    """(款, 项) of each line of an article text, 1-based; 项 0 is the 款's own line."""
    out: list[tuple[int, int]] = []
    for line in text.split("\n"):
        if _ITEM.match(line) and out:
            out.append((out[-1][0], out[-1][1] + 1))
        else:
            out.append((out[-1][0] + 1 if out else 1, 0))
    return out


def structure(text: str) -> list[int]:
    """Number of 项 in each 款: [3, 0] = two 款, the first with three 项."""
    counts: list[int] = []
    for para, item in positions(text):
        if item == 0:
            counts.append(0)
        else:
            counts[para - 1] = item
    return counts


def excerpt(text: str, basis: dict) -> list[str]:
    """The lines a basis points to: the whole article, one 款 (with its 项), or one 项 with its 款's lead-in."""
    para, item = basis.get("paragraph"), basis.get("item")
    lines = text.split("\n")
    if para is None and item is None:
        return lines
    if para is None:
        para = next(n for n, count in enumerate(structure(text), 1) if count)
    return [line for line, (p, i) in zip(lines, positions(text))
            if p == para and (item is None or i in (0, item))]


def provision(basis: dict, text: str | None = None) -> str:
    """'第三十五条第二款' for {article: 35, paragraph: 2}.  Given the article's text, an article
    with a single 款 is cited without 第一款 (第三十一条第六项), as the law itself cites it."""
    out = f"第{cn_number(basis['article'])}条"
    if basis.get("paragraph") and not (basis["paragraph"] == 1 and text is not None and len(structure(text)) == 1):
        out += f"第{cn_number(basis['paragraph'])}款"
    if basis.get("item"):
        out += f"第{cn_number(basis['item'])}项"
    return out


def label(short_title: str, basis: dict, text: str | None = None) -> str:
    """'《信访工作条例》第三十五条第二款': how pages, answers, the CLI and the open data name a cited provision."""
    return f"《{short_title}》{provision(basis, text)}"


def anchor(article: int) -> str:
    """Fragment id of an article on its law page, e.g. '第35条'."""
    return f"第{article}条"
