/* Material's search listens to `keyup` only, so a query that arrives without a key being
   released (pasted with the mouse, dictated, committed by some input methods) finds nothing
   until the reader presses another key. Forward every `input` as a `keyup` so the query runs. */
document.addEventListener("input", function (event) {
  var target = event.target;
  if (target instanceof HTMLInputElement && target.classList.contains("md-search__input")) {
    target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
});

/* Material's version selector button is named "Select version" while it shows the draft's name,
   so speech users cannot say what they see (WCAG 2.5.3). Put the visible name first. The
   selector is drawn by script after versions.json arrives: watch the header for it. */
(function () {
  function name(button) {
    var shown = button.textContent.trim();
    var label = button.getAttribute("aria-label") || "";
    if (shown && label.indexOf(shown) !== 0) {
      button.setAttribute("aria-label", label ? shown + " · " + label : shown);
    }
  }
  var header = document.querySelector(".md-header");
  if (!header) return;
  new MutationObserver(function () {
    var button = header.querySelector(".md-version__current");
    if (button) name(button);
  }).observe(header, { childList: true, subtree: true });
})();

/* A glossary term opens its definition on focus (a tap, the Tab key: roadmap/render/
   focusable_terms.py) as on hover; Escape closes it where the focus and pointer are, so it
   can be dismissed without moving them (WCAG 1.4.13). */
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".md-tooltip2--active").forEach(function (tip) {
    tip.classList.remove("md-tooltip2--active");
  });
});
