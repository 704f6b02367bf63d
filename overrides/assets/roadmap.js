/* Material's search listens to `keyup` only, so a query that arrives without a key being
   released (pasted with the mouse, dictated, committed by some input methods) finds nothing
   until the reader presses another key. Forward every `input` as a `keyup` so the query runs. */
document.addEventListener("input", function (event) {
  var target = event.target;
  if (target instanceof HTMLInputElement && target.classList.contains("md-search__input")) {
    target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
});
