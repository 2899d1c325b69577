/* 找谁 by place on the national site: for ?place=<six-digit code> in the address, each 找谁 case
 * shows its concrete organs ("蕉城区人民政府", "一般是宁德市中级人民法院") and the site's links keep
 * ?place=, so the next answer page shows them too.  The lines are Python's (checkers/site/place.py,
 * one data/place/<first four digits>.js per prefecture): this script only shows them, and holds no
 * rule and no wording of its own.  The place stays in the address: nothing is stored.
 * Without JavaScript the place pages (place/) show the same organs with plain links. */
(function () {
  "use strict";
  var code = (new URLSearchParams(location.search).get("place") || "");
  if (!/^\d{6}$/.test(code)) { return; }
  var key = code.slice(0, 4);

  function keepPlace() {
    Array.prototype.forEach.call(document.querySelectorAll("a[href]"), function (a) {
      var href = a.getAttribute("href");
      if (!href || href.charAt(0) === "#" || a.hasAttribute("data-place-off")) { return; }
      var url = new URL(href, location.href);
      // The site's own pages only: another host, a data file or a download keeps its address.
      if (url.origin !== location.origin || url.protocol !== location.protocol || /\/(data|assets)\//.test(url.pathname)) { return; }
      url.searchParams.set("place", code);
      a.setAttribute("href", url.href);
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  function link(href, text, off) {
    var a = el("a", "", text);
    a.href = href;
    if (off) { a.setAttribute("data-place-off", ""); }
    return a;
  }

  function show(box, data) {
    var place = data.places[code], text = data.text;
    var head = el("p", "who-place");
    box.querySelector("summary").insertAdjacentElement("afterend", head);
    var without = new URL(location.href);
    without.searchParams.delete("place");
    if (!place) {
      head.appendChild(document.createTextNode(text.unknown + " "));
      head.appendChild(link(box.getAttribute("data-place-index"), text.change));
      return;
    }
    head.appendChild(el("strong", "", place.name));
    head.appendChild(document.createTextNode("：" + text.which + " "));
    head.appendChild(link(box.getAttribute("data-place-index"), text.change));
    head.appendChild(document.createTextNode(" · "));
    head.appendChild(link(without.href, text.none, true));
    Array.prototype.forEach.call(box.querySelectorAll(":scope > ul > li[id^='who-']"), function (li) {
      var lines = place.cases[li.id.slice(4)];
      if (!lines) { return; }
      var list = el("ul", "who-here");
      lines.forEach(function (n) { list.appendChild(el("li", "", data.lines[n])); });
      li.appendChild(list);
    });
    var note = box.querySelector(".who-by-place");
    if (note) { note.textContent = text.usual; note.classList.remove("who-by-place"); }
    box.open = true;
  }

  function fill() {
    var boxes = document.querySelectorAll("details.who-cases[data-place-data]");
    if (!boxes.length) { return; }
    var registry = window.PLACE_ORGANS = window.PLACE_ORGANS || {};
    var s = document.createElement("script");
    s.src = boxes[0].getAttribute("data-place-data") + key + ".js";
    s.onload = function () {
      if (!registry[key]) { return; }
      Array.prototype.forEach.call(boxes, function (box) { show(box, registry[key]); });
      keepPlace();  // the links just added too (all but 不按地方看)
    };
    // No such file (a code no division starts with): the page stays as it reads without a place.
    document.head.appendChild(s);
  }

  function run() { keepPlace(); fill(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", run); } else { run(); }
}());
