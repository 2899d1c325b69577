"""Benchmark content: a copy of the project with generated procedures, rules and case posts.

Realistic in shape (the shipped staff procedure and rule as templates, posts with the three
sections and ~1,500 Han characters), valid (the loader must accept it, or the numbers would
measure error paths), and reproducible (a fixed seed).  The filler prose is the shipped case
columns' own sentences with digits removed, so no generated text states a period that the
period-mention check would have to reconcile.
"""
from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

from checkers.site.generate import GENERATED_DIRS

ROOT = Path(__file__).resolve().parent.parent
# What a content editor's checkout needs to validate and build (generated folders excluded).
COPIED = ("procedures", "schemas", "checkers", "sitetool", "hooks", "overrides", "editions", "mkdocs.yml", "site.yaml")
# name: (procedures with their own rule, case posts)
SCALES = {"S": (0, 0), "M": (100, 1000), "L": (300, 3000)}
SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n"


def copy_project(dest: Path) -> Path:
    for name in COPIED:
        src = ROOT / name
        (shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
         if src.is_dir() else shutil.copy(src, dest / name))
    # docs/ as written by hand: the generator's folders are left for the copy's own build.
    generated = {str(ROOT / "docs" / folder) for folder in GENERATED_DIRS}
    shutil.copytree(ROOT / "docs", dest / "docs",
                    ignore=lambda folder, names: [n for n in names if f"{folder}/{n}" in generated])
    return dest


def _sentences() -> list[str]:
    text = "".join(p.read_text(encoding="utf-8").split("---", 2)[2] for p in sorted((ROOT / "docs/cases/posts").glob("*.md")))
    text = re.sub(r"[0-9０-９#*<>!\-]", "", text)
    return [s + "。" for s in (x.strip() for x in re.split(r"[。\n]", text)) if len(s) > 12]


def _prose(rng: random.Random, sentences: list[str], chars: int) -> str:
    out = ""
    while len(out) < chars:
        out += rng.choice(sentences)
    return out


def make(scale: str, dest: Path, seed: int = 7) -> Path:
    procedures, posts = SCALES[scale]
    project = copy_project(dest)
    rng, sentences = random.Random(seed), _sentences()
    rule = yaml.safe_load((ROOT / "procedures/rule/xinfang.handle.yaml").read_text(encoding="utf-8"))
    proc = yaml.safe_load((ROOT / "procedures/procedure/staff-handling.yaml").read_text(encoding="utf-8"))
    channels = sorted(p.stem for p in (ROOT / "procedures/channel").glob("*.yaml"))
    proc_ids = [f"bench-proc-{i:04d}" for i in range(procedures)]
    for i, pid in enumerate(proc_ids):
        r = dict(rule, id=f"bench.rule-{i:04d}", title=f"示例办理期限{i:04d}")
        p = dict(proc, id=pid, title=f"示例程序{i:04d}：{proc['title']}", summary=proc["summary"] + _prose(rng, sentences, 600),
                 related=[], practices=[], steps=[dict(s, deadline=r["id"]) if s.get("deadline") == "xinfang.handle" else s
                                                  for s in proc["steps"]])
        _dump(project / "procedures/rule" / f"{r['id']}.yaml", "rule", r)
        _dump(project / "procedures/procedure" / f"{pid}.yaml", "procedure", p)
    bases = [{"law": "xinfang-gongzuo-tiaoli-2022", "article": n} for n in (22, 23, 28, 31, 32, 34, 35, 36, 37)]
    categories = ["涉法涉诉", "初信初访", "领导包案", "公开听证", "司法救助", "诉访分离", "综治中心", "多元化解"]
    add_editions(project, rng, channels)
    posts_dir = project / "docs/cases/posts"
    for i in range(posts):
        day = f"{rng.randint(2020, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        front = {"title": f"示例案例{i:04d}：" + rng.choice(sentences)[:12].rstrip("。，、；："), "date": day,
                 "authors": ["county-xfj"], "categories": rng.sample(categories, 2), "tags": ["示例"],
                 "channels": rng.sample(channels, 2), "procedures": rng.sample(proc_ids, 1) if proc_ids else ["xf-claim"],
                 "articles": rng.sample(bases, 3), "region": "县级", "status": "published", "reviewed": "2026-11-20"}
        # The review the national site asks of a published post (site.yaml), as an office records it.
        front["review"] = [{"role": "初审", "name": "county-xfj", "date": "2026-11-10"},
                           {"role": "复审", "name": "county-xfj", "date": "2026-11-12"},
                           {"role": "法律审核", "name": "county-xfj", "date": "2026-11-16", "articles": [dict(a) for a in front["articles"]],
                            "personal_info": "已核对：没有人名、身份证号和电话"},
                           {"role": "终审", "name": "county-xfj", "date": "2026-11-18"}]
        body = (f"{_prose(rng, sentences, 80)}\n\n<!-- more -->\n\n## 案情简介\n\n{_prose(rng, sentences, 450)}\n\n"
                f"## 处理过程\n\n{_prose(rng, sentences, 600)}\n\n## 法律依据\n\n{_prose(rng, sentences, 400)}\n")
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n" + body
        # Dates unquoted, as the editor's template writes them.
        (posts_dir / f"bench-case-{i:04d}.md").write_text(re.sub(r"^(\s*-? ?(?:date|reviewed)): '(.*)'$", r"\1: \2", text, flags=re.M),
                                                          encoding="utf-8")
    return project


# Two more local editions beside the shipped demonstrations, so that make bench builds the national
# site and four editions: a city and one of its counties, each with offices and a local practice.
EDITIONS = (("bench-city", "350100", None), ("bench-county", "350102", "bench-city"))


def add_editions(project: Path, rng: random.Random, channels: list[str]) -> None:
    practice = yaml.safe_load((ROOT / "procedures/practice/first-handler-five-links.yaml").read_text(encoding="utf-8"))
    for edition_id, place, parent in EDITIONS:
        base = project / "editions" / edition_id
        (base / "procedures/office").mkdir(parents=True)
        (base / "procedures/practice").mkdir(parents=True)
        settings = {"id": edition_id, "name": f"示例{edition_id}", "place": place, "site_url": f"https://example.gov.cn/{edition_id}/",
                    "demonstration": True, "operator": {"name": "性能基准（示例）"}, "last_reviewed": "2026-12-01"}
        if parent:
            settings["inherits"] = parent
        (base / "edition.yaml").write_text("# yaml-language-server: $schema=../../schemas/edition.schema.json\n"
                                           + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
        for n in range(10):
            office = {"id": f"{edition_id}-office-{n}", "name": f"示例机关{n}", "place": place, "role": "性能基准用的示例机关。",
                      "serves": rng.sample(channels, 2), "last_reviewed": "2026-12-01"}
            (base / f"procedures/office/{office['id']}.yaml").write_text(
                "# yaml-language-server: $schema=../../../../schemas/office.schema.json\n"
                + yaml.safe_dump(office, allow_unicode=True, sort_keys=False), encoding="utf-8")
        local = dict(practice, id=f"{edition_id}-practice", title=f"示例地方做法（{edition_id}）")
        (base / f"procedures/practice/{local['id']}.yaml").write_text(
            "# yaml-language-server: $schema=../../../../schemas/practice.schema.json\n"
            + yaml.safe_dump(local, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _dump(path: Path, kind: str, data: dict) -> None:
    path.write_text(SCHEMA_LINE.format(kind=kind) + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                    encoding="utf-8")
