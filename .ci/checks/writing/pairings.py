"""Any Then after any When: every pairing of the features' own When and Then lines, each judged as a two-step scenario.

Generated at test time in a temporary directory from the features' When and Then lines (outlines expanded,
tables and docstrings kept), run offline against the mock (in -j behave processes at once, one per core by default,
each with a small formatter of this module writing every outcome as JSON), and counted: passed,
failed with a worded message (the Then judged what came back and found it false, or said in one sentence
that it cannot judge it), and anything else. The check fails on any Python exception that is not an
assertion, on a failure without a message, on an undefined step, and on a hook error that is not an
assertion. It also runs a table of pairs a product owner writes and checks each turns out as it must.

By default, every kind of outcome every When step had in the features meets every Then step: each distinct When
line runs alone, as a scenario of its own, and the shape of what came back is noted (how it was asked, status,
error, kind and number of records, the fields of a record, headers, connection); the first When line of each When
step and shape is kept, and paired with one line of every Then step pattern (its first use in the features), since
two lines of one step with the same shape of outcome take the same path through every Then.
--every-line pairs every distinct When line with every distinct Then line (117,234 pairs today: under a minute).

A kept When runs once, not once per Then: right after it, in the same behave process, every Then runs on what it
left, each as if in a pair of its own (shared_pairs.py says how: each Then gets its own copy of what the When set
on the context, the mock's journal and errors as the When left them, the project's step hooks and its
after_scenario check, a deadline of its own). After a When that leaves something going on (a connection kept
open, clients hung up, a search in the background, mocks of its own, a fixture to clean up), a Then that touches
a socket, a thread or a mock is stopped before it does, and that pair runs afresh, When and Then as a scenario of
its own (about 110 pairs), in a behave process started as soon as fewer than -j run, with every such pair
written so far (the When lines' processes write their pairs as each kept When ends).
The When lines' processes share the lines out by When step (so each keeps the first line of a step and shape, as
one process would). Each Then's exception and traceback are let go once its outcome is written: behave's model
kept every pair's, and with them what its When got (16 MiB bodies), which is how a process reached 3 GB.

The pairs run with the project's hooks, except that in the pairs whose When is a raw client's (those that wait for
the mock to close a connection), the mock drops an idle or half-sent connection after 0.05 s instead of 5 s, and
the app's pooled connections are closed before the When and before each Then, so that no request of the app's
meets that short limit on a connection left idle; and in the pairs whose When leaves a search by a pattern that
backtracks for ever running, the mock cuts the search off after 0.05 s instead of 1 s: pairing is about what the
Thens make of what came back, not about the mock's timeouts, which the robustness battery checks. Such a When runs
again on those limits, as its pairs run it, before its Thens.

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
MESSAGE_ENDS = 2000  # characters kept of each end of a long failure message
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

ENVIRONMENT = f'''"""The project's hooks for the pairs; every Then after each kept When line (shared_pairs.py); for the pairs that
run afresh, a mock that drops idle connections after {IDLE} s."""
import importlib.util
import json
import os

import pairings
import shared_pairs

_spec = importlib.util.spec_from_file_location("project_environment", {str(ROOT / "environment.py")!r})
project = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(project)
before_feature, before_step = project.before_feature, project.before_step
SHAPES = os.environ.get("PAIRINGS_SHAPES")
SHARED = None  # shared_pairs.Shared: the When lines of this process, each kept one followed by every Then


def before_all(context):
    """The project's before_all; the When lines and Then steps of this process, when it runs When lines."""
    global SHARED
    project.before_all(context)
    if os.environ.get("PAIRINGS_SHARED"):
        SHARED = shared_pairs.Shared(os.environ["PAIRINGS_SHARED"])


def before_scenario(context, scenario):
    """The project's before_scenario; for a raw client's When, a mock that drops a silent client after {IDLE} s;
    for a search left running, one that cuts its patterns off after {PATTERN_LIMIT} s."""
    project.before_scenario(context, scenario)
    shared_pairs.short_limits(context, scenario.tags)


def after_scenario(context, scenario):
    """The project's after_scenario; the mock's own limits back, and the app's connections made under them closed;
    a kept When's pairs written."""
    try:
        project.after_scenario(context, scenario)
    finally:
        shared_pairs.own_limits_back(context, scenario.tags)
        if SHARED is not None:
            SHARED.scenario_ended(scenario)


def after_step(context, step):
    """The project's after_step; after a When line run alone, the shape of what it got, and, if it is kept, every
    Then after it."""
    project.after_step(context, step)
    if step.step_type == "when" and context.scenario.name.startswith("when ") and not (SHARED and SHARED.running):
        found = pairings.shape(context)
        if SHAPES:
            with open(SHAPES, "a", encoding="utf-8") as out:
                out.write(json.dumps([context.scenario.name, found]) + "\\n")
        if SHARED is not None:
            SHARED.when_ran(context, step, found)


def after_all(context):
    """The project's after_all; the pairs' file closed."""
    try:
        project.after_all(context)
    finally:
        if SHARED is not None:
            SHARED.close()
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
        steps = [(s.status.name, type(s.exception).__name__ if s.exception else "", ends(s.error_message or ""),
                  s.duration) for s in scenario.steps]
        return {"name": scenario.name, "status": scenario.status.name, "hook_failed": bool(scenario.hook_failed),
                "steps": steps}


def ends(message):
    """A message, or its beginning and end if it is long: what the counts read of it (its words, its last line),
    without the 1 MB names some Whens send (159 of them in a process's pairs: 120 MB)."""
    if len(message) <= MESSAGE_ENDS * 2:
        return message
    return f"{message[:MESSAGE_ENDS]} ... ({len(message) - 2 * MESSAGE_ENDS} characters) ... {message[-MESSAGE_ENDS:]}"


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


def prepare(directory):
    """A link to steps/ and the pairs' hooks, in the directory (tables.py runs its own features with them)."""
    (directory / "steps").symlink_to(ROOT / "steps", target_is_directory=True)
    (directory / "environment.py").write_text(ENVIRONMENT, encoding="utf-8")


def write_plan(directory, whens, thens, one_each):
    """The Then lines (thens.feature) and what the behave processes need to know of the When lines (plan.json: each
    one's step pattern), in the directory."""
    (directory / "thens.feature").write_text("\n".join(["Feature: every Then", "", "  Scenario: thens", *thens, ""]),
                                             encoding="utf-8")
    plan = {"patterns": dict(enumerate(whens.values())), "background": BACKGROUND_SEARCHES, "one_each": one_each}
    (directory / "plan.json").write_text(json.dumps(plan), encoding="utf-8")


def write_whens(directory, whens, jobs):
    """The When lines in one feature per behave process, those of a step pattern together (so that each process
    keeps the first line of each pattern and shape, as one process would), and the written pairs beside them."""
    by_pattern = {}
    for n, pattern in enumerate(whens.values()):
        by_pattern.setdefault(pattern, []).append(n)
    shards = [[] for _ in range(jobs)]
    for numbers in sorted(by_pattern.values(), key=len, reverse=True):
        min(shards, key=len).extend(numbers)
    lines = list(whens)
    for k, numbers in enumerate(shards):
        feature = ["Feature: each When alone, and every Then after it", ""]
        for n in sorted(numbers):
            feature += [f"  Scenario: when {n}", lines[n], ""]
        (directory / f"whens-{k}.feature").write_text("\n".join(feature), encoding="utf-8")
    feature = ["Feature: the pairs a product owner writes", ""]
    for n, (when, table, then, _, _) in enumerate(WRITTEN_PAIRS):
        feature += [f"  Scenario: written pair {n}", f"    {when}", *(_row(r) for r in table or []), f"    {then}", ""]
    (directory / "written_pairs.feature").write_text("\n".join(feature), encoding="utf-8")
    return [[f"whens-{k}.feature"] + (["written_pairs.feature"] if k == 0 else []) for k in range(jobs)]


def run_whens(directory, whens, thens, jobs):
    """Each When line run alone, every Then after each kept one (shared_pairs.py), in `jobs` behave processes at
    once; the pairs they leave to run afresh, each as a scenario of its own, in a behave process started as soon as
    fewer than `jobs` run (with every such pair written so far). The kept lines, the pairs' outcomes, how many ran
    afresh, every other outcome, the worst exit code and behave's output."""
    lines = list(whens)
    shards = [Behave(directory, features, f"whens-{k}.json", shared=True)
              for k, features in enumerate(write_whens(directory, whens, jobs))]
    written = [WrittenPairs(directory / f"{shard.outcomes}.pairs") for shard in shards]
    kept, pairs, queued, afresh, started = [], [], [], 0, []
    while True:
        for found in written:
            k_kept, k_pairs, k_afresh = found.read_on()
            kept, pairs, queued, afresh = kept + k_kept, pairs + k_pairs, queued + k_afresh, afresh + len(k_afresh)
        running = [run for run in shards + started if not run.ended()]
        if queued and len(running) < jobs:  # a core is free: the pairs to run afresh so far, in a process of their own
            feature = ["Feature: a When and a Then, afresh", ""]
            for n, t, tags in queued:
                feature += [f"  {tags}" if tags else "", f"  Scenario: pair {n}.{t}", lines[n], thens[t], ""]
            name = f"pairs-{len(started)}.feature"
            (directory / name).write_text("\n".join(feature), encoding="utf-8")
            started.append(Behave(directory, [name], f"outcomes-{len(started)}.json"))
            queued = []
            continue
        if not running and not queued:
            break
        time.sleep(0.05)
    outcomes, code, output = [], 0, ""
    for run in shards + started:
        found, run_code, said = run.finish()
        outcomes, code, output = outcomes + found, max(code, run_code), output + said
    pairs += [o for o in outcomes if o["name"].startswith("pair ")]
    outcomes = [o for o in outcomes if not o["name"].startswith("pair ")]
    seen = {}
    for shard in shards:
        shapes = directory / f"{shard.outcomes}.shapes"
        for line in shapes.read_text(encoding="utf-8").splitlines() if shapes.exists() else []:
            scenario, found = json.loads(line)
            seen[int(scenario.split()[1])] = found
    ran = {int(o["name"].split()[1]) for o in outcomes if o["name"].startswith("when ") and o["steps"]}
    if ran - set(seen):  # the shapes pick the pairs' short limits: without them each trickle waits 5 s
        raise Unshaped(f"no shape of what came back was noted for {len(ran - set(seen))} of the {len(ran)} "
                       f"When lines run alone (is the check's after_step hook still called?)")
    return sorted(kept), pairs, afresh, outcomes, code, output


class WrittenPairs:
    """What a behave process writes of its kept When lines (outcomes.pairs, a JSON line each), read as it comes."""

    def __init__(self, path):
        self.path, self.offset = path, 0

    def read_on(self):
        """The kept lines, the pairs' outcomes and the pairs to run afresh written since the last read (whole lines)."""
        kept, pairs, afresh = [], [], []
        if not self.path.exists():
            return kept, pairs, afresh
        with self.path.open("rb") as written:
            written.seek(self.offset)
            data = written.read()
        whole = data[:data.rfind(b"\n") + 1]
        self.offset += len(whole)
        for line in whole.decode("utf-8").splitlines():
            found = json.loads(line)
            kept += [found["kept"]] if "kept" in found else []
            afresh += [found["afresh"]] if "afresh" in found else []
            pairs += [found] if "name" in found else []
        return kept, pairs, afresh


class Behave:
    """One behave process on features of the directory, with the pairings' formatter writing to `outcomes`; shared:
    it also runs every Then after each kept When line, writing the pairs to outcomes.pairs (shared_pairs.py)."""

    def __init__(self, directory, features, outcomes, shared=False):
        self.directory, self.outcomes, self.began, self.stopped = directory, outcomes, time.monotonic(), False
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(Path(__file__).parent)])}
        if shared:
            env.update(PAIRINGS_SHARED=str(directory), PAIRINGS_SHAPES=str(directory / f"{outcomes}.shapes"),
                       PAIRINGS_OUT=str(directory / f"{outcomes}.pairs"))
        command = [sys.executable, "-m", "behave", "--no-summary", "--no-capture", "-f", "pairings:PairOutcomes",
                   "-o", str(directory / outcomes), "--tags=-wip", *(str(directory / f) for f in features)]
        self.log = open(directory / f"{outcomes}.log", "w+", encoding="utf-8")  # noqa: SIM115 (closed in finish)
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def ended(self):
        """Whether the process has ended (one that runs past TIMEOUT is stopped)."""
        if self.process.poll() is None and time.monotonic() - self.began > TIMEOUT:
            self.process.kill()
            self.stopped = True
        return self.process.poll() is not None

    def finish(self):
        """Wait for the process: its outcomes, exit code and output."""
        try:
            code = self.process.wait(timeout=max(1.0, TIMEOUT - (time.monotonic() - self.began)))
        except subprocess.TimeoutExpired:
            self.process.kill()
            code, self.stopped = self.process.wait(), True
        with self.log:
            self.log.seek(0)
            output = self.log.read()
        if self.stopped:
            output += f"behave on {self.outcomes} took over {TIMEOUT} s and was stopped\n"
        path = self.directory / self.outcomes
        return json.loads(path.read_text(encoding="utf-8") or "[]") if path.exists() else [], code, output


def run(directory, features, outcomes):
    """Run the features in one behave process; their outcomes, behave's exit code and its output."""
    return run_all(directory, [(features, outcomes)])


def run_all(directory, runs):
    """Run behave processes at once, one per (features, outcomes file); all outcomes, the worst exit code, output."""
    found, codes, output = [], [], ""
    for run in [Behave(directory, features, outcomes) for features, outcomes in runs]:
        outcomes, code, said = run.finish()
        found, output = found + outcomes, output + said
        codes.append(code)
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
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="behave processes that run the When lines at once (default: one per core)")
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
        write_plan(directory, whens, thens, one_each=not args.every_line)
        try:
            kept, pairs, afresh, outcomes, code, output = run_whens(directory, whens, thens, max(1, args.jobs))
        except Unshaped as problem:
            print(f"  PROBLEM {problem}")
            return 1
    print(f"pairings: {len(whens)} distinct When lines, {len(kept)} kept (one per When step and shape of what "
          f"came back)" if not args.every_line else "pairings: every When line and every Then line")
    print(f"pairings: {len(pairs) - afresh} pairs judged after one run of their When, {afresh} run afresh (their "
          f"Then touched what goes on after the When)")
    return report(kept, thens, outcomes + pairs, code, output, time.monotonic() - started)


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
