/* The deadline engine in the browser: the same arithmetic as checkers/engines/deadline.py.
 *
 * Written by hand because no JavaScript library counts Chinese legal periods;
 * kept line-for-line parallel to the Python engine, and a test runs both over
 * every start date in the holiday data for every rule and requires identical
 * answers.  Holiday and 调休 data come from the Python side (chinesecalendar),
 * exported at build time: one source for the calendar facts.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) { module.exports = factory(); }
  else { root.DeadlineEngine = factory(); }
})(this, function () {
  "use strict";
  var DAY = 86400000;

  function parse(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) { return null; }
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return iso === format(d) ? d : null;  // rejects 2026-02-30
  }
  function format(d) { return d.toISOString().slice(0, 10); }
  function addDays(d, n) { return new Date(d.getTime() + n * DAY); }
  function isWeekend(d) { var w = d.getUTCDay(); return w === 0 || w === 6; }

  // data.holidays: {name: ["2026-10-01/8", "2026-01-01", ...]}, each run of days written once
  // (checkers/site/browser_data.py); expanded here into one entry per day.
  function Calendar(data) {
    this.first = data.first_year; this.last = data.last_year;
    this.holidays = {};
    for (var name in data.holidays) {
      if (!data.holidays.hasOwnProperty(name)) { continue; }
      for (var j = 0; j < data.holidays[name].length; j++) {
        var run = data.holidays[name][j].split("/"), day = parse(run[0]);
        for (var k = 0; k < (+run[1] || 1); k++) { this.holidays[format(addDays(day, k))] = name; }
      }
    }
    this.workdays = {};
    for (var i = 0; i < data.workdays.length; i++) { this.workdays[data.workdays[i]] = true; }
    this.range = data.range;  // [earliest, latest]: the days the engine counts from (checkers/engines/deadline.py)
    // [first, last] years after the data whose 放假办法 第二条 holidays are in `holidays` but whose
    // 调休 is not published yet (checkers/engines/workcalendar.py).
    this.provisional = data.provisional || [0, -1];
    this.notes = data.notes;  // why a date is not final (deadline-text.js fills in the years)
  }
  Calendar.prototype.isProvisional = function (year) {
    return this.provisional[0] <= year && year <= this.provisional[1];
  };
  // What is wrong with a date typed into a tool, as the command line judges it (deadline_cli.parse_day):
  // "empty", "invalid" (not a real day, or not YYYY-MM-DD with digits 0-9), "range", or null when usable.
  Calendar.prototype.dayProblem = function (iso) {
    if (!iso) { return "empty"; }
    if (!parse(iso)) { return "invalid"; }
    return iso < this.range[0] || iso > this.range[1] ? "range" : null;
  };
  // true/false from the official arrangements; null outside the years of data.
  Calendar.prototype.isWorkday = function (d) {
    var y = d.getUTCFullYear(), key = format(d);
    if (y < this.first || y > this.last) {
      // An art. 2 holiday is never a working day; any other day of such a year is not known yet.
      return this.isProvisional(y) && this.holidays.hasOwnProperty(key) ? false : null;
    }
    if (this.holidays.hasOwnProperty(key)) { return false; }
    if (this.workdays[key]) { return true; }
    return !isWeekend(d);
  };

  function addMonths(d, months) {
    var index = d.getUTCMonth() + months;
    var year = d.getUTCFullYear() + Math.floor(index / 12), month = ((index % 12) + 12) % 12;
    var last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    var day = Math.min(d.getUTCDate(), last);
    return [new Date(Date.UTC(year, month, day)), d.getUTCDate() > last];
  }

  // rollover === false keeps a last day that falls on a rest day where it is (person in custody).
  function count(start, period, cal, rollover) {
    var unknown = {};
    function workday(d) {
      var answer = cal.isWorkday(d);
      if (answer === null) { unknown[d.getUTCFullYear()] = true; return !isWeekend(d); }
      return answer;
    }
    var steps = [{kind: "start", day: format(addDays(start, 1)), detail: ""}];
    var end, moved = false;
    if (period.unit === "工作日") {
      var day = start, counted = 0, skipped = 0;
      while (counted < period.value) {
        day = addDays(day, 1);
        if (workday(day)) { counted += 1; } else { skipped += 1; }
      }
      steps.push({kind: "workdays", day: format(day), detail: String(skipped)});
      end = day;
    } else {
      var clamped = false;
      if (period.unit === "日") { end = addDays(start, period.value); }
      else {
        var r = addMonths(start, period.value * (period.unit === "年" ? 12 : 1));
        end = r[0]; clamped = r[1];
      }
      steps.push({kind: clamped ? "month-end" : "end", day: format(end), detail: ""});
      if (rollover === false) {
        var key0 = format(end);
        if (cal.isWorkday(end) === false) {
          steps.push({kind: "no-rollover", day: key0, detail: cal.holidays.hasOwnProperty(key0) ? cal.holidays[key0] : "weekend"});
        }
        return {start: format(start), period: period, deadline: key0, extended: false, verified: true, unknown_years: [], steps: steps};
      }
      moved = !workday(end);
      if (!moved && isWeekend(end)) { steps.push({kind: "adjusted-workday", day: format(end), detail: ""}); }
      if (moved) {
        var key = format(end);
        steps.push({kind: "not-workday", day: key,
                    detail: cal.holidays.hasOwnProperty(key) ? cal.holidays[key] : "weekend"});
        while (!workday(end)) { end = addDays(end, 1); }
        steps.push({kind: "moved", day: format(end), detail: ""});
      }
    }
    var years = Object.keys(unknown).map(Number).sort(function (a, b) { return a - b; });
    if (years.length) { steps.push({kind: "unverified", day: format(end), detail: years.join(",")}); }
    return {start: format(start), period: period, deadline: format(end), extended: moved,
            verified: years.length === 0, unknown_years: years, steps: steps};
  }

  function versionFor(rule, startIso) {
    for (var i = 0; i < rule.versions.length; i++) {
      var v = rule.versions[i];
      if (v.effective_from <= startIso && (v.effective_until || "9999-12-31") >= startIso) { return v; }
    }
    return null;  // no version in force: an explicit answer, never a default
  }

  function ownForRule(rule, startIso, cal) {
    var version = versionFor(rule, startIso);
    if (!version) { return null; }
    var start = parse(startIso), period = version.period, total = null;
    if (version.extension) {
      total = count(start, {value: period.value + version.extension.period.value, unit: period.unit}, cal);
    }
    return {version: version, main: count(start, period, cal), extended_total: total,
            custody: version.custody ? count(start, period, cal, false) : null, base: null, after_extended: null};
  }
  // A count that started where `before` ended is only as certain as `before` was (deadline._through).
  function through(c, before) {
    var seen = {}, years = [];
    c.unknown_years.concat(before.unknown_years).forEach(function (y) { if (!seen[y]) { seen[y] = true; years.push(y); } });
    years.sort(function (a, b) { return a - b; });
    if (!before.unknown_years.length || years.length === c.unknown_years.length) { return c; }
    var steps = c.steps.filter(function (s) { return s.kind !== "unverified"; });
    steps.push({kind: "unverified", day: c.deadline, detail: years.join(",")});
    return {start: c.start, period: c.period, deadline: c.deadline, extended: c.extended, verified: false,
            unknown_years: years, steps: steps};
  }
  // rule.after: the rule whose end starts this one (its data is nested, checkers/site/browser_data.py);
  // startIso is then that rule's trigger day.  Mirrors checkers/deadline.for_rule.
  function forRule(rule, startIso, cal) {
    if (!rule.after) { return ownForRule(rule, startIso, cal); }
    var base = forRule(rule.after, startIso, cal);
    if (!base) { return null; }
    var own = ownForRule(rule, base.main.deadline, cal);
    if (!own) { return null; }
    own.main = through(own.main, base.main);
    own.base = base;
    if (base.extended_total) {
      own.after_extended = through(count(parse(base.extended_total.deadline), own.version.period, cal), base.extended_total);
    }
    return own;
  }

  return {parse: parse, format: format, Calendar: Calendar, addMonths: addMonths, count: count,
          versionFor: versionFor, forRule: forRule};
});
