"""Copy a statute from the offline texts (../shared/law) into procedures/law/.

The project must build without ../shared, so the articles the site cites are
copied verbatim into our own law registry.  This is a maintenance tool, run by
hand when a law is added or an article starts being cited; it never runs
during a build.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml
from .. import clock

HEADER = "# yaml-language-server: $schema=../../schemas/law.schema.json\n"


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-paragraph article texts as literal blocks, one 款 per line."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str)


class ImportError_(ValueError):
    """One line for the user: the source or the article list cannot be used."""


def parse_numbers(spec: str | None, count: int) -> list[int]:
    """'1-5,9' -> [1, 2, 3, 4, 5, 9]; None -> every article."""
    if not spec:
        return list(range(1, count + 1))
    numbers: set[int] = set()
    for part in spec.split(","):
        low, _, high = part.strip().partition("-")
        if not low.isascii() or not low.isdigit() or (high and (not high.isascii() or not high.isdigit())):
            raise ImportError_(f"条号写法不对：{spec!r}（例如 1-5,9，用半角数字）")
        numbers.update(range(int(low), int(high or low) + 1))
    return sorted(numbers)


def convert(source: dict, numbers: list[int], today: str) -> dict:
    by_number = {a["number"]: a for a in source["articles"]}
    missing = [n for n in numbers if n not in by_number]
    if missing:
        raise ImportError_(f"{source['id']} 没有第 {'、'.join(map(str, missing[:10]))} 条（共 {source['article_count']} 条）")
    law = {
        "id": source["id"],
        "title": source["title"],
        "short_title": source["short_title"],
        "version": source["version"],
        "issued_by": source["issued_by"],
        "adopted": source["adopted"],
        "promulgated": source.get("promulgated"),
        "effective_from": source.get("effective"),
        "effective_until": None,
        "source": source["source"],
        "source_commit": source["source_commit"],
        "articles_complete": len(numbers) == source["article_count"],
        "article_count": source["article_count"],
        "last_reviewed": today,
        "articles": [
            {k: by_number[n][k] for k in ("number", "label", "chapter", "section", "text")}
            for n in numbers
        ],
    }
    return law


_ORDER = ("id", "title", "short_title", "version", "issued_by", "adopted", "promulgated", "effective_from",
          "effective_until", "rank", "superseded_by", "dates_note", "later_amendment", "source", "source_commit",
          "articles_complete", "article_count", "last_reviewed", "articles")


def _in_schema_order(law: dict) -> dict:
    return {key: law[key] for key in _ORDER if key in law}


_SOURCE_KEYS = ("id", "title", "short_title", "version", "issued_by", "adopted", "source", "source_commit",
                "article_count", "articles")


def _read_source(src: Path) -> dict:
    try:
        text = src.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportError_(f"读不了法规原文文件 {src}：{getattr(exc, 'strerror', None) or exc}") from None
    try:
        source = yaml.safe_load(text)
    except yaml.YAMLError:
        raise ImportError_(f"{src} 不是 YAML 文件") from None
    missing = [k for k in _SOURCE_KEYS if not isinstance(source, dict) or k not in source]
    if missing:
        raise ImportError_(f"{src} 不是法规原文文件（缺少 {'、'.join(missing)}；应是 ../shared/law/ 里的文件）")
    return source


def main(argv: list[str], root: Path | None = None) -> int:
    if not argv or len(argv) > 2:
        print("usage: python -m checkers import-law SOURCE.yaml [ARTICLES e.g. 1-5,9]", file=sys.stderr)
        return 2
    root = root or Path(__file__).resolve().parents[2]
    try:
        source = _read_source(Path(argv[0]))
        numbers = parse_numbers(argv[1] if len(argv) > 1 else None, source["article_count"])
        out = root / "procedures" / "law" / f"{source['id']}.yaml"
        old = yaml.safe_load(out.read_text(encoding="utf-8")) if out.exists() else None
        if old:
            # Adding articles never drops the ones already cited.
            numbers = sorted(set(numbers) | {a["number"] for a in old["articles"]})
        law = convert(source, numbers, clock.today().isoformat())
    except ImportError_ as exc:
        print(f"python -m checkers import-law: {exc}", file=sys.stderr)
        return 2
    out.parent.mkdir(parents=True, exist_ok=True)
    if old:
        # Keep the hand-maintained fields (effective dates, notes) of the existing file.
        for key in ("effective_from", "effective_until", "rank", "superseded_by", "dates_note", "later_amendment"):
            if key in old:
                law[key] = old[key]
        law = _in_schema_order(law)
    body = yaml.dump(law, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=1000)
    out.write_text(HEADER + body, encoding="utf-8")
    print(f"{out}: {len(numbers)} articles")
    return 0
