"""`python -m checkers document`: the documents citizens write, with their fields and the articles
that require each one (for other systems, and for staff checking a citizen's paper)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..content import loader
from ..content.citation import label


def add_arguments(parser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--list", action="store_true", help="列出全部文书")
    which.add_argument("--id", help="一份文书的 id，例如 xf-review-request")
    parser.add_argument("--json", action="store_true", help="输出 JSON")


def run(args) -> int:
    content = loader.load(Path(args.root))
    docs = content.items["document"]
    if args.id is not None and args.id not in docs:
        print(f"python -m checkers document: 没有这份文书：{args.id or '（空）'}（可用：{'、'.join(sorted(docs))}）", file=sys.stderr)
        return 2
    chosen = [docs[args.id]] if args.id else list(docs.values())
    out = [_describe(item.data, content) for item in chosen]
    if args.json:
        print(json.dumps(out if args.list else out[0], ensure_ascii=False, indent=2))
        return 0
    for d in out:
        print(f"{d['title']}（{d['id']}）：{d['summary']}")
        print(f"  交给：{d['send_to']}" + (f"　期限规则：{d['rule']}" if d["rule"] else ""))
        for f in d["fields"]:
            need = "法律要求写明，依据" + "、".join(b["label"] for b in f["basis"]) if f["required"] is True else ("一般应当写明，依据" + "、".join(b["label"] for b in f["basis"]) if f["required"] == "usually" else "受理机关需要")
            print(f"  - {f['label']}（{f['type']}）：{f['hint']}【{need}】")
    return 0


def _describe(d: dict, content) -> dict:
    def cites(bases):
        out = []
        for b in bases:
            law = content.items["law"][b["law"]].data
            article = content.article(b["law"], b["article"])
            out.append({"law": b["law"], "article": b["article"], "paragraph": b.get("paragraph"), "item": b.get("item"),
                        "label": label(law["short_title"], b, article["text"])})
        return out

    return {"id": d["id"], "title": d["title"], "summary": d["summary"], "send_to": d["send_to"]["text"],
            "rule": d.get("rule"), "channels": d.get("channels", []), "outcomes": d.get("outcomes", []),
            "basis": cites(d["basis"]),
            "fields": [{"id": f["id"], "label": f["label"], "hint": f["hint"], "example": f.get("example"), "type": f["type"],
                        "options": f.get("options"), "required": f["required"], "basis": cites(f.get("basis", []))}
                       for f in d["fields"]]}
