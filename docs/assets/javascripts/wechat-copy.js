/* 复制到公众号, on a 案例专栏 post: puts the post's WeChat version (wechat.html beside the page, built
   with the site by checkers/site/wechat.py) on the clipboard as rich text and as plain text, so an
   office pastes it into its 公众号 editor with its structure.  Nothing leaves the browser: both files
   come from this site, and the clipboard is the visitor's own. */
(function () {
  "use strict";
  var box = document.querySelector("[data-wechat-copy]");
  if (!box) return;
  var button = box.querySelector("[data-wechat-copy-button]");
  var status = box.querySelector("[data-wechat-copy-status]");
  var file = box.querySelector("[data-wechat-file]").href;
  box.hidden = false;

  function fetched(url) {
    return fetch(url, {cache: "no-cache"}).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    });
  }
  // The article is the file's body, exactly: what is copied is what the build checked.
  function article(page) {
    return page.slice(page.indexOf("<body>") + 6, page.lastIndexOf("</body>"));
  }
  function done() { status.textContent = "已复制。到公众号后台新建图文，在正文里粘贴。"; }
  function failed() { status.textContent = "没有复制成功：从文件夹打开的页面不能复制，请在网站上打开这一页再试。"; }

  button.addEventListener("click", function () {
    status.textContent = "";
    var html = fetched(file).then(article);
    var text = fetched(file.replace(/\.html$/, ".txt"));
    if (window.ClipboardItem && navigator.clipboard && navigator.clipboard.write) {
      // Promises in the item: the write starts within the click, as browsers require.  Chromium
      // parses the HTML in this page to sanitise it, so the site's CSP (style-src 'self') reports
      // each style attribute in the console; the copied HTML keeps them (tests/test_wechat_browser.py).
      var item = new ClipboardItem({
        "text/html": html.then(function (h) { return new Blob([h], {type: "text/html"}); }),
        "text/plain": text.then(function (t) { return new Blob([t], {type: "text/plain"}); })
      });
      navigator.clipboard.write([item]).then(done, failed);
      return;
    }
    // Browsers without ClipboardItem (and pages not served over https): the copy command, with
    // both versions set on its event.
    Promise.all([html, text]).then(function (parts) {
      function onCopy(event) {
        event.clipboardData.setData("text/html", parts[0]);
        event.clipboardData.setData("text/plain", parts[1]);
        event.preventDefault();
      }
      document.addEventListener("copy", onCopy);
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
      document.removeEventListener("copy", onCopy);
      if (copied) { done(); } else { failed(); }
    }, failed);
  });
}());
