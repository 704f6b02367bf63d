// The live preview of `roadmap serve` (never part of a built site): the page reloads itself after
// a rebuild, and a mistake in the sources is shown over the last good page until it is fixed.
(function () {
  "use strict";
  var known = null;
  function panel() {
    var box = document.getElementById("roadmap-live-problems");
    if (!box) {
      box = document.createElement("section");
      box.id = "roadmap-live-problems";
      box.setAttribute("role", "alert");
      box.setAttribute("lang", "en");
      box.setAttribute("dir", "ltr");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:1000;max-height:40vh;" +
        "overflow:auto;margin:0;padding:.75rem 1rem;background:#fff;color:#1a1a1a;" +
        "border-top:4px solid #b00020;box-shadow:0 -2px 8px rgba(0,0,0,.25);" +
        "font:14px/1.5 system-ui,sans-serif";
      document.body.appendChild(box);
    }
    return box;
  }
  function show(problems) {
    var box = document.getElementById("roadmap-live-problems");
    if (!problems.length) { if (box) box.remove(); return; }
    box = panel();
    box.textContent = "";
    var title = document.createElement("strong");
    title.textContent = "Not rebuilt: fix this mistake. The page below is the last good build.";
    var list = document.createElement("ul");
    list.style.cssText = "margin:.5rem 0 0;padding-left:1.25rem;font-family:monospace";
    problems.forEach(function (text) {
      var item = document.createElement("li");
      item.textContent = text;
      list.appendChild(item);
    });
    box.appendChild(title);
    box.appendChild(list);
  }
  function poll() {
    // The page says which it is: an edit renders the pages open in a browser first.
    var query = "since=" + (known === null ? -1 : known) +
      "&page=" + encodeURIComponent(window.location.pathname);
    fetch("/.roadmap/live?" + query, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (known !== null && state.generation !== known && !state.problems.length) {
          window.location.reload();
          return;
        }
        known = state.generation;
        show(state.problems);
        poll();
      })
      .catch(function () { setTimeout(poll, 1000); });  // the server restarts: try again
  }
  poll();
})();
