/* A staff notice filled from the case: the link from a procedure's 本案时间线 carries the case's
 * dates in its URL (?procedure=…&from=…&at-<step>=…).  The dates marked "按时间线" are filled
 * from them with the same arithmetic as the timeline (TimelineCore), so the notice and the
 * timeline can never disagree.  The URL never leaves the browser: no request is made with it. */
(function () {
  "use strict";
  var holder = document.getElementById("form-timelines"), status = document.querySelector(".form-case");
  var E = window.DeadlineEngine, T = window.DeadlineText;
  if (!holder || !status || !E || !window.DEADLINE_CALENDAR) { return; }
  var params = new URLSearchParams(window.location.search), from = params.get("from");
  if (from === null) { return; }
  var timelines = JSON.parse(holder.textContent), ids = Object.keys(timelines);
  var timeline = timelines[params.get("procedure")] || (ids.length === 1 ? timelines[ids[0]] : null);
  var cal = new E.Calendar(window.DEADLINE_CALENDAR);

  function say(text) { status.textContent = text; }
  if (!timeline) { say("链接里的程序不是这份文书所属的程序，日期没有自动填，请手工填写。"); return; }

  // The dates are checked as the timeline checks them; a wrong date fills nothing.
  var dates = {}, problem = T.dayMessage(cal.dayProblem(from), cal);
  if (problem) { say("链接里的起点日期有问题：" + problem + "日期没有自动填。"); return; }
  dates.start = from;
  timeline.steps.forEach(function (s) {
    var value = s.id && params.get("at-" + s.id);
    if (value && !T.dayMessage(cal.dayProblem(value), cal) && value >= from) { dates[s.id] = value; }
  });

  var byStep = {};
  window.TimelineCore.compute(timeline, dates, window.DEADLINE_RULES || {}, cal).forEach(function (e) {
    if (e.step.id) { byStep[e.step.id] = e; }
  });
  function dateFor(source) {
    if (source === "start") { return {iso: dates.start}; }
    var how = source.split(":")[0], entry = byStep[source.split(":")[1]];
    if (!entry) { return null; }
    if (how === "done") { return entry.done ? {iso: entry.done} : null; }
    var count = how === "due" ? entry.due : entry.extended;
    return count ? {iso: count.deadline, years: count.unknown_years} : null;
  }

  var filled = [], missing = [], years = [];
  Array.prototype.forEach.call(document.querySelectorAll("[data-timeline]"), function (input) {
    var name = document.querySelector("label[for='" + input.id + "']").firstChild.textContent.trim();
    var found = dateFor(input.getAttribute("data-timeline"));
    if (found) {
      input.value = found.iso;
      filled.push(name + T.cnDate(found.iso));
      (found.years || []).forEach(function (y) { if (years.indexOf(y) < 0) { years.push(y); } });
    } else { missing.push(name); }
  });
  var text = "已按“" + timeline.title + "”本案时间线填上：" + (filled.join("，") || "无") + "。";
  if (missing.length) { text += missing.join("、") + "在时间线上还没有日期，请手工填写。"; }
  if (years.length) { text += "有的日期不是最终结果：" + T.unverifiedLines(years.sort(), cal).join(""); }
  say(text + "请核对后再打印。");
})();
