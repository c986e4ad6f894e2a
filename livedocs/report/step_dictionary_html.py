"""The living-docs report's step dictionary: docs/steps.md's entries by task, with a search box that filters them."""

import markdown
from dominate.tags import details, div, h2, h3, h4, input_, p, section, summary
from dominate.util import raw

from livedocs import stepdoc

STYLE = """<style>
#step-dictionary { font-family: system-ui, sans-serif; padding: 0.6rem 1.2rem; background: var(--feature-bg);
  color: var(--strong-color); margin-top: 1rem; }
#step-dictionary input { font-size: 1rem; width: 32rem; max-width: 90%; padding: 0.3rem 0.5rem; }
#step-dictionary h3 { font-size: 1.2rem; margin: 1rem 0 0.2rem; }
#step-dictionary h4 { font-size: 1.02rem; margin: 0.6rem 0 0.1rem; }
#step-dictionary details { margin: 0.1rem 0 0.1rem 1rem; }
#step-dictionary summary { cursor: pointer; font-family: monospace; font-size: 0.98rem; }
#step-dictionary .entry-body { margin: 0.2rem 0 0.6rem 1.2rem; max-width: 62rem; }
#step-dictionary .entry-body pre { background: rgba(127, 127, 127, 0.12); padding: 0.3rem 0.6rem; }
#step-dictionary table { border-collapse: collapse; } #step-dictionary td, #step-dictionary th { border: 1px solid #bbb;
  padding: 0.1rem 0.4rem; }
</style>"""
SCRIPT = """<script>
// Show only the entries holding every word typed (in any case); a task or shelf left empty is hidden too.
function filter_step_dictionary(box) {
  var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean), shown = 0;
  document.querySelectorAll('#step-dictionary .step-entry').forEach(function (entry) {
    var text = entry.textContent.toLowerCase();
    var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
    entry.style.display = hit ? '' : 'none'; shown += hit ? 1 : 0;
  });
  document.querySelectorAll('#step-dictionary .step-entry').forEach(function (entry) {
    entry.open = words.length > 0 && shown <= 3 && entry.style.display === '';  // a few hits: open them
  });
  document.querySelectorAll('#step-dictionary .step-task, #step-dictionary .step-shelf').forEach(function (group) {
    group.style.display = group.querySelector('.step-entry:not([style*="none"])') ? '' : 'none';
  });
  document.getElementById('step-dictionary-count').textContent = words.length ? shown + ' steps hold "' +
    box.value.trim() + '"' : '';
}
</script>"""


def render():
    """The dictionary section, from the step registry the run filled (it must be called after the steps ran)."""
    try:
        shelves, total, _ = stepdoc.dictionary(fresh=False)
    except SystemExit as refused:  # stepdoc refuses a Then that does not say what it judges: say so, write the rest
        with section(id="step-dictionary"):
            h2("Step dictionary")
            p(f"Not shown: {refused}")
        return
    with section(id="step-dictionary"):
        h2("Step dictionary: every sentence a scenario may use")
        p(f"{total} steps, by task, each under the feature that first uses it, with an example. "
          "Type a word or two to find the sentence you need (\"city\", \"slow\", \"look up\").")
        input_(type="search", placeholder="search the steps", oninput="filter_step_dictionary(this)",
               aria_label="search the steps")
        p("", id="step-dictionary-count")
        for title, tasks in shelves:
            with div(cls="step-shelf"):
                h3(title)
                for task, _, steps in tasks:
                    with div(cls="step-task"):
                        if task != title:
                            h4(task)
                        for sentence, lines in steps:
                            with details(cls="step-entry"):
                                summary(sentence)
                                div(raw(_html(lines[1:])), cls="entry-body")


def _html(lines):
    """An entry's markdown (its heading left out) as HTML."""
    return markdown.markdown("\n".join(lines), extensions=["tables", "fenced_code"])
