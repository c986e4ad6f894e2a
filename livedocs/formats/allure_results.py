"""Allure results from a behave run: allure-behave's formatter, with what it lacks for this suite.

Registered in behave.ini as `allure`:  python -m behave -f allure -o reports/allure-results -f progress

On top of allure-behave 2.16.2 (`allure_behave.formatter:AllureFormatter`) it
- keeps every scenario, also when behave's `show_skipped` is off (the upstream formatter then drops skipped
  ones), and gives a skipped scenario its reason (the hook's, or the tag expression that left it out);
- records a hook error as *broken* with the hook's message (upstream: "skipped", or "passed" for an error in
  `after_scenario`, with no detail);
- takes `embed()`, so each step's HTTP exchanges are attached to it, captioned mock or live as in the HTML report;
- labels each result with its feature, its tags (`@real`, `@mock_only`, ...) and its shelf (livedocs.shelves);
- starts from an empty results folder, so the results are those of this run.
"""

import allure_commons
from allure_behave.formatter import AllureFormatter as UpstreamFormatter
from allure_behave.listener import AllureListener
from allure_behave.utils import scenario_status, scenario_status_details
from allure_commons.logger import AllureFileLogger
from allure_commons.model2 import Label, Status, StatusDetails
from allure_commons.types import AttachmentType, LabelType
from allure_commons.utils import format_traceback, now, uuid4
from allure_commons.utils import get_testplan

from livedocs.shelves import SHELVES, shelf

ATTACHMENT_TYPES = {t.mime_type: t for t in AttachmentType}


def outcome(scenario, tag_expression):
    """The Allure status and details of a finished behave scenario: hook errors broken, skips with a reason."""
    if scenario.hook_failed or scenario.status.name in ("hook_error", "cleanup_error"):
        trace = format_traceback(scenario.exc_traceback) if scenario.exc_traceback else None
        return Status.BROKEN, StatusDetails(message=scenario.error_message or "a hook failed", trace=trace)
    if scenario.status.name in ("skipped", "untested"):
        reason = scenario.skip_reason or f"not selected by the tag expression ({tag_expression})"
        return Status.SKIPPED, StatusDetails(message=reason)
    return scenario_status(scenario), scenario_status_details(scenario)


class Listener(AllureListener):
    """allure-behave's listener, but every scenario is kept and judged by `outcome`."""

    def start_scenario(self, scenario):
        """Start the result and add the labels a QA team filters by: the shelf and the feature as suites."""
        super().start_scenario(scenario)
        result = self.logger.get_test(self.current_scenario_uuid)
        result.labels.append(Label(name=LabelType.PARENT_SUITE, value=SHELVES[shelf(scenario.feature)]))
        result.labels.append(Label(name=LabelType.SUITE, value=scenario.feature.name))

    def stop_scenario(self, scenario):
        """Close the scenario's result with its outcome; a scenario whose steps were never announced lists them."""
        expression = getattr(self.behave_config, "tag_expression", None)
        selected = scenario.should_run_with_tags(expression) and scenario.should_run_with_name_select(
            self.behave_config)
        if self.hide_excluded and not selected:
            self.logger.drop_test(self.current_scenario_uuid)
            self.current_scenario_uuid = None
            return
        if not self.steps and not self._has_steps():
            self.steps.extend(scenario.all_steps)  # skipped before behave announced them: show what it would do
        self.flush_steps()
        result = self.logger.get_test(self.current_scenario_uuid)
        result.stop = now()
        result.status, result.statusDetails = outcome(scenario, expression)
        self.logger.close_test(self.current_scenario_uuid)
        self.current_step_uuid = None
        self.group_context.append_test(self.current_scenario_uuid)
        self.group_context.exit()
        self.current_scenario_uuid = None

    def _has_steps(self):
        """Whether the running scenario's result already holds steps."""
        return bool(self.logger.get_test(self.current_scenario_uuid).steps)

    def attach(self, mime_type, data, caption):
        """Attach data to the step that runs (or to the scenario, outside a step)."""
        kind = ATTACHMENT_TYPES.get(mime_type.split(";")[0].strip(), AttachmentType.TEXT)
        self.logger.attach_data(uuid4(), data, name=caption, attachment_type=kind)


class AllureFormatter(UpstreamFormatter):
    """allure-behave's formatter with the listener above and an `embed()` for the HTTP exchanges."""

    name = "allure"
    description = "Allure results (one JSON file per scenario, attachments beside them) for an Allure report"

    def __init__(self, stream_opener, config):  # pylint: disable=super-init-not-called
        # The upstream __init__ registers its own listener; this is the same set-up with ours.
        super(UpstreamFormatter, self).__init__(stream_opener, config)
        self.listener = Listener(config)
        self.file_logger = AllureFileLogger(self.stream_opener.name, clean=True)
        allure_commons.plugin_manager.register(self.listener)
        allure_commons.plugin_manager.register(self.file_logger)
        self.testplan = get_testplan()

    def embed(self, mime_type, data, caption=None, **_options):
        """Attach an embed (an HTTP exchange from environment.py) to the running step."""
        if self.listener.current_scenario_uuid is not None:
            self.listener.attach(mime_type, data, caption)
