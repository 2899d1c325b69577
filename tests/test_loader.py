"""Bad content gets a clear answer: every problem at once, as path:line: field: message, exit 2."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

RULE = "procedures/rule/xinfang.handle.yaml"
PROC = "procedures/procedure/xf-review.yaml"


def edit(root: Path, rel: str, old: str, new: str, count: int = 1) -> int:
    """Replace text in a content file and return the 1-based line of the change."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {rel}: {old!r}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def assert_rejected(result, *expected: str):
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for line in expected:
        assert line in result.stderr, f"missing {line!r} in:\n{result.stderr}"
    # Every problem line has the documented shape; only the count and a note follow them.
    for line in result.stderr.splitlines():
        if not line.startswith(("共 ", "另有 ")):
            assert re.match(r"^[^:]+:\d+: [^:]+: .+", line), line


def test_shipped_content_is_valid():
    result = run_cli(ROOT, "validate")
    assert result.returncode == 0, result.stderr
    assert "内容校验通过" in result.stdout


def test_malformed_yaml_names_file_and_line(project):
    line = edit(project, RULE, "actor_kind: authority", "actor_kind: [authority")
    result = run_cli(project, "validate")
    assert_rejected(result, f"{RULE}:")
    assert "YAML 格式错误" in result.stderr
    reported = int(re.search(re.escape(RULE) + r":(\d+):", result.stderr).group(1))
    assert abs(reported - line) <= 2  # the parser notices at the next token


def test_wrong_type(project):
    line = edit(project, RULE, "period: {value: 60, unit: 日}", "period: {value: sixty, unit: 日}")
    assert_rejected(run_cli(project, "validate"), f"{RULE}:{line}: versions[0].period.value: 应为整数")


def test_unknown_key(project):
    line = edit(project, RULE, "actor_kind: authority", "actor_kind: authority\nactr: 某人")
    assert_rejected(run_cli(project, "validate"), f"{RULE}:{line + 1}: actr: 未知字段“actr”")


def test_missing_required_field(project):
    edit(project, RULE, "trigger: 受理信访事项\n", "")
    # Reported where the record starts (line 2, after the schema comment).
    assert_rejected(run_cli(project, "validate"), f"{RULE}:2: (文件): 缺少必填字段“trigger”")


def test_impossible_date(project):
    line = edit(project, RULE, 'last_reviewed: "2026-11-23"', "last_reviewed: 2026-02-30")
    assert_rejected(run_cli(project, "validate"), f"{RULE}:{line}: last_reviewed: 不是真实存在的日期：“2026-02-30”")


def test_impossible_date_in_nullable_field(project):
    line = edit(project, "procedures/law/xinfang-tiaoli-2005.yaml", "effective_until: '2022-04-30'",
                "effective_until: '2022-04-31'")
    assert_rejected(run_cli(project, "validate"),
                    f"procedures/law/xinfang-tiaoli-2005.yaml:{line}: effective_until: 不是真实存在的日期")


def test_duplicate_id(project):
    src = project / RULE
    (project / "procedures/rule/copy.yaml").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli(project, "validate")
    assert_rejected(result, "id“xinfang.handle”重复", "文件名应为 xinfang.handle.yaml")


def test_duplicate_key(project):
    line = edit(project, RULE, "actor_kind: authority", "actor_kind: authority\nactor_kind: citizen")
    assert_rejected(run_cli(project, "validate"), f"{RULE}:{line + 1}: actor_kind: 字段“actor_kind”重复出现")


def test_dangling_reference(project):
    line = edit(project, PROC, "deadline: xinfang.review-request", "deadline: xinfang.reviw-request")
    assert_rejected(run_cli(project, "validate"), f"{PROC}:{line}: steps[0].deadline: 找不到 rule“xinfang.reviw-request”")


def test_basis_to_missing_article(project):
    line = edit(project, RULE, "{law: xinfang-gongzuo-tiaoli-2022, article: 34}",
                "{law: xinfang-gongzuo-tiaoli-2022, article: 340}")
    assert_rejected(run_cli(project, "validate"), f"{RULE}:{line}: versions[1].basis[0].article: 法规库中没有《信访工作条例》第340条")


def test_basis_to_missing_paragraph_and_item(project):
    line = edit(project, RULE, "{law: xinfang-gongzuo-tiaoli-2022, article: 34}",
                "{law: xinfang-gongzuo-tiaoli-2022, article: 34, paragraph: 2}")
    line2 = edit(project, "procedures/rule/xinfang.transfer.yaml", "article: 22, paragraph: 1}",
                 "article: 22, paragraph: 1, item: 4}")
    assert_rejected(run_cli(project, "validate"),
                    f"{RULE}:{line}: versions[1].basis[0].paragraph: 第34条只有 1 款，没有第 2 款",
                    f"procedures/rule/xinfang.transfer.yaml:{line2}: versions[1].basis[0].item: 第22条第1款只有 3 项，没有第 4 项")


def test_document_field_basis_and_notice_dates_must_resolve(project):
    """A document field that cites a missing article, and a notice date taken from a timeline step
    its procedure does not have, are both refused with their file and line."""
    doc = "procedures/document/xf-review-request.yaml"
    form = "procedures/form/notice-extension.yaml"
    line = edit(project, doc, "article: 35", "article: 350")
    line2 = edit(project, form, "timeline: due:conclude", "timeline: due:concluded")
    assert_rejected(run_cli(project, "validate"), f"{doc}:{line}:", "第350条",
                    f"{form}:{line2}: fields[4].timeline: “concluded”不是本文书程序里的步骤 id")


def test_basis_to_unknown_law(project):
    edit(project, RULE, "{law: xinfang-gongzuo-tiaoli-2022, article: 34}", "{law: xinfang-2099, article: 34}")
    assert_rejected(run_cli(project, "validate"), "法规“xinfang-2099”不在法规库")


def test_current_page_citing_superseded_law(project):
    line = edit(project, PROC, "{law: xinfang-gongzuo-tiaoli-2022, article: 35}", "{law: xinfang-tiaoli-2005, article: 34}")
    assert_rejected(run_cli(project, "validate"), f"{PROC}:{line}:", "已失效，现行内容应引用 xinfang-gongzuo-tiaoli-2022")


def test_rule_version_citing_law_outside_its_window(project):
    line = edit(project, RULE, "{law: xinfang-tiaoli-2005, article: 33}\n    extension",
                "{law: xinfang-gongzuo-tiaoli-2022, article: 34}\n    extension")
    assert_rejected(run_cli(project, "validate"), f"{RULE}:{line}: versions[0].basis[0].law:", "不覆盖本版本")


def test_overlapping_rule_versions(project):
    line = edit(project, RULE, 'effective_from: "2022-05-01"', 'effective_from: "2022-04-01"')
    assert_rejected(run_cli(project, "validate"), f"{RULE}:{line}: versions[1].effective_from: 与前一版本重叠")


def test_prose_that_contradicts_its_rule(project):
    line = edit(project, PROC, "从收到书面答复那天起30日内", "从收到书面答复那天起45日内")
    assert_rejected(run_cli(project, "validate"),
                    f"{PROC}:{line}: steps[0].action: 文字写的“45日”与相关期限规则（xinfang.review-reply、xinfang.review-request：30日）不一致")


def test_topic_prose_that_contradicts_the_rule_on_the_same_article(project):
    rel = "procedures/topic/five-rule-of-law.yaml"
    line = edit(project, rel, "自受理之日起60日内办完", "自受理之日起90日内办完")
    result = run_cli(project, "validate")
    assert_rejected(result, f"{rel}:{line}:", "文字写的“90日”与相关期限规则（xinfang.handle：30日、60日）不一致")


def test_orphan_rule(project):
    text = (project / RULE).read_text(encoding="utf-8").replace("xinfang.handle", "xinfang.unused")
    (project / "procedures/rule/xinfang.unused.yaml").write_text(text, encoding="utf-8")
    assert_rejected(run_cli(project, "validate"), "procedures/rule/xinfang.unused.yaml:2: id: 没有任何程序、路线图、专题或法定途径引用这条期限规则")


def test_missing_schema_line(project):
    edit(project, RULE, "# yaml-language-server: $schema=../../schemas/rule.schema.json\n", "")
    assert_rejected(run_cli(project, "validate"), f"{RULE}:1: (文件): 第一行应为 # yaml-language-server")


def test_yaml_alias_bomb(project):
    bomb = ["# yaml-language-server: $schema=../../schemas/rule.schema.json", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        bomb.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    (project / "procedures/rule/bomb.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    result = run_cli(project, "validate")
    assert_rejected(result, "procedures/rule/bomb.yaml:", "不允许使用 YAML 锚点和别名")


def test_huge_file_is_refused_unread(project):
    with open(project / "procedures/topic/huge.yaml", "w", encoding="utf-8") as fh:
        fh.write("# yaml-language-server: $schema=../../schemas/topic.schema.json\n")
        fh.write(("x: " + "信" * 1000 + "\n") * 17_000)  # ~50 MB
    result = run_cli(project, "validate")
    assert_rejected(result, "procedures/topic/huge.yaml:1: (文件): 文件过大")


def test_stray_file_is_reported_not_skipped(project):
    (project / "procedures/procedure/notes.txt").write_text("草稿", encoding="utf-8")
    (project / "procedures/drafts").mkdir()
    (project / "procedures/drafts/x.yaml").write_text("id: x\n", encoding="utf-8")
    assert_rejected(run_cli(project, "validate"), "procedures/procedure/notes.txt:1: (文件): 内容文件的扩展名应为 .yaml",
                    "procedures/drafts/x.yaml:1: (文件): 不认识的位置")


def test_all_problems_reported_at_once(project):
    edit(project, RULE, "actor_kind: authority", "actor_kind: somebody")
    edit(project, PROC, "deadline: xinfang.review-request", "deadline: nope")
    edit(project, "procedures/rule/xinfang.transfer.yaml", 'last_reviewed: "2026-11-23"', 'last_reviewed: "2026-13-01"')
    result = run_cli(project, "validate")
    assert_rejected(result, "actor_kind: 取值“somebody”不在允许范围内", "找不到 rule“nope”", "last_reviewed: 不是真实存在的日期")
    assert "共 3 个问题" in result.stderr


def test_failed_validation_changes_nothing(project):
    assert run_cli(project, "generate").returncode == 0
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    edit(project, PROC, "title: 请求复查", "title: 改过的标题")
    edit(project, PROC, "deadline: xinfang.review-request", "deadline: nope")
    result = run_cli(project, "generate")
    assert_rejected(result, "找不到 rule“nope”")
    after = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    assert after == before


def test_site_build_fails_on_bad_content(project, tmp_path):
    from conftest import site_build

    edit(project, PROC, "deadline: xinfang.review-request", "deadline: nope")
    result = site_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "找不到 rule“nope”" in result.stdout + result.stderr  # MkDocs prints Abort messages to stdout
    assert not (tmp_path / "out" / "index.html").exists()


@pytest.mark.parametrize("argv", [["frobnicate"], ["validate", "--nope"]])
def test_cli_usage_errors_are_one_line(argv):
    result = run_cli(ROOT, *argv)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
