"""The suite's no-op twin: the same features and step texts, steps that do nothing but the real run's HTTP round trips.

It is the measured lower bound of the everyday run on this design (behave, a fresh in-process mock per feature,
HTTP through requests). It is generated at bench time in a temporary directory, from two things read off a real
run (`python -m bench.twin record PLAN -- behave-args`, behave run in-process with observers):

- the step registry: every step definition's keyword, text pattern and matcher, and the typed fields' patterns,
  so the twin's steps match the same texts, in the same order, at the same cost (only the conversion is left out);
- the mocks' journals: every request a mock received while each step ran (method, target, headers, body), which
  the twin's step sends again, to a fresh mock of its own per feature, through a `requests` session when the
  app's client sent it, else as a raw client sends (http.client, a connection each).

The twin's hooks are the design's and nothing more: a mock per feature, skips as the real hooks skip. No fault,
custom answer or scenario data is set up, so no deliberate wait is made; the answers are read whole and dropped.
"""

import base64
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_AGENT = "python-requests/"  # the app's client (requests) says so in its User-Agent; raw clients do not
HOP_BY_HOP = {"host", "content-length", "transfer-encoding", "connection", "keep-alive"}

# -- recording, inside a real run -------------------------------------------------------------------------


def record(plan_path, behave_args):
    """Run behave in this process; write the registry and, per scenario and step, the requests the mocks received."""
    import behave.model as model
    from behave.__main__ import main as behave_main
    from behave.matchers import ParseMatcher
    from behave.step_registry import registry

    from mockserver.controls.journal import Journal

    scenarios, current = {}, {"steps": None}
    scenario_run, step_run = model.Scenario.run, model.Step.run
    journal_record, journal_record_again = Journal.record, Journal.record_again

    def observed_scenario(self, runner, *args, **kwargs):
        key = scenario_key(self.location)
        if key in scenarios:
            raise RuntimeError(f"two scenarios at {key}: the twin could not tell their requests apart")
        current["steps"] = scenarios[key] = []
        try:
            return scenario_run(self, runner, *args, **kwargs)
        finally:
            current["steps"] = None

    def observed_step(self, *args, **kwargs):
        if current["steps"] is not None:
            current["steps"].append([])
        return step_run(self, *args, **kwargs)

    def observed_record(self, request):  # every request a mock answers goes into its journal, one way or the other
        steps = current["steps"]
        if steps:
            steps[-1].append(_request_record(request))
        return journal_record(self, request)

    def observed_record_again(self, template, *rest):
        steps = current["steps"]
        if steps:
            steps[-1].append(_request_record(_again(template)))
        return journal_record_again(self, template, *rest)

    model.Scenario.run, model.Step.run = observed_scenario, observed_step
    Journal.record, Journal.record_again = observed_record, observed_record_again
    status = behave_main(behave_args)
    definitions = [{"keyword": keyword, "pattern": matcher.pattern, "matcher": type(matcher).NAME}
                   for keyword in ("given", "when", "then", "step") for matcher in registry.steps[keyword]]
    types = {name: getattr(converter, "pattern", None) for name, converter in ParseMatcher.TYPE_REGISTRY.items()}
    plan = {"definitions": definitions, "types": types, "scenarios": scenarios}
    Path(plan_path).write_text(json.dumps(plan))
    return status


def scenario_key(location):
    """A scenario's key in the plan: its feature file's real path and its line (the twin links the features)."""
    return f"{Path(location.filename).resolve()}:{location.line}"


def _again(template):
    """The request a journal entry's fields stand for (a read sent again: no body)."""
    from mockserver.node.messages import Request

    query = template["query_string"]
    return Request(template["method"], template["path"] + (f"?{query}" if query else ""), template["headers"])


def _request_record(request):
    """What the twin needs to send a request again: method, target, headers, body (its length, if not all kept)."""
    return {"method": request.method, "target": request.target, "headers": list(request.headers.items()),
            "body": base64.b64encode(request.body).decode("ascii"),
            "length": request.declared_length if request.truncated else len(request.body)}


# -- generating the twin ---------------------------------------------------------------------------------


def build(directory, plan_path, features=ROOT / "features"):
    """Write the twin into directory: the features (a link), behave.ini, environment.py, steps/twin_steps.py."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    plan = json.loads(Path(plan_path).read_text())
    (directory / "features").symlink_to(Path(features).resolve(), target_is_directory=True)
    shutil.copy(ROOT / "behave.ini", directory / "behave.ini")
    shutil.copy(Path(plan_path), directory / "plan.json")
    (directory / "environment.py").write_text(ENVIRONMENT)
    (directory / "steps").mkdir()
    (directory / "steps" / "twin_steps.py").write_text(step_module(plan))
    return directory


def step_module(plan):
    """The twin's step definitions: the registry's patterns, in its order, each doing nothing but the replay."""
    lines = ['"""Generated by bench/twin.py: the suite\'s step texts, each sending only its recorded requests."""',
             "", "from behave import given, register_type, step, then, use_step_matcher, when", "",
             "from bench.twin_replay import replay", "", "", "def _typed(pattern):",
             "    def convert(text):", "        return text", "", "    convert.pattern = pattern",
             "    return convert", ""]
    typed = {name: pattern for name, pattern in plan["types"].items()}
    if typed:
        lines.append("register_type(" + ", ".join(f"{name}=_typed({pattern!r})" if pattern is not None
                                                  else f"{name}=lambda text: text" for name, pattern in typed.items())
                     + ")")
    matcher = None
    for number, definition in enumerate(plan["definitions"]):
        if definition["matcher"] != matcher:
            matcher = definition["matcher"]
            lines.append(f"use_step_matcher({matcher!r})")
        lines += ["", "", f"@{definition['keyword']}({definition['pattern']!r})",
                  f"def step_{number}(context, *args, **kwargs):", "    replay(context)"]
    return "\n".join(lines) + "\n"


# The twin's hooks: a fresh mock per feature (the design), a requests session, the real hooks' skips; nothing else.
ENVIRONMENT = '''"""Generated by bench/twin.py: the design's hooks and nothing more."""

from pathlib import Path

from behave import fixture, use_fixture

from bench import twin_replay
from mockserver import MockServer

HERE = Path(__file__).resolve().parent


@fixture
def mock_api(context):
    context.mock = MockServer().start()
    try:
        yield context.mock
    finally:
        context.mock.stop()


def before_all(context):
    twin_replay.start(HERE / "plan.json", HERE / "summary.json")


def before_feature(context, feature):
    use_fixture(mock_api, context)


def before_scenario(context, scenario):
    tags = set(scenario.effective_tags)
    if "robustness" in tags and not context.config.userdata.getbool("robustness", False):
        scenario.skip("robustness")


def after_all(context):
    twin_replay.stop()
'''


def main(argv):
    """python -m bench.twin record PLAN -- behave-args: run behave here and record the plan for the twin."""
    if len(argv) < 3 or argv[0] != "record" or argv[2] != "--":
        sys.exit("usage: python -m bench.twin record PLAN -- behave-args")
    sys.exit(record(argv[1], argv[3:]))


if __name__ == "__main__":
    main(sys.argv[1:])
