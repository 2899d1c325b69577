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
                       fieldError: fieldError};
})(window);
