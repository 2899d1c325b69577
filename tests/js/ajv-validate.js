// Validates every open-data file under DATA_DIR with Ajv, as the 开放数据 page tells a JavaScript
// user to: Ajv's draft 2020-12 build plus ajv-formats.  Prints one line per file ("ok NAME" or
// "bad NAME: ..."), then whether Ajv without ajv-formats refuses the schemas, as the page warns.
// usage: node ajv-validate.js DATA_DIR
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const dir = process.argv[2];
const names = fs.readdirSync(dir).filter((f) => f.endsWith(".schema.json")).map((f) => f.replace(".schema.json", "")).sort();
for (const name of names) {
  const schema = JSON.parse(fs.readFileSync(path.join(dir, name + ".schema.json"), "utf8"));
  const data = JSON.parse(fs.readFileSync(path.join(dir, name + ".json"), "utf8"));
  const ajv = new Ajv2020({allErrors: true});
  addFormats(ajv);
  const validate = ajv.compile(schema);
  console.log(validate(data) ? "ok " + name : "bad " + name + ": " + ajv.errorsText(validate.errors).slice(0, 300));
  // A date that is not a day must be refused: the formats really are checked.
  if (name === "calendar") {
    const wrong = JSON.parse(JSON.stringify(data));
    wrong.holidays[0].date = "2026-02-30";
    console.log(validate(wrong) ? "bad format-not-checked" : "ok format-checked");
  }
}
try {
  new Ajv2020().compile(JSON.parse(fs.readFileSync(path.join(dir, "calendar.schema.json"), "utf8")));
  console.log("without-formats compiled");
} catch (error) {
  console.log("without-formats refused: " + error.message);
}
