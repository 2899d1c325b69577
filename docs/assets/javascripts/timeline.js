/* 本案时间线 on staff procedure and local-practice pages: from the dates entered (or in the
 * URL: ?from=…&at-<step>=…), each step's due date, with the same DeadlineEngine as the
 * calculator (proven equal to the Python engine).  Mirrors checkers/timeline.py: a step
 * whose starting event has no date yet says so; nothing is guessed.  Nothing leaves the page. */
(function () {
  "use strict";
  var holder = document.getElementById("tl-data"), form = document.getElementById("tl-form");
  var calendar = window.DEADLINE_CALENDAR, rules = window.DEADLINE_RULES || {}, E = window.DeadlineEngine;
  if (!holder || !form || !calendar || !E) { return; }
  var timeline = JSON.parse(holder.textContent), cal = new E.Calendar(calendar);
  var out = document.getElementById("tl-result");
  var T = window.DeadlineText, cnDay = T.cnDay, periodText = T.periodText, el = T.el;
  var titles = {start: timeline.start};
  timeline.steps.forEach(function (s) { if (s.id) { titles[s.id] = s.title; } });

  // The dates entered, checked as the command line checks them (checkers/timeline_cli.py): each a
  // real day in range, no step done before the start.  Each problem is shown next to its field;
  // returns the usable dates, or null when any field is wrong.
  function readDates(values) {
    var dates = {}, ok = true, start = document.getElementById("tl-from");
    ok = T.fieldError(start, T.dayMessage(cal.dayProblem(values.start), cal)) && ok;
    if (ok) { dates.start = values.start; }
    timeline.steps.forEach(function (s) {
      var input = s.id && document.getElementById("tl-at-" + s.id), value = s.id && values[s.id];
      if (!input) { return; }
      var problem = value ? T.dayMessage(cal.dayProblem(value), cal) : "";
      if (!problem && value && dates.start && value < dates.start) {
        problem = "这一步的日期早于起点（" + T.cnDate(dates.start) + "），请检查。";
      }
      ok = T.fieldError(input, problem) && ok;
      if (value && !problem) { dates[s.id] = value; }
    });
    return ok ? dates : null;
  }

  function compute(dates) {
    return timeline.steps.map(function (step) {
      var base = step.counts_from ? dates[step.counts_from] : null, entry = {step: step, base: base, done: step.id ? dates[step.id] : null};
      if (!step.counts_from) { return entry; }
      entry.pending = !base;
      if (base && step.deadline) {
        var answer = E.forRule(rules[step.deadline], base, cal);
        entry.noVersion = !answer;
        if (answer) { entry.due = answer.main; entry.extended = answer.extended_total; }
      } else if (base && step.period) {
        entry.due = E.count(E.parse(base), step.period, cal);
      }
      entry.late = !!(entry.done && entry.due && entry.done > entry.due.deadline);
      return entry;
    });
  }

  function render(dates) {
    out.textContent = "";
    var box = el("div", "", "tl-answer");
    box.appendChild(el("h3", "从" + cnDay(dates.start) + "（" + timeline.start + "）起"));
    if (timeline.kind === "practice") { box.appendChild(el("p", "这些是地方做法自己定的时限，不是法定期限。", "tl-local")); }
    var ol = el("ol", "", "tl-steps");
    compute(dates).forEach(function (e) {
      var li = el("li"), s = e.step;
      li.appendChild(el("strong", s.title));
      li.appendChild(document.createTextNode("（" + s.actor + "）："));
      var text;
      if (!s.counts_from) {
        text = e.done ? "已于" + cnDay(e.done) + "完成。" : "没有单独的期限。";
      } else if (e.pending) {
        text = "从“" + titles[s.counts_from] + "”那天起算；那一步的日期还没有填，填上后才能算。";
        li.className = "pending";
      } else if (e.noVersion) {
        text = "本站没有收录" + e.base + "时适用的规定，无法计算。";
      } else {
        var c = e.due;
        text = periodText(c.period) + "，截止" + cnDay(c.deadline);
        if (e.extended) { text += "；依法延长的，最晚" + cnDay(e.extended.deadline); }
        text += "。";
        if (!c.verified) { text += "（未经核实：超出本站节假日数据的年份，只按周六、周日休息计算。）"; }
        if (e.done) {
          text += "已于" + cnDay(e.done) + "完成";
          if (e.late) {
            text += e.extended && e.done <= e.extended.deadline ? "，超过了期限；依法延期了的，仍在延长后的期限内。" : "，超过了期限。";
            li.className = "late";
          } else { text += "。"; }
        }
      }
      li.appendChild(document.createTextNode(text));
      ol.appendChild(li);
    });
    box.appendChild(ol);
    var print = el("button", "打印时间线", "md-button");
    print.type = "button";
    print.addEventListener("click", function () { window.print(); });
    box.appendChild(print);
    out.appendChild(box);
  }

  function fromUrl() {
    var params = new URLSearchParams(window.location.search), values = {start: params.get("from")};
    if (values.start === null) { return; }
    document.getElementById("tl-from").value = E.parse(values.start) ? values.start : "";
    timeline.steps.forEach(function (s) {
      var value = s.id && params.get("at-" + s.id);
      if (value) { values[s.id] = value; document.getElementById("tl-at-" + s.id).value = E.parse(value) ? value : ""; }
    });
    var dates = readDates(values);
    if (dates) { render(dates); }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var values = {start: document.getElementById("tl-from").value};
    timeline.steps.forEach(function (s) {
      var input = s.id && document.getElementById("tl-at-" + s.id);
      if (input && input.value) { values[s.id] = input.value; }
    });
    var dates = readDates(values);
    out.textContent = "";
    if (!dates) { return; }
    var params = new URLSearchParams();
    Object.keys(dates).forEach(function (key) { params.set(key === "start" ? "from" : "at-" + key, dates[key]); });
    // The answer lives in the URL, so it can be bookmarked or printed; it stays in this browser.
    history.replaceState(null, "", "?" + params.toString() + "#case-timeline");
    render(dates);
  });
  fromUrl();
})();
