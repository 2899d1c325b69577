// Tap support for citations: on a touch screen the first tap on a citation shows
// the article text (there is no hover), a second tap follows the link.
// Hover and keyboard focus work without this script (CSS :hover / :focus-within).
(function () {
  "use strict";
  function closeAll(except) {
    document.querySelectorAll(".cite.open").forEach(function (el) {
      if (el !== except) { el.classList.remove("open"); }
    });
  }
  document.addEventListener("pointerup", function (event) {
    if (event.pointerType !== "touch") { return; }
    var link = event.target.closest ? event.target.closest(".cite > a") : null;
    if (!link) { closeAll(null); return; }
    var cite = link.parentElement;
    if (!cite.classList.contains("open")) {
      cite.classList.add("open");
      closeAll(cite);
      link.dataset.armed = "1";
    }
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".cite > a") : null;
    if (link && link.dataset.armed === "1") {
      // First tap only opened the text; the next tap navigates.
      delete link.dataset.armed;
      event.preventDefault();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { closeAll(null); }
  });
})();
