/* Chinese wording shared by the 期限计算器 and the 本案时间线 (the browser's mirror of
 * checkers/wording/deadline.py): dates as 2026年8月10日（星期一）, periods as the statutes say
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
  // Why a date is not final: a year whose 调休 is not published (its 第二条 holidays are counted), or
  // a year with no holiday data at all.  The sentences are the command line's (deadline_text.NOTES),
  // shipped in data/calendar.js; only the years are filled in here.
  function unverifiedLines(years, cal) {
    var provisional = years.filter(function (y) { return cal.isProvisional(y); });
    var unknown = years.filter(function (y) { return !cal.isProvisional(y); });
    function named(list) { return list.map(function (y) { return y + "年"; }).join("、"); }
    var lines = [];
    if (provisional.length) { lines.push(cal.notes.provisional.replace("{years}", named(provisional))); }
    if (unknown.length) {
      lines.push(cal.notes.unknown.replace("{first}", cal.first).replace("{last}", cal.last).replace("{years}", named(unknown)));
    }
    return lines;
  }
  // A rule with `after`: the other side's period, from whose end the citizen's own runs (context,
  // shown before the answer), and the citizen's last day if the other side lawfully extended its
  // own (shown after it).  The calculator and the date box say both alike.
  function afterText(rule, answer) {
    var base = answer.base;
    if (!base) { return {context: "", extended: ""}; }
    return {
      context: rule.after.actor + "的期限（" + rule.after.title + "）：" + periodText(base.main.period) + "，到" + cnDay(base.main.deadline) +
        "届满" + (base.extended_total ? "；依法延长的，到" + cnDay(base.extended_total.deadline) : "") +
        "。这是对方的期限；你的期限从届满的第二天算起。",
      extended: answer.after_extended ? "对方依法延长了期限并告诉了你的，你的最后一天是" + cnDay(answer.after_extended.deadline) + "。" : ""
    };
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
                       fieldError: fieldError, unverifiedLines: unverifiedLines, uncertainty: uncertainty,
                       afterText: afterText};
})(window);
