"""A red run a product owner can read, in the living-docs report: why each step failed, open under it, in its words.

The upstream report folds a failing step's message under "Error Message", beside a Python "Error Traceback".
Here instead:
- the reason a step gives (a Then's "what was checked / Expected / but") is shown open under the step;
- in the table of a failing step, each wrong cell is marked, with what came back beside it (read off the
  reason's "row N: ... should be 'X'; it was 'Y'");
- an undefined step says which existing steps come closest (livedocs.suggest), not behave's Python snippet;
- a hook's error is shown open before the first step (before_scenario) or after the last (after_scenario);
- only the suite's own bugs (an exception that is not an assertion) get a traceback, folded, for developers.
"""

import ast
import re
import traceback

from behave.model_type import Status
from behave_html_pretty_formatter.html_pretty import Embed, PrettyHTMLFormatter, Scenario, Step
from dominate.tags import div, span, table, tbody, td, th, thead, tr

from livedocs import suggest

STYLE = """<style>
.step-reason { font-family: system-ui, sans-serif; margin: 0.2rem 0 0.5rem 2.2rem;
  padding: 0.3rem 0.7rem; border-left: 4px solid #c62828; background: rgba(198, 40, 40, 0.08); max-width: 62rem; }
.step-reason.bug { border-left-color: #6a1b9a; background: rgba(106, 27, 154, 0.08); }
.step-reason .reason-title { font-weight: 600; display: block; }
.step-reason .reason-words { white-space: pre-wrap; }
td.wrong-cell { background: #ffcdd2; color: #000; }
td.wrong-cell .came-back { display: block; font-size: 0.85em; color: #b71c1c; }
</style>"""
_HOOK_PREFIX = re.compile(r"^HOOK-ERROR in (\w+)(?:\([^)]*\))?: (?:(\w+): )?", re.S)
_ROW = re.compile(r"\brow (\d+): (.*?)(?= \| row \d+: |$)", re.S)
_VALUE = r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[-\w.]+"
_DIFFERENCE = re.compile(rf"(?P<field>[^;|]*?) should be (?P<expected>{_VALUE}); it was (?P<actual>{_VALUE})")


class ReadableScenario(Scenario):
    """The upstream scenario, whose steps show their reasons and whose hook errors are shown in words."""

    def __init__(self, scenario, feature, scenario_counter, pseudo_steps=False):
        self.hook_reasons = []  # (hook name, text, traceback or None), before Scenario.__init__ reports any
        self.reported = set()
        super().__init__(scenario, feature, scenario_counter, pseudo_steps)

    def add_step(self, keyword, name, step_text=None, step_table=None):
        """A step that can show its reason (the upstream method, with that one class changed)."""
        step = ReadableStep(keyword, name, step_text, step_table, self)
        self.steps.append(step)
        for embed_data in self.to_embed:
            step.embed(embed_data)
        self.to_embed = []
        return step

    def report_error(self, behave_obj):
        """A hook's error on the scenario: kept in words (and, for the suite's own bug, its traceback)."""
        message = behave_obj.error_message or (str(behave_obj.exception) if behave_obj.exception else "")
        if not message or message in self.reported:
            return
        self.reported.add(message)
        found = _HOOK_PREFIX.match(message)
        hook, words = (found.group(1), message[found.end():]) if found else ("a hook", message)
        if found and found.group(2) not in ("AssertionError", None):
            words = f"{found.group(2)}: {words}"  # the error's name says something an assertion's would not
        self.hook_reasons.append((hook, words.strip(), _traceback_if_bug(behave_obj)))
        self.status = Status.failed
        self.feature.status = Status.failed

    def generate_scenario(self, formatter):
        """Hand the hooks' reasons to the first or last step, then render as upstream does."""
        self.report_error(self._scenario)
        if self.steps:
            for hook, words, trace in self.hook_reasons:
                target = self.steps[0] if hook.startswith("before") else self.steps[-1]
                target.hook_notes.append((hook, words, trace))
        super().generate_scenario(formatter)


class ReadableStep(Step):
    """The upstream step, with its reason open under it and the wrong cells of its table marked."""

    def __init__(self, keyword, name, text, step_table, scenario):
        super().__init__(keyword, name, text, step_table, scenario)
        self.reason, self.bug, self.hook_notes = None, False, []

    def add_result(self, behave_step):
        """The step's status and, when it did not pass, its reason in words (no upstream "Error Message")."""
        self.duration = behave_step.duration
        failed = Status.has_failed(behave_step.status) and not Status.is_undefined(behave_step.status)
        self.status = Status.failed if failed else behave_step.status
        if failed and (behave_step.error_message or behave_step.exception):
            self.bug = not isinstance(behave_step.exception, AssertionError)
            self.reason = _words(behave_step)
            trace = _traceback_if_bug(behave_step)
            if trace:
                self.embed(Embed("text", trace, "Traceback, for developers: the suite's own error"))
            self.scenario.status = self.scenario.feature.status = Status.failed
        if behave_step.status == Status.undefined:
            self.reason = _undefined_words(behave_step)

    def generate_step(self, formatter, scenario_status):
        """A before_scenario hook's reason first, then the step as upstream renders it."""
        for hook, words, trace in [n for n in self.hook_notes if n[0].startswith("before")]:
            _reason(f"Before the steps ran ({hook} in environment.py):", words, bool(trace))
            if trace:
                self.embed(Embed("text", trace, "Traceback, for developers: the suite's own error"))
        super().generate_step(formatter, scenario_status)

    def generate_table(self, formatter):
        """The table (its wrong cells marked), then the step's reason and an after_scenario hook's, open."""
        marks = _wrong_cells(self.table, self.reason) if self.table is not None and self.reason else {}
        if marks:
            _marked_table(self.table, marks, formatter)
        else:
            super().generate_table(formatter)
        if self.reason:
            title = ("The suite's own error, for a developer (not a verdict on the API):" if self.bug else
                     "Why this step failed:" if self.status == Status.failed else "This step does not exist yet:")
            _reason(title, self.reason, self.bug)
        for hook, words, trace in [n for n in self.hook_notes if not n[0].startswith("before")]:
            _reason(f"After the steps ran ({hook} in environment.py):", words, bool(trace))
            if trace:
                self.embed(Embed("text", trace, "Traceback, for developers: the suite's own error"))


def _words(behave_step):
    """A failed step's reason: an assertion's message without behave's prefix, or the error in one line."""
    message = behave_step.error_message or ""
    if isinstance(behave_step.exception, AssertionError):
        text = str(behave_step.exception) or message
        found = _HOOK_PREFIX.match(text)
        return (text[found.end():] if found else text).replace("ASSERT FAILED: ", "", 1).strip()
    exception = behave_step.exception
    return f"{type(exception).__name__}: {exception}" if exception else message.strip().splitlines()[-1]


def _undefined_words(behave_step):
    """An undefined step in words: the closest steps that exist, as "did you mean" gives them."""
    found = suggest.suggestions(behave_step.step_type, behave_step.name)
    if not found:
        return "No step says this yet, and none is close: look in the step dictionary below, or ask a developer."
    return "No step says this yet. Did you mean:\n" + "\n".join(f"  {sentence}{note}" for sentence, note, _ in found)


def _traceback_if_bug(behave_obj):
    """The traceback of an exception that is not an assertion (the suite's own bug), else None."""
    exception = getattr(behave_obj, "exception", None)
    if exception is None or isinstance(exception, (AssertionError, ConnectionError)):
        return None
    return "".join(traceback.format_exception(type(exception), exception, behave_obj.exc_traceback))


def _reason(title, words, bug):
    """One reason, open: a title and the words as written (line breaks kept)."""
    with div(cls="step-reason bug" if bug else "step-reason", __pretty=False):
        span(title, cls="reason-title")
        span(words, cls="reason-words")


def _wrong_cells(step_table, reason):
    """{(row index, column index): what came back} for each cell the reason says is wrong."""
    marks = {}
    for row_text, differences in _ROW.findall(reason):
        index = int(row_text) - 1
        if not 0 <= index < len(step_table.rows):
            continue
        cells = list(step_table.rows[index].cells)
        for found in _DIFFERENCE.finditer(differences):
            expected, actual = _value(found.group("expected")), _value(found.group("actual"))
            columns = [c for c, cell in enumerate(cells) if cell == expected and (index, c) not in marks]
            named = [c for c in columns if step_table.headings[c].lower() in found.group("field").lower()]
            if columns:
                marks[(index, (named or columns)[0])] = actual
    return marks


def _value(text):
    """A value as the reason quotes it (Python's repr), back as the text a table cell holds."""
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    return "" if value is None else str(value)


def _marked_table(step_table, marks, formatter):
    """The step's table as upstream renders it, each wrong cell marked and what came back beside it."""
    with table(cls="table"):
        with thead(onclick=f"toggle_hash('table_{PrettyHTMLFormatter.table_number}')"):
            tr(*[th(heading) for heading in step_table.headings])
        with tbody(id=f"table_{PrettyHTMLFormatter.table_number}", cls=formatter.get_collapse_cls("table")):
            for r, row in enumerate(step_table.rows):
                with tr():
                    for c, cell in enumerate(row):
                        if (r, c) in marks:
                            td(cell, span(f"came back: {marks[(r, c)]!s}", cls="came-back"), cls="wrong-cell",
                               title=f"this cell was wrong: {marks[(r, c)]!s} came back")
                        else:
                            td(cell)
    PrettyHTMLFormatter.table_number += 1
