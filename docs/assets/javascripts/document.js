/* A document filled in on the page and printed as one clean sheet: a citizen's own paper
 * (复查请求书, 起诉状 …) in large plain type, or a staff notice (受理告知书 …) in the national layout
 * for official documents.  Nothing typed leaves the browser: there is no form to submit and no
 * request is made.  Nothing is stored either, unless the user presses 在本机保存; then it goes to
 * this browser's localStorage only, until 清除 removes it. */
(function () {
  "use strict";
  var holder = document.querySelector(".doc-form"), sheet = document.querySelector(".doc-sheet");
  if (!holder || !sheet) { return; }
  var key = "xf-doc-" + holder.getAttribute("data-doc"), status = holder.querySelector(".doc-status");
  var fields = Array.prototype.slice.call(holder.querySelectorAll("[data-field]"));

  // The name an item has on paper: a citizen's document says 申请人、被申请人 there (data-label),
  // where the form on screen speaks to the citizen as 你; otherwise the on-screen label.
  function label(input) {
    return input.getAttribute("data-label") || holder.querySelector("label[for='" + input.id + "']").firstChild.textContent.trim();
  }
  function values() {
    var out = {};
    fields.forEach(function (f) { if (f.value) { out[f.getAttribute("data-field")] = f.value; } });
    return out;
  }
  function cnDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? +m[1] + "年" + +m[2] + "月" + +m[3] + "日" : iso;
  }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }  // text only: what was typed never becomes markup
    if (cls) { node.className = cls; }
    return node;
  }

  // The printed sheet, read as a legal paper: the title; flush left, the body it goes to
  // ("××人民政府：", role "to"); then every item in the order the law lists them; last, on the
  // right, the signer's name with room to sign by hand (role "signature": a typed name prints
  // beside the space, never instead of it) and the date under it (role "date").  An empty item
  // prints as a line to write on by hand; an empty date as 年　月　日 to fill in.
  // Both papers (a citizen's and a staff notice) place some items by their role: data-role.
  function byRole() {
    var out = {};
    fields.forEach(function (f) { var role = f.getAttribute("data-role"); if (role) { out[role] = f; } });
    return out;
  }
  // The body a paper goes to, flush left ("××人民政府："), or a blank line to write it in by hand.
  function addressee(field, cls) {
    var to = el("p", "", cls), name = field.value.trim();
    to.appendChild(name ? el("span", name) : el("span", "", "doc-sheet-blank"));
    to.appendChild(document.createTextNode("："));
    return to;
  }

  function draw() {
    sheet.textContent = "";
    var roles = byRole();
    sheet.appendChild(el("h2", holder.getAttribute("data-title"), "doc-sheet-title"));
    if (roles.to) { sheet.appendChild(addressee(roles.to, "doc-sheet-to")); }
    fields.forEach(function (f) {
      if (f.getAttribute("data-role")) { return; }
      var type = f.getAttribute("data-type"), value = f.value.trim(), name = label(f);
      if (type === "textarea" || type === "evidence") {
        var block = el("div", "", "doc-sheet-block");
        block.appendChild(el("p", name + "：", "doc-sheet-label"));
        if (!value) { block.appendChild(el("p", "", "doc-sheet-blank tall")); }
        else if (type === "evidence") {
          var ol = el("ol");
          value.split("\n").filter(function (line) { return line.trim(); }).forEach(function (line) { ol.appendChild(el("li", line.trim())); });
          block.appendChild(ol);
        } else {
          value.split("\n").filter(function (line) { return line.trim(); }).forEach(function (line) { block.appendChild(el("p", line.trim())); });
        }
        sheet.appendChild(block);
      } else {
        var p = el("p", "", "doc-sheet-line");
        p.appendChild(el("span", name + "：", "doc-sheet-label"));
        p.appendChild(value ? el("span", type === "date" ? cnDate(value) : value) : el("span", "", "doc-sheet-blank"));
        sheet.appendChild(p);
      }
    });
    if (roles.signature || roles.date) {
      var sign = el("div", "", "doc-sheet-sign");
      if (roles.signature) {
        var line = el("p", "", "doc-sheet-signline"), typed = roles.signature.value.trim();
        line.appendChild(el("span", label(roles.signature) + "：", "doc-sheet-label"));
        line.appendChild(el("span", "", "doc-sheet-signspace"));
        if (typed) { line.appendChild(el("span", "（" + typed + "）", "doc-sheet-signname")); }
        sign.appendChild(line);
      }
      if (roles.date) {
        var day = roles.date.value.trim();
        sign.appendChild(el("p", day ? cnDate(day) : "　　　　年　　月　　日", "doc-sheet-date"));
      }
      sheet.appendChild(sign);
    }
  }

  // A staff notice in the layout of GB/T 9704—2012 (print.css sets the page, 版心 and type):
  // 发文字号 centred above the 2号 title, 主送 flush left, each item a paragraph indented two
  // characters, 署名 (under the seal) centred over the 成文日期, which stands four characters from
  // the right.  An empty item keeps a line to write on by hand.
  function drawOfficial() {
    sheet.textContent = "";
    var roles = byRole(), body = fields.filter(function (f) { return !f.getAttribute("data-role"); });
    function text(f) {
      var value = f.value.trim();
      return f.getAttribute("data-type") === "date" && value ? cnDate(value) : value;
    }
    var blank = function () { return el("span", "", "doc-sheet-blank"); };
    if (roles.number) {
      var number = el("p", text(roles.number), "gw-number");
      if (!text(roles.number)) { number.appendChild(blank()); }
      sheet.appendChild(number);
    }
    sheet.appendChild(el("h2", holder.getAttribute("data-title"), "gw-title"));
    if (roles.to) { sheet.appendChild(addressee(roles.to, "gw-to")); }
    body.forEach(function (f) {
      var lines = text(f).split("\n").filter(function (line) { return line.trim(); });
      var p = el("p", label(f) + "：", "gw-body");
      if (!lines.length) { p.appendChild(blank()); }
      lines.forEach(function (line, i) {
        if (i) { sheet.appendChild(p); p = el("p", "", "gw-body"); }
        p.appendChild(document.createTextNode(line.trim()));
      });
      sheet.appendChild(p);
    });
    var sign = el("div", "", "gw-sign"), inner = el("div");
    inner.appendChild(el("p", roles.seal && text(roles.seal) ? text(roles.seal) : "（印章）", "gw-seal"));
    inner.appendChild(el("p", (roles.date && text(roles.date)) || "　　年　　月　　日", "gw-date"));
    sign.appendChild(inner);
    sheet.appendChild(sign);
  }
  var official = holder.getAttribute("data-layout") === "gw";
  function drawSheet() { if (official) { drawOfficial(); } else { draw(); } }

  function say(text) { status.textContent = text; }
  holder.addEventListener("click", function (event) {
    var act = event.target.getAttribute && event.target.getAttribute("data-act");
    if (act === "print") { drawSheet(); window.print(); }
    if (act === "blank") { blankPrint = true; sheet.textContent = ""; window.print(); blankPrint = false; }
    if (act === "save") {
      try { localStorage.setItem(key, JSON.stringify(values())); say("已经保存在这台设备的浏览器里。别人用这台设备也能看到；用完请按“清除”。"); }
      catch (e) { say("这个浏览器不让保存。内容还在页面上，可以直接打印。"); }
    }
    if (act === "clear") {
      fields.forEach(function (f) { f.value = ""; });
      try { localStorage.removeItem(key); } catch (e) { /* nothing was stored */ }
      sheet.textContent = "";
      say("已经清除：页面上和这台设备里都没有了。");
    }
  });
  // The browser's own print command prints the sheet too; a staff notice nobody has filled in
  // prints its blank sheet.
  var blankPrint = false;  // 打印空白样式: with the sheet empty, print.css prints the blank form
  window.addEventListener("beforeprint", function () {
    if (!blankPrint && (!official || Object.keys(values()).length)) { drawSheet(); }
  });

  try {
    var saved = JSON.parse(localStorage.getItem(key) || "null");
    if (saved) {
      // A date already filled from the case's timeline (form-case.js) wins over an older save.
      fields.forEach(function (f) { if (saved[f.getAttribute("data-field")] && !f.value) { f.value = saved[f.getAttribute("data-field")]; } });
      say("已经填上上次在这台设备保存的内容。不要了，请按“清除”。");
    }
  } catch (e) { /* storage blocked or unreadable: start empty */ }
})();
