// Prints the browser engine's answer for every rule and every start date in a range,
// one line each, for tests/test_deadline_agreement.py to compare with Python.
// usage: node agree.js DATA_DIR ENGINE_JS FIRST_DAY LAST_DAY [PERIOD...]   (rules in id order)
"use strict";
const fs = require("fs");
const [dataDir, engineFile, first, last, ...periods] = process.argv.slice(2);
const data = require("./load-data.js")(dataDir);
const E = require(engineFile);
const cal = new E.Calendar(data.calendar);

function line(c) {
  if (!c) { return "-"; }
  const steps = c.steps.map((s) => [s.kind, s.day, s.detail].join(":")).join("|");
  return [c.deadline, c.extended, c.verified, steps].join(" ");
}
const out = [];
for (let d = E.parse(first); E.format(d) <= last; d = new Date(d.getTime() + 86400000)) {
  const day = E.format(d);
  for (const rule of data.rules) {
    const a = E.forRule(rule, day, cal);
    const row = [rule.id, day, a ? line(a.main) : "no-version", a && a.extended_total ? line(a.extended_total) : "-",
                 a && a.custody ? line(a.custody) : "-"];
    if (a && a.base) { row.push(line(a.base.main), line(a.after_extended)); }
    out.push(row.join("\t"));
  }
  for (const p of periods) {
    const m = /^(\d+)(.+)$/.exec(p);
    out.push(["period:" + p, day, line(E.count(d, {value: +m[1], unit: m[2]}, cal)), "-", "-"].join("\t"));
  }
}
fs.writeSync(1, out.join("\n") + "\n");
