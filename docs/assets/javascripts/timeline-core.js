/* The case timeline's arithmetic for the browser (mirror of checkers/engines/timeline.py): each step's due
 * date from the dates entered, counted by DeadlineEngine.  Shared by the 本案时间线 (timeline.js)
 * and the staff notices filled from the case (form-case.js).  No wording here. */
(function (root) {
  "use strict";
  // timeline: {steps: [{id, counts_from, deadline, period}]}; dates: {start, <step id>: iso}.
  function compute(timeline, dates, rules, cal) {
    var E = root.DeadlineEngine;
    return timeline.steps.map(function (step) {
      var base = step.counts_from ? dates[step.counts_from] : null;
      var entry = {step: step, base: base, done: step.id ? dates[step.id] : null};
      // The branch not taken (step.unless, as checkers/engines/timeline.py): a step made moot by another's completion.
      entry.notNeeded = entry.done ? null : (step.unless || []).filter(function (id) { return dates[id]; })[0] || null;
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
  // Days from today to a date: positive ahead, 0 today, negative past (the visitor's own clock).
  function daysFromToday(iso) {
    var now = new Date(), today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    return Math.round((root.DeadlineEngine.parse(iso).getTime() - today) / 86400000);
  }
  root.TimelineCore = {compute: compute, daysFromToday: daysFromToday};
})(window);
