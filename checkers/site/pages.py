"""Which pages exist, what each is called, and the context its template gets."""
from __future__ import annotations

from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import Callable

import segno
from markupsafe import Markup, escape

from ..content.citation import anchor, excerpt, label as citation_label
from ..engines import channel
from ..engines import place as _place
from .. import parallel
from ..content import safe_markdown
from ..engines.workcalendar import PROVISIONAL_LAST_YEAR
from . import column, identity, wechat
from ..content.crossref import find_bases
from ..engines.deadline import EARLIEST, GENERAL_COUNTING_TOPIC, LATEST
from ..wording.deadline import general_counting_bases
from .outputs import HOME, SITE_NAME
from .render import Linker, environment, page_url, period_text
from .. import clock

TEMPLATES = Path(__file__).with_name("templates")
# Section title, folder and content kind of each generated section, in nav order.
# The roadmap has no index page: each roadmap is linked from the nav itself.
SECTIONS = (("信访路线图", "roadmap", "roadmap"), ("信访程序", "procedure", "procedure"),
            ("期限规则", "rule", "rule"), ("专题说明", "topic", "topic"), ("法定途径一览", "channel", "channel"),
            ("地方做法", "practice", "practice"), ("文书样式", "form", "form"), ("法律法规", "law", "law"),
            ("自己写文书", "document", "document"), ("本地机关", "office", "office"))
AUDIENCE = {"citizen": "群众", "staff": "工作人员"}
CALCULATOR_PAGE = "calculator/index.md"
# Content without a page of its own: the calculator, the home page and search read it.
PAGELESS = ("holiday", "situation", "lexicon")
CONTACTS = "contact/index.md"  # every hotline and official online channel, with its source
CHECKER = "checker"  # the channel checker's pages (one decision tree per site for now)
CASES = "cases"  # the 案例专栏 (posts in docs/cases/posts/, lists by column.py)
# A meta description longer than this is cut: search engines show about 120 Chinese characters.
DESCRIPTION_LENGTH = 120
RULE_GROUPS = ("信访", "诉讼", "复议", "仲裁", "其他")  # order of the calculator's menu (rule.schema.json enum)
# Under each article of a law's page, at most this many 本站引用 links; all of them are on the
# article's own citations page.  With hundreds of local procedures citing one article, the full list would be
# most of the statute page's weight on a phone, and too long to read beside the article.
CITED_INLINE = 10
# A section with more items than this is listed by title only on its index page, and its items are
# left out of the navigation (hooks/content.py tells MkDocs so): hundreds of summaries are too long to read and
# too heavy for a phone, and Material draws the open section's items on every page of that section,
# which made the build grow faster than the content (issue 7).
LONG_SECTION = 40


def citations_page(law_id: str, number: int) -> str:
    """Every page that cites one article, when there are more than CITED_INLINE."""
    return f"law/{law_id}/cited/{number}.md"


def page_of(kind: str, item_id: str) -> str:
    # A decision tree is published as the checker's pages, starting at its first question.
    if kind == "tree":
        return f"{CHECKER}/index.md"
    # A case post is published at cases/<file name>/ (hooks/content.py, on_files).
    return f"{CASES}/{item_id}.md" if kind == "case" else f"{kind}/{item_id}.md"


def question_page(tree: dict, node: dict) -> str:
    return f"{CHECKER}/index.md" if node["id"] == tree["start"] else f"{CHECKER}/{node['id']}.md"


def option_page(tree: dict, node: dict, option: dict) -> str:
    """Where an option leads: the next question's page, or this option's outcome page."""
    if "next" in option:
        return question_page(tree, {"id": option["next"]})
    return f"{CHECKER}/{node['id']}--{option['id']}.md"


class Citer:
    """Renders citations for one page: link to the article, its text as a tooltip."""

    def __init__(self, content, link: Linker):
        self.content, self.laws, self.link, self.count = content, content.items["law"], link, 0

    def __call__(self, bases: list[dict]) -> Markup:
        return Markup("、").join(self.one(b) for b in bases)

    def parts(self, basis: dict) -> dict:
        """What a citation shows: its label, the link to the article, and the cited text's lines
        (on pages as a tooltip, in the calculator's data as the quoted basis)."""
        article = self.content.article(basis["law"], basis["article"])
        return {"label": citation_label(self.laws[basis["law"]].data["short_title"], basis, article["text"]),
                "href": self.link(page_of("law", basis["law"]), anchor(basis["article"])),
                "lines": excerpt(article["text"], basis)}

    def short(self, bases: list[dict]) -> str:
        """Citations as paper wants them: short titles and article numbers, one law at a time
        (信访工作条例第21、22条；民事诉讼法第171条)."""
        by_law: dict[str, list[int]] = {}
        for basis in bases:
            numbers = by_law.setdefault(basis["law"], [])
            if basis["article"] not in numbers:
                numbers.append(basis["article"])
        return "；".join(f"{self.laws[law].data['short_title']}第{'、'.join(map(str, numbers))}条" for law, numbers in by_law.items())

    def one(self, basis: dict) -> Markup:
        self.count += 1
        parts = self.parts(basis)
        tip = Markup("<br>").join(escape(line) for line in parts["lines"])
        return Markup('<span class="cite"><a href="{}" aria-describedby="tip-{}">{}</a>'
                      '<span class="cite-tip" role="tooltip" id="tip-{}" data-search-exclude>{}</span></span>').format(
            parts["href"], self.count, parts["label"], self.count, tip)


class Site:
    def __init__(self, content, site_url: str = "", preview: bool = False, env=None, name: str | None = None,
                 place: str | None = None):
        self.content = content
        # A local edition's place (a GB/T 2260 code): 找谁 names its concrete organs on every page,
        # without JavaScript.  The national site has none; there place.js shows them for ?place=.
        if place is None and content.edition is not None:
            place = content.edition.place  # a local edition's own place, from editions/<id>/edition.yaml
        if place is not None and _place.divisions().get(place) is None:
            raise ValueError(f"没有这个行政区划代码：{place}")
        self.place = place
        self.preview = preview  # the editor's preview (make serve): drafts are shown, marked as drafts
        # The public address (mkdocs.yml site_url / SITE_URL): printed pages show where each cited
        # article is, since a link cannot be clicked on paper.  Links on screen stay relative.
        self.site_url = site_url
        # The preview passes the last build's: the templates are the same, and compiling them is
        # a good part of a one-page update.
        self.env = env or environment(TEMPLATES)
        self.today = clock.today().isoformat()
        self.cited_by = self._citation_index()
        self.backrefs = self._backrefs()
        self.case_index = self._case_index()
        self._case_pages: dict[str, str] = {}  # filled by prerender_case_pages for a full build
        # A local edition (content/editions.py): its name, its place, the offices it adds.
        self.edition = content.edition
        # `name`: the placeholder when pages are rendered once for every site (identity.py).
        self.name = name or (self.edition.name if self.edition else SITE_NAME)

    # --- what exists -------------------------------------------------------
    def items(self, kind: str):
        return self.content.items[kind].values()

    def title(self, kind: str, item_id: str) -> str:
        data = self.content.items[kind][item_id].data
        if kind == "law":
            return f"《{data['short_title']}》（{data['version']}）"
        return data["name"] if kind == "office" else data["title"]

    def nav(self) -> dict[str, list[dict[str, str]]]:
        """Children of each generated section, for the hook to put into MkDocs' nav.  The national
        items only: what a local edition adds is listed on the section's own page, so the menu is
        the same in every edition (and a page an edition does not change is the national page)."""
        # MkDocs and the theme insert nav titles into HTML unescaped: escape content here.
        national = {kind: [i for i in self.items(kind) if i.edition is None] for _, _, kind in SECTIONS}
        return {**{f"{folder}/index.md": [{str(escape(self.title(kind, i.id))): page_of(kind, i.id)} for i in national[kind]]
                   if 0 < len(national[kind]) <= LONG_SECTION else []
                   for _, folder, kind in SECTIONS if kind != "roadmap"},
                # The place pages (365) are reached from the answer pages and their own index, never the nav.
                "place/index.md": []}

    def _citation_index(self) -> dict[tuple[str, int], list[tuple[str, str]]]:
        index: dict[tuple[str, int], list[tuple[str, str]]] = {}
        for item in self.content.all_items():
            for _, basis in find_bases(item.data):
                pages = index.setdefault((basis["law"], basis["article"]), [])
                entry = (page_of(item.kind, item.id), self.title(item.kind, item.id))
                if entry not in pages:
                    pages.append(entry)
        return index

    # --- rendering ---------------------------------------------------------
    def page_specs(self) -> dict[str, Callable[[], str]]:
        """Every generated page, as a way to make it: a build makes them all; the preview
        (preview/builder.py) makes only those an edit can have changed."""
        out: dict[str, Callable[[], str]] = {}
        for section, folder, kind in SECTIONS:
            if kind == "office" and not self.content.items[kind]:
                continue  # only a local edition has offices
            if kind != "roadmap":
                out[f"{folder}/index.md"] = partial(self.render, "index.md.j2", f"{folder}/index.md", kind=kind,
                                                    section=section, items=list(self.items(kind)))
            for item in self.items(kind):
                out[page_of(kind, item.id)] = partial(self.render, f"{kind}.md.j2", page_of(kind, item.id), item=item, d=item.data)
        for (law_id, number), users in self.cited_by.items():
            if len(users) > CITED_INLINE:
                law = self.content.items["law"][law_id]
                out[citations_page(law_id, number)] = partial(
                    self.render, "law_cited.md.j2", citations_page(law_id, number), item=law, d=law.data, users=users,
                    article=self.content.article(law_id, number))
        out.update(self.checker_specs())
        out.update(column.specs(self))
        out[HOME] = lambda: self.render("home.md.j2", HOME, situations=self.situations(), phones=self.national_phones())
        out[CONTACTS] = partial(self.render, "contacts.md.j2", CONTACTS, items=list(self.items("contact")))
        out[CALCULATOR_PAGE] = self._calculator
        from . import place  # the place pages (it imports this module)
        out.update(place.specs(self))
        return out

    def _calculator(self) -> str:
        citer = Citer(self.content, Linker(CALCULATOR_PAGE))
        general = [{"label": parts["label"], "href": parts["href"], "text": "\n".join(parts["lines"])}
                   for parts in map(citer.parts, general_counting_bases(self.content))]
        return self.render("calculator.md.j2", CALCULATOR_PAGE, groups=RULE_GROUPS, general_citations=general,
                           counting=self.content.items["topic"][GENERAL_COUNTING_TOPIC], calendar=self.content.calendar)

    def render(self, template: str, page: str, **context) -> str:
        link = Linker(page)
        cite = Citer(self.content, link)
        return self.env.get_template(template).render(
            page=page, link=link, cite=cite, site=self, content=self.content, laws=self.content.items["law"],
            rules=self.content.items["rule"], AUDIENCE=AUDIENCE, page_of=page_of, column=column,
            citations_page=citations_page, CITED_INLINE=CITED_INLINE, LONG_SECTION=LONG_SECTION,
            **{"first_day": EARLIEST.isoformat(), "last_day": LATEST.isoformat(), "counting_topic": GENERAL_COUNTING_TOPIC,
               **context})

    def checker_specs(self) -> dict[str, Callable[[], str]]:
        """One static page per question and per (question, option) that ends in an outcome:
        the checker works with links alone, so no JavaScript is needed (Smart Answers style)."""
        out: dict[str, Callable[[], str]] = {}
        for tree in self.items("tree"):
            d = tree.data
            channels = self.content.items["channel"]
            for trail, node in channel.questions(d):
                page = question_page(d, node)
                out[page] = partial(self.render, "question.md.j2", page, tree=d, node=node, trail=trail,
                                    target=lambda n, o, d=d: option_page(d, n, o),
                                    question_page=lambda q, d=d: question_page(d, q))
            first: dict[str, str] = {}  # outcome id -> the first answer's page: the one search and crawlers know
            for trail, outcome in channel.leaves(d):
                page = option_page(d, trail[-1].question, trail[-1].option)
                canonical = first.setdefault(outcome["id"], page)
                out[page] = partial(self.render, "outcome.md.j2", page, tree=d, outcome=outcome, trail=trail,
                                    canonical=canonical == page, canonical_page=canonical,
                                    channels=[channels[c].data for c in outcome["channels"]],
                                    question_page=lambda q, d=d: question_page(d, q))
        return out

    # --- the citizen's way in ---------------------------------------------
    def situations(self) -> list[dict]:
        """The home page's situations in order, each with the page its answers lead to: the next
        question, or the outcome itself (so a citizen skips what the situation already says)."""
        out = []
        for item in sorted(self.items("situation"), key=lambda i: (i.data["order"], i.id)):
            tree = self.content.items["tree"][item.data.get("tree", "channel")].data
            position = channel.walk(tree, channel.parse_answers(item.data["answers"]))
            last = position.trail[-1]
            page = option_page(tree, last.question, last.option) if position.outcome else question_page(tree, position.question)
            out.append({"id": item.id, "data": item.data, "page": page, "outcome": position.outcome})
        return out

    def date_label(self, rule_id: str) -> str | None:
        """What a date box counting by this rule asks for, in the words on the citizen's paper: the
        rule's date_label, or for a rule that runs after another, that one's (the day the citizen
        knows).  The answer pages' boxes and the calculator (through its rule files) both ask this."""
        rule = self.content.items["rule"][rule_id].data
        first = self.content.items["rule"][rule["after"]].data if rule.get("after") else rule
        return rule.get("date_label") or first.get("date_label")

    def here(self):
        """A local edition's 找谁 for its place (checkers/site/place.py Here); None on the national site."""
        from . import place
        return place.Here(self.place) if self.place else None

    def now_for(self, kind: str, data: dict) -> tuple[dict, str | None]:
        """(现在就做 block, the rule its date box counts by): channel.now_block."""
        return channel.now_block(kind, data, self.channel_data)

    @cached_property
    def channel_data(self) -> dict[str, dict]:
        """Channel id -> data, built once per build (content.channels builds it anew on each use)."""
        return self.content.channels

    @staticmethod
    def outcome_rules(outcome: dict, channels: list[dict]) -> list[str]:
        """Every deadline an outcome's doors have, its own first: the date box shows one of them."""
        out = []
        for r in [*outcome.get("rules", []), *(r for c in channels for r in c["rules"])]:
            if r not in out:
                out.append(r)
        return out

    @staticmethod
    def now_bases(now: dict) -> list[dict]:
        """Every article the block rests on, once each, for its single 法律依据 toggle."""
        statements = [now.get(key, {}) for key in ("who", "how", "warn", "open")]
        statements += now.get("who", {}).get("cases", [])
        out = []
        for statement in statements:
            for basis in statement.get("basis", []):
                if basis not in out:
                    out.append(basis)
        return out

    def documents_for(self, kind: str, item_id: str) -> list:
        """Documents a citizen writes for a channel or a checker outcome (they name it)."""
        key = "channels" if kind == "channel" else "outcomes"
        return [d for d in self.items("document") if item_id in d.data.get(key, [])]

    def document_uses(self, data: dict) -> list[tuple[str, str]]:
        """The channel and checker pages a document belongs to."""
        out = [(page_of("channel", c), self.title("channel", c)) for c in data.get("channels", [])]
        for tree in self.items("tree"):
            for node in tree.data["nodes"]:
                for option in node["options"]:
                    if option.get("outcome") in data.get("outcomes", []):
                        outcome = next(o for o in tree.data["outcomes"] if o["id"] == option["outcome"])
                        entry = (option_page(tree.data, node, option), outcome["title"])
                        if not any(title == entry[1] for _, title in out):
                            out.append(entry)
        return out

    def offices_for(self, channel_id: str) -> list:
        """The local edition's offices that handle a door (their `serves`), in file order."""
        return [o for o in self.items("office") if channel_id in o.data["serves"]]

    def national_phones(self) -> list[str]:
        return [i.id for i in self.items("contact") if i.data["kind"] == "phone" and i.data["scope"] == "national"]

    # --- helpers the templates call ---------------------------------------
    def current(self, rule: dict) -> dict | None:
        """The version of a rule in force at build time (None: no version in force)."""
        for version in rule["versions"]:
            if version["effective_from"] <= self.today and (version["effective_until"] or "9999") >= self.today:
                return version
        return None

    def calendar_sources(self) -> list[dict]:
        """The holiday data's sources for a page: runs of package years as one row, each notice its own."""
        rows: list[dict] = []
        for source in self.content.calendar.sources():
            if rows and source["kind"] == "package" == rows[-1]["kind"]:
                rows[-1]["last"] = source["year"]
            else:
                rows.append({**source, "first": source["year"], "last": source["year"]})
        calendar = self.content.calendar
        rows.append({"kind": "statute", "first": calendar.provisional_first_year, "last": PROVISIONAL_LAST_YEAR})
        for row in rows:
            row["years"] = f"{row['first']}年" + (f"至{row['last']}年" if row["last"] != row["first"] else "")
        return rows

    def badge(self, rule: dict) -> str:
        version = self.current(rule)
        if version is None:
            return "现行法规中没有这个期限"
        text = period_text(version["period"])
        if "extension" in version:
            text += f"（可延长{period_text(version['extension']['period'])}）"
        return text

    def cited_articles(self, data: dict) -> list[tuple[dict, dict]]:
        """(law, article) pairs cited anywhere in an item, in law then article order."""
        keys = sorted({(b["law"], b["article"]) for _, b in find_bases(data)})
        laws = self.content.items["law"]
        return [(laws[law].data, self.content.article(law, number)) for law, number in keys]

    def cited_laws(self, data: dict) -> list[dict]:
        """Every law an item cites, so the page can state which version it quotes."""
        ids = sorted({b["law"] for _, b in find_bases(data)})
        return [self.content.items["law"][i].data for i in ids]

    def published_cases(self) -> list:
        """Case posts that are published, newest first."""
        posts = [c for c in self.items("case") if c.data["status"] == "published"]
        return sorted(posts, key=lambda c: (c.data["date"], c.id), reverse=True)

    def listed_cases(self) -> list:
        """The column's lists: published posts, and in the preview the drafts too (marked 草稿 by
        the list template); a published build never lists a draft."""
        posts = [c for c in self.items("case") if c.data["status"] == "published" or self.preview]
        return sorted(posts, key=lambda c: (c.data["date"], c.id), reverse=True)

    def case_lead(self, case_id: str) -> Markup:
        """A post's lead for the lists: its links reduced to their words, since a relative
        link written for the post would point elsewhere from a list page."""
        return Markup(safe_markdown.without_links(self.content.case_posts[case_id].lead))

    def case_authors(self, case) -> list[str]:
        return [self.content.case_authors[a]["name"] for a in case.data["authors"]]

    def cases_for(self, kind: str, item_id: str) -> list:
        return self.case_index.get((kind, item_id), [])

    def _case_index(self) -> dict[tuple[str, str], list]:
        index: dict[tuple[str, str], list] = {}
        for case in self.published_cases():
            for kind, key in (("channel", "channels"), ("procedure", "procedures")):
                for ref in case.data[key]:
                    index.setdefault((kind, ref), []).append(case)
        return index

    def prerender_case_pages(self) -> None:
        """Every post's page body at once, on every core: the site tool asks for them one by one."""
        self._case_pages = parallel.make_all({i: partial(self._case_page, i) for i in self.content.items["case"]})

    def case_page(self, case_id: str) -> str:
        """A post's page body: the editor's lead and sections as the safe profile rendered them
        (checkers/safe_markdown.py), with what the site adds under the lead and after the body.
        The editor's Markdown never reaches the site tool's Markdown."""
        return self._case_pages.get(case_id) or self._case_page(case_id)

    def _case_page(self, case_id: str) -> str:
        item = self.content.items["case"][case_id]
        return self.render("case_page.md.j2", page_of("case", case_id), item=item, d=item.data,
                           post=self.content.case_posts[case_id])

    # --- the column's 公众号 versions (checkers/site/wechat.py) --------------------------------------
    def case_wechat(self, case_id: str) -> wechat.Version:
        """A post's WeChat version, built and checked with the post, with this site's address."""
        return self.content.case_posts[case_id].wechat.at(self.site_url)

    def case_wechat_files(self, case_id: str) -> dict[str, str]:
        """The files put beside the post's page: the article to copy, and the same as plain text."""
        version = self.case_wechat(case_id)
        return {wechat.FILE: wechat.document(version), wechat.TEXT_FILE: wechat.plain_text(version.html)}

    def case_review(self, case_id: str) -> list[dict]:
        """A post's review steps as its page shows them, where the site's settings show them."""
        post, data = self.content.case_posts[case_id], self.content.items["case"][case_id].data
        if not post.show_review:
            return []
        return [dict(step, office=self.content.case_authors[step["name"]]["name"]) for step in data.get("review", [])]

    def case_description(self, case_id: str) -> str:
        """A post's own meta description: its lead as plain text, cut where a search result would,
        and escaped, because the theme writes page descriptions into the page unescaped (as the
        front matter of generated pages already is: base.md.j2)."""
        text = safe_markdown.text(self.content.case_posts[case_id].lead).strip()
        return str(escape(text if len(text) <= DESCRIPTION_LENGTH else text[:DESCRIPTION_LENGTH - 1] + "…"))

    def qr_svg(self, page: str) -> Markup:
        """The page's public address as a QR code, drawn at build time as inline SVG (segno): a
        printed sheet leads back to the page, and nothing is fetched to draw it."""
        url = self.printed_url(page)
        if not url:
            return Markup("")
        if self.site_url == identity.PLACEHOLDERS.site_url:
            return Markup(identity.qr_token(url))  # drawn for each site's own address (identity.py)
        return Markup(draw_qr(url))

    def printed_url(self, page: str, fragment: str = "") -> str:
        return (self.site_url + page_url(page) + "/" + (f"#{fragment}" if fragment else "")) if self.site_url else ""

    def event_title(self, data: dict, event: str) -> str:
        """The name of the event a step counts from: the procedure's start, or an earlier step."""
        if event == "start":
            return data["start"]
        return next(s["title"] for s in data["steps"] if s.get("id") == event)

    def timeline_data(self, item, link: Linker) -> dict:
        """What timeline.js needs for one page: the chain of steps (rules come from data/rules/),
        and for a step that issues a notice, the notice's page to fill in with the case's dates."""
        keys = ("id", "title", "actor", "deadline", "period", "counts_from", "unless")
        steps = []
        for s in item.data["steps"]:
            step = {k: s[k] for k in keys if k in s}
            if "form" in s:
                step["form_page"] = link(page_of("form", s["form"]))
                step["form_title"] = self.title("form", s["form"])
            steps.append(step)
        return {"kind": item.kind, "id": item.id, "title": item.data["title"], "start": item.data["start"], "steps": steps}

    def form_timelines(self, form: dict, link: Linker) -> dict:
        """The case timelines a staff notice can take its dates from: those of its procedures
        that have a start, keyed by procedure id (the ?procedure= of the link from a timeline)."""
        procedures = (self.content.items["procedure"][p] for p in form["procedures"])
        return {p.id: self.timeline_data(p, link) for p in procedures if "start" in p.data}

    def used_by(self, kind: str, item_id: str) -> list[tuple[str, str]]:
        """Pages whose YAML points at this item (for 'where is this used' lists)."""
        return self.backrefs.get((kind, item_id), [])

    def _backrefs(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        # Built once per build: a lookup per page would make the build quadratic in content size.
        from ..content.crossref import REFERENCES, walk

        index: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for source in self.content.all_items():
            if source.kind == "case":
                continue  # listed as 相关案例, newest first and published only (see cases_for)
            if not REFERENCES[source.kind] or source.kind in PAGELESS:
                continue  # points at nothing, or has no page to be listed as (a situation, a lexicon)
            entry = (page_of(source.kind, source.id), self.title(source.kind, source.id))
            for pattern, target in REFERENCES[source.kind]:
                for _, ref in walk(source.data, pattern):
                    pages = index.setdefault((target, ref), [])
                    if entry not in pages:
                        pages.append(entry)
        return index


@lru_cache(maxsize=None)
def draw_qr(url: str) -> str:
    # Kept between builds in one process: the editor's preview redraws the checker's pages, and
    # their addresses do not change.
    svg = segno.make(url, error="m").svg_inline(scale=3, border=4)
    return svg.replace("<svg ", '<svg role="img" aria-label="本页网址的二维码" ', 1)
