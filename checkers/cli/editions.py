"""`python -m checkers editions` (make editions): the national site and every local edition, each a
complete site (pages, search, feed, sitemap, open data), in one run.

What the sites have in common is done once.  The national content is read and checked once; each
edition adds its files to it.  The national pages are generated once, and an edition generates
only the pages its additions and its place reach (checkers/site/affected.py), starting from a copy
of the national ones.  Every page is rendered once for all sites, with placeholders for the
site's name and address, and each site fills in its own (checkers/site/identity.py,
sitetool/pagecache.py).  Both cores work throughout.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from ..content import editions, loader
from ..site import affected, identity, plan as build_plan
from ..site.pages import CONTACTS, HOME, Site, page_of

OUT = "site-editions"


def add_arguments(parser) -> None:
    parser.add_argument("-f", "--config", default="mkdocs.yml", help="站点配置（默认 mkdocs.yml）")
    parser.add_argument("-d", "--site-dir", default="site", help="全国版的输出目录（默认 site/）")
    parser.add_argument("--out", default=OUT, help=f"各地方版的输出目录（默认 {OUT}/<id>/）")
    parser.add_argument("--only", help="只构建这些地方版（逗号分隔的 id）；默认全部")


def run(args) -> int:
    root = Path(args.root).resolve()
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from properdocs.exceptions import Abort
    from sitetool import sites

    wanted = args.only.split(",") if args.only else editions.ids(root)
    started = time.perf_counter()
    national = loader.load(root)
    chosen = [loader.with_edition(national, root, e) for e in wanted]  # every problem before any build
    first = build_plan.Plan(content=national)
    try:
        built = sites.build(root, root / args.config, (root / args.site_dir).resolve(), plan=first)
        print(f"全国版：{args.site_dir}/（{time.perf_counter() - started:.1f} 秒；渲染 {built.rendered} 页，"
              f"{built.cached} 页取自缓存）")
        for content in chosen:
            begun = time.perf_counter()
            plan = build_plan.Plan(content=content, only=reached(first.site, content),
                                   case_pages=first.site._case_pages)
            out = (root / args.out / content.edition.id).resolve()
            built = sites.build(root, root / args.config, out, content.edition.id, plan=plan)
            print(f"地方版 {content.edition.id}：{out.relative_to(root)}/（{time.perf_counter() - begun:.1f} 秒；"
                  f"渲染 {built.rendered} 页，{built.cached} 页取自缓存）")
    except Abort as stop:
        print(stop, file=sys.stderr)
        return 1
    print(f"共 {1 + len(chosen)} 个网站，{time.perf_counter() - started:.1f} 秒")
    return 0


def reached(national_site: Site, content) -> set[str]:
    """The generated pages an edition makes anew: those its additions reach, and those that speak
    of the citizen's place or the edition itself (the answers' 现在就做, the doors, the home page,
    the hotlines, its offices).  Every other page is the national one."""
    site = Site(content, identity.PLACEHOLDERS.site_url, name=identity.PLACEHOLDERS.name)
    out = {HOME, CONTACTS, *site.checker_specs(), *(page_of("channel", c) for c in content.items["channel"])}
    for item in content.all_items():
        if item.edition is not None:
            out |= affected.pages(item.kind, item.id, None, item.data, national_site, site) or set(site.page_specs())
    return out
