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
