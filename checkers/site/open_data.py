"""The open data: /data/v1/*.json for other systems (12345 hotlines, 综治中心 platforms, county
petition systems), each with the JSON Schema it keeps to.

Field names are stable English ids; text stays Chinese.  Each exporter names its fields
one by one instead of dumping the YAML, so the content model can grow without changing
what v1 consumers read: v1 keeps its shape (schemas/open-data/v1/, pinned by a test), and
a change that would break it is published as v2 beside it.  New files may join v1.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..engines import statutory_holidays
from ..content.citation import excerpt, label
from ..engines.deadline import GENERAL_COUNTING_TOPIC
from ..engines.workcalendar import PROVISIONAL_LAST_YEAR
from .pages import option_page, page_of, question_page
from .render import page_url

VERSION = "v1"
FOLDER = f"data/{VERSION}"
SCHEMAS = Path(__file__).resolve().parents[2] / "schemas" / "open-data" / VERSION
UNITS = {"日": "day", "工作日": "workday", "个月": "month", "年": "year"}
# What a consumer may do with the files: the statutes are public (著作权法 第五条), our own
# wording is licensed (docs/open-data.md says the same in words).
LICENCE = {
    "site_text": "CC BY 4.0",
    "site_text_url": "https://creativecommons.org/licenses/by/4.0/deed.zh-hans",
    "statutes": "法律、法规原文不适用著作权法（《中华人民共和国著作权法》第五条），可以自由使用。",
}


def _url(page: str) -> str:
    """A generated page's address relative to the site root: 'rule/x.md' -> 'rule/x/'."""
    url = page_url(page)
    return url + "/" if url else ""


class Exporter:
    def __init__(self, site):
        self.site, self.content = site, site.content

    def citation(self, basis: dict) -> dict:
        article = self.content.article(basis["law"], basis["article"])
        law = self.content.items["law"][basis["law"]].data
        return {"law": basis["law"], "article": basis["article"], "paragraph": basis.get("paragraph"),
                "item": basis.get("item"), "label": label(law["short_title"], basis, article["text"]),
                "text": "\n".join(excerpt(article["text"], basis))}

    def cites(self, bases: list[dict]) -> list[dict]:
        return [self.citation(b) for b in bases]

    def statement(self, value: dict | None) -> dict | None:
        return None if value is None else {"text": value["text"], "basis": self.cites(value["basis"])}

    def statements(self, values: list[dict] | None) -> list[dict]:
        return [self.statement(v) for v in values or []]

    @staticmethod
    def period(value: dict) -> dict:
        text = f"{value['value']}{'个工作日' if value['unit'] == '工作日' else value['unit']}"
        return {"value": value["value"], "unit": UNITS[value["unit"]], "text": text}

    @staticmethod
    def page(kind: str, item_id: str) -> str:
        return _url(page_of(kind, item_id))

    # --- the files ---------------------------------------------------------
    def rules(self) -> dict:
        out = []
        for item in self.site.items("rule"):
            d = item.data
            out.append({
                "id": d["id"], "title": d["title"], "summary": d["summary"], "actor": d["actor"],
                "actor_kind": d["actor_kind"], "trigger": d["trigger"], "group": d["group"],
                "counting_topic": d["counting"], "if_missed": self.statement(d.get("if_missed")),
                "last_reviewed": d["last_reviewed"], "page": self.page("rule", d["id"]),
                "versions": [{
                    "effective_from": v["effective_from"], "effective_until": v["effective_until"],
                    "period": self.period(v["period"]),
                    "extension": {"period": self.period(v["extension"]["period"]), "condition": v["extension"]["condition"],
                                  "basis": self.cites(v["extension"]["basis"])} if "extension" in v else None,
                    "basis": self.cites(v["basis"]), "not_counted": self.statements(v.get("not_counted")),
                    # v1 has no field of its own for custody: its statement is one of the exceptions.
                    "exceptions": self.statements(v.get("exceptions", []) + ([v["custody"]] if "custody" in v else [])),
                } for v in d["versions"]],
            })
        return {"rules": out}

    def channels(self) -> dict:
        out = []
        for item in self.site.items("channel"):
            d = item.data
            out.append({
                "id": d["id"], "title": d["title"], "summary": d["summary"], "organ": self.statement(d["organ"]),
                "level": self.statement(d["level"]), "applies": self.statements(d["applies"]),
                "not_applies": self.statements(d["not_applies"]), "bring": list(d["bring"]),
                "steps": self.statements(d.get("steps")), "rules": list(d["rules"]), "basis": self.cites(d["basis"]),
                "if_disagree": {"text": d["if_disagree"]["text"], "basis": self.cites(d["if_disagree"]["basis"]),
                                "next": list(d["if_disagree"]["next"])},
                "caveat": d.get("caveat"), "procedures": list(d["procedures"]),
                "last_reviewed": d["last_reviewed"], "page": self.page("channel", d["id"]),
            })
        return {"channels": out}

    def trees(self) -> dict:
        out = []
        for item in self.site.items("tree"):
            d = item.data
            out.append({
                "id": d["id"], "title": d["title"], "summary": d["summary"], "start": d["start"],
                "last_reviewed": d["last_reviewed"],
                "nodes": [{"id": n["id"], "question": n["question"], "help": n.get("help"),
                           "page": _url(question_page(d, n)),
                           "options": [{"id": o["id"], "label": o["label"], "next": o.get("next"), "outcome": o.get("outcome"),
                                        "page": _url(option_page(d, n, o))} for o in n["options"]]} for n in d["nodes"]],
                "outcomes": [{"id": o["id"], "title": o["title"], "summary": o["summary"], "channels": list(o["channels"]),
                              "rules": list(o.get("rules", [])), "basis": self.cites(o["basis"]),
                              "advice": self.statements(o.get("advice"))} for o in d["outcomes"]],
            })
        return {"trees": out}

    def statutory_holidays(self) -> dict:
        """The years after calendar.json's last_year, before their notice: the days 第二条 makes
        holidays (certain), and those of them on a weekend, each owed a weekday off (第六条) that
        only the notice names.  A new file, not a new field: calendar.json keeps its v1 shape."""
        calendar = self.content.calendar
        days = calendar.provisional_holidays()
        law = statutory_holidays.LAW
        # What the notice still decides is said once, on the counting topic (its 第六条、第七条 points).
        points = [p for s in self.content.topics[GENERAL_COUNTING_TOPIC]["sections"] for p in s["points"]
                  if any(b["law"] == law and b["article"] != statutory_holidays.ARTICLE for b in p["basis"])]
        return {"first_year": calendar.provisional_first_year, "last_year": PROVISIONAL_LAST_YEAR,
                "basis": self.cites([{"law": law, "article": statutory_holidays.ARTICLE}]),
                "not_yet_known": self.statement({"text": "".join(p["text"] for p in points),
                                                 "basis": [b for p in points for b in p["basis"]]}),
                "holidays": [{"date": d.isoformat(), "name": n} for d, n in days.items()],
                "on_weekends": [d.isoformat() for d in days if d.weekday() >= 5]}

    def rule_chains(self) -> dict:
        """Rules whose period starts when another rule's ends (rule `after`): rules.json cannot say so
        without a new field, so a new file does.  Counting such a rule from its own trigger is wrong."""
        out = []
        for item in self.site.items("rule"):
            if item.data.get("after"):
                out.append({"rule": item.id, "after": item.data["after"], "page": self.page("rule", item.id)})
        return {"chains": out}

    def laws(self) -> dict:
        out = []
        for item in self.site.items("law"):
            d = item.data
            out.append({
                "id": d["id"], "title": d["title"], "short_title": d["short_title"], "version": d["version"],
                "issued_by": d["issued_by"], "adopted": d["adopted"], "promulgated": d.get("promulgated"),
                "effective_from": d["effective_from"], "effective_until": d["effective_until"],
                "superseded_by": d.get("superseded_by"), "dates_note": d.get("dates_note"),
                "later_amendment": d.get("later_amendment"), "articles_complete": d["articles_complete"],
                "article_count": d["article_count"], "last_reviewed": d["last_reviewed"],
                "page": self.page("law", d["id"]),
                "articles": [{"number": a["number"], "label": a["label"], "text": a["text"]} for a in d["articles"]],
            })
        return {"laws": out}

    def calendar(self) -> dict:
        calendar = self.content.calendar
        data = calendar.export()
        return {"first_year": data["first_year"], "last_year": data["last_year"],
                "years": calendar.sources(),
                "holidays": [{"date": day, "name": name} for day, name in data["holidays"].items()],
                "adjusted_workdays": data["workdays"]}

    def index(self, files: dict[str, dict]) -> dict:
        reviewed = {kind: {i.id: i.data["last_reviewed"] for i in self.site.items(kind)}
                    for kind in ("rule", "channel", "tree", "law")}
        return {"site": self.site.name, "licence": LICENCE,
                "files": [{"name": name, "path": f"{name}.json", "schema": f"{name}.schema.json"} for name in files],
                "last_reviewed": reviewed}


PAGE = "open-data/index.md"
# What each file holds, for the 开放数据 page (the schemas say it field by field).
WHAT = {
    "rules": "期限规则：每个期限的各个版本（从哪天到哪天适用）、期限长度、延长、不计入的时间、例外，每处依据附条文原文。",
    "channels": "法定途径：找谁、哪一级、什么情况适用、要带什么、大致步骤、不服怎么办。",
    "tree": "“找对途径”的决策树：问题、选项、结果，以及每一步对应的本站页面。",
    "calendar": "节假日和调休上班的日子，以及每一年数据的来源。",
    "statutory-holidays": "还没有国务院放假通知的年份（calendar.json 的 last_year 以后）：《全国年节及纪念日放假办法》第二条规定的法定节假日。这些日子一定放假；调休和补假要等通知。",
    "laws": "本站引用的法律法规：版本、通过和施行日期、已知的后来修改、收录的条文原文。",
    "rule-chains": "前后相接的期限：有的期限要等另一个期限届满才开始算，每一对都写明它的规则页面（那里有依据的条文）。用 rules.json 计算这些规则时，先按 after 算出那条规则的届满日，再从届满日起算。",
    "index": "文件清单、许可，以及每项内容的最后核对日期。",
}


def files(site) -> dict[str, str]:
    """Path under docs/ -> text: every v1 file, its schema beside it, the index, and the page about them."""
    export = Exporter(site)
    data = {"rules": export.rules(), "channels": export.channels(), "tree": export.trees(),
            "calendar": export.calendar(), "statutory-holidays": export.statutory_holidays(),
            "rule-chains": export.rule_chains(), "laws": export.laws()}
    data["index"] = export.index(data)
    out, shown = {}, []
    for name, body in data.items():
        document = {"version": VERSION, "generated": site.today, **body}
        out[f"{FOLDER}/{name}.json"] = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        out[f"{FOLDER}/{name}.schema.json"] = (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")
        shown.append({"name": name, "what": WHAT[name],
                      "example": json.dumps(_shorten(document), ensure_ascii=False, indent=2)})
    out[PAGE] = site.render("open_data.md.j2", PAGE, files=shown, version=VERSION, folder=FOLDER, licence=LICENCE,
                            site_root=site.site_url or "https://example.gov.cn/xinfang/", lookup=_lookup(data["rules"]))
    return out


def _lookup(rules: dict) -> dict:
    """The page's worked lookup, answered from the data itself so the page never disagrees with it."""
    rule = next((r for r in rules["rules"] if r["id"] == "xinfang.review-request"), rules["rules"][0])
    version = rule["versions"][-1]
    return {"rule": rule["id"], "day": version["effective_from"],
            "answer": f"{version['period']['text']} {version['basis'][0]['label']}"}


def _shorten(value, depth: int = 0):
    """A readable example: lists cut to their first item, long texts cut with ……"""
    if isinstance(value, dict):
        # The index's review dates and the calendar's days are long maps and lists: a few suffice.
        items = list(value.items())
        if depth >= 2 and len(items) > 3:
            items = items[:3]
        return {k: _shorten(v, depth + 1) for k, v in items}
    if isinstance(value, list):
        return [_shorten(v, depth + 1) for v in value[:1]]
    if isinstance(value, str) and len(value) > 60:
        return value[:60] + "……"
    return value
