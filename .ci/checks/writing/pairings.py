"""Any Then after any When: every pairing of the features' own When and Then lines, run as a two-step scenario.

Generated at test time in a temporary directory from the features' When and Then lines (outlines expanded,
tables and docstrings kept), run offline against the mock (in -j behave processes at once, two per core by default,
each with a small formatter of this module writing every outcome as JSON), and counted: passed,
failed with a worded message (the Then judged what came back and found it false, or said in one sentence
that it cannot judge it), and anything else. The check fails on any Python exception that is not an
assertion, on a failure without a message, on an undefined step, and on a hook error that is not an
assertion. It also runs a table of pairs a product owner writes and checks each turns out as it must.

By default, every kind of outcome every When step had in the features meets every Then step: a first run
tries each distinct When line alone and notes the shape of what came back (how it was asked, status, error,
kind and number of records, the fields of a record, headers, connection); one When line per When step and
shape is kept, and paired with one line of every Then step pattern (its first use in the features), since
two lines of one step with the same shape of outcome take the same path through every Then.
--every-line pairs every distinct When line with every distinct Then line (about 27,000 pairs: minutes).
The pairs run with the project's hooks, except that in the pairs whose When is a raw client's (those that wait for the mock to close a connection), the
mock drops an idle or half-sent connection after 0.05 s instead of 5 s, and the app's pooled connections
are closed before and after, so that no request of the app's meets that short limit on a connection left
idle; and in the pairs whose When leaves a search by a pattern that backtracks for ever running (each pair waits
for it to end), the mock cuts the search off after 0.05 s instead of 1 s: pairing is about what the Thens make
of what came back, not about the mock's timeouts, which the robustness battery checks.

    python .ci/checks/writing/pairings.py [--every-line] [--jobs N] [--keep DIR]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from behave.formatter.base import Formatter

ROOT = Path(__file__).resolve().parents[3]
IDLE = 0.05  # seconds the pairs' mock waits for a request on an idle connection (the project's: 5)
PATTERN_LIMIT = 0.05  # seconds the pairs' mock gives the patterns of a search left running in the background (1)
# Whens that leave a search running on the mock after them: its pairs wait for it to end (steps/search_patterns.py),
# so their mock cuts the search off after PATTERN_LIMIT, not after a second (126 pairs: 6 s instead of 126 s).
BACKGROUND_SEARCHES = ("a client searches the comments with a pattern that backtracks for ever",)
SHOWN = 15  # problems listed in full
PER_PAIR = 0.002  # seconds a pair takes besides its When (behave's own work, the Then), to share out the pairs
TIMEOUT = 1200  # seconds a behave process may take: a run that hangs is stopped and reported

# Pairs a product owner writes, and what each must give. (When, its table, Then, expected.)
WRITTEN_PAIRS = [
    ("When I list all users", None, "Then I get the users numbered 1 to 10", "passed", ""),
    ('When I look for users whose username is "Bret"', None, "Then I get the users numbered 1", "passed", ""),
    ("When I look up user 3", None, 'Then I get only "Clementine Bauch"', "passed", ""),
    ('When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"', None,
     'Then it is created as number 11, found at "/users/11"', "passed", ""),
    ("When I create a user with:", [["name", "value"], ["Jane Doe", "x"]], "Then the new user gets id 11",
     "failed", 'the column "name" is not one I can use; I can use: field, value'),
    ("When I create a user with:", [["field", "value", "note"], ["name", "Jane Doe", "x"]],
     "Then the new user gets id 11", "failed", 'the column "note" is not one I can use; I can use: field, value'),
    ("When I create a user with:", [["field", "value"], ["name", "Jane Doe"]],
     "Then the new user's name and username were sent as JSON", "failed", "no username was given"),
]

ENVIRONMENT = f'''"""The project's hooks for the pairs, with a mock that drops idle connections after {IDLE} s."""
import importlib.util
import json
import os

import pairings
from mockserver.node.regexp import jsregex

_spec = importlib.util.spec_from_file_location("project_environment", {str(ROOT / "environment.py")!r})
project = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(project)
before_all, before_feature, before_step, after_all = (project.before_all, project.before_feature,
                                                      project.before_step, project.after_all)
SHAPES = os.environ.get("PAIRINGS_SHAPES")
LIMITS = []  # the mock's own limits, while a raw client's pair runs with short ones


def before_scenario(context, scenario):
    """The project's before_scenario; for a raw client's When, a mock that drops a silent client after {IDLE} s;
    for a search left running, one that cuts its patterns off after {PATTERN_LIMIT} s."""
    project.before_scenario(context, scenario)
    if "short_idle" in scenario.tags:
        project.services.default_client().session.close()  # no pooled connection of the app's is left idle
        LIMITS[:] = [context.mock.idle_timeout, context.mock.request_deadline]
        context.mock.idle_timeout = context.mock.request_deadline = {IDLE}
    if "short_search" in scenario.tags:
        context.mock.app.pattern_time_limit = {PATTERN_LIMIT}


def after_scenario(context, scenario):
    """The project's after_scenario; the mock's own limits back, and the app's connections made under them closed."""
    try:
        project.after_scenario(context, scenario)
    finally:
        if "short_search" in scenario.tags:
            context.mock.app.pattern_time_limit = jsregex.TIME_LIMIT
        if "short_idle" in scenario.tags:
            context.mock.idle_timeout, context.mock.request_deadline = LIMITS
            project.services.default_client().session.close()


def after_step(context, step):
    """The project's after_step; in the first run, also the shape of what each When got."""
    project.after_step(context, step)
    if SHAPES and step.step_type == "when":
        with open(SHAPES, "a", encoding="utf-8") as out:
            out.write(json.dumps([context.scenario.name, pairings.shape(context)]) + "\\n")
'''


class PairOutcomes(Formatter):
    """A behave formatter that writes, for each scenario, its status and each step's status and error, as JSON."""

    name, description = "pairs", "each scenario's and step's outcome, as JSON (for .ci/checks/writing/pairings.py)"

    def __init__(self, stream_opener, config):
        super().__init__(stream_opener, config)
        self.features, self.stream = [], self.open()

    def feature(self, feature):
        """Keep the feature: its scenarios are read once they have run."""
        self.features.append(feature)

    def close(self):
        """Write every scenario's outcome."""
        json.dump([self.outcome(scenario) for feature in self.features for scenario in feature.walk_scenarios()],
                  self.stream)
        self.close_stream()

    @staticmethod
    def outcome(scenario):
        """A scenario's outcome: its name, status, whether a hook failed, and each step's (status, exception, ...)."""
        steps = [(s.status.name, type(s.exception).__name__ if s.exception else "", s.error_message or "", s.duration)
                 for s in scenario.steps]
        return {"name": scenario.name, "status": scenario.status.name, "hook_failed": bool(scenario.hook_failed),
                "steps": steps}


def shape(context):
    """The shape of what the last When got: what tells apart the paths a Then can take through it."""
    came = getattr(context, "came_back", None)
    if came is None:
        return None
    records = came.records
    first = records[0] if isinstance(records, list) and records else records
    return [came.via.value, came.method, came.status, type(came.error).__name__ if came.error else None, came.kind,
            type(records).__name__, bool(records), sorted(first) if isinstance(first, dict) else None,
            type(came.document).__name__, sorted(h.lower() for h in came.headers),
            sorted(h.lower() for h in came.sent_headers), came.closed, came.connection is not None,
            bool(came.answers), type(came.sent).__name__]


def render(step, keyword):
    """A parsed step back as Gherkin lines (its docstring or table kept), under a given keyword."""
    lines = [f"    {keyword} {step.name}"]
    if step.text is not None:
        lines += ['      """', *("      " + line for line in step.text.splitlines()), '      """']
    if step.table is not None:
        lines += [_row(row) for row in [step.table.headings, *step.table.rows]]
    return "\n".join(lines)


def _row(cells):
    """A table row as Gherkin."""
    return "      | " + " | ".join(str(cell).replace("|", "\\|") for cell in cells) + " |"


def collect(every_line):
    """The distinct When lines (each with its step pattern), and the Then lines (one per pattern, or all)."""
    from behave.runner_util import load_step_modules, parse_features
    from behave.step_registry import registry

    sys.path.insert(0, str(ROOT))  # the steps import services and mockserver
    load_step_modules([str(ROOT / "steps")])
    whens, thens, patterns = {}, {}, set()
    files = sorted(str(p) for p in (ROOT / "features").glob("**/*.feature"))
    for scenario in everyday_scenarios(parse_features(files)):
        for step in scenario.all_steps:
            if step.step_type == "when":
                whens.setdefault(render(step, "When"), _pattern(registry, step))
            elif step.step_type == "then":
                pattern = _pattern(registry, step)
                if every_line or pattern not in patterns:
                    patterns.add(pattern)
                    thens.setdefault(render(step, "Then"), step.location)
    return whens, list(thens)


def everyday_scenarios(features):
    """The features' scenarios a run takes unless it asks for @wip (steps/support/selection.py); fails naming each
    undefined step among them, its file and line, and the closest steps (livedocs/suggest.py), as behave does."""
    from behave.step_registry import registry

    from livedocs import suggest
    from steps.support.selection import in_everyday_run

    scenarios = [s for f in features for s in f.walk_scenarios() if in_everyday_run(s.effective_tags)]
    undefined = [step for s in scenarios for step in s.all_steps if registry.find_match(step) is None]
    if undefined:
        raise UndefinedSteps(f"{len(undefined)} undefined step(s) in the features: fix them first (the pairs are built "
                        f"from the features' steps)" + suggest.report(undefined))
    return scenarios


class UndefinedSteps(Exception):
    """A step of the features matches no step definition: the check names it instead of running."""


def _pattern(registry, step):
    """The step pattern a step line matches (its own text if none does: the run will say it is undefined)."""
    return next((m.pattern for m in registry.steps[step.step_type] if m.match(step.name)), step.name)


class Unshaped(Exception):
    """The When lines ran alone, but what came back was not noted for each: the pairs cannot be chosen."""


def try_alone(directory, whens, one_each):
    """Each When line run alone: (line, seconds, the tags of its pairs), one per step pattern and shape if one_each."""
    lines = list(whens)
    feature = ["Feature: each When alone", ""]
    for n, when in enumerate(lines):
        feature += [f"  Scenario: when {n}", when, ""]
    (directory / "whens.feature").write_text("\n".join(feature), encoding="utf-8")
    shapes = directory / "shapes.jsonl"
    outcomes, code, output = run(directory, ["whens.feature"], "whens.json", PAIRINGS_SHAPES=str(shapes))
    seen = {int(name.split()[1]): found for name, found in
            (json.loads(line) for line in shapes.read_text(encoding="utf-8").splitlines())} if shapes.exists() else {}
    took = {int(o["name"].split()[1]): o["steps"][0][3] for o in outcomes if o["steps"]}
    if set(took) - set(seen):  # the shapes pick the pairs' short limits: without them each trickle waits 5 s
        raise Unshaped(f"no shape of what came back was noted for {len(set(took) - set(seen))} of the {len(took)} "
                       f"When lines run alone (is the check's after_step hook still called?)")
    chosen = {}
    for n, when in enumerate(lines):  # a When that fails before recording (a bad table) keeps its line: shape None
        key = (whens[when], json.dumps(seen.get(n))) if one_each else n
        tags = ["@short_idle"] if (seen.get(n) or [None])[0] == "a raw client" else []
        tags += ["@short_search"] if whens[when] in BACKGROUND_SEARCHES else []
        chosen.setdefault(key, (when, took.get(n, 0.0), " ".join(tags)))
    return list(chosen.values()), outcomes, output


def prepare(directory):
    """A link to steps/ and the pairs' hooks, in the directory."""
    (directory / "steps").symlink_to(ROOT / "steps", target_is_directory=True)
    (directory / "environment.py").write_text(ENVIRONMENT, encoding="utf-8")


def write_pairs(directory, whens, thens, jobs):
    """The pairs in one feature per behave process (shared out by what their Whens took alone), and the written ones."""
    shards, load = [[] for _ in range(jobs)], [0.0] * jobs
    for w, (when, took, tags) in sorted(enumerate(whens), key=lambda item: -item[1][1]):
        lightest = load.index(min(load))
        load[lightest] += (took + PER_PAIR) * len(thens)
        for t, then in enumerate(thens):
            shards[lightest] += [f"  {tags}" if tags else "", f"  Scenario: pair {w}.{t}", when, then, ""]
    for k, lines in enumerate(shards):
        (directory / f"pairs-{k}.feature").write_text("\n".join(["Feature: every When with every Then", ""] + lines),
                                                      encoding="utf-8")
    lines = ["Feature: the pairs a product owner writes", ""]
    for n, (when, table, then, _, _) in enumerate(WRITTEN_PAIRS):
        lines += [f"  Scenario: written pair {n}", f"    {when}", *(_row(r) for r in table or []), f"    {then}", ""]
    (directory / "written_pairs.feature").write_text("\n".join(lines), encoding="utf-8")
    return [[f"pairs-{k}.feature"] + (["written_pairs.feature"] if k == 0 else []) for k in range(jobs)]


def run(directory, features, outcomes, **environment):
    """Run the features in one behave process; their outcomes, behave's exit code and its output."""
    return run_all(directory, [(features, outcomes)], **environment)


def run_all(directory, runs, **environment):
    """Run behave processes at once, one per (features, outcomes file); all outcomes, the worst exit code, output."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(Path(__file__).parent)]), **environment}
    started = []
    for features, outcomes in runs:
        command = [sys.executable, "-m", "behave", "--no-summary", "--no-capture", "-f", "pairings:PairOutcomes",
                   "-o", str(directory / outcomes), "--tags=-wip", *(str(directory / f) for f in features)]
        log = open(directory / f"{outcomes}.log", "w+", encoding="utf-8")  # noqa: SIM115 (closed below)
        started.append((subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT), log))
    found, codes, output = [], [], ""
    for (process, log), (_, outcomes) in zip(started, runs, strict=True):
        try:
            codes.append(process.wait(timeout=TIMEOUT))
        except subprocess.TimeoutExpired:
            process.kill()
            codes.append(process.wait())
            output += f"behave on {outcomes} took over {TIMEOUT} s and was stopped\n"
        with log:
            log.seek(0)
            output += log.read()
        path = directory / outcomes
        found += json.loads(path.read_text(encoding="utf-8") or "[]") if path.exists() else []
    return found, max(codes), output


def classify(scenario):
    """A pair's outcome: passed, failed (judged false), cannot judge, hook (worded, from a hook), or problem."""
    if scenario["status"] == "passed":
        return "passed", ""
    for status, exception, message, _ in scenario["steps"]:
        if status == "undefined":
            return "problem", "an undefined step"
        if status == "hook_error" and exception in ("AssertionError", "CannotJudge", "StepMisread"):
            return "hook", "a hook failed the step with a sentence (see its HOOK-ERROR line)"
        if status in ("failed", "error", "hook_error"):
            if status != "failed" or not message.strip():
                last = (message.strip().splitlines() or [""])[-1]  # a traceback's last line names the exception
                return "problem", f"{status} {exception}: {last[:300]}"
            return ("cannot judge" if exception == "CannotJudge" else "failed"), message
    if scenario["hook_failed"]:
        return "hook", "a hook failed the scenario (see its HOOK-ERROR line)"
    return "problem", f"ended {scenario['status']} with no step failing"


def main(argv=None):
    """Generate, run and count the pairs; exit 1 on any problem."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--every-line", action="store_true", help="pair every distinct Then line, not one per step")
    parser.add_argument("--keep", metavar="DIR", help="write the pairs and outcomes here and keep them")
    parser.add_argument("-j", "--jobs", type=int, default=min(8, 2 * (os.cpu_count() or 1)),
                        help="behave processes that run the pairs at once (default: two per core, at most 8: one "
                             "process cannot keep a core busy, its mock's threads sharing its GIL and its waits)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        whens, thens = collect(args.every_line)
    except UndefinedSteps as undefined:
        print(f"  PROBLEM {undefined}")
        return 1
    with tempfile.TemporaryDirectory(prefix="pairings-") as temporary:
        directory = Path(args.keep or temporary)
        directory.mkdir(parents=True, exist_ok=True)
        prepare(directory)
        try:
            chosen, alone, output = try_alone(directory, whens, one_each=not args.every_line)
        except Unshaped as problem:
            print(f"  PROBLEM {problem}")
            return 1
        shards = write_pairs(directory, chosen, thens, max(1, args.jobs))
        outcomes, code, more = run_all(directory, [(f, f"outcomes-{k}.json") for k, f in enumerate(shards)])
    print(f"pairings: {len(whens)} distinct When lines, {len(chosen)} kept (one per When step and shape of what "
          f"came back)" if not args.every_line else "pairings: every When line and every Then line")
    return report(chosen, thens, alone + outcomes, code, output + more, time.monotonic() - started)


def report(whens, thens, outcomes, code, output, seconds):
    """Print the counts and every problem; 0 if there is none."""
    pairs = [o for o in outcomes if o["name"].startswith("pair ")]
    alone = [o for o in outcomes if o["name"].startswith("when ")]
    problems = [f"{o['name']} (alone): {classify(o)[1]}" for o in alone if classify(o)[0] == "problem"]
    kinds = Counter(classify(o)[0] for o in pairs)
    problems += [f"{o['name']}: {classify(o)[1]}" for o in pairs if classify(o)[0] == "problem"]
    hook_errors = [line for line in output.splitlines() if "HOOK-ERROR" in line and "AssertionError" not in line]
    problems += hook_errors
    if len(pairs) != len(whens) * len(thens):
        problems.append(f"{len(pairs)} pairs ran, not {len(whens) * len(thens)}: behave stopped early? {output[-800:]}")
    problems += check_written_pairs([o for o in outcomes if o["name"].startswith("written pair ")])
    print(f"pairings: {len(whens)} When lines x {len(thens)} Then lines = {len(pairs)} pairs in {seconds:.1f} s: "
          f"{kinds['passed']} passed, {kinds['failed']} failed with a verdict, {kinds['cannot judge']} failed "
          f"saying the Then cannot judge what its When got, {kinds['hook']} failed in a hook with a sentence, "
          f"{kinds['problem']} problems")
    return show(problems, code, output)


def show(problems, code, output):
    """Print the first problems (and how many more), or behave's output if it exited oddly; 0 if all is well."""
    for problem in problems[:SHOWN]:
        print("  PROBLEM", problem)
    if len(problems) > SHOWN:
        print(f"  ... and {len(problems) - SHOWN} more problems")
    if not problems and code not in (0, 1):
        problems.append(f"behave exited with {code}")
        print(output[-2000:])
    return 1 if problems else 0


def check_written_pairs(outcomes):
    """Each pair a product owner writes turned out as it must: its problems, if any."""
    problems = []
    for n, (when, _, then, expected, words) in enumerate(WRITTEN_PAIRS):
        found = next((o for o in outcomes if o["name"] == f"written pair {n}"), None)
        if found is None:
            problems.append(f"written pair {n} ({when} / {then}) did not run")
            continue
        kind, message = classify(found)
        if (kind == "passed") != (expected == "passed") or words not in message:
            problems.append(f"written pair {n} ({when} / {then}): expected {expected} {words!r}, got {kind}: {message}")
    return problems


if __name__ == "__main__":
    sys.exit(main())
