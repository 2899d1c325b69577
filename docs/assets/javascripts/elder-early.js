// Runs in <head>: turns on 长者模式 before anything is drawn if the visitor chose it before.
// The only thing this site stores in the browser is this one preference.
try { if (localStorage.getItem("xf-elder") === "1") { document.documentElement.classList.add("elder"); } } catch (e) { /* storage blocked */ }
