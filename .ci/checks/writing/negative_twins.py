"""Every Then has its negative twin: fed a wrong answer, or after a When of the wrong kind, it fails in a sentence.

The twins are the scenarios of .ci/checks/writing/negative_twins.feature, run offline against the mock in -j behave
processes at once (one per core; the twins shared out by line), the robustness battery's steps included, on short
limits; its @real scenarios talk to a mock of the check's own
(python -m mockserver) standing in for the live API. A scenario tagged @right must pass; one tagged @wrong must pass
every step but its last, a Then, and fail there with an AssertionError: a verdict, or the sentence saying the
Then cannot judge what its When got (which begins with the Then's own line). Its message must be a sentence,
hold no traceback, and hold the words of the scenario's "Fails saying: ..." lines (and end a line with those of
its "Fails saying, to the end of a line: ..." lines). Every Then step definition of steps/ must be the last
step of at least one @wrong scenario and a step of at least one @right one: a new Then cannot be added without
its twins. The pairings check (pairings.py) runs each Then after each When, but only asserts that no traceback
escapes; this one asserts that the verdicts are right.

    python .ci/checks/writing/negative_twins.py [--list] [--jobs N] [--keep DIR]
"""

import argparse
import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pairings

ROOT = Path(__file__).resolve().parents[3]
FEATURE = Path(__file__).with_name("negative_twins.feature")
SAYING = "Fails saying: "  # the description line of a @wrong scenario: the words its failure must hold
TO_THE_END = "Fails saying, to the end of a line: "  # the words a line of the failure must end with
TIMEOUT = 600  # seconds the behave run may take: a run that hangs is stopped and reported
# A sentence: words (letters, a digit or two, quotes) of which at least three run on, on the failure's first line.
SENTENCE = re.compile(r"[A-Za-z'\"]+(?:[ ,:]+[\w'\"().-]+){2,}")
TRACEBACK = re.compile(r'Traceback \(most recent call last\):\s*\n\s+File "')  # Python's own, not words about one


class TwinOutcomes(pairings.PairOutcomes):
    """The pairings' formatter, writing for each step whether it failed with an AssertionError, and the message."""

    name, description = "twins", "each scenario's and step's outcome, as JSON (for .ci/checks/writing/negative_twins.py)"

    @staticmethod
    def outcome(scenario):
        """A scenario's outcome: its line and status, and each step's type, name, status, exception and message."""
        steps = [{"type": s.step_type, "name": s.name, "status": s.status.name,
                  "assertion": isinstance(s.exception, AssertionError),
                  "exception": type(s.exception).__name__ if s.exception else "",
                  "message": str(s.exception) if s.exception else (s.error_message or "")} for s in scenario.steps]
        return {"name": scenario.name, "line": scenario.line, "status": scenario.status.name, "steps": steps}


def step_functions():
    """Every Then step definition of steps/, by name (module.function), with its step patterns, and the registry."""
    from behave.runner_util import load_step_modules
    from behave.step_registry import registry

    sys.path.insert(0, str(ROOT))  # the steps import services and mockserver
    load_step_modules([str(ROOT / "steps")])
    thens = {}
    for matcher in registry.steps["then"]:
        thens.setdefault(key_of(matcher.func), []).append(matcher.pattern)
    return thens, registry


def key_of(func):
    """A step function's name: its module and function ("user_lookup.every_user_complete")."""
    return f"{Path(func.__code__.co_filename).stem}.{func.__name__}"


def twins(registry):
    """The twin scenarios of the feature: {line: (kind, name, expected words, [Then function of each step or None])}."""
    from behave.parser import parse_file

    found = {}
    for scenario in parse_file(str(FEATURE)).walk_scenarios():
        kinds = {"right", "wrong"} & set(scenario.effective_tags)
        saying = [re.escape(line[len(SAYING):]) for line in scenario.description if line.startswith(SAYING)]
        saying += [re.escape(line[len(TO_THE_END):]) + "$" for line in scenario.description
                   if line.startswith(TO_THE_END)]
        thens = [next((key_of(m.func) for m in registry.steps["then"] if m.match(s.name)), None)
                 if s.step_type == "then" else None for s in scenario.steps]
        found[scenario.line] = (kinds.pop() if len(kinds) == 1 else None, scenario.name, saying, thens)
    return found


def run(directory, lines, jobs):
    """Run the twins in `jobs` behave processes at once (the twins shared out by line, each process running its own
    as FEATURE:LINE), with one stand-in for the live API: each twin's outcome from the process that ran it, the worst
    exit code and the processes' output."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(Path(__file__).parent)])}
    shares = [sorted(lines)[k::jobs] for k in range(jobs)]
    shares = [share for share in shares if share]
    with live_stand_in() as live_url:
        started = []
        for k, share in enumerate(shares):
            command = [sys.executable, "-m", "behave", "--no-summary", "--no-capture", "-f",
                       "negative_twins:TwinOutcomes", "-o", str(directory / f"twins-{k}.json"), "-D", "robustness=on",
                       "-D", f"live_url={live_url}", *(f"{FEATURE}:{line}" for line in share)]
            started.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                            stderr=subprocess.STDOUT, text=True))
        outcomes, codes, output = [], [], ""
        for k, (process, share) in enumerate(zip(started, shares, strict=True)):
            try:
                said = process.communicate(timeout=TIMEOUT)[0]
            except subprocess.TimeoutExpired:
                process.kill()
                said = process.communicate()[0] + f"behave took over {TIMEOUT} s and was stopped\n"
            codes.append(process.returncode)
            output += said
            out = directory / f"twins-{k}.json"
            ran = set(share)  # the process's outcomes name every scenario of the feature; its own are these
            outcomes += [o for o in (json.loads(out.read_text(encoding="utf-8") or "[]") if out.exists() else [])
                         if o["line"] in ran]
    return outcomes, max(codes), output


@contextlib.contextmanager
def live_stand_in():
    """The address of a mock of its own (python -m mockserver), for the @real twins to talk to as the live API.

    Named localhost, so that it is another address than the scenarios' own mock at 127.0.0.1 (and sorts after
    it): a Then that judges the mock's journal after talking to the live API must say it cannot judge it."""
    child = subprocess.Popen([sys.executable, "-m", "mockserver", "--port", "0", "--quiet"], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        banner = child.stdout.readline()  # "... http://127.0.0.1:PORT ..."
        yield f"http://localhost:{int(banner.rsplit(':', 1)[1].split()[0])}"
    finally:
        child.terminate()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        child.stdout.close()


def judge(twin, outcome):
    """The problem with one twin's outcome (None: it turned out as its tag says)."""
    kind, name, saying, thens = twin
    where = f"line {outcome['line']} ({name})"
    steps = outcome["steps"]
    if kind is None:
        return f"{where}: tagged neither @right nor @wrong (exactly one of them)"
    if kind == "right":
        if outcome["status"] != "passed":
            bad = next((s for s in steps if s["status"] != "passed"), None)
            what = f"{bad['status']} at '{bad['name']}': {bad['message'][:300]}" if bad else outcome["status"]
            return f"{where}: must pass, but {what}"
        return None
    last = steps[-1] if steps else None
    if last is None or last["type"] != "then" or thens.count(None) != len(thens) - 1 or thens[-1] is None:
        return f"{where}: a @wrong twin ends with its one Then step, and has no other"
    early = next((s for s in steps[:-1] if s["status"] != "passed"), None)
    if early is not None:
        return f"{where}: '{early['name']}' {early['status']} before the Then: {early['message'][:300]}"
    if last["status"] != "failed":
        return f"{where}: '{last['name']}' must fail, but it {last['status']}"
    if not last["assertion"]:
        return f"{where}: '{last['name']}' failed with {last['exception']}, not an AssertionError: {last['message'][-300:]}"
    message = last["message"]
    first = message.strip().split("\n", 1)[0]
    if TRACEBACK.search(message) or not SENTENCE.search(first):
        return f"{where}: '{last['name']}' failed, but not with a sentence: {message[:300]!r}"
    if last["exception"] == "CannotJudge" and not message.startswith(f"'Then {last['name']}' checks "):
        return f"{where}: '{last['name']}' cannot judge, but its sentence does not begin with the Then: {message[:300]}"
    if not saying:
        return f"{where}: a @wrong twin says what its failure must say, in a line '{SAYING}...'"
    missing = [words for words in saying if not re.search(words, message, re.MULTILINE)]
    if missing:
        return f"{where}: '{last['name']}' failed without saying /{missing[0]}/: {message[:400]}"
    return None


def coverage(thens, found):
    """The Then step definitions without a @wrong twin (ending one) or without a @right one (passing in one)."""
    wrong = {t[3][-1] for t in found.values() if t[0] == "wrong" and t[3]}
    right = {key for t in found.values() if t[0] == "right" for key in t[3] if key}
    return ([f"{key} ({thens[key][0]!r}) has no @wrong twin" for key in thens if key not in wrong]
            + [f"{key} ({thens[key][0]!r}) has no @right twin" for key in thens if key not in right])


def main(argv=None):
    """Run the twins and check each, and that every Then has both; exit 1 on any problem."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="list the Then step definitions and their twins' lines")
    parser.add_argument("--keep", metavar="DIR", help="keep behave's outcomes and output here")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="behave processes that run the twins at once (default: one per core)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    thens, registry = step_functions()
    found = twins(registry)
    if args.list:
        for key in sorted(thens):
            lines = {kind: [str(line) for line, t in found.items() if t[0] == kind and key in t[3]]
                     for kind in ("right", "wrong")}
            print(f"{key}: right at {', '.join(lines['right']) or '-'}; wrong at {', '.join(lines['wrong']) or '-'}")
        return 0
    problems = coverage(thens, found)
    with tempfile.TemporaryDirectory(prefix="twins-") as temporary:
        directory = Path(args.keep or temporary)
        directory.mkdir(parents=True, exist_ok=True)
        outcomes, code, output = run(directory, list(found), max(1, args.jobs))
        (directory / "behave.log").write_text(output, encoding="utf-8")
    by_line = {o["line"]: o for o in outcomes}
    for line, twin in found.items():
        outcome = by_line.get(line)
        problem = judge(twin, outcome) if outcome else f"line {line} ({twin[1]}) did not run: {output[-500:]}"
        problems += [problem] if problem else []
    problems += [line for line in output.splitlines() if "HOOK-ERROR" in line]
    right = sum(t[0] == "right" for t in found.values())
    print(f"negative twins: {len(thens)} Then step definitions, {len(found) - right} wrong twins and {right} right "
          f"ones in {time.monotonic() - started:.1f} s: {len(problems)} problems")
    return pairings.show(problems, code, output)


if __name__ == "__main__":
    sys.exit(main())
