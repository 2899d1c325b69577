"""Personal information in a 案例专栏 post: ID-card numbers, telephone numbers, full names.

A post about a real case must not identify the people in it (the editor's guide: 当事人写成王某、
王某某).  No maintained package recognises these in Chinese text without downloading a model, so
the rules are written here, each narrow enough that a hit deserves an editor's look:

- 身份证号: 17 digits and a check character that agrees with them (GB 11643: ISO 7064 MOD 11-2),
  with a real birth date; other 18-digit numbers (amounts, case numbers) are left alone.
- 手机号: 11 digits starting 13 to 19, together or as 3-4-4, with or without +86.
- 固定电话: an area code 0xx/0xxx in brackets or followed by a dash or space, then 7 or 8 digits.
- 人名: one of the hundred commonest surnames and one or two more Han characters where the words
  around say it is a person: after a word for a person (信访人、村民、律师……) and before a word
  that can follow a name; or, at the start of a clause, before an honorific (先生、律师……), a verb
  of saying or doing (说、表示、反映……) or （男/（女.  Not a name: 某 (张某, 李某某 are anonymised),
  "X（化名）" and "化名X" (pseudonyms), and a word jieba's dictionary knows as an ordinary word
  (程序, 周末, 黄河; see COMMON_WORD).  So a private person whose name is also a common word or a
  famous person's (李强, 高峰) is missed, as is a name in a bare list: the 法律审核 step reads the post.

What is flagged but may be published (an official acting in office, a place, an office's public
number, a person who consented) is waived in the post's front matter, `privacy`, by its exact text.
"""
from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import jieba
from .. import clock

# The hundred commonest surnames (公安部户籍统计), then compound ones.
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任"
            "卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤")
COMPOUND = ("欧阳", "上官", "司马", "诸葛", "司徒", "东方", "皇甫", "令狐", "夏侯", "慕容")
# Characters that are not part of a given name as this check reads one: 某 (anonymised), pronouns,
# particles and prepositions, large numbers and dates, and the last characters of places and offices.
NOT_GIVEN = ("某他她它我你您其自的了着过和与及或同跟向对把被给让在从于以将就也都又还才已曾再却而但并所是不没无很最更"
             "百千万亿两几第年月日号时分省市县区乡镇村街路巷道州局院所庭委办厅部处科室站队会府司社校厂店场馆组家")
PERSON_BEFORE = tuple(("当事人 信访人 申请人 被申请人 申请执行人 申诉人 上访人 来访人 举报人 投诉人 控告人 原告 被告 被告人 第三人 上诉人 "
                       "被上诉人 被执行人 犯罪嫌疑人 被害人 受害人 证人 死者 伤者 村民 居民 群众 市民 农民工 农民 工人 职工 "
                       "员工 业主 租户 房东 学生 患者 家属 老人 老汉 妻子 丈夫 儿子 女儿 父亲 母亲 哥哥 "
                       "姐姐 弟弟 妹妹 邻居 同事 律师 民警 辅警 警官 法官 检察官 书记员 调解员 网格员 工作人员 干部 "
                       "书记 主任 局长 所长 庭长 院长 检察长 科长 镇长 乡长 县长 市长 村长 组长 队长 经理 "
                       "老板 名叫 叫作 叫做 姓名").split())
HONORIFIC_AFTER = tuple(("先生 女士 同志 老人 老汉 师傅 大爷 大妈 大娘 阿姨 大姐 大哥 律师 法官 检察官 民警 警官 书记 "
                         "主任 局长 所长 庭长 院长 检察长 科长 镇长 乡长 县长 市长 村长 老师 医生 经理 夫妇 一家").split())
VERB_AFTER = tuple(("说 称 讲 表示 反映 认为 介绍 回忆 坦言 告诉 答应 同意 拒绝 签字 签收 提出 申请 要求 "
                    "来到 找到 报警 起诉 上访 写信 打电话 拨打 激动 感慨 表态 承认 否认 供述 证实 收到 领到 拿到").split())
SEX_AFTER = ("（男", "（女", "(男", "(女", "，男", "，女", ",男", ",女")
# After a word for a person the name ends before one of these (words that follow a subject: verbs,
# adverbs, prepositions), before a character no given name has (NOT_GIVEN), or before anything not Han.
FOLLOWERS = "说称讲和与及同跟向对把被给让在从于以将就也都又还才已曾再却而但并所是不没等因便先后当到来去找报写打提要拿领签的们家夫妻"
# Surnames that are also everyday prepositions and adverbs (信访人向……, 当事人于……, 群众常……): a
# person word before them says nothing, so they count only before an honorific or a verb.
ADVERB_SURNAMES = "向于常"
# Characters that may stand right before a name at the start of a clause (not 对, 让, 请……: 对方,
# 请求 are words).
CLAUSE_START = "和与及同跟向把被、"
# A dictionary word this common (jieba's corpus frequency) is read as the word, whatever its tag:
# jieba tags 陈述, 顾问, 周转 as names; a private person's name is rarely in a general dictionary.
COMMON_WORD = 100

_HAN = "\u4e00-\u9fff"
_SURNAME = "(?:" + "|".join(COMPOUND) + f"|[{SURNAMES}])"
_GIVEN = f"(?:(?![{NOT_GIVEN}])[{_HAN}])"
_AFTER = "|".join(map(re.escape, HONORIFIC_AFTER + VERB_AFTER + SEX_AFTER))
_AFTER_ROLE = f"(?:{_AFTER}|[{FOLLOWERS}{NOT_GIVEN}]|[^{_HAN}]|$)"
_ROLE_SURNAME = "(?:" + "|".join(COMPOUND) + f"|(?![{ADVERB_SURNAMES}])[{SURNAMES}])"
_NAME_AFTER_ROLE = re.compile(f"(?P<ctx>{'|'.join(sorted(PERSON_BEFORE, key=len, reverse=True))})"
                              f"(?P<name>{_ROLE_SURNAME}{_GIVEN}{{1,2}}?)(?={_AFTER_ROLE})")
_NAME_BEFORE_WORD = re.compile(f"(?:(?<![{_HAN}])|(?<=[{CLAUSE_START}]))(?P<name>{_SURNAME}{_GIVEN}{{1,2}}?)(?P<ctx>{_AFTER})")
_PSEUDONYM_AFTER = re.compile(r"\s*[（(]化名[）)]")
_ID_CARD = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{5})((?:18|19|20)\d{2})(\d{2})(\d{2})(\d{3})([0-9Xx])(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d(?:\d{8}|-\d{4}-\d{4}| \d{4} \d{4})(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])(?:[（(]0\d{2,3}[）)] ?|0\d{2,3}[-－ ])\d{7,8}(?![0-9])")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True)
class Finding:
    line: int
    text: str     # exactly as written: what a waiver names
    message: str


def id_card_valid(number: str) -> bool:
    """An 18-character resident ID number whose check character agrees with its 17 digits (GB 11643)."""
    digits = number[:17]
    if len(number) != 18 or not digits.isdigit():
        return False
    check = "10X98765432"[sum(int(d) * w for d, w in zip(digits, _WEIGHTS)) % 11]
    return number[17].upper() == check


def _real_birth_date(year: str, month: str, day: str) -> bool:
    try:
        return datetime.date(int(year), int(month), int(day)) <= clock.today()
    except ValueError:
        return False


@lru_cache(maxsize=1)
def _ordinary_words() -> frozenset[str]:
    """Words of jieba's dictionary that begin with a surname and are not names: not tagged as a
    person's name, or as common as COMMON_WORD.  Read with one pattern over the whole file (a
    tenth of the time of reading it line by line): each validation worker reads it once."""
    with jieba.get_dict_file() as dictionary:
        text = dictionary.read().decode("utf-8")
    starts = "".join(sorted(set(SURNAMES) | {name[0] for name in COMPOUND}))
    entries = re.findall(rf"^([{starts}][^ \n]{{1,3}}) (\d+) ([a-z]+)$", text, re.M)
    return frozenset(word for word, frequency, tag in entries if not tag.startswith("nr") or int(frequency) >= COMMON_WORD)


def scan(lines: list[tuple[int, str]], waived: set[str]) -> list[Finding]:
    """Every ID number, telephone number and likely full name in (line number, text) pairs, except
    texts the post waives.  The lines are searched as one text (a post is read at every validation,
    thousands of them), and each find is put back on its line."""
    text = "\n".join(part for _, part in lines)
    offsets = [0, *accumulate(len(part) + 1 for _, part in lines)]

    def line(position: int) -> int:
        return lines[bisect_right(offsets, position) - 1][0]

    found: list[Finding] = []
    for match in _ID_CARD.finditer(text):
        if id_card_valid(match.group(0)) and _real_birth_date(*match.group(2, 3, 4)):
            found.append(Finding(line(match.start()), match.group(0), "像是身份证号（校验位相符）：公开的文章不能写身份证号"))
    for match in _MOBILE.finditer(text):
        found.append(Finding(line(match.start()), match.group(0), "像是手机号码：公开的文章不能写个人的电话"))
    for match in _LANDLINE.finditer(text):
        found.append(Finding(line(match.start()), match.group(0), "像是固定电话号码：公开的文章不能写个人的电话"
                                                                   "（单位对外公开的电话，在 privacy 里写明 kind: 单位公开电话）"))
    found += _names(text, line)
    return [f for f in found if f.text not in waived]


def _names(text: str, line) -> list[Finding]:
    out, seen = [], set()
    for pattern, where in ((_NAME_AFTER_ROLE, "前面是“{}”"), (_NAME_BEFORE_WORD, "后面是“{}”")):
        for match in pattern.finditer(text):
            name, start, end = match.group("name"), match.start("name"), match.end("name")
            if start in seen or name in _ordinary_words() or _PSEUDONYM_AFTER.match(text, end) \
                    or text[max(0, start - 2):start] == "化名":
                continue
            seen.add(start)
            surname = name[:2] if name[:2] in COMPOUND else name[0]
            out.append(Finding(line(start), name, f"像是真实姓名（{where.format(match.group('ctx'))}）：当事人写成"
                                                  f"{surname}某、{surname}某某，化名在后面注明（化名）；公职人员的姓名、"
                                                  "地名等可以公开的，在 privacy 里写明原文和理由"))
    return out
