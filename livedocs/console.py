"""The everyday run's last words: each failing scenario, the step that failed and why, in the step's words.

behave's progress output (the default format, behave.ini) shows a line of dots per feature and the summary; this
adds, just above the summary, every scenario that did not pass with its failing step and the reason the step
gave (the `Expected:`/`but:` lines of a Then, a hook's error, an undefined step), and, below the summary, the one
line of advice when the live API could not be reached. A failure that is the suite's own bug (an exception that
is not an assertion) is named as such, with the command that shows its traceback.
environment.py adds the two reporters in before_all (add_last_words); `-f pretty` gives behave's full output, through
FullOutput (behave.ini names it `pretty`): behave's own, without the `# None` behave writes as the location of a
step that never ran.
"""

import functools
import sys

from behave.formatter.pretty import PrettyFormatter
from behave.model_type import Status
from behave.reporter.base import Reporter

MAX_LINES = 8  # of one reason; the rest: behave -f pretty
NOT_PASSED = (Status.failed, Status.error, Status.hook_error, Status.undefined)


def add_last_words(config, bottom_line):
    """Add the run's last words to behave's reporters: each failing scenario with its reason just above the summary,
    and bottom_line() (a line, or None) below it. They go with the summary (not with --no-summary, as CI's checks
    that run thousands of failing pairs ask)."""
    reporters = config.reporters
    if config.summary and not any(isinstance(r, FailureReasons) for r in reporters):
        reporters.insert(0, FailureReasons(config))
        reporters.append(BottomLine(config, bottom_line))


def own_line(hook):
    """A hook whose error behave prints on a line of its own: behave prints it where the output stands, which may be
    the end of a feature's prose or a line of progress dots, so end that line first."""

    @functools.wraps(hook)
    def run(context, *args):
        """The hook; on an error, a line break on stdout before behave prints the error."""
        try:
            return hook(context, *args)
        except Exception:
            print(flush=True)
            raise

    return run


class FailureReasons(Reporter):
    """Collects the scenarios that did not pass, feature by feature; at the end prints each with its reason."""

    def __init__(self, config, stream=None):
        super().__init__(config)
        self.stream = stream or sys.stdout
        self.failures = []

    def feature(self, feature):
        """Note the scenarios of a feature that ran and did not pass."""
        for scenario in feature.walk_scenarios():
            if scenario.status in NOT_PASSED:
                self.failures.append(scenario)

    def end(self):
        """Print each failing scenario, its failing step and the reason (nothing when all passed)."""
        if not self.failures:
            return
        count = len(self.failures)
        lines = ["", f"What did not pass, and why ({count} scenario{'s' if count != 1 else ''}):"]
        for scenario in self.failures:
            lines += ["", f"  {scenario.location}  {scenario.name}", *reason_lines(scenario)]
        print("\n".join(lines), file=self.stream, flush=True)


class BottomLine(Reporter):
    """Prints one line at the very end of the run when there is one to print (the offline advice)."""

    def __init__(self, config, line, stream=None):
        super().__init__(config)
        self.line, self.stream = line, stream or sys.stdout

    def feature(self, feature):
        """Nothing to note per feature."""

    def end(self):
        """The line, if any, last."""
        text = self.line()
        if text:
            print(f"\n{text}", file=self.stream, flush=True)


def reason_lines(scenario):
    """The failing step (or hook) and its reason, indented, in the step's own words."""
    step = next((s for s in scenario.all_steps if s.status in NOT_PASSED), None)
    if step is None:  # a hook failed: before the steps, or after them
        message = scenario.error_message or "a hook failed"
        when = "after its steps" if "after_scenario" in message.split(":", 1)[0] else "before its steps"
        return [f"    {when} (environment.py):", *_indented(message.split(": ", 1)[-1])]
    head = f"    {step.keyword} {step.name}   ({step.location})"
    if step.status == Status.undefined:
        return [head, "      no step says this yet: the closest steps that exist are shown at the end of the run"]
    if isinstance(step.exception, AssertionError):
        return [head, *_indented(_assertion_text(step))]
    error = f"{type(step.exception).__name__}: {step.exception}" if step.exception else (step.error_message or "")
    return [head, *_indented(f"the suite's own error, for a developer: {error}"),
            f"      (its traceback: behave -f pretty --name \"{scenario.name}\")"]


def _assertion_text(step):
    """An assertion's message without behave's "ASSERT FAILED: " prefix."""
    text = step.error_message or str(step.exception)
    return text.replace("ASSERT FAILED: ", "", 1).replace("Assertion Failed: ", "", 1)


def _indented(text):
    """At most MAX_LINES lines of a message, indented under its step."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    shown = ["      " + line for line in lines[:MAX_LINES]]
    if len(lines) > MAX_LINES:
        shown.append(f"      ... {len(lines) - MAX_LINES} more lines: behave -f pretty shows them all")
    return shown


class FullOutput(PrettyFormatter):
    """behave's pretty format, every step of every scenario; a step that never ran shows no location (not `# None`)."""

    def print_step(self, status, arguments, location, proceed):
        """behave's, leaving out the location column when there is no location to show."""
        if location is not None or not self.show_source:
            super().print_step(status, arguments, location, proceed)
            return
        self.show_source = False
        try:
            super().print_step(status, arguments, location, proceed)
        finally:
            self.show_source = True
