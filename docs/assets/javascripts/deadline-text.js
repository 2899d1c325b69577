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
  root.DeadlineText = {cnDate: cnDate, cnDay: cnDay, periodText: periodText, el: el};
})(window);
