"""The documents citizens write, read as law: what each field rests on, where the paper goes, how a
period is counted, and how the printed paper names the parties.  Pure Python on the content: no
site build, no browser."""
from __future__ import annotations

import re

import pytest

from checkers.content import loader
from conftest import ROOT

SHISHI = "xingzheng-fuyi-fa-shishi-tiaoli-2007"


@pytest.fixture(scope="module")
def docs():
    return {k: v.data for k, v in loader.load(ROOT).items["document"].items()}


def cites(bases, law, article, paragraph=None, item=None) -> bool:
    return any(b["law"] == law and b["article"] == article
               and (paragraph is None or b.get("paragraph") == paragraph)
               and (item is None or b.get("item") == item) for b in bases)


def field(doc, fid):
    return next(f for f in doc["fields"] if f["id"] == fid)


def texts(doc):
    """Every sentence of a document with the articles it rests on."""
    yield doc["send_to"]["text"], doc["send_to"]["basis"]
    for note in doc.get("notes", []):
        yield note["text"], note["basis"]
    for f in doc["fields"]:
        yield f["hint"], f.get("basis", [])


def test_reconsideration_application_has_every_item_of_article_19(docs):
    doc = docs["admin-reconsideration-application"]
    required = [f for f in doc["fields"] if f["required"] is True]
    for item in range(1, 6):
        assert any(cites(f["basis"], SHISHI, 19, 1, item) for f in required), f"第十九条第{item}项 has no required field"
    item1 = " ".join(f["label"] for f in required if cites(f["basis"], SHISHI, 19, 1, 1))
    for word in ("姓名", "性别", "年龄", "身份证号码", "工作单位", "住所", "邮政编码"):
        assert word in item1, word
    assert field(doc, "signature")["required"] is True and cites(field(doc, "signature")["basis"], SHISHI, 19, 1, 4)
    assert field(doc, "date")["required"] is True and cites(field(doc, "date")["basis"], SHISHI, 19, 1, 5)


def test_reconsideration_goes_to_the_right_body(docs):
    send = docs["admin-reconsideration-application"]["send_to"]
    for article in (24, 25, 27):
        assert cites(send["basis"], "xingzheng-fuyi-fa-2023", article), article
    assert "垂直领导" in send["text"] and "上一级主管部门" in send["text"] and "国务院" in send["text"]


def test_the_implementing_regulation_is_cited_with_its_caveat(docs):
    """The 2007 regulation applies only where it does not conflict with the 2023 law: every document
    citing it says so once, in a sentence that rests on it."""
    for doc in docs.values():
        bases = [b for _, bs in texts(doc) for b in bs] + [b for f in doc["fields"] for b in f.get("basis", [])]
        if any(b["law"] == SHISHI for b in bases):
            assert any(cites(bs, SHISHI, b["article"]) and "相抵触" in text
                       for text, bs in texts(doc) for b in bs if b["law"] == SHISHI), doc["id"]


def test_gov_info_refusal_needs_reconsideration_first(docs):
    doc = docs["gov-info-application"]
    assert any(cites(n["basis"], "xingzheng-fuyi-fa-2023", 23, 1, 4) and "先申请行政复议" in n["text"] for n in doc["notes"])
    assert any(cites(n["basis"], SHISHI, 16, 1, 1) for n in doc["notes"])


def test_enforcement_covers_judgments_and_both_kinds_of_award(docs):
    send = docs["civil-enforcement-application"]["send_to"]
    assert cites(send["basis"], "minshi-susong-fa-2023", 235, 1)
    assert cites(send["basis"], "minshi-susong-fa-2023", 235, 2)
    assert cites(send["basis"], "laodong-zhengyi-tiaojie-zhongcai-fa-2007", 51)
    assert cites(send["basis"], "nongcun-tudi-chengbao-jiufen-tiaojie-zhongcai-fa-2009", 49)
    assert "劳动争议仲裁" in send["text"] and "农村土地承包" in send["text"] and "基层人民法院" in send["text"]


def test_complaint_names_exclusive_jurisdiction_and_the_land_outcome(docs):
    doc = docs["civil-complaint"]
    assert cites(doc["send_to"]["basis"], "minshi-susong-fa-2023", 34, 1, 1)
    assert cites(doc["send_to"]["basis"], "minsufa-jieshi-2022", 28)
    for word in ("不动产所在地", "农村土地承包经营合同", "房屋租赁合同", "建设工程施工合同", "政策性房屋买卖合同", "登记簿", "实际所在地"):
        assert word in doc["send_to"]["text"], word
    assert "land" in doc.get("outcomes", [])


START_DAY = re.compile(r"从(这|那)(一)?天(起)?(算起|起算|开始)|当天(算起|起算)")
COUNTED_FROM = re.compile(r"算起|起算|起计算|开始算|开始数")


def test_no_document_counts_the_start_day(docs):
    """The day a period starts from is not counted (民事诉讼法第八十五条第二款, 民法典第二百零一条):
    no text says a period runs from that day itself, and every text saying where one starts says
    that the day is not counted."""
    for doc in docs.values():
        for text, _ in texts(doc):
            assert not START_DAY.search(text), (doc["id"], text)
            if COUNTED_FROM.search(text):
                assert "第二天" in text or "不算" in text, (doc["id"], text)


def test_usually_is_what_the_xinfang_regulation_says(docs):
    doc = docs["xf-letter"]
    on_19 = [f for f in doc["fields"] if cites(f.get("basis", []), "xinfang-gongzuo-tiaoli-2022", 19, 1)]
    assert on_19 and all(f["required"] == "usually" for f in on_19)
    for other in docs.values():
        for f in other["fields"]:
            assert f["required"] in (True, False, "usually")
            assert f["required"] is False or f.get("basis"), (other["id"], f["id"])


def test_printed_paper_reads_as_a_legal_document(docs):
    """On paper nobody is 你: each item is named as the parties are (申请人、被申请人 …); every paper
    names the body it goes to, and ends with room to sign by hand and the date."""
    for doc in docs.values():
        roles = [f.get("role") for f in doc["fields"]]
        assert roles.count("to") == 1 and roles.count("signature") == 1 and roles.count("date") == 1, doc["id"]
        for f in doc["fields"]:
            if f.get("role") == "to":
                continue
            printed = f.get("print_label") or f["label"]
            assert "你" not in printed and "对方" not in printed, (doc["id"], f["id"], printed)
        signer = field(doc, next(f["id"] for f in doc["fields"] if f.get("role") == "signature"))
        assert "签名" in (signer.get("print_label") or signer["label"]), doc["id"]
        assert next(f for f in doc["fields"] if f.get("role") == "date")["type"] == "date", doc["id"]
