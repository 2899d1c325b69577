// 搜索页: asks the Pagefind index (built by checkers/search_index.py) and lists the pages found.
// Results are drawn here rather than by Pagefind's ready-made UI: the index holds Chinese as
// character pairs, so titles and excerpts must be put back together before a citizen sees them,
// and the ready-made UI would add ~30 KB to a phone's first search.
// The query lives in the address after "#", which browsers never send to a server: what a
// citizen searches for stays on the phone, yet the result page can be bookmarked and shared.
(function () {
  "use strict";
  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
  var RUN = new RegExp("[" + HAN + "]+", "g");
  var PAIR_JOIN = new RegExp("([" + HAN + "]) \\1(?=[" + HAN + "])", "g");
  var CJK = "[" + HAN + "\\u3000-\\u303f\\uff00-\\uffef]";
  var CJK_SPACE = new RegExp("(" + CJK + ")\\s+|\\s+(?=" + CJK + ")", "g");
  var SHOWN = 10;  // results per screen; each one costs a fragment download

  // Mirrors of checkers/search_index.py pairs() and unpair(); tests/test_search.py proves they agree.
  function pairs(text) {
    return text.replace(RUN, function (run) {
      var out = [];
      for (var i = 0; i < Math.max(1, run.length - 1); i++) { out.push(run.slice(i, i + 2)); }
      return " " + out.join(" ") + " ";
    });
  }
  function unpair(text) {
    return text.replace(PAIR_JOIN, "$1").replace(CJK_SPACE, function (m, c) { return c || ""; }).trim();
  }
  // What to ask the index for: pairs that cover the query without overlapping (行政复议 → 行政 复议,
  // 节假日 → 节假 假日).  Each pair lives in its own index chunk that the phone must download,
  // and a page holding the query holds these pairs too; rank() below then prefers the pages
  // that hold the query as written.
  function queryPairs(text) {
    return text.replace(RUN, function (run) {
      var out = [];
      for (var i = 0; i + 1 < run.length; i += 2) { out.push(run.slice(i, i + 2)); }
      if (run.length === 1 || run.length % 2) { out.push(run.slice(-2)); }
      return " " + out.join(" ") + " ";
    });
  }
  window.xfSearchText = Object.freeze({ pairs: pairs, unpair: unpair, queryPairs: queryPairs });

  var form = document.getElementById("xf-search-form");
  var box = document.getElementById("xf-q");
  var status = document.getElementById("xf-search-status");
  var list = document.getElementById("xf-search-results");
  var more = document.getElementById("xf-search-more");
  if (!form || !box || !status || !list || !more) { return; }
  var bundle = new URL("../pagefind/", document.baseURI);
  var siteRoot = new URL("../", bundle);
  var pagefind = null, found = [], shown = 0, terms = [], whole = "", asked = 0;

  function load() {
    pagefind = pagefind || import(new URL("pagefind.js", bundle).href);
    return pagefind;
  }

  function queryFromAddress() {
    var m = /(?:^|&)q=([^&]*)/.exec(location.hash.replace(/^#/, ""));
    try { return m ? decodeURIComponent(m[1].replace(/\+/g, " ")).trim() : ""; } catch (e) { return ""; }
  }

  // A window of the page's own text around the first term found, with every term marked.
  function excerpt(text, words) {
    var at = -1;
    words.forEach(function (w) { var i = text.indexOf(w); if (i >= 0 && (at < 0 || i < at)) { at = i; } });
    var start = Math.max(0, at - 30), piece = text.slice(start, start + 90);
    var p = document.createElement("p");
    if (start > 0) { p.appendChild(document.createTextNode("…")); }
    var pattern = new RegExp("(" + words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")");
    piece.split(pattern).forEach(function (part, i) {
      if (i % 2) { var m = document.createElement("mark"); m.textContent = part; p.appendChild(m); }
      else if (part) { p.appendChild(document.createTextNode(part)); }
    });
    if (start + 90 < text.length) { p.appendChild(document.createTextNode("…")); }
    return p;
  }

  function item(data) {
    var li = document.createElement("li"), a = document.createElement("a");
    a.href = new URL(data.url.replace(/^\//, ""), siteRoot).href;
    a.textContent = data.title;
    li.appendChild(a);
    li.appendChild(excerpt(data.text, terms));
    return li;
  }

  // Pagefind scores each pair on its own, so it cannot tell 信访处理意见书 written out from its
  // pairs scattered over a page.  Among the results on screen: pages whose title holds the query
  // come first, then pages that hold it as written (for a longer query, more often first), then
  // the rest, each group in Pagefind's order.
  function rank(d) {
    var n = d.text.split(whole).length - 1;
    if (!n) { return d.score; }
    var often = pairs(whole).trim().indexOf(" ") >= 0 ? 1 + Math.log(1 + n) : 1;
    return d.score * often + (d.title.indexOf(whole) >= 0 ? 2000 : 1000);
  }

  function showNext() {
    var batch = found.slice(shown, shown + SHOWN), query = asked;
    shown += batch.length;
    return Promise.all(batch.map(function (r) {
      return r.data().then(function (d) { d.score = r.score; return d; });
    })).then(function (pages) {
      if (query !== asked) { return; }  // a newer query was typed meanwhile
      pages.forEach(function (d) {
        d.text = unpair(d.content || "");
        d.title = unpair(d.meta.title || d.url);
        d.rank = rank(d);
      });
      pages.sort(function (a, b) { return b.rank - a.rank; });
      pages.forEach(function (d) { list.appendChild(item(d)); });
      more.hidden = shown >= found.length;
    });
  }

  function run() {
    var q = queryFromAddress();
    box.value = q;
    list.textContent = "";
    list.removeAttribute("data-ms");
    list.removeAttribute("data-query");
    more.hidden = true;
    if (!q) { asked++; status.textContent = "输入要找的词，例如“复议”“不再受理”“节假日”。"; return; }
    var started = performance.now(), query = ++asked;
    status.textContent = "正在查找……";
    terms = q.split(/\s+/).filter(Boolean);
    whole = unpair(pairs(q));
    load().then(function (pf) { return pf.search(queryPairs(q)); }).then(function (search) {
      if (query !== asked) { return; }
      found = search.results;
      shown = 0;
      return showNext();
    }).then(function () {
      if (query !== asked) { return; }
      status.textContent = found.length
        ? "找到 " + found.length + " 个相关页面。"
        : "没有找到含有“" + q + "”的页面。可以换一个说法，或者少写几个字再试。";
      // For tests and the benchmark: which query this list answers, and how long it took.
      list.setAttribute("data-ms", String(Math.round(performance.now() - started)));
      list.setAttribute("data-query", q);
    }).catch(function () {
      status.textContent = location.protocol === "file:"
        ? "直接打开文件时不能搜索。请通过网址打开本站，例如运行 make serve 后打开 http://127.0.0.1:8000/。"
        : "搜索没能运行。请刷新页面再试；也可以从上方的栏目逐页查找。";
    });
  }

  // Start fetching the search program while the citizen is still typing, not on page load:
  // opening the page costs nothing extra, and the answer comes sooner after Enter.
  box.addEventListener("input", function () { load(); }, { once: true });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    location.hash = "q=" + encodeURIComponent(box.value.trim());
  });
  more.addEventListener("click", function () { showNext(); });
  window.addEventListener("hashchange", run);
  run();
}());
