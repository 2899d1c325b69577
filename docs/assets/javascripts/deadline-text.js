/* Chinese wording shared by the 期限计算器 and the 本案时间线 (the browser's mirror of
 * checkers/deadline_text.py): dates as 2026年8月10日（星期一）, periods as the statutes say
 * them (5个工作日, 30日, 6个月, 1年), and a small helper to build text-only nodes. */
(function (root) {
  "use strict";
  var E = root.DeadlineEngine, WEEK = "日一二三四五六";
  function cnDate(iso) { var d = E.parse(iso); return d.getUTCFullYear() + "年" + (d.getUTCMonth() + 1) + "月" + d.getUTCDate() + "日"; }
  function cnDay(iso) { return cnDate(iso) + "（星期" + WEEK.charAt(E.parse(iso).getUTCDay()) + "）"; }
  function periodText(p) { return p.value + (p.unit === "工作日" ? "个工作日" : p.unit); }
  // Content is untrusted: nodes get text, never HTML.
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }
  var DAY_PROBLEMS = {
    empty: function () { return "请填写日期。"; },
    invalid: function () { return "这不是一个真实存在的日期，请检查年、月、日。"; },
    range: function (cal) { return "本站只计算" + cal.range[0].slice(0, 4) + "年至" + cal.range[1].slice(0, 4) + "年之间的日期。"; }
  };
  // Why a date is not final, in the words of checkers/deadline_text.unverified_lines: a year whose
  // 调休 is not published (its 第二条 holidays are counted), or a year with no holiday data at all.
  function unverifiedLines(years, cal) {
    var provisional = years.filter(function (y) { return cal.isProvisional(y); });
    var unknown = years.filter(function (y) { return !cal.isProvisional(y); });
    var lines = [];
    if (provisional.length) {
      lines.push("暂定：国务院还没有公布" + provisional.join("年、") + "年的节假日安排。元旦、春节、清明节、劳动节、端午节、" +
        "中秋节、国庆节已按《全国年节及纪念日放假办法》第二条算作休息日；还没有定的只是调休和补假：" +
        "哪些周一到周五放假，哪些周六、周日上班。通知公布以后，这个日期可能会变，请尽早办理，不要等到最后一天。");
    }
    if (unknown.length) {
      lines.push("注意：本站的节假日数据只有" + cal.first + "年至" + cal.last + "年，没有" + unknown.join("年、") +
        "年的放假和调休安排。这个日期只按周六、周日休息计算，没有考虑节假日，不能作为确定的结论，请向办理机关核实。");
    }
    return lines;
  }
  // "" for a final date; 暂定 when only 调休 is missing; 未经核实 when holiday data is missing.
  function uncertainty(count, cal) {
    if (count.verified) { return ""; }
    return count.unknown_years.every(function (y) { return cal.isProvisional(y); }) ? "暂定" : "未经核实";
  }
  function dayMessage(problem, cal) { return problem ? DAY_PROBLEMS[problem](cal) : ""; }
  // Says what is wrong right under the field, and tells screen readers the field is wrong.
  function fieldError(input, message) {
    var id = input.id + "-error", note = document.getElementById(id);
    if (!note) {
      note = el("p", "", "field-error");
      note.id = id;
      input.parentNode.insertBefore(note, input.nextSibling);
    }
    note.textContent = message || "";
    note.hidden = !message;
    if (message) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", id);
    } else {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    }
    return !message;
  }
  root.DeadlineText = {cnDate: cnDate, cnDay: cnDay, periodText: periodText, el: el, dayMessage: dayMessage,
                       fieldError: fieldError, unverifiedLines: unverifiedLines, uncertainty: uncertainty};
})(window);
