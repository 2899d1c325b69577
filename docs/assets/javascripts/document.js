/* A document a citizen writes (复查请求书, 起诉状 …): the fields are filled on the page and printed as
 * one clean sheet.  Nothing typed leaves the browser: there is no form to submit and no request
 * is made.  Nothing is stored either, unless the citizen presses 在本机保存; then it goes to this
 * browser's localStorage only, until 清除 removes it. */
(function () {
  "use strict";
  var holder = document.querySelector(".doc-form"), sheet = document.querySelector(".doc-sheet");
  if (!holder || !sheet) { return; }
  var key = "xf-doc-" + holder.getAttribute("data-doc"), status = holder.querySelector(".doc-status");
  var fields = Array.prototype.slice.call(holder.querySelectorAll("[data-field]"));

  function label(input) {
    return holder.querySelector("label[for='" + input.id + "']").firstChild.textContent.trim();
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

  // The printed sheet: the title, then every item in the order the law lists them.  An empty item
  // prints as a line to write on by hand.
  function draw() {
    sheet.textContent = "";
    sheet.appendChild(el("h2", holder.getAttribute("data-title"), "doc-sheet-title"));
    fields.forEach(function (f) {
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
  }

  function say(text) { status.textContent = text; }
  holder.addEventListener("click", function (event) {
    var act = event.target.getAttribute && event.target.getAttribute("data-act");
    if (act === "print") { draw(); window.print(); }
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
  window.addEventListener("beforeprint", draw);  // the browser's own print command prints the sheet too

  try {
    var saved = JSON.parse(localStorage.getItem(key) || "null");
    if (saved) {
      fields.forEach(function (f) { if (saved[f.getAttribute("data-field")]) { f.value = saved[f.getAttribute("data-field")]; } });
      say("已经填上上次在这台设备保存的内容。不要了，请按“清除”。");
    }
  } catch (e) { /* storage blocked or unreadable: start empty */ }
})();
