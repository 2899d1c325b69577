"""The place engine's answers in Chinese: organ names, the line for each case, and why a place
does not settle which organ it is.  One source for the answer pages (server-rendered or filled
in by place.js from data/place/), the place pages and the tests."""
from __future__ import annotations

from ..engines.jurisdiction import Line, Organ, Undetermined, resolve, where_for
from ..engines.place import Place, divisions

# What decided, as the line names it; {place} is the division's name.
BY = {
    "department": "{place}的部门",
    "branch": "{place}的部门设立的派出机构",
    "government": "{government}",
    "township": "{place}的乡（镇）人民政府",
    "justice-bureau": "{place}的司法局",
    "vertical": "税务、海关、国家安全、金融、外汇管理等实行垂直领导的机关",  # worded without a place: at any
    "organization": "{place}的政府或者部门管理的授权组织",
    "organ": "{place}的机关",
    "customs": "设在{place}的海关",
    "basic-court": "{place}的基层人民法院",
    "intermediate-court": "{place}的中级人民法院",
    "high-court": "{place}高级人民法院",
    "defendant": "被告在{place}",
    "property": "房屋、土地等在{place}",
    "workplace": "在{place}上班",
    "employer": "用人单位在{place}",
}
NATIONAL = "国务院"
# A line no place settles (at: any) names what decided without a place.
ANYWHERE = {
    "department": "政府的部门（不论哪一级）",
    "vertical": BY["vertical"],
    "workplace": "按你上班的地方",
    "employer": "按用人单位所在地",
}
SAME_ORGAN = "就是它本身"
# Why the place does not settle it.  Each says what the citizen can do instead.
REASONS = {
    "labor-arbitration": "劳动争议仲裁委员会不按行政区划层层设立，由省、自治区、直辖市人民政府决定设在哪里，你那里可能是市里的，也可能是县（区）的。请向当地人民政府或者12345热线问清楚。",
    "upper-organ": "政府的一个部门的上一级，可能是它所属的人民政府，也可能是上一级的同类部门，信访工作条例没有写明。请问作出意见的机关。",
    "vertical-above": "这些机关按自己的系统设立，上一级叫什么、设在哪里，不一定和行政区划对得上。看决定书上盖章的机关，问它的上一级是谁。",
    "corps": "这是新疆生产建设兵团的城市，它的上级机关和法院属于兵团自己的系统，本站没有收录。请向当地机关问清楚。",
    "yili": "伊犁哈萨克自治州管辖塔城地区、阿勒泰地区，这一带的上级机关、法院和一般的地方不一样，本站没有收录。请向当地机关问清楚。",
    "no-level-above": "本站收录的条文没有写明它的上一级。",
    "municipality-courts": "直辖市有几个中级人民法院，各管一片，本站没有收录哪个区归哪一个。请问当地法院。",
    "province-administered-courts": "这是省直接管辖的县级单位，由哪个中级人民法院管，各省的设置不一样，本站没有收录。请问当地法院。",
    "no-county-courts": "这个市不设区、县，它的法院怎样设置，各市不一样，本站没有收录。请问当地法院。",
    "seat-unknown": "是它所在的那个区（县）的基层人民法院；本站不知道这个机关设在哪个区（县）。",
    "province-seat": "是省人民政府所在地的中级人民法院；本站的行政区划数据没有写各省人民政府设在哪个市。",
    "national-courts": "国务院的部门设在北京，北京有几个中级人民法院，本站没有收录归哪一个。请问北京的法院。",
}
UNDETERMINED = "本站不能确定"
SEAT = "按行政区划设立的，也可以找"
USUAL_NOTE = "写“一般是”的，是通常的设置，法律没有规定它的名字；个别地方不一样，以那个机关公布的为准。"
WHICH_PLACE = "按作出决定的机关、作出判决的法院所在的地方写；它在别的地方的，请换成那里。"
# The words place.js shows around the lines (it holds none of its own).
TEXT = {"which": WHICH_PLACE, "usual": USUAL_NOTE, "change": "换一个地方", "none": "不按地方看",
        "unknown": "网址里的地方代码，本站的行政区划数据里没有。"}


def government(place: Place) -> str:
    return place.name + ("行政公署" if place.is_dispatched else "人民政府")


def organ_name(organ: Organ) -> str:
    place = organ.place
    if organ.kind == "supreme-court":
        return "最高人民法院"
    if organ.kind == "same-organ":
        return SAME_ORGAN
    if organ.kind == "government":
        return government(place)
    if organ.kind == "justice-bureau":
        return place.name + ("司法厅" if place.level == "province" and not place.is_municipality else "司法局")
    return place.name + {"basic-court": "人民法院", "intermediate-court": "中级人民法院", "high-court": "高级人民法院"}[organ.kind]


def target_text(go, why: list | None = None) -> str:
    """One organ, or why there is none; with `why`, the reason is left to the caller (a place page
    says each reason once) and its key is added to `why`."""
    if isinstance(go, Undetermined):
        if why is not None:
            why.append(go.reason)
            return UNDETERMINED
        return UNDETERMINED + "。" + REASONS[go.reason]
    name = ("一般是" if go.usual else "") + organ_name(go)
    return SEAT + name if go.seat else name


def line_text(line: Line, why: list | None = None) -> str:
    place = line.place
    if line.at == "any":
        label = ANYWHERE[line.by]
    else:
        label = BY[line.by].format(place=place.name if place else NATIONAL, government=government(place) if place else NATIONAL)
    parts = [target_text(g, why) for g in line.go]
    text = parts[0] if parts else ""
    for part in parts[1:]:
        text += "；" + part if part.startswith(SEAT) else "，或者" + part
    return f"{label}：{text}"


def case_lines(case: dict, code: str) -> list[str]:
    """The concrete lines of one 找谁 case for a place (empty: the place settles nothing here)."""
    return [line_text(line) for line in resolve(where_for(case), code)]


def full_name(code: str) -> str:
    """福建省宁德市蕉城区: the chain, as an address is written."""
    return "".join(p.name for p in divisions().chain(code))
