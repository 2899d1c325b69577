// 搜索页: understands how citizens type, and looks the query up in the index that
// checkers/site/search_index.py writes to search-index/ (why our own index: see there).
//
// A query goes through four steps before the lookup, each with data written at build time
// (checkers/site/search_words.py) and fetched only for the query's own characters:
//   1. pinyin (fucha, ldzc) becomes the site's words;   2. traditional characters fold to the
//   site's simplified ones;   3. question words (怎么办, 多久, 我…) are dropped;   4. everyday words
//   (讨薪, 老赖) bring the site's words (拖欠劳动报酬, 申请执行) and the checker's answers with them.
// Pages are ranked by how much of the query they hold (not all of it is required), with pairs
// that stand next to each other on the page counting for more: every overlapping pair of the
// query is looked up, and only a page holding the words as written holds all of them.
// The query lives in the address after "#", which browsers never send to a server.
(function () {
  "use strict";
  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
  var TOKEN = new RegExp("[" + HAN + "]+|[A-Za-z0-9]+", "g");
  var HAN_CHAR = new RegExp("[" + HAN + "]"), HAN_RUN = new RegExp("[" + HAN + "]+", "g");
  var SHOWN = 10;    // results per screen; each one costs one small page file
  var LONGEST = 60;  // characters of a query looked up: enough for a whole question, few files to fetch
  var LEX_SHARDS = 64, FOLD_SHARDS = 8;
  var ANSWER_COVERAGE = 0.9;  // the suggested answer goes first if it covers this share of the best coverage
  var EXPANDED = 0.8;  // a word the lexicon brings in counts a little less than the citizen's own
  // What a question is made of besides its subject.  Multi-character words anywhere; the single
  // characters only at the edge of what is left, so 委员会 or 在押 are never cut.
  var QUESTION_WORDS = ["怎么办", "怎么样", "怎么弄", "怎么", "怎样", "如何", "为什么", "什么", "多久", "多长时间",
    "多少天", "多少年", "多少钱", "多少", "几天", "几年", "哪里", "哪儿", "去哪", "在哪", "哪个", "哪些", "能不能",
    "可不可以", "是不是", "有没有", "可以吗", "可以", "能否", "应该", "需要", "请问", "我们", "我的", "他们", "你们",
    "一下", "还能", "才能", "之内", "以内", "之前"];
  var EDGE_START = "我你他她它", EDGE_END = "吗呢啊吧了的呀哦嘛么有要";

  // Mirrors of checkers/site/search_index.py tokens() and shard(); tests/test_search.py proves they agree.
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
  function unique(list) { return list.filter(function (t, i) { return list.indexOf(t) === i; }); }

  // What is left of a query once its question words are taken out: the runs that say what it is about.
  function segments(text) {
    var marked = text;
    QUESTION_WORDS.forEach(function (w) { marked = marked.split(w).join(" "); });
    return unique((marked.match(TOKEN) || []).map(function (run) { return HAN_CHAR.test(run) ? run : run.toLowerCase(); }));
  }
  // A piece between known words, without the particles at its edges (我…, …了, …吗).
  function trim(piece) {
    var chars = Array.from(piece);
    while (chars.length && EDGE_START.indexOf(chars[0]) >= 0) { chars.shift(); }
    while (chars.length && EDGE_END.indexOf(chars[chars.length - 1]) >= 0) { chars.pop(); }
    return chars.join("");
  }
  // Every overlapping pair of a word (行政复议: 行政 政复 复议): a page holding the word as written
  // holds them all; one with 行政 here and 复议 there holds only two.
  function wordTokens(word) {
    if (!HAN_CHAR.test(word)) { return [word.toLowerCase()]; }
    var chars = Array.from(word);
    if (chars.length === 1) { return chars; }
    var out = [];
    for (var i = 0; i + 1 < chars.length; i++) { out.push(chars[i] + chars[i + 1]); }
    return unique(out);
  }
  window.xfSearchText = Object.freeze({ tokens: tokens, shard: shard, segments: segments, wordTokens: wordTokens });

  var form = document.getElementById("xf-search-form");
  var box = document.getElementById("xf-q");
  var status = document.getElementById("xf-search-status");
  var list = document.getElementById("xf-search-results");
  var more = document.getElementById("xf-search-more");
  var suggest = document.getElementById("xf-search-suggest");
  if (!form || !box || !status || !list || !more) { return; }
  var index = new URL("../search-index/", document.baseURI);
  var wordsRoot = new URL("../search-words/", document.baseURI);
  var siteRoot = new URL("../", index);
  var files = {}, found = [], shown = 0, highlight = [], plan = null, asked = 0;

  // Opened from a folder (make offline), browsers refuse fetch(): the same files were also written
  // as scripts that hand their data to xfSearchFile (checkers/site/offline.py).
  var fromFolder = location.protocol === "file:", waiting = {};
  window.xfSearchFile = function (path, data) { if (waiting[path]) { waiting[path](data); delete waiting[path]; } };
  function load(base, path) {
    var url = new URL(path, base);
    if (!fromFolder) {
      return fetch(url).then(function (r) {
        if (!r.ok) { throw new Error(path + ": " + r.status); }
        return r.json();
      });
    }
    var key = (base === wordsRoot ? "words:" : "") + path;
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      waiting[key] = resolve;
      script.src = url.href.replace(/\.json$/, ".js");
      script.onerror = function () { delete waiting[key]; reject(new Error(path)); };
      document.head.appendChild(script);
    });
  }
  function fetchFrom(base, path, optional) {
    var key = (base === wordsRoot ? "words:" : "") + path;
    if (!files[key]) {
      files[key] = load(base, path).catch(function (e) {
        delete files[key];  // a failed download is tried again
        if (optional) { return {}; }
        throw e;
      });
    }
    return files[key];
  }
  function fetchJSON(path) { return fetchFrom(index, path, false); }
  function words(path) { return fetchFrom(wordsRoot, path, true); }  // missing helper data never stops a search

  // 1. pinyin: a query in Latin letters is looked up as toneless pinyin, whole or by initials.
  function fromPinyin(q) {
    if (HAN_CHAR.test(q) || !/[a-z]/i.test(q) || /^[a-z]*[0-9]+[a-z]*$/i.test(q.replace(/\s/g, ""))) { return Promise.resolve(null); }
    var letters = q.toLowerCase().replace(/[^a-z\s]/g, ""), whole = letters.replace(/\s+/g, "");
    function terms(key) { return key.length < 2 ? Promise.resolve([]) : words("py/" + key.slice(0, 2) + ".json").then(function (t) { return t[key] || []; }); }
    return terms(whole).then(function (found) {
      if (found.length) { return [found]; }
      var parts = letters.split(/\s+/).filter(Boolean);
      if (parts.length < 2) { return null; }
      return Promise.all(parts.map(terms)).then(function (each) {
        each = each.filter(function (t) { return t.length; });
        return each.length ? each : null;
      });
    });
  }
  // 2. traditional and variant characters to the site's own (a few hundred bytes per character).
  function fold(q) {
    var chars = unique(Array.from(q).filter(function (c) { return HAN_CHAR.test(c); }));
    return Promise.all(chars.map(function (c) { return words("fold/" + (c.codePointAt(0) % FOLD_SHARDS) + ".json"); }))
      .then(function (tables) {
        var map = {};
        tables.forEach(function (t) { Object.keys(t).forEach(function (k) { map[k] = t[k]; }); });
        return Array.from(q).map(function (c) { return map[c] || c; }).join("");
      });
  }
  // 4. the lexicon: every everyday word in the query, longest first, with what it brings.
  function lexicon(q) {
    // Every Chinese character, and the first character of each run of letters or digits (12348).
    var chars = unique(Array.from(q).filter(function (c) { return HAN_CHAR.test(c); })
      .concat((q.match(/[A-Za-z0-9]+/g) || []).map(function (run) { return run.charAt(0); })));
    return Promise.all(chars.map(function (c) { return words("lex/" + shard(c, LEX_SHARDS) + ".json"); }))
      .then(function (tables) {
        var table = {};
        tables.forEach(function (t) { Object.keys(t).forEach(function (k) { table[k] = t[k]; }); });
        // A one-character word (赔, 罚) counts only where it stands alone once the question words are
        // gone: inside a longer word it is part of something else (赔 in 赔偿 is already a site word).
        var alone = segments(q).map(trim);
        // A suggesting phrase is also said when every word of it is in the query, in any order
        // (its parts, from the build): 信访处理意见不服 says 信访意见不服.
        function said(w) {
          var parts = table[w].p;
          return parts ? parts.every(function (part) { return q.indexOf(part) >= 0; }) : false;
        }
        var hits = Object.keys(table).filter(function (w) { return w.length > 1 ? q.indexOf(w) >= 0 || said(w) : alone.indexOf(w) >= 0; })
          .sort(function (a, b) { return b.length - a.length; });
        // A word inside a longer hit (讨薪 in 讨薪难) is that hit's, not another.
        hits = hits.filter(function (w, i) { return !hits.slice(0, i).some(function (longer) { return longer.indexOf(w) >= 0; }); });
        return { hits: hits.map(function (w) { return { word: w, entry: table[w] }; }), table: table,
                 words: Object.keys(table).filter(function (w) { return Array.from(w).length > 1; }) };
      });
  }

  // The plan of a query: concepts (what it is about), each with the ways a page may say it.
  function understand(raw) {
    var q = Array.from(raw.trim()).slice(0, LONGEST).join("");
    return fromPinyin(q).then(function (pinyin) {
      // Pinyin becomes the words it stands for (the likeliest of each part), and then goes on as
      // if typed in characters: through the lexicon like any other query.
      var typed = pinyin ? pinyin.map(function (terms) { return terms[0]; }).join(" ") : q;
      return fold(typed).then(function (folded) {
        return lexicon(folded).then(function (lex) {
          var concepts = [];
          function concept(word) {
            var alts = [{ words: [word], tokens: wordTokens(word), weight: 1 }], entry = lex.table[word];
            // An everyday word brings the site's words for it (讨薪: 拖欠劳动报酬), which count as much.
            (entry ? entry.m : []).forEach(function (m) { alts.push({ words: [m], tokens: wordTokens(m), weight: 1 }); });
            concepts.push({ text: word, alts: alts });
          }
          // An everyday word that holds a question word (多久答复, 找哪个部门) is taken whole first, so
          // dropping the question word cannot cut it apart.
          var remaining = folded;
          lex.hits.forEach(function (hit) {
            var e = hit.entry, asks = QUESTION_WORDS.some(function (w) { return hit.word.indexOf(w) >= 0; });
            if (asks && (e.m.length || (e.o || []).length) && remaining.indexOf(hit.word) >= 0) {
              remaining = remaining.split(hit.word).join(" ");
              concept(hit.word);
            }
          });
          // Each run left after the question words is cut at the words the site and the lexicon know,
          // longest first (known word boundaries); what lies between is a concept of its own if it is
          // more than one character, so no pair is ever made across a boundary.
          segments(remaining).forEach(function (seg) {
            if (!HAN_CHAR.test(seg)) { concept(seg); return; }
            var chars = Array.from(seg), rest = "";
            for (var i = 0; i < chars.length;) {
              var word = "";
              lex.words.forEach(function (w) {
                var n = Array.from(w).length;
                if (n > Array.from(word).length && chars.slice(i, i + n).join("") === w) { word = w; }
              });
              if (!word && chars.length === 1 && lex.table[chars[0]]) { word = chars[0]; }  // 赔 standing alone
              if (word) {
                rest = trim(rest);
                if (Array.from(rest).length > 1) { concept(rest); }
                rest = "";
                concept(word);
                i += Array.from(word).length;
              } else {
                rest += chars[i];
                i += 1;
              }
            }
            rest = trim(rest);
            if (Array.from(rest).length > 1 || (rest && !concepts.length)) { concept(rest); }
          });
          if (pinyin) {
            // The other words a short pinyin could be (fc: 复查 or 复核…) are alternatives of its concept.
            pinyin.forEach(function (terms, i) {
              if (concepts[i]) {
                terms.slice(1).forEach(function (t) { concepts[i].alts.push({ words: [t], tokens: wordTokens(t), weight: EXPANDED }); });
              }
            });
          }
          return { concepts: concepts, hits: lex.hits, table: lex.table, folded: folded,
                   staff: lex.hits.some(function (h) { return h.entry.s; }), shownAs: folded !== q ? folded : "" };
        });
      });
    });
  }

  // What the query's everyday words point to, longest word first: answers ("o") or rules ("r").
  function pointedTo(p, key) {
    var out = [];
    p.hits.forEach(function (h) { (h.entry[key] || []).forEach(function (x) { if (out.indexOf(x) < 0) { out.push(x); } }); });
    return out;
  }

  // Pages scored by BM25 (each posting's term part computed at build time, with the page's weight;
  // here the rarity), concept by concept through its best alternative, times how much of the
  // query the page covers.
  function lookUp(p) {
    var all = [];
    p.concepts.forEach(function (c) { c.alts.forEach(function (a) { all = all.concat(a.tokens); }); });
    all = unique(all);
    if (!all.length) { return Promise.resolve([]); }
    var suggested = pointedTo(p, "o");
    return Promise.all([fetchJSON("meta.json"), suggested.length ? words("outcomes.json") : {}]).then(function (both) {
      var meta = both[0], links = both[1];
      // The answers the query's everyday words suggest come first, as in the box above the
      // results: the lexicon says what the words mean, whatever words the answer page uses.
      var answers = {};
      suggested.forEach(function (o, i) {
        var id = links[o] && (meta.answers || {})[links[o][0]];
        if (id !== undefined && !(id in answers)) { answers[id] = suggested.length - i; }
      });
      return Promise.all(all.map(function (t) {
        return fetchJSON("s/" + shard(t, meta.shards) + ".json").then(function (s) { return s[t] || []; });
      })).then(function (postings) {
        var byToken = {}, idf = {};
        all.forEach(function (t, i) {
          var posting = postings[i], df = posting.length / 2, map = {};
          idf[t] = Math.log(1 + (meta.pages - df + 0.5) / (df + 0.5));
          // Pages come as gaps from the previous page (checkers/site/search_index.py).
          for (var j = 0, id = 0; j < posting.length; j += 2) { id += posting[j]; map[id] = posting[j + 1]; }
          byToken[t] = map;
        });
        var pages = {};
        all.forEach(function (t) { Object.keys(byToken[t]).forEach(function (id) { pages[id] = true; }); });
        var total = 0;
        p.concepts.forEach(function (c) {
          c.need = Math.max.apply(null, c.alts.map(function (a) {
            return a.tokens.reduce(function (s, t) { return s + idf[t]; }, 0);
          }));
          total += c.need;
        });
        var staffLift = p.staff ? 3 : 1;  // staff words bring staff pages up to near the citizen's
        var ranked = Object.keys(pages).map(function (id) {
          var score = 0, covered = 0;
          p.concepts.forEach(function (c) {
            var best = 0, bestCover = 0;
            c.alts.forEach(function (a) {
              var s = 0, have = 0, want = 0;
              a.tokens.forEach(function (t) {
                want += idf[t];
                if (byToken[t][id]) { s += idf[t] * byToken[t][id]; have += idf[t]; }
              });
              s *= a.weight;
              var cover = want ? a.weight * have / want : 0;
              if (s > best) { best = s; }
              if (cover > bestCover) { bestCover = cover; }
            });
            score += best;
            covered += bestCover * c.need;
          });
          var coverage = total ? covered / total : 0;
          if (meta.kinds && meta.kinds.charAt(+id) === "s") { score *= staffLift; }
          return { id: id, score: score * coverage * coverage, coverage: coverage };
        }).filter(function (r) { return r.score > 0; });
        // ...but only one, the first that covers the query about as well as the best page does:
        // 民事判决上诉 suggests all three appeal doors and only the civil one is what was asked; the
        // box above lists the others, and the results keep room for the rules and the procedures.
        var best = Math.max.apply(null, ranked.map(function (r) { return r.coverage; }).concat([0]));
        var lifted = ranked.filter(function (r) { return answers[r.id] && r.coverage >= ANSWER_COVERAGE * best; })
          .sort(function (a, b) { return answers[b.id] - answers[a.id]; })[0];
        ranked.forEach(function (r) { r.answer = r === lifted ? 1 : 0; });
        return ranked.sort(byAnswerThen(function (r) { return r.score; }));
      });
    });
  }

  function queryFromAddress() {
    var m = /(?:^|&)q=([^&]*)/.exec(location.hash.replace(/^#/, ""));
    try { return m ? decodeURIComponent(m[1].replace(/\+/g, " ")).trim() : ""; } catch (e) { return ""; }
  }

  // A window of the page's own text where the query's words stand thickest, every one marked.
  // When no whole word is on the page, its pairs are marked instead.
  function excerpt(text, marks) {
    var spots = [];
    marks.forEach(function (w) {
      for (var i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) { spots.push([i, w]); }
    });
    var start = 0, width = 90;
    if (spots.length) {
      spots.sort(function (a, b) { return a[0] - b[0]; });
      var best = -1;
      spots.forEach(function (s) {
        var from = Math.max(0, s[0] - 20), n = 0, kinds = {};
        spots.forEach(function (o) { if (o[0] >= from && o[0] + o[1].length <= from + width) { n += o[1].length; kinds[o[1]] = 1; } });
        n += 10 * Object.keys(kinds).length;  // different words together beat one word repeated
        if (n > best) { best = n; start = from; }
      });
    }
    var piece = text.slice(start, start + width);
    var p = document.createElement("p");
    if (start > 0) { p.appendChild(document.createTextNode("…")); }
    var longestFirst = marks.slice().sort(function (a, b) { return b.length - a.length; });
    var pattern = longestFirst.length ? new RegExp("(" + longestFirst.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")") : null;
    (pattern ? piece.split(pattern) : [piece]).forEach(function (part, i) {
      if (i % 2) { var m = document.createElement("mark"); m.textContent = part; p.appendChild(m); }
      else if (part) { p.appendChild(document.createTextNode(part)); }
    });
    if (start + width < text.length) { p.appendChild(document.createTextNode("…")); }
    return p;
  }
  function marksFor(text) {
    var whole = highlight.filter(function (w) { return text.indexOf(w) >= 0; });
    if (whole.length) { return whole; }
    var pairs = [];
    highlight.forEach(function (w) { wordTokens(w).forEach(function (t) { if (t.length > 1 && text.indexOf(t) >= 0) { pairs.push(t); } }); });
    return unique(pairs);
  }

  function pageUrl(u) { return new URL(u, siteRoot).href; }
  function item(page) {
    var li = document.createElement("li"), a = document.createElement("a");
    a.href = pageUrl(page.u);
    a.textContent = page.t;
    li.appendChild(a);
    li.appendChild(excerpt(page.x, marksFor(page.x)));
    return li;
  }

  // The suggested answer first (lookUp picks it), then by the given score.
  function byAnswerThen(score) {
    return function (a, b) { return b.answer - a.answer || score(b) - score(a) || a.id - b.id; };
  }
  // Among the results on screen: a page whose title holds what the query is about comes first,
  // then pages holding it as written, each group in score order.
  // A word that is most of a short title (复查 in 请求复查) says more than the same word inside a
  // sentence-long title, so the lift grows with the share of the title the word fills.
  // Each concept lifts the page on its own, and the lifts are averaged: a title naming one of two
  // things asked about counts for half.  A title holding the word as asked lifts most, one holding
  // the site's word for it next; a title that is a whole sentence (a checker answer) lifts less,
  // since a word in it may be incidental.  The page holding the word as written comes next.
  function rank(page) {
    var sentence = Array.from(page.t).length > 12, lift = 0;
    plan.concepts.forEach(function (c) {
      var title = 1, text = 1;
      c.alts.forEach(function (a, i) {
        a.words.forEach(function (w) {
          if (Array.from(w).length < 2) { return; }
          if (page.t.indexOf(w) >= 0) { title = Math.max(title, (i === 0 ? 4 : 2.5) / (sentence ? 2 : 1)); }
          if (page.x.indexOf(w) >= 0) { text = Math.max(text, i === 0 ? 1.3 : 1.1); }
        });
      });
      lift += Math.max(title, 1) * text;
    });
    return page.score * (plan.concepts.length ? lift / plan.concepts.length : 1);
  }

  function showNext() {
    var batch = found.slice(shown, shown + SHOWN), query = asked;
    shown += batch.length;
    return Promise.all(batch.map(function (r) {
      return fetchJSON("d/" + r.id + ".json").then(function (page) { return Object.assign({ score: r.score, answer: r.answer, id: r.id }, page); });
    })).then(function (pages) {
      if (query !== asked) { return; }  // a newer query was typed meanwhile
      pages.sort(byAnswerThen(rank));
      pages.forEach(function (page) { list.appendChild(item(page)); });
      more.hidden = shown >= found.length;
    });
  }

  function el(tag, text) { var e = document.createElement(tag); if (text) { e.textContent = text; } return e; }
  // "可能适合你的途径": the checker's answers the query's everyday words point to; and "管这件事的
  // 规定": the step of a procedure that governs a word (越级, 多人走访), with its article.
  function showSuggestions(p) {
    if (!suggest) { return Promise.resolve(); }
    suggest.textContent = "";
    suggest.hidden = true;
    var ids = pointedTo(p, "o"), rules = pointedTo(p, "r");
    if (!ids.length && !rules.length) { return Promise.resolve(); }
    return words("outcomes.json").then(function (links) {
      function list(keys, heading) {
        var ul = el("ul");
        keys.slice(0, 3).forEach(function (key) {
          if (!links[key]) { return; }
          var li = el("li"), a = el("a", links[key][1]);
          a.href = pageUrl(links[key][0]) + (links[key][2] ? "#" + links[key][2] : "");
          li.appendChild(a);
          ul.appendChild(li);
        });
        if (!ul.children.length) { return; }
        suggest.appendChild(el("h2", heading));
        suggest.appendChild(ul);
        suggest.hidden = false;
      }
      list(ids, "可能适合你的途径");
      list(rules, "管这件事的规定");
    });
  }
  // Nothing found: the nearest everyday words the site knows, and the checker.
  function showNearest(p, q) {
    if (!suggest) { return; }
    var chars = Array.from(q), near = Object.keys(p.table || {}).map(function (w) {
      return [w, Array.from(w).filter(function (c) { return chars.indexOf(c) >= 0; }).length];
    }).filter(function (x) { return x[1] > 0; }).sort(function (a, b) { return b[1] - a[1] || a[0].length - b[0].length; }).slice(0, 6);
    var box = el("div");
    if (near.length) {
      box.appendChild(el("p", "换个说法试试："));
      var ul = el("ul", "");
      ul.className = "xf-near";
      near.forEach(function (x) {
        var li = el("li"), a = el("a", x[0]);
        a.href = "#q=" + encodeURIComponent(x[0]);
        li.appendChild(a);
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    var pcheck = el("p", "也可以用"), a = el("a", "找对途径");
    a.href = pageUrl("checker/");
    pcheck.appendChild(a);
    pcheck.appendChild(document.createTextNode("，回答几个问题，一步一步找到该去的地方。"));
    box.appendChild(pcheck);
    suggest.appendChild(box);
    suggest.hidden = false;
  }

  // keepTyped: when the page opens with no query, words typed while the page was loading stay.
  function run(keepTyped) {
    var q = queryFromAddress();
    if (q || keepTyped !== true) { box.value = q; }
    list.textContent = "";
    list.removeAttribute("data-ms");
    list.removeAttribute("data-query");
    more.hidden = true;
    if (suggest) { suggest.textContent = ""; suggest.hidden = true; }
    if (!q) { asked++; status.textContent = "输入要找的词或者一句话，例如“复议”“讨薪”“工资不给怎么办”。"; return; }
    var started = performance.now(), query = ++asked, cut = "";
    if (Array.from(q).length > LONGEST) { cut = "（输入的字太多，只用了前" + LONGEST + "个字。）"; }
    status.textContent = "正在查找……";
    understand(q).then(function (p) {
      if (query !== asked) { return; }
      plan = p;
      // For tests and the benchmark: how the query was understood.
      window.xfSearchPlan = { concepts: p.concepts.map(function (c) { return [c.text, c.alts.map(function (a) { return a.words[0] + "/" + a.weight; })]; }),
                              hits: p.hits.map(function (h) { return h.word; }), staff: p.staff };
      highlight = [];
      p.concepts.forEach(function (c) { c.alts.forEach(function (a) { highlight = highlight.concat(a.words); }); });
      highlight = unique(highlight.filter(function (w) { return w.length > 0; }));
      return Promise.all([lookUp(p), showSuggestions(p)]).then(function (r) {
        if (query !== asked) { return; }
        found = r[0];
        shown = 0;
        return showNext();
      }).then(function () {
        if (query !== asked) { return; }
        var read = p.shownAs ? "（按“" + p.shownAs + "”查找）" : "";
        if (found.length) {
          status.textContent = "找到 " + found.length + " 个相关页面。" + read + cut;
        } else {
          status.textContent = (p.concepts.length ? "没有找到和“" + q + "”有关的页面。" : "请写上要找的事，例如“工资”“复查”“罚款”。") + read + cut;
          showNearest(p, p.folded || q);
        }
        // For tests and the benchmark: which query this list answers, and how long it took.
        list.setAttribute("data-ms", String(Math.round(performance.now() - started)));
        list.setAttribute("data-query", q);
      });
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
  window.addEventListener("hashchange", function () { run(false); });
  run(true);
  form.setAttribute("data-ready", "");  // for tests: Enter is searched here from now on
}());
