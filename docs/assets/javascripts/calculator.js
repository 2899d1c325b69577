/* The 期限计算器 page: reads the form (or the URL), asks DeadlineEngine, shows the answer.
 * Everything happens in this browser tab; nothing is sent anywhere.  The answer
 * lives in the page URL (?rule=…&from=…) so it can be bookmarked or printed.
 * A rule's data (data/rules/<id>.js) is loaded when it is chosen, so the page stays
 * small however many rules the site has; a <script> tag, so file:// works too. */
(function () {
  "use strict";
  var calendar = window.DEADLINE_CALENDAR, E = window.DeadlineEngine;
  var form = document.getElementById("dl-form");
  if (!calendar || !E || !form) { return; }
  var cal = new E.Calendar(calendar);
  var rules = window.DEADLINE_RULES = window.DEADLINE_RULES || {};
  var select = document.getElementById("dl-rule"), input = document.getElementById("dl-from");
  var trigger = document.getElementById("dl-trigger"), out = document.getElementById("dl-result");
  var T = window.DeadlineText, cnDate = T.cnDate, cnDay = T.cnDay, periodText = T.periodText, el = T.el;

  function stepText(c, s) {
    var p = periodText(c.period);
    switch (s.kind) {
      case "start": return "开始的当日（" + cnDate(c.start) + "）不计入，从" + cnDay(s.day) + "开始计算。";
      case "end": return c.period.unit === "日" ? "第" + c.period.value + "日为" + cnDay(s.day) + "。" : p + "后的对应日为" + cnDay(s.day) + "。";
      case "month-end": return p + "后的月份没有对应日，以月末日" + cnDay(s.day) + "为最后一天。";
      case "adjusted-workday": return cnDay(s.day) + "是国家安排调休上班的日子，是工作日，不顺延。";
      case "not-workday": return cnDay(s.day) + "是" + (s.detail === "weekend" ? "周末" : "法定节假日（" + s.detail + "）") + "，不是工作日。";
      case "moved": return "顺延至下一个工作日：" + cnDay(s.day) + "。";
      case "no-rollover": return cnDay(s.day) + "是" + (s.detail === "weekend" ? "周末" : "法定节假日（" + s.detail + "）") + "，但不顺延：到这一天为止。";
      case "workdays": return "只数工作日：跳过" + s.detail + "个周末和节假日，第" + c.period.value + "个工作日是" + cnDay(s.day) + "。调休上班的周六、周日算作工作日。";
    }
    return "";
  }
  function daysLeft(iso) {
    var now = new Date(), today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    var left = Math.round((E.parse(iso).getTime() - today) / 86400000);
    return left > 0 ? "还有 " + left + " 天" : left === 0 ? "就是今天" : "已经过了 " + (-left) + " 天";
  }
  function offered(id) {
    // Only ids in the menu are loaded: the URL's ?rule= never becomes an arbitrary script path.
    return !!id && Array.prototype.some.call(select.options, function (o) { return o.value === id; });
  }
  var waiting = {};  // id -> callbacks, so a rule asked for twice while loading is fetched once
  function load(id, then) {
    if (rules[id]) { then(rules[id]); return; }
    if (waiting[id]) { waiting[id].push(then); return; }
    waiting[id] = [then];
    var script = document.createElement("script");
    script.src = form.getAttribute("data-rules") + id + ".js";
    script.onload = script.onerror = function () {
      var callbacks = waiting[id];
      delete waiting[id];
      if (!rules[id]) { out.textContent = "这条规则的数据没有载入，请检查网络后刷新页面。"; return; }
      callbacks.forEach(function (callback) { callback(rules[id]); });
    };
    document.body.appendChild(script);
  }
  // The date box asks for the day in the words on the citizen's own paper (the rule file's
  // date_label, Site.date_label, as on the answer pages); the generic label works without JavaScript.
  var fromLabel = document.querySelector("label[for=dl-from]"), generic = fromLabel.textContent;
  function showTrigger() {
    var id = select.value;
    trigger.textContent = "";
    fromLabel.textContent = generic;
    if (!offered(id)) { return; }
    load(id, function (r) {
      if (r && select.value === id) {
        trigger.textContent = "这个期限从这件事发生的那天起算：" + r.trigger + "。";
        if (r.date_label) { fromLabel.textContent = r.date_label; }
      }
    });
  }
  // The working and the quoted articles: the same for a rule and for a bare period.
  function working(box, c) {
    box.appendChild(el("h3", "怎样算出来的"));
    var ol = el("ol");
    c.steps.forEach(function (s) {
      var lines = s.kind === "unverified" ? T.unverifiedLines(s.detail.split(",").map(Number), cal) : [stepText(c, s)];
      lines.forEach(function (line) { ol.appendChild(el("li", line)); });
    });
    box.appendChild(ol);
  }
  function citations(box, heading, list) {
    box.appendChild(el("h3", heading));
    list.forEach(function (cite) {
      var p = el("p"), a = el("a", cite.label);
      a.href = cite.href;
      p.appendChild(a);
      box.appendChild(p);
      box.appendChild(el("blockquote", cite.text));
    });
  }
  function deadlineLine(label, c) {
    var head = el("p", "", "dl-deadline");
    head.appendChild(el("strong", label + "：" + cnDay(c.deadline)));
    head.appendChild(document.createTextNode("　" + daysLeft(c.deadline)));
    if (!c.verified) { head.appendChild(el("span", T.uncertainty(c, cal), "badge unverified")); }
    return head;
  }
  function render(rule, fromIso) {
    out.textContent = "";
    var answer = E.forRule(rule, fromIso, cal);
    var box = el("div", "", "dl-answer");
    if (!answer) {
      box.appendChild(el("p", "本站没有收录" + cnDate(fromIso) + "时适用的这条规定，无法计算。本站收录的版本适用于：" +
        rule.versions.map(function (v) { return cnDate(v.effective_from) + "至" + (v.effective_until ? cnDate(v.effective_until) : "今"); }).join("；") + "。", "dl-none"));
      out.appendChild(box);
      return;
    }
    var c = answer.main;
    box.appendChild(el("h2", rule.title));
    var after = T.afterText(rule, answer);  // rule.after: the other side's period first
    if (after.context) { box.appendChild(el("p", after.context, "dl-context")); }
    box.appendChild(deadlineLine("截止日期" + (answer.custody ? "（人不在押）" : ""), c));
    box.appendChild(el("p", "期限：" + periodText(c.period) + "。起算事件：" + rule.trigger + "，" + cnDate(fromIso) + "。"));
    if (answer.custody) {
      // Two dates side by side: the law's roll-over, and the cautious reading for a person in custody.
      var pair = el("dl", "", "dl-pair");
      pair.appendChild(el("dt", "人不在押"));
      pair.appendChild(el("dd", cnDay(c.deadline)));
      pair.appendChild(el("dt", "人在押（不因节假日顺延）"));
      pair.appendChild(el("dd", cnDay(answer.custody.deadline)));
      box.appendChild(pair);
      box.appendChild(el("p", answer.version.custody.text, "dl-custody"));
    }
    if (answer.extended_total) {
      var t = answer.extended_total;
      box.appendChild(el("p", "如果依法延长（" + answer.version.extension.condition + "）：合计" + periodText(t.period) +
        "，最晚到" + cnDay(t.deadline) + (t.verified ? "。" : "（" + T.uncertainty(t, cal) + "）。")));
    }
    if (after.extended) { box.appendChild(el("p", after.extended)); }
    working(box, c);
    (answer.version.not_counted || []).forEach(function (t) { box.appendChild(el("p", "不计入期限：" + t)); });
    (answer.version.exceptions || []).forEach(function (t) { box.appendChild(el("p", "例外：" + t)); });
    citations(box, "依据", answer.version.citations);
    var more = el("p"), link = el("a", "这个期限的详细说明");
    link.href = rule.page;
    more.appendChild(link);
    box.appendChild(more);
    out.appendChild(box);
  }
  function run(remember) {
    var id = select.value, from = input.value;
    out.textContent = "";
    if (!T.fieldError(select, offered(id) ? "" : "请先选择情形。")) { select.focus(); return; }
    if (!T.fieldError(input, T.dayMessage(cal.dayProblem(from), cal))) { input.focus(); return; }
    load(id, function (rule) {
      render(rule, from);
      if (remember && window.history && history.replaceState) {
        history.replaceState(null, "", "?rule=" + encodeURIComponent(id) + "&from=" + encodeURIComponent(from));
      }
    });
  }
  // Any period, as the command line's --period: 日, 工作日, 个月 or 年 from a date.  No rule of its
  // own, so the basis is the general counting rule (the same articles the command line cites).
  var pdForm = document.getElementById("pd-form"), pdValue = document.getElementById("pd-value");
  var pdUnit = document.getElementById("pd-unit"), pdFrom = document.getElementById("pd-from");
  var pdOut = document.getElementById("pd-result"), pdBasis = document.getElementById("pd-basis");
  var UNITS = ["日", "工作日", "个月", "年"];
  function periodProblem(value) {
    return /^[0-9]{1,4}$/.test(value || "") && +value > 0 ? "" : "请写一个 1 到 9999 之间的整数（用 0-9 这几个数字）。";
  }
  function renderPeriod(value, unit, fromIso) {
    pdOut.textContent = "";
    var period = {value: +value, unit: unit}, c = E.count(E.parse(fromIso), period, cal);
    var box = el("div", "", "dl-answer");
    box.appendChild(el("h2", "从" + cnDate(fromIso) + "起" + periodText(period)));
    box.appendChild(deadlineLine("截止日期", c));
    working(box, c);
    box.appendChild(el("p", "这里按计算期间的一般规定算。具体事项的法律另有规定的（例如在押人员的期限不顺延、只算工作日），以那条规定为准。"));
    citations(box, "计算方法的依据", JSON.parse(pdBasis.textContent));
    pdOut.appendChild(box);
  }
  function runPeriod(remember, fromAddress) {
    var value = pdValue.value, unit = pdUnit.value, from = fromAddress === undefined ? pdFrom.value : fromAddress;
    pdOut.textContent = "";
    var ok = T.fieldError(pdValue, periodProblem(value));
    ok = T.fieldError(pdFrom, T.dayMessage(cal.dayProblem(from), cal)) && ok;
    if (!ok || UNITS.indexOf(unit) < 0) { return; }
    renderPeriod(value, unit, from);
    if (remember && window.history && history.replaceState) {
      history.replaceState(null, "", "?period=" + encodeURIComponent(value) + "&unit=" + encodeURIComponent(unit) +
        "&from=" + encodeURIComponent(from) + "#any-period");
    }
  }
  if (pdForm) {
    pdForm.addEventListener("submit", function (event) { event.preventDefault(); runPeriod(true); });
  }

  select.addEventListener("change", showTrigger);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(true);
  });
  var params = new URLSearchParams(window.location.search);
  if (offered(params.get("rule"))) { select.value = params.get("rule"); }
  if (E.parse(params.get("from"))) { input.value = params.get("from"); }
  showTrigger();
  if (pdForm && params.get("period") !== null) {
    pdValue.value = params.get("period");
    if (UNITS.indexOf(params.get("unit")) >= 0) { pdUnit.value = params.get("unit"); }
    if (E.parse(params.get("from"))) { pdFrom.value = params.get("from"); }
    runPeriod(false, params.get("from") || "");
  } else if (params.get("from") !== null) {
    // An address with a date the tool cannot use says why next to the field, instead of showing nothing.
    var problem = cal.dayProblem(params.get("from"));
    if (problem) { T.fieldError(input, T.dayMessage(problem, cal)); }
    else if (offered(params.get("rule"))) { run(false); }
  }
})();
