"""The living documentation: behave-html-pretty-formatter's report, opening on what a product owner wants to see.

Registered in behave.ini as `living-docs` (it reads html-pretty's settings there):

    python -m behave -D target=mock -D api_coverage=on -f living-docs -o reports/living-docs.html -f progress

On top of the upstream report it
- opens on an overview: the run's result, then every capability (feature) shelf by shelf, user-centred first,
  the API reference after (livedocs.shelves), each with its result and a link to it;
- orders the features themselves the same way, under the shelves' headings;
- shows a red run in words: each failing step's reason open under it, wrong table cells marked, a traceback only
  for the suite's own bugs (livedocs.report.red_run_html);
- sets the features' prose as prose, keeps HTTP exchanges folded until a click, and shows code locations
  only to whoever asks for them (a button);
- ends with the step dictionary, searchable (livedocs.report.step_dictionary_html), and the API coverage table when the
  run counted it (-D api_coverage=on).
"""

import re
from datetime import datetime

from behave_html_pretty_formatter.html_pretty import Feature, PrettyHTMLFormatter
from dominate.tags import a, div, h2, h3, li, ol, p, section, span
from dominate.util import raw

from livedocs.report import api_coverage_html, red_run_html, step_dictionary_html
from livedocs.shelves import SHELVES, reading_key, shelf

SHELF_NOTES = (
    "what people and apps use the API for, in their words",
    "how the API answers in detail: addresses, queries, headers, errors",
    "the mock's own promises, its read-only mode and the live facts it relies on: for developers",
)
_TARGETS = {"default": "the mock, and the live API for @real scenarios", "mock": "the in-process mock",
            "live": "the live API"}
STYLE = """<style>
#overview { font-family: system-ui, sans-serif; background: var(--feature-bg); color: var(--strong-color);
  padding: 0.6rem 1.2rem 0.8rem; margin: 0.4rem 0 0.8rem; }
#overview h2 { font-size: 1.5rem; margin: 0.2rem 0; }
#overview .result { font-size: 1.05rem; margin: 0.2rem 0 0.4rem; }
#overview h3 { font-size: 1.05rem; margin: 0.5rem 0 0.1rem; }
#overview h3 small { font-weight: normal; opacity: 0.75; }
#overview ol { list-style: none; padding: 0; margin: 0; columns: 2; column-gap: 2rem; }
#overview li { break-inside: avoid; padding: 0.08rem 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#overview li a { font-weight: 600; color: inherit; }
#overview .badge { display: inline-block; min-width: 5.5rem; font-size: 0.85rem; padding: 0 0.4rem; margin-right: 0.4rem;
  border-radius: 0.6rem; text-align: center; color: #fff; background: #2e7d32; }
#overview .badge.failed { background: #c62828; } #overview .badge.skipped { background: #607d8b; }
#overview .tools { margin-top: 0.5rem; font-size: 0.9rem; }
#overview .tools .button { margin-right: 0.6rem; }
.shelf-heading { font-family: system-ui, sans-serif; font-size: 1.4rem; margin: 1.2rem 0 0.4rem; }
pre.feature-summary-commentary, pre.step-capsule.description { white-space: normal; font-family: system-ui, sans-serif;
  font-size: 1.05rem; line-height: 1.45; max-width: 62rem; background: none; }
.step-capsule > .flex-left-space { display: none; }
body.show-code .step-capsule > .flex-left-space { display: inline; }
#api-coverage { font-family: system-ui, sans-serif; padding: 0.6rem 1.2rem; background: var(--feature-bg);
  color: var(--strong-color); margin-top: 1rem; }
#api-coverage table { border-collapse: collapse; margin: 0.4rem 0 0.8rem; }
#api-coverage th, #api-coverage td { border: 1px solid #bbb; padding: 0.1rem 0.5rem; text-align: center; }
#api-coverage td.route { text-align: left; font-family: monospace; }
#api-coverage td.untouched { background: #ffe0b2; }
#api-coverage td.touched a { color: inherit; font-weight: 600; }
</style>"""
SCRIPT = """<script>
function toggle_code_locations(button) {
  var shown = document.body.classList.toggle('show-code');
  button.innerText = shown ? 'Hide code locations' : 'Show code locations';
}
// For livedocs.report.first_screen: lay the page out as a reader's browser does and record what the first screen shows.
function first_screen_probe() {
  var h = window.innerHeight;
  function shown(e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }
  function whole(e) { var r = e.getBoundingClientRect(); return shown(e) && r.top >= 0 && r.bottom <= h; }
  var overview = document.getElementById('overview'), box = overview.getBoundingClientRect();
  var prose = document.querySelector('pre.feature-summary-commentary');
  var style = prose ? getComputedStyle(prose) : null;
  document.body.setAttribute('data-first-screen', JSON.stringify({
    height: h, overview_top: box.top, overview_bottom: box.bottom,
    capabilities: Array.from(overview.querySelectorAll('a.capability')).map(function (e) {
      return {name: e.textContent, shelf: Number(e.dataset.shelf), whole: whole(e)}; }),
    exchanges_shown: Array.from(document.querySelectorAll('.embed-content')).filter(shown).length,
    code_locations_shown: Array.from(document.querySelectorAll('.step-capsule > .flex-left-space')).filter(shown).length,
    prose_white_space: style ? style.whiteSpace : '', prose_font: style ? style.fontFamily : '',
    features: Array.from(document.querySelectorAll('section.feature-filter-container > .feature-title > span:first-child'))
      .map(function (e) { return e.textContent.replace(/^Feature: /, ''); })
  }));
}
window.addEventListener('load', function () { if (location.hash === '#first-screen-probe') first_screen_probe(); });
</script>"""


def gist(description):
    """The first sentence of a feature's prose, as one line."""
    text = " ".join(" ".join(description).split())
    found = re.match(r"(.+?[.!?])(\s|$)", text)
    return found.group(1) if found else text


class ShelvedFeature(Feature):
    """The upstream report's feature, knowing its shelf; the first of a shelf renders the shelf's heading."""

    def __init__(self, feature, feature_counter):
        super().__init__(feature, feature_counter)
        self.shelf = shelf(feature)
        self.reading_key = reading_key(feature)
        self.gist = gist(feature.description)
        self.heading = False

    def add_scenario(self, scenario, scenario_counter, pseudo_steps=False):
        """A scenario that shows its failures in words (livedocs.report.red_run_html); upstream's method, that class changed."""
        if not hasattr(scenario, "run"):
            self._scenario_run_id = 0
        elif hasattr(scenario.run, "func"):
            self._scenario_run_id = id(scenario.run.func)
        self.scenario_finished = False
        added = red_run_html.ReadableScenario(scenario, self, scenario_counter, pseudo_steps)
        for embed_data in self.to_embed:
            added.embed(embed_data)
        self.to_embed = []
        added.pseudo_step_id = 0
        self.scenarios.append(added)
        return added

    def generate_feature(self, formatter):
        """The shelf's heading if this feature opens it, then the feature as upstream renders it."""
        if self.heading:
            h2(SHELVES[self.shelf], cls="shelf-heading", id=f"shelf-{self.shelf}")
        super().generate_feature(formatter)

    def counts(self):
        """How many of its scenarios passed, failed (hook errors included) and were skipped, as behave judged them."""
        statuses = [getattr(s._scenario, "status", s.status).name for s in self.scenarios]
        failed = sum(1 for s in statuses if s not in ("passed", "skipped", "untested"))
        passed = statuses.count("passed")
        return passed, failed, len(statuses) - passed - failed

    def skip_reasons(self):
        """The distinct reasons its scenarios were skipped."""
        return sorted({s._scenario.skip_reason for s in self.scenarios if getattr(s._scenario, "skip_reason", None)})


class LivingDocsFormatter(PrettyHTMLFormatter):
    """PrettyHTMLFormatter with an overview first, features shelf by shelf, prose as prose, and API coverage."""

    name = "html-pretty"  # the userdata prefix of its settings: the same as the upstream report's, in behave.ini

    def __init__(self, stream_opener, config, _late_registration_feature=None):
        super().__init__(stream_opener, config, _late_registration_feature)
        self.coverage = None
        self.add_html_head_element(STYLE)
        self.add_html_head_element(SCRIPT)
        self.add_html_head_element(step_dictionary_html.STYLE)
        self.add_html_head_element(red_run_html.STYLE)
        self.add_html_head_element(step_dictionary_html.SCRIPT)

    def feature(self, feature):
        """A feature begins: kept as a ShelvedFeature (the upstream method, with that one class changed)."""
        if self.current_feature:
            self.current_feature.finish_time = datetime.now()
        self.feature_counter += 1
        self.scenario_counter = 0
        self.features.append(ShelvedFeature(feature, self.feature_counter))

    def set_api_coverage(self, coverage):
        """Take the run's API coverage (environment.py hands it over after the run) for the report's last section."""
        self.coverage = coverage

    def close(self):
        """Order the features as a reader meets them (livedocs.shelves), mark where shelves begin, write."""
        self.features.sort(key=lambda f: f.reading_key)
        for scenario in (s for f in self.features for s in f.scenarios):
            # Upstream embeds a hook's error only while rendering the scenario, after the totals were counted,
            # so a scenario whose before_scenario hook failed was counted "untested": take the errors in first.
            scenario.report_error(scenario._scenario)
        previous = None
        for feature in self.features:
            feature.heading, previous = feature.shelf != previous, feature.shelf
        return super().close()

    def _generate_global_summary(self):
        """The upstream title bar and totals, then the overview."""
        shown = super()._generate_global_summary()
        self._generate_overview()
        return shown

    def _generate_overview(self):
        """The run's result and every capability, shelf by shelf, each with its result and a link to it."""
        totals = [sum(f.counts()[i] for f in self.features) for i in range(3)]
        target = self.config.userdata.get("target", "default")
        with section(id="overview"):
            h2("What this API lets you do, and whether it does")
            p(f"{totals[0]} of {sum(totals)} scenarios pass, {totals[1]} fail, {totals[2]} skipped "
              f"(run against: {_TARGETS.get(target, target)}).", cls="result")
            for index, title in enumerate(SHELVES):
                features = [f for f in self.features if f.shelf == index]
                if features:
                    h3(title, " ", raw(f"<small>({SHELF_NOTES[index]})</small>"))
                    with ol():
                        for feature in features:
                            self._overview_line(feature)
            with div(cls="tools"):
                if self.coverage is not None:
                    a("What the features cover of the API", href="#api-coverage", cls="button")
                a("Step dictionary", href="#step-dictionary", cls="button")
                span("Show code locations", cls="button", onclick="toggle_code_locations(this)")
                span("Each scenario's HTTP exchanges are folded under its steps: click one to open it.")

    @staticmethod
    def _overview_line(feature):
        """One capability: its result, its name (a link) and the first sentence of its prose."""
        passed, failed, skipped = feature.counts()
        if failed:
            badge, kind = f"{failed} of {passed + failed + skipped} fail", "failed"
        elif passed:
            badge, kind = f"all {passed} pass" if not skipped else f"{passed} pass, {skipped} skip", "passed"
        else:
            badge, kind = f"{skipped} skipped", "skipped"
        reasons = "; ".join(feature.skip_reasons())
        with li(title=feature.gist + (f" Skipped: {reasons}" if reasons else "")):
            span(badge, cls=f"badge {kind}")
            a(feature.name, href=f"#f{feature.counter}", cls="capability", data_shelf=str(feature.shelf))
            span(f" {feature.gist}")

    def _generate_return_button(self):
        """The step dictionary, the API coverage section (when counted), then the upstream return-to-top button."""
        step_dictionary_html.render()
        if self.coverage is not None:
            anchors = {str(s._scenario.location): f"f{f.counter}-s{s.counter}" for f in self.features
                       for s in f.scenarios}
            api_coverage_html.render(self.coverage, anchors)
        super()._generate_return_button()
