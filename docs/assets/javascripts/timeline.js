/* 本案时间线 on staff procedure and local-practice pages: from the dates entered (or in the
 * URL: ?from=…&at-<step>=…), each step's due date, with the same DeadlineEngine as the
 * calculator (proven equal to the Python engine).  Mirrors checkers/engines/timeline.py: a step
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

  // The dates entered, checked as the command line checks them (checkers/cli/timeline.py): each a
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

  function compute(dates) { return window.TimelineCore.compute(timeline, dates, rules, cal); }

  // The optional 案号: shown on the answer (and its print), and what keeps calendar events stable.
  // It never goes into an address: a reload or a link would send it to the server (the dates do, as
  // the page's answer must work without JavaScript; a case number identifies a person's matter).
  function caseNumber() { return document.getElementById("tl-case").value.trim().slice(0, 60); }
  // The petitioner's name: on the answer and its print only.  Not in the address (as above) and
  // not in the calendar file, which a phone may sync to a cloud account.
  function person() { return document.getElementById("tl-person").value.trim().slice(0, 60); }

  function render(dates) {
    out.textContent = "";
    var box = el("div", "", "tl-answer");
    if (caseNumber()) { box.appendChild(el("p", "案号：" + caseNumber(), "tl-case")); }
    if (person()) { box.appendChild(el("p", "信访人：" + person(), "tl-case")); }
    box.appendChild(el("h3", "从" + cnDay(dates.start) + "（" + timeline.start + "）起"));
    if (timeline.kind === "practice") { box.appendChild(el("p", "这些是地方做法自己定的时限，不是法定期限。", "tl-local")); }
    var ol = el("ol", "", "tl-steps");
    compute(dates).forEach(function (e) {
      var li = el("li"), s = e.step;
      li.appendChild(el("strong", s.title));
      li.appendChild(document.createTextNode("（" + s.actor + "）："));
      var text;
      if (e.notNeeded) {
        text = "不需要了：“" + titles[e.notNeeded] + "”已经完成。";
        li.className = "not-needed";
      } else if (!s.counts_from) {
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
        if (!c.verified) { text += "（" + T.unverifiedLines(c.unknown_years, cal).join("") + "）"; }
        if (!e.done) {
          // Against today's date on this device: passed, today, or how many days are left.
          var left = window.TimelineCore.daysFromToday(c.deadline);
          li.appendChild(document.createTextNode(text));
          li.appendChild(el("span", left > 0 ? "还有" + left + "天" : left === 0 ? "就是今天" : "已经过了" + (-left) + "天",
                            "badge tl-status " + (left > 0 ? "tl-ahead" : left === 0 ? "tl-today" : "tl-passed")));
          text = "";
        }
        if (e.done) {
          text += "已于" + cnDay(e.done) + "完成";
          if (e.late) {
            text += e.extended && e.done <= e.extended.deadline ? "，超过了期限；依法延期了的，仍在延长后的期限内。" : "，超过了期限。";
            li.className = "late";
          } else { text += "。"; }
        }
      }
      if (text) { li.appendChild(document.createTextNode(text)); }
      if (s.form_page && !e.pending) {
        // The notice this step issues, filled in with this case's dates.
        var a = el("a", "填写" + s.form_title + "（用本案的日期）");
        a.href = s.form_page + "?" + caseQuery(dates);
        var p = el("p", "", "tl-form-link");
        p.appendChild(a);
        li.appendChild(p);
      }
      ol.appendChild(li);
    });
    box.appendChild(ol);
    var actions = el("p", "", "tl-actions");
    var print = el("button", "打印时间线（一页）", "md-button");
    print.type = "button";
    print.addEventListener("click", function () {
      document.documentElement.classList.add("print-timeline");  // print.css prints the timeline alone
      window.print();
    });
    var ics = el("button", "下载到日历（.ics）", "md-button");
    ics.type = "button";
    ics.addEventListener("click", function () { download(dates); });
    actions.appendChild(print);
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(ics);
    box.appendChild(actions);
    out.appendChild(box);
  }
  window.addEventListener("afterprint", function () { document.documentElement.classList.remove("print-timeline"); });

  function caseQuery(dates) {
    var params = new URLSearchParams();
    params.set("procedure", timeline.id);
    Object.keys(dates).forEach(function (key) { params.set(key === "start" ? "from" : "at-" + key, dates[key]); });
    return params.toString();
  }

  // The due dates as an iCalendar file (RFC 5545) that WPS, Outlook and phone calendars import:
  // one all-day event per deadline still open (and one for the latest day if extended by law),
  // with its rule and article in the description.  A step done since is sent as cancelled.
  // Each event's UID names the case (its 案号, or else its start date), the procedure and the
  // step, never the date: importing a corrected timeline updates the events instead of adding
  // new ones beside the stale ones; SEQUENCE grows with each download so the newer one wins.
  // Made here and saved by the browser: nothing is sent anywhere.
  function icsText(value) { return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n"); }
  function fold(line) {
    // Lines longer than 75 octets continue on the next line after a space; never split a character.
    var out = [], current = "", size = 0;
    Array.from(line).forEach(function (ch) {
      var n = unescape(encodeURIComponent(ch)).length;
      if (size + n > 75) { out.push(current); current = " "; size = 1; }
      current += ch;
      size += n;
    });
    out.push(current);
    return out.join("\r\n");
  }
  function compact(iso) { return iso.replace(/-/g, ""); }
  function nextDay(iso) { return E.format(new Date(E.parse(iso).getTime() + 86400000)); }
  function download(dates) {
    var now = new Date(), stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var sequence = String(Math.floor(now.getTime() / 60000));  // minutes: later downloads carry higher numbers
    var which = caseNumber() ? "case:" + caseNumber() : "from:" + dates.start;
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//xinfang-roadmap//timeline//ZH", "CALSCALE:GREGORIAN",
                 "METHOD:PUBLISH"];
    function event(uid, day, summary, description, cancelled) {
      lines.push("BEGIN:VEVENT", fold("UID:" + icsText(timeline.id + "/" + uid + "/" + which) + "@xinfang-roadmap"),
                 "DTSTAMP:" + stamp, "SEQUENCE:" + sequence, "DTSTART;VALUE=DATE:" + compact(day),
                 "DTEND;VALUE=DATE:" + compact(nextDay(day)), fold("SUMMARY:" + icsText(summary)),
                 fold("DESCRIPTION:" + icsText(description)));
      if (cancelled) { lines.push("STATUS:CANCELLED"); }
      lines.push("END:VEVENT");
    }
    compute(dates).forEach(function (e) {
      if (!e.due) { return; }
      var s = e.step, rule = s.deadline ? rules[s.deadline] : null, why, id = s.id || "step-" + timeline.steps.indexOf(s);
      var title = "（" + timeline.title + (caseNumber() ? "，" + caseNumber() : "") + "）";
      if (e.done || e.notNeeded) {
        // Sent as cancelled, so an event imported earlier for this step goes away.
        var head = e.done ? "已完成：" : "不需要了：", why0 = e.done ? "已于" + T.cnDate(e.done) + "完成。" : "“" + titles[e.notNeeded] + "”已经完成。";
        event(id, e.due.deadline, head + s.title + title, why0, true);
        if (e.extended) { event(id + "/extended", e.extended.deadline, head + s.title + title, why0, true); }
        return;
      }
      if (rule) {
        var version = E.versionFor(rule, e.base);
        why = rule.title + "：" + periodText(e.due.period) + "，从“" + titles[s.counts_from] + "”起算。依据：" +
          version.citations.map(function (c) { return c.label; }).join("、") + "。";
      } else {
        why = "地方做法自己定的时限：" + periodText(e.due.period) + "，不是法定期限。";
      }
      function unsure(c) { return c.verified ? "" : T.unverifiedLines(c.unknown_years, cal).join(""); }
      event(id, e.due.deadline, "截止：" + s.title + title, why + unsure(e.due));
      if (e.extended) {
        event(id + "/extended", e.extended.deadline, "延长后的最晚一天：" + s.title + title,
              "依法延长的，合计" + periodText(e.extended.period) + "，最晚到这一天。" + why + unsure(e.extended));
      }
    });
    lines.push("END:VCALENDAR");
    var blob = new Blob([lines.join("\r\n") + "\r\n"], {type: "text/calendar;charset=utf-8"});
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = timeline.title + "-时间线.ics";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
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
