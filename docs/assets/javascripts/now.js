/* 现在就做's date boxes: the citizen types the day on their own paper and gets their own last day
 * ("最晚哪天申请行政复议"), right there, from the same DeadlineEngine as the calculator (proven equal
 * to Python).  A second box (data-kind="expect") answers how long to wait for an agency: that date is
 * the agency's, and is said to be.  Where the citizen's period starts only when an agency's ends (a
 * rule with `after`), the agency's end is shown first as context, then the citizen's own day.
 * The engine, the calendar and the rule are loaded only when a box is used, so an answer page costs
 * nothing extra until then.  Without JavaScript the form simply opens the calculator.
 * Nothing typed leaves the browser. */
(function () {
  "use strict";
  // Each box includes this script right after itself, so a run binds the boxes already on the page
  // that no earlier run bound; the loaded scripts are shared by all runs.
  var forms = Array.prototype.filter.call(document.querySelectorAll("form.now-date"), function (f) { return !f.hasAttribute("data-bound"); });
  if (!forms.length) { return; }
  var shared = window.NowDateBoxes = window.NowDateBoxes || {ready: {}, engine: null};
  var ready = shared.ready;

  function script(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error(src)); };
      document.head.appendChild(s);
    });
  }
  function load(form) {
    var scripts = form.getAttribute("data-scripts"), data = form.getAttribute("data-data"), id = form.getAttribute("data-rule");
    // In order: the engine first, then its wording, then the data it reads.
    var engine = shared.engine = shared.engine || script(scripts + "deadline.js").then(function () { return script(scripts + "deadline-text.js"); })
      .then(function () { return script(data + "calendar.js"); });
    ready[id] = ready[id] || engine.then(function () { return script(data + "rules/" + id + ".js"); });
    return ready[id];
  }
  function line(text, cls) { var p = document.createElement("p"); p.textContent = text; if (cls) { p.className = cls; } return p; }

  function answer(form, out, input, fromIso) {
    var E = window.DeadlineEngine, T = window.DeadlineText, cal = new E.Calendar(window.DEADLINE_CALENDAR);
    var id = form.getAttribute("data-rule"), expect = form.getAttribute("data-kind") === "expect";
    var rule = (window.DEADLINE_RULES || {})[id];
    out.textContent = "";
    if (!T.fieldError(input, T.dayMessage(cal.dayProblem(fromIso), cal))) { input.focus(); return; }
    var a = E.forRule(rule, fromIso, cal);
    if (!a) {
      out.appendChild(line("本站没有收录" + T.cnDate(fromIso) + "时适用的这条规定，算不出来。请向办理机关问清楚。"));
      return;
    }
    var now = new Date(), today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    function left(iso) {
      var n = Math.round((E.parse(iso).getTime() - today) / 86400000);
      return n > 0 ? "还有 " + n + " 天" : n === 0 ? "就是今天" : "已经过了 " + (-n) + " 天";
    }
    var after = T.afterText(rule, a);  // rule.after: the other side's period first, as context
    if (after.context) { out.appendChild(line(after.context, "now-context")); }
    var head = line("", "now-deadline");
    var strong = document.createElement("strong");
    strong.textContent = expect ? rule.actor + "最晚应当在" + T.cnDay(a.main.deadline) + "办完"
      : (rule.action ? "最晚哪天" + rule.action : "最后一天") + (a.custody ? "（人不在押）" : "") + "：" + T.cnDay(a.main.deadline);
    head.appendChild(strong);
    if (!expect) { head.appendChild(document.createTextNode("　" + left(a.main.deadline))); }
    out.appendChild(head);
    if (expect) { out.appendChild(line("这是机关的期限，不是你的。到了这一天还没有答复，可以问一问办理情况。", "now-context")); }
    if (a.custody) {
      out.appendChild(line("人在押的（不因节假日顺延）：" + T.cnDay(a.custody.deadline) + "　" + left(a.custody.deadline), "now-deadline"));
    }
    if (a.extended_total) {
      out.appendChild(line((expect ? "依法延长的，最晚到" : "依法延长的，你的期限最晚到") + T.cnDay(a.extended_total.deadline) + "。"));
    }
    if (after.extended) { out.appendChild(line(after.extended)); }
    if (!a.main.verified) {
      T.unverifiedLines(a.main.unknown_years, cal).forEach(function (text) { out.appendChild(line(text, "now-unverified")); });
    }
    var more = document.createElement("a");
    more.href = form.getAttribute("action") + "?rule=" + encodeURIComponent(id) + "&from=" + encodeURIComponent(fromIso);
    more.textContent = "看计算过程和依据的条文";
    var p = line("");
    p.appendChild(more);
    out.appendChild(p);
  }

  forms.forEach(function (form) {
    form.setAttribute("data-bound", "");
    var out = form.parentNode.querySelector(".now-answer"), input = form.querySelector("input[type=date]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var fromIso = input.value;
      out.textContent = "正在计算……";
      load(form).then(function () { answer(form, out, input, fromIso); }, function () {
        out.textContent = "计算没能运行。请打开期限计算器再试。";
      });
    });
  });
})();
