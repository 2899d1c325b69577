"""Search words from the memo (checkers/memo.py) are the words jieba and pypinyin give: a build that
finds every sentence already cut writes the same files without cutting one; a damaged table is
read as empty; another package version is another table."""
from __future__ import annotations

import pickle

import jieba
import pytest

from checkers import caches, memo
from checkers.site import search_words
from checkers.site.pages import Site


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and no table read yet in this process."""
    monkeypatch.setenv(caches.SETTING, str(tmp_path))
    monkeypatch.setattr(search_words, "_MEMO", {})
    return tmp_path


def test_a_second_build_cuts_nothing_and_writes_the_same_files(content, fresh, monkeypatch):
    first = search_words.files(Site(content))
    tables = sorted(p.name for p in (fresh / "memo").iterdir())
    assert [t.split("-")[0] for t in tables] == ["jieba", "pinyin"]

    monkeypatch.setattr(search_words, "_MEMO", {})  # as a new process would: only the files remain

    def refuse(*args, **kwargs):
        raise AssertionError("cut again although the memo has it")

    monkeypatch.setattr(jieba, "lcut", refuse)
    monkeypatch.setattr(search_words, "pinyin_keys", refuse)
    assert search_words.files(Site(content)) == first


def test_a_damaged_table_is_read_as_empty(fresh):
    table = memo.Memo("jieba", "v1")
    table.path.parent.mkdir(parents=True)
    table.path.write_bytes(b"not a pickle")
    again = memo.Memo("jieba", "v1")
    assert again.missing(["信访事项"]) == ["信访事项"]
    again.add({"信访事项": ("信访", "事项")})
    again.save()
    assert pickle.loads(again.path.read_bytes()) == {"信访事项": ("信访", "事项")}


def test_another_version_is_another_table(fresh):
    old = memo.Memo("jieba", "jieba==0.42.1")
    old.add({"复议": ("复议",)})
    old.save()
    assert memo.Memo("jieba", "jieba==0.42.1").missing(["复议"]) == []
    assert memo.Memo("jieba", "jieba==0.43.0").missing(["复议"]) == ["复议"]


def test_a_table_grown_far_beyond_one_builds_words_is_cut_back(fresh):
    table = memo.Memo("pinyin", "v1")
    table.add({f"词{n}": ("x", "x") for n in range(100)})
    table.save()
    again = memo.Memo("pinyin", "v1")
    assert again.missing(["词1", "新词"]) == ["新词"]
    again.add({"新词": ("xinci", "xc")})
    again.save(trim=False)  # a run that asked for a part only (one edition's own posts) cuts nothing
    assert len(pickle.loads(again.path.read_bytes())) == 101
    again.add({"又一个": ("youyige", "yyg")})
    again.save()
    assert set(pickle.loads(again.path.read_bytes())) == {"词1", "新词", "又一个"}


def test_posts_are_rendered_by_the_safe_profile_once_and_after_an_edit_only_the_edited_part(project, fresh, monkeypatch):
    """checkers/content/safe_markdown.py and yamlsafe.py: every post part rendered and every file
    parsed before is taken from the tables, in the workers that check the posts too; the content
    loaded is the same."""
    from checkers.content import loader, safe_markdown, yamlsafe

    first = loader.load(project, "demo-county")  # the national column and the editions' own posts
    real, made = safe_markdown._render, []

    def counted(text):
        made.append(text)
        return real(text)

    def refuse(*args):
        raise AssertionError("parsed again although the memo has it")

    parse = yamlsafe._parse

    monkeypatch.setattr(safe_markdown, "_render", counted)
    monkeypatch.setattr(yamlsafe, "_parse", refuse)
    again = loader.load(project, "demo-county")
    assert again.case_posts == first.case_posts and made == []
    assert {k: {i: item.data for i, item in items.items()} for k, items in again.items.items()} == \
        {k: {i: item.data for i, item in items.items()} for k, items in first.items.items()}
    monkeypatch.setattr(yamlsafe, "_parse", parse)
    post = project / "docs/cases/posts/police-first-petition-golden-period.md"
    post.write_text(post.read_text(encoding="utf-8").replace("\n<!-- more -->", "改了导语。\n<!-- more -->", 1), encoding="utf-8")
    edited = loader.load(project, "demo-county")
    assert len(made) == 1 and made[0].endswith("改了导语。")
    assert "改了导语。" in edited.case_posts["police-first-petition-golden-period"].lead


def test_the_place_table_is_kept_by_its_cases_and_made_again_when_they_change(content, fresh, monkeypatch):
    """checkers/site/place.py: the table of every case's lines for every place is taken from the
    memo only for the same cases; a changed `where` resolves every place again."""
    import copy

    from checkers.site import place

    first = place.table(Site(content))

    def refuse(*args, **kwargs):
        raise AssertionError("resolved again although the cases are the same")

    monkeypatch.setattr(place, "_resolve", refuse)
    assert place.table(Site(content)) == first
    changed = copy.copy(content)
    changed.items = {kind: dict(items) for kind, items in content.items.items()}
    channel = copy.deepcopy(changed.items["channel"]["admin-reconsideration"])
    channel.data["now"]["who"]["cases"][0]["where"] = [{"at": "county", "by": "government", "to": ["government-above"]}]
    changed.items["channel"]["admin-reconsideration"] = channel
    with pytest.raises(AssertionError, match="resolved again"):
        place.table(Site(changed))


def test_the_provisional_years_holidays_from_the_memo_are_the_lunar_calendars(content, fresh, monkeypatch):
    """checkers/engines/workcalendar.py: 第二条's days of the years without a notice, kept by year;
    taken from the memo they are the days the lunar calendar gives, and the calendar is not asked."""
    from checkers.engines import statutory_holidays
    from checkers.engines.workcalendar import PROVISIONAL_LAST_YEAR

    calendar = content.calendar
    first = calendar.provisional_holidays()
    wanted = {}
    for year in range(calendar.provisional_first_year, PROVISIONAL_LAST_YEAR + 1):
        wanted.update(statutory_holidays.days(year))
    assert first == wanted

    def refuse(year):
        raise AssertionError("asked the lunar calendar again")

    monkeypatch.setattr(statutory_holidays, "days", refuse)
    assert calendar.provisional_holidays() == wanted
