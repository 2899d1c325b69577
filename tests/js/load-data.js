// Runs the browser's deadline data scripts (data/calendar.js and every data/rules/*.js, as the
// pages load them) in a sandbox; returns {calendar, rules} with the rules sorted by id.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

module.exports = function loadData(dataDir) {
  const sandbox = {window: {}};
  const rulesDir = path.join(dataDir, "rules");
  const files = [path.join(dataDir, "calendar.js")].concat(
    fs.readdirSync(rulesDir).filter((f) => f.endsWith(".js")).sort().map((f) => path.join(rulesDir, f)));
  for (const file of files) { vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox); }
  const rules = sandbox.window.DEADLINE_RULES;
  return {calendar: sandbox.window.DEADLINE_CALENDAR, rules: Object.keys(rules).sort().map((id) => rules[id])};
};
