// 长者模式 (large text, high contrast, big touch targets) and 朗读 (read aloud).
// Built here rather than with a third-party accessibility toolbar: those load code from
// other hosts, which this site never does.  The toggle lives in the header on every page.
(function () {
  "use strict";
  var root = document.documentElement, header = document.querySelector(".md-header__inner");
  if (!header) { return; }

  // The theme's menu drawer and search are opened by checkboxes.  A browser that keeps a page's
  // form state (back button, page cache) would show the menu still open; the theme prevented that
  // with autocomplete="off", which HTML does not allow on checkboxes (hooks/theme.py removes it).
  window.addEventListener("pageshow", function () {
    ["__drawer", "__search"].forEach(function (id) {
      var box = document.getElementById(id);
      if (box) { box.checked = false; }
    });
  });

  var toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "xf-header-button xf-elder-toggle";
  toggle.textContent = "长者模式";
  function sync() { toggle.setAttribute("aria-pressed", root.classList.contains("elder") ? "true" : "false"); }
  toggle.addEventListener("click", function () {
    var on = !root.classList.contains("elder");
    root.classList.toggle("elder", on);
    try { localStorage.setItem("xf-elder", on ? "1" : "0"); } catch (e) { /* storage blocked: works for this page only */ }
    sync();
  });
  sync();

  // 朗读: only with a Chinese voice that runs on this device (voice.localService).  Desktop Chrome and
  // Edge list network voices first, which send the text read, the visitor's situation included, to a
  // speech service; the privacy page promises nothing leaves the browser.  No local voice, no button.
  var speak = document.createElement("button");
  speak.type = "button";
  speak.className = "xf-header-button xf-speak";
  speak.textContent = "朗读";
  speak.hidden = true;
  var synth = window.speechSynthesis;
  function chineseVoice() {
    return synth ? synth.getVoices().filter(function (v) { return /^zh/i.test(v.lang) && v.localService === true; })[0] : null;
  }
  function offerSpeech() { speak.hidden = !chineseVoice(); }
  if (synth) {
    offerSpeech();
    if ("onvoiceschanged" in synth) { synth.addEventListener("voiceschanged", offerSpeech); }
  }
  speak.addEventListener("click", function () {
    if (synth.speaking) { synth.cancel(); speak.textContent = "朗读"; return; }
    var main = document.querySelector("article.md-content__inner") || document.querySelector("main");
    var voice = chineseVoice();
    if (!voice) { speak.hidden = true; return; }  // never let the browser pick a (network) default
    var utterance = new SpeechSynthesisUtterance(main ? main.innerText : "");
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = function () { speak.textContent = "朗读"; };
    speak.textContent = "停止朗读";
    synth.speak(utterance);
  });

  var search = header.querySelector(".md-search");
  header.insertBefore(speak, search);
  header.insertBefore(toggle, search);
})();
