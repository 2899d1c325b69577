// 搜索页: looks a query up in the index that checkers/search_index.py writes to search-index/
// (why our own index: see there) and lists the pages found.
// The query lives in the address after "#", which browsers never send to a server: what a
// citizen searches for stays on the phone, yet the result page can be bookmarked and shared.
(function () {
  "use strict";
  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
  var TOKEN = new RegExp("[" + HAN + "]+|[A-Za-z0-9]+", "g");
  var SHOWN = 10;  // results per screen; each one costs one small page file
  var LONGEST = 60;  // characters of a query looked up: enough for a whole question, few files to fetch

  // Mirrors of checkers/search_index.py tokens() and shard(); tests/test_search.py proves they agree.
  function tokens(text) {
    var out = [];
    (text.match(TOKEN) || []).forEach(function (run) {
      if (/^[A-Za-z0-9]/.test(run)) { out.push(run.toLowerCase()); return; }
      var chars = Array.from(run);
      for (var i = 0; i < Math.max(1, chars.length - 1); i++) { out.push(chars.slice(i, i + 2).join("")); }
    });
    return out;
  }
  function shard(token, shards) {
    var h = 0;
    Array.from(token).forEach(function (c) { h = (Math.imul(h, 31) + c.codePointAt(0)) >>> 0; });
    return h % shards;
  }
  // What to look up: pairs that cover the query without overlapping (行政复议 → 行政 复议,
  // 节假日 → 节假 假日).  Each pair is a file to download, and a page holding the query holds
  // these pairs too; rank() below then prefers the pages that hold the query as written.
  function queryTokens(text) {
    var out = [];
    (text.match(TOKEN) || []).forEach(function (run) {
      if (/^[A-Za-z0-9]/.test(run)) { out.push(run.toLowerCase()); return; }
      var chars = Array.from(run);
      for (var i = 0; i + 1 < chars.length; i += 2) { out.push(chars[i] + chars[i + 1]); }
      if (chars.length % 2) { out.push(chars.slice(-2).join("")); }
    });
    return out.filter(function (t, i) { return out.indexOf(t) === i; });
  }
  window.xfSearchText = Object.freeze({ tokens: tokens, shard: shard, queryTokens: queryTokens });

  var form = document.getElementById("xf-search-form");
  var box = document.getElementById("xf-q");
  var status = document.getElementById("xf-search-status");
  var list = document.getElementById("xf-search-results");
  var more = document.getElementById("xf-search-more");
  if (!form || !box || !status || !list || !more) { return; }
  var index = new URL("../search-index/", document.baseURI);
  var siteRoot = new URL("../", index);
  var files = {}, found = [], shown = 0, terms = [], whole = "", longQuery = false, asked = 0;

  // Opened from a folder (make offline), browsers refuse fetch(): the same files were also written
  // as scripts that hand their data to xfSearchFile (checkers/site/offline.py).
  var fromFolder = location.protocol === "file:", waiting = {};
  window.xfSearchFile = function (path, data) { if (waiting[path]) { waiting[path](data); delete waiting[path]; } };
  function load(path) {
    if (!fromFolder) {
      return fetch(new URL(path, index)).then(function (r) {
        if (!r.ok) { throw new Error(path + ": " + r.status); }
        return r.json();
      });
    }
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      waiting[path] = resolve;
      script.src = new URL(path.replace(/\.json$/, ".js"), index).href;
      script.onerror = function () { delete waiting[path]; reject(new Error(path)); };
      document.head.appendChild(script);
    });
  }
  function fetchJSON(path) {
    if (!files[path]) {
      files[path] = load(path);
      files[path].catch(function () { delete files[path]; });  // a failed download is tried again
    }
    return files[path];
  }

  // Pages holding every token, scored by BM25: each posting's term part was computed at build
  // time (with the page's weight); here only the rarity of each token is added.
  function lookUp(query) {
    var wanted = queryTokens(query);
    if (!wanted.length) { return Promise.resolve([]); }
    return fetchJSON("meta.json").then(function (meta) {
      return Promise.all(wanted.map(function (t) {
        return fetchJSON("s/" + shard(t, meta.shards) + ".json").then(function (s) { return s[t] || []; });
      })).then(function (postings) {
        var scores = null;
        postings.sort(function (a, b) { return a.length - b.length; }).forEach(function (p) {
          var df = p.length / 2, idf = Math.log(1 + (meta.pages - df + 0.5) / (df + 0.5)), next = {};
          for (var i = 0; i < p.length; i += 2) {
            if (scores === null || p[i] in scores) { next[p[i]] = (scores ? scores[p[i]] : 0) + idf * p[i + 1]; }
          }
          scores = next;
        });
        return Object.keys(scores || {}).map(function (id) { return { id: id, score: scores[id] }; })
          .sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      });
    });
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

  function item(page) {
    var li = document.createElement("li"), a = document.createElement("a");
    a.href = new URL(page.u, siteRoot).href;
    a.textContent = page.t;
    li.appendChild(a);
    li.appendChild(excerpt(page.x, terms));
    return li;
  }

  // The index scores each pair on its own, so it cannot tell 信访处理意见书 written out from its
  // pairs scattered over a page.  Among the results on screen: pages whose title holds the query
  // come first, then pages that hold it as written (for a longer query, more often first), then
  // the rest, each group in score order.
  function rank(page) {
    var n = page.x.split(whole).length - 1;
    if (!n) { return page.score; }
    var often = longQuery ? 1 + Math.log(1 + n) : 1;
    return page.score * often + (page.t.indexOf(whole) >= 0 ? 2e6 : 1e6);
  }

  function showNext() {
    var batch = found.slice(shown, shown + SHOWN), query = asked;
    shown += batch.length;
    return Promise.all(batch.map(function (r) {
      return fetchJSON("d/" + r.id + ".json").then(function (page) { return Object.assign({ score: r.score }, page); });
    })).then(function (pages) {
      if (query !== asked) { return; }  // a newer query was typed meanwhile
      pages.sort(function (a, b) { return rank(b) - rank(a); });
      pages.forEach(function (page) { list.appendChild(item(page)); });
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
    var started = performance.now(), query = ++asked, cut = "";
    if (Array.from(q).length > LONGEST) {
      q = Array.from(q).slice(0, LONGEST).join("");
      cut = "（输入的字太多，只用了前" + LONGEST + "个字。）";
    }
    status.textContent = "正在查找……";
    terms = q.split(/\s+/).filter(Boolean);
    whole = q;
    longQuery = queryTokens(q).length > 1;
    lookUp(q).then(function (results) {
      if (query !== asked) { return; }
      found = results;
      shown = 0;
      return showNext();
    }).then(function () {
      if (query !== asked) { return; }
      status.textContent = (found.length
        ? "找到 " + found.length + " 个相关页面。"
        : "没有找到含有“" + q + "”的页面。可以换一个说法，或者少写几个字再试。") + cut;
      // For tests and the benchmark: which query this list answers, and how long it took.
      list.setAttribute("data-ms", String(Math.round(performance.now() - started)));
      list.setAttribute("data-query", q);
    }).catch(function () {
      status.textContent = fromFolder
        ? "这份网站文件不能离线搜索。能离线使用的版本用 make offline 生成。"
        : "搜索没能运行。请刷新页面再试；也可以从上方的栏目逐页查找。";
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    location.hash = "q=" + encodeURIComponent(box.value.trim());
  });
  more.addEventListener("click", function () { showNext(); });
  window.addEventListener("hashchange", run);
  run();
}());
