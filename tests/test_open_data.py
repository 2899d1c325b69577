"""The open data (/data/v1/): valid against its published schemas, shape pinned, in agreement
with the command line, and readable by another system through the shipped nginx."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import urllib.request

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from checkers import clock
from browser import serve
from conftest import ROOT, cli_json, run_cli

V1 = ROOT / "schemas" / "open-data" / "v1"
FILES = ("index", "rules", "channels", "tree", "calendar", "statutory-holidays", "rule-chains", "laws")
# The v1 shape, pinned.  A change here breaks every consumer that validates what it reads:
# publish the new shape as data/v2/ (a new folder of schemas) and leave v1 as it is.
V1_SCHEMAS = {
    "calendar": "19eba63091688475eb45aab2432db44b96d051ce2f8de1d91d956722842a59e0",
    "channels": "1733c4f0fef4a718eb30ab6aa4c36c5bcfe940f8d344fe6a429a0c7a6320319e",
    "index": "186fa8a4ac76a12ff34028a110b7f8f5b09e4756397d46b5fdcc11d5ef16a421",
    "laws": "3d583365270dd988d097c945b73ad54f842332623c78068ad0ad476bd5c8770b",
    "rule-chains": "ac43e2ba8e239d7b3fb588387cfbeee71b2d7654947d67fcdf706742b302012b",
    "rules": "7c7b83982b720dab2128aa1dff63925f43796889bbde1e6252fbd75314245af2",
    "statutory-holidays": "d238375c6117aca34afeeaeb559ff77ef0e5e0b76f90bf0490d37b365b838ba5",
    "tree": "1a87ba824bf271befa6906e907b4f4ec12a183da8358727ceafc3e07fe35fadf",
}


def load(site, name: str) -> dict:
    return json.loads((site / "data" / "v1" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", FILES)
def test_each_file_validates_against_the_schema_published_beside_it(site, name):
    schema = json.loads((site / "data" / "v1" / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(load(site, name)))
    assert not errors, [f"{list(e.absolute_path)}: {e.message[:120]}" for e in errors[:5]]


def shape(schema):
    """A schema without its wording: what a consumer's validator checks, and nothing else."""
    if isinstance(schema, dict):
        return {k: shape(v) for k, v in sorted(schema.items()) if k not in ("title", "description")}
    if isinstance(schema, list):
        return [shape(v) for v in schema]
    return schema


def test_v1_schemas_keep_their_shape():
    found = {p.name.removesuffix(".schema.json"):
             hashlib.sha256(json.dumps(shape(json.loads(p.read_text(encoding="utf-8"))), ensure_ascii=False).encode()).hexdigest()
             for p in sorted(V1.glob("*.schema.json"))}
    assert found == V1_SCHEMAS, "the v1 schemas changed shape: publish the new shape as data/v2/ instead"


def test_the_schemas_refuse_what_v1_does_not_allow(site):
    """The pin is only worth something if the schemas are strict: an extra or missing field fails."""
    schema = json.loads((site / "data" / "v1" / "rules.schema.json").read_text(encoding="utf-8"))
    data = load(site, "rules")
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    extra = json.loads(json.dumps(data))
    extra["rules"][0]["new_field"] = 1
    missing = json.loads(json.dumps(data))
    del missing["rules"][0]["versions"][0]["period"]
    assert not validator.is_valid(extra) and not validator.is_valid(missing)


def test_a_build_has_one_day_and_it_can_be_named(tmp_path, monkeypatch):
    """checkers/clock.py: SOURCE_DATE_EPOCH (reproducible-builds.org) names the build's day."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2027, 1, 4, 12).timestamp())))
    made = run_cli(ROOT, "generate", "--out", str(tmp_path))
    assert made.returncode == 0, made.stderr
    index = json.loads((tmp_path / "data" / "v1" / "index.json").read_text(encoding="utf-8"))
    assert index["generated"] == "2027-01-04"


def test_index_has_the_build_date_and_every_review_date(site, content):
    index = load(site, "index")
    assert index["generated"] == clock.today().isoformat()
    assert [f["name"] for f in index["files"]] == [n for n in FILES if n != "index"]
    for kind in ("rule", "channel", "tree", "law"):
        assert index["last_reviewed"][kind] == {i: d["last_reviewed"] for i, d in getattr(content, f"{kind}s").items()}


def _workday(calendar: dict, day: dt.date) -> bool:
    """The rule calendar.json's schema states, written out as a consumer would."""
    iso = day.isoformat()
    if iso in calendar["_workdays"]:
        return True
    return iso not in calendar["_holidays"] and day.weekday() < 5


def _consumer_end(calendar: dict, period: dict, start: dt.date) -> dt.date:
    """A day or working-day period counted as rules.schema.json and calendar.json describe it."""
    end = start
    if period["unit"] == "workday":
        left = period["value"]
        while left:
            end += dt.timedelta(days=1)
            left -= _workday(calendar, end)
        return end
    assert period["unit"] == "day", period
    end = start + dt.timedelta(days=period["value"])
    while not _workday(calendar, end):
        end += dt.timedelta(days=1)
    return end


def test_command_line_and_open_data_agree_for_every_rule(site):
    rules, calendar = load(site, "rules")["rules"], load(site, "calendar")
    calendar["_workdays"] = set(calendar["adjusted_workdays"])
    calendar["_holidays"] = {h["date"] for h in calendar["holidays"]}
    chains = {c["rule"]: c["after"] for c in load(site, "rule-chains")["chains"]}
    by_id = {r["id"]: r for r in rules}
    checked = chained = 0
    for rule in rules:
        for version in rule["versions"]:
            # A day inside the version and inside the holiday data, so the answer is verified.
            until = version["effective_until"] or f"{calendar['last_year']}-06-30"
            day = max(version["effective_from"], min(until, "2026-03-02"))
            cli_answer = cli_json("deadline", "--rule", rule["id"], "--from", day, "--json")
            assert cli_answer["period"] == version["period"]["text"], rule["id"]
            assert [(b["law"], b["article"], b["paragraph"], b["item"], b["text"]) for b in cli_answer["basis"]] == \
                   [(b["law"], b["article"], b["paragraph"], b["item"], b["text"]) for b in version["basis"]], rule["id"]
            if version["extension"]:
                total = version["period"]["value"] + version["extension"]["period"]["value"]
                assert cli_answer["extension"]["period"].startswith(str(total)), rule["id"]
            if version["period"]["unit"] == "day":
                # A consumer with only rules.json, rule-chains.json and calendar.json gets the command
                # line's date: a chained rule counts from the end of the rule it runs after.
                start = dt.date.fromisoformat(day)
                if rule["id"] in chains:
                    base = by_id[chains[rule["id"]]]
                    start = _consumer_end(calendar, base["versions"][-1]["period"], start)
                    chained += 1
                assert cli_answer["deadline"] == _consumer_end(calendar, version["period"], start).isoformat(), rule["id"]
                checked += 1
    assert checked >= 10 and chained >= 2


def test_calendar_says_where_each_year_comes_from(site, content):
    calendar = load(site, "calendar")
    years = [s["year"] for s in calendar["years"]]
    assert years == list(range(calendar["first_year"], calendar["last_year"] + 1))
    assert calendar["years"] == content.calendar.sources()
    assert {"date": "2026-10-01", "name": "国庆节"} in calendar["holidays"]
    assert "2026-09-20" in calendar["adjusted_workdays"]


@pytest.fixture(scope="module")
def server(site):
    base, nginx = serve(site)
    yield base
    nginx.shutdown()


def test_an_outside_system_looks_up_a_rule_through_nginx(server):
    """What a 12345 hotline's system would write: fetch, pick a rule and the version in force, read it."""
    request = urllib.request.Request(server + "/data/v1/rules.json", headers={"Origin": "https://hotline.example.gov.cn"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "max-age=3600" in response.headers["Cache-Control"]
        assert response.headers["Content-Type"].startswith("application/json")
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]  # the other headers stay
        rules = json.load(response)["rules"]
    rule = next(r for r in rules if r["id"] == "xinfang.review-request")
    day = "2026-09-01"
    version = next(v for v in rule["versions"]
                   if v["effective_from"] <= day and (v["effective_until"] or "9999-12-31") >= day)
    assert version["period"] == {"value": 30, "unit": "day", "text": "30日"}
    assert version["basis"][0]["label"] == "《信访工作条例》第三十五条"
    assert "30日内请求原办理机关、单位的上一级机关、单位复查" in version["basis"][0]["text"]


def test_only_data_is_shared_across_origins(server):
    with urllib.request.urlopen(server + "/", timeout=10) as response:
        assert "Access-Control-Allow-Origin" not in response.headers
        assert response.headers["Cache-Control"] == "no-cache"


def test_every_file_validates_with_ajv_and_ajv_formats_as_the_page_says(site):
    """The 开放数据 page tells JavaScript users to use Ajv's 2020-12 build with ajv-formats; that
    must really accept every file and check dates, and Ajv alone must refuse, as the page warns."""
    import shutil
    import subprocess

    node = shutil.which("node")
    assert node and (ROOT / "node_modules" / "ajv-formats").is_dir(), "make test installs ajv (package-lock.json)"
    result = subprocess.run([node, str(ROOT / "tests" / "js" / "ajv-validate.js"), str(site / "data" / "v1")],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert sorted(l for l in lines if l.startswith(("ok ", "bad ")) and "format" not in l) == sorted(f"ok {n}" for n in FILES)
    assert "ok format-checked" in lines
    assert any(l.startswith("without-formats refused") and 'unknown format "date"' in l for l in lines)
    page = (site / "open-data" / "index.html").read_text(encoding="utf-8")
    assert "ajv-formats" in page and "ajv/dist/2020" in page and "FORMAT_CHECKER" in page


def test_statutory_holidays_are_the_article_2_days_after_the_calendar(site):
    calendar, later = load(site, "calendar"), load(site, "statutory-holidays")
    assert later["first_year"] == calendar["last_year"] + 1
    days = {h["date"]: h["name"] for h in later["holidays"]}
    assert days["2027-02-05"] == "春节" and days["2027-01-01"] == "元旦" and "2027-02-09" not in days
    assert all(dt.date.fromisoformat(d).year > calendar["last_year"] for d in days)
    assert "2027-05-01" in later["on_weekends"] and "2027-05-03" not in later["on_weekends"]
    assert later["basis"][0]["label"] == "《全国年节及纪念日放假办法》第二条"
    assert {b["article"] for b in later["not_yet_known"]["basis"]} == {6, 7}
