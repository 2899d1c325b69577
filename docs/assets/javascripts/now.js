/* 现在就做's date box: the citizen types the day they received the decision and gets their own
 * last day, right there, from the same DeadlineEngine as the calculator (proven equal to Python).
 * The engine, the calendar and the rule are loaded only when the box is used, so an answer page
 * costs nothing extra until then.  Without JavaScript the form simply opens the calculator.
 * Nothing typed leaves the browser. */
(function () {
  "use strict";
  var form = document.querySelector("form.now-date");
  if (!form) { return; }
  var out = form.parentNode.querySelector(".now-answer"), input = form.querySelector("input[type=date]");
  var scripts = form.getAttribute("data-scripts"), data = form.getAttribute("data-data"), id = form.getAttribute("data-rule");
  var ready = null;

  function script(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error(src)); };
      document.head.appendChild(s);
    });
  }
  function load() {
    // In order: the engine first, then its wording, then the data it reads.
    ready = ready || script(scripts + "deadline.js").then(function () { return script(scripts + "deadline-text.js"); })
      .then(function () { return Promise.all([script(data + "calendar.js"), script(data + "rules/" + id + ".js")]); });
    return ready;
  }
  function line(text, cls) { var p = document.createElement("p"); p.textContent = text; if (cls) { p.className = cls; } return p; }

  function answer(fromIso) {
    var E = window.DeadlineEngine, T = window.DeadlineText, cal = new E.Calendar(window.DEADLINE_CALENDAR);
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
    var head = line("", "now-deadline");
    var strong = document.createElement("strong");
    strong.textContent = "最后一天" + (a.custody ? "（人不在押）" : "") + "：" + T.cnDay(a.main.deadline);
    head.appendChild(strong);
    head.appendChild(document.createTextNode("　" + left(a.main.deadline)));
    out.appendChild(head);
    if (a.custody) {
      out.appendChild(line("人在押的（不因节假日顺延）：" + T.cnDay(a.custody.deadline) + "　" + left(a.custody.deadline), "now-deadline"));
    }
    if (a.extended_total) {
      out.appendChild(line("依法延长的，最晚到" + T.cnDay(a.extended_total.deadline) + "。"));
    }
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

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var fromIso = input.value;
    out.textContent = "正在计算……";
    load().then(function () { answer(fromIso); }, function () {
      out.textContent = "计算没能运行。请打开期限计算器再试。";
    });
  });
})();
