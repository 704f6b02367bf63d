"""axe-core (npm, pinned in package-lock.json) run in a page of Debian's Chromium."""

from __future__ import annotations

from quality.tools import AXE_JS, npm_file

# All rules axe runs by default (WCAG A and AA, and its best practices), plus the WCAG 2.0-2.2
# A and AA rules it leaves off by default (target size, deprecated ones).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The rules whose outcome for the same page changes with the screen's size, as the layout does:
# a table that scrolls sideways only on a phone, a control's size and spacing.
LAYOUT_RULES = ["scrollable-region-focusable", "target-size"]
RUN_AXE = """async ([tags, only]) => {
  const rules = Object.fromEntries(axe.getRules(tags).map(r => [r.ruleId, {enabled: true}]));
  const options = only ? {runOnly: {type: "rule", values: only}} : {rules};
  const result = await axe.run(document, {...options, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(
      n => n.target.join(" ") + ": " + n.failureSummary.split("\\n")[1])}));
}"""


def load_in(context) -> None:
    """axe in every page that ``context`` opens from now on, before the page's own scripts: the
    source is handed over once, where a tag added to each page cost a quarter of its audit."""
    context.add_init_script(path=str(npm_file(AXE_JS)))


def violations(page, only: list[str] | None = None) -> list[str]:
    """axe's findings in the page as it is now, one line (and up to three places) each: of all
    its rules, or ``only`` those."""
    if not page.evaluate("'axe' in window"):
        page.add_script_tag(path=str(npm_file(AXE_JS)))
    found = page.evaluate(RUN_AXE, [WCAG_TAGS, only])
    return [
        f"{v['id']} ({v['impact']}): {v['help']}\n      " + "\n      ".join(v["nodes"])
        for v in found
    ]
