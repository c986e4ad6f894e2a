"""What the suite refuses: scenarios that must never pass, run as a product owner runs them, each checked for its words.

- .ci/checks/writing/refused.feature: every scenario must fail, and its failure hold the words of its "Fails saying:" line
  (a search or a sort on a field no user has, a number written otherwise than the API writes it, a partial table...).
- .ci/checks/writing/mock_only_on_live.feature, run with -D target=live at a dead live_url (127.0.0.1:9, nothing listens):
  every scenario with a "Skipped saying:" line uses a Given only the mock can arrange, has no @mock_only tag, and
  must be skipped before its first step with that reason; the plain scenario must fail saying the live API cannot
  be reached (the run was live). The Gherkin lint must name each of those scenarios, asking for the tag.
- .ci/checks/writing/wip.feature: `behave --tags=-real` (the everyday run) leaves its @wip scenario out and passes, and so
  does a run with no --tags; `--tags=wip` runs it (and it fails, as an unfinished scenario may).
Exit 1 on any scenario that does not turn out as it must.

    python .ci/checks/writing/refusals.py
"""

import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from pairings import PairOutcomes

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
DEAD = "http://127.0.0.1:9"  # the discard port: nothing listens on it here
EXPECTATIONS = ("Fails saying: ", "Skipped saying: ", "Passes")


class Outcomes(PairOutcomes):
    """The pairings' formatter, writing also each scenario's skip reason, line and expectation (its description)."""

    name, description = "refusals", "each scenario's outcome, as JSON (for .ci/checks/writing/refusals.py)"

    def outcome(self, scenario):
        """One scenario's outcome, with what it must do (its "Fails saying:"... line) and each step's message."""
        expected = next((line for line in scenario.description if line.startswith(EXPECTATIONS)), "")
        return {**super().outcome(scenario), "line": scenario.line, "skip_reason": scenario.skip_reason or "",
                "expected": expected,
                "steps": [(s.status.name, s.error_message or "", f"{s.keyword} {s.name}") for s in scenario.all_steps]}


def run(feature, *options):
    """behave on one feature of this folder: (its scenarios' outcomes, exit code, output)."""
    with tempfile.TemporaryDirectory(prefix="refusals-") as temporary:
        found = Path(temporary) / "outcomes.json"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)])}
        done = subprocess.run([sys.executable, "-m", "behave", "--no-capture", "-f", "refusals:Outcomes", "-o",
                               str(found), "-f", "plain", *options, str(HERE / feature)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        outcomes = json.loads(found.read_text(encoding="utf-8") or "[]") if found.exists() else []
    return outcomes, done.returncode, done.stdout + done.stderr


def judge(outcome, output):
    """A problem with one scenario's outcome against its expectation line, or None."""
    expected, status = outcome["expected"], outcome["status"]
    messages = "\n".join(message for _, message, _ in outcome["steps"])
    hooks = [line for line in output.splitlines() if line.startswith("HOOK-ERROR")]
    if outcome["hook_failed"]:  # a scenario's hook: behave prints its error
        messages += "\n" + "\n".join(hooks)
    for step_status, message, step in outcome["steps"]:  # a step's hook (numbers not written as the API writes them)
        if step_status == "hook_error" and not message:
            messages += "\n" + "\n".join(line for line in hooks if f'"{step}"' in line)
    if expected.startswith("Fails saying: "):
        words = expected.removeprefix("Fails saying: ")
        if status not in ("failed", "error", "hook_error") or words not in messages:
            return f"must fail saying {words!r}; it {status}: {messages.strip()[-400:] or 'no message'}"
    elif expected.startswith("Skipped saying: "):
        words, ran = expected.removeprefix("Skipped saying: "), [s for s, _, _ in outcome["steps"] if s != "skipped"]
        if status != "skipped" or words not in outcome["skip_reason"] or ran:
            return (f"must be skipped before any step, saying {words!r}; it {status} (reason: "
                    f"{outcome['skip_reason']!r}; steps not skipped: {ran}) {messages.strip()[-300:]}")
    elif expected == "Passes":
        if status != "passed":
            return f"must pass; it {status}: {messages.strip()[-300:]}"
    else:
        return "has no line saying what must happen (Fails saying: / Skipped saying: / Passes)"
    return None


def check(title, feature, outcomes, output):
    """Print each scenario's verdict; the problems, including a count that is not the feature's."""
    count = sum(line.strip().startswith("Scenario:") for line in (HERE / feature).read_text().splitlines())
    problems = [] if len(outcomes) == count else [f"{title}: {len(outcomes)} scenarios ran, not {count}: "
                                                   f"{output[-1500:]}"]
    for outcome in outcomes:
        problem = judge(outcome, output)
        print(f"  {'FAIL' if problem else 'ok  '} {title}: {outcome['name']}: {outcome['status']}"
              + (f": {problem}" if problem else ""))
        if problem:
            problems.append(f"{title}: {outcome['name']} (line {outcome['line']}) {problem}")
    return problems


def lint_names_untagged(feature):
    """The Gherkin lint names every scenario of the feature that uses a mock-only Given without @mock_only."""
    sys.path.insert(0, str(ROOT))
    from behave.runner_util import parse_features

    from livedocs import gherkin_lint

    parsed = parse_features([str(HERE / feature)])
    found = gherkin_lint.problems(parsed)
    expected = [s for s in parsed[0].walk_scenarios() if any(line.startswith("Skipped saying: ")
                                                              for line in s.description)]
    missing = [s.name for s in expected if not any(f"scenario {s.name!r} uses" in line and "tag it @mock_only" in line
                                                   for line in found)]
    print(f"  {'FAIL' if missing else 'ok  '} the Gherkin lint names the {len(expected)} scenarios of {feature} "
          "that use a mock-only Given untagged" + (f"; it misses: {missing}" if missing else ""))
    return [f"the Gherkin lint does not name {name!r} (a mock-only Given without @mock_only)" for name in missing]


WIP_RUNS = (("everyday run", ["--tags=-real"], ("passed", "skipped")),
            ("no --tags", [], ("passed", "skipped")),
            ("--tags=wip", ["--tags=wip"], ("skipped", "failed")))


def main():
    """Each feature in its run (the five runs at once, a core each); exit 1 on any problem."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        refused = pool.submit(run, "refused.feature")
        live = pool.submit(run, "mock_only_on_live.feature", "-D", "target=live", "-D", f"live_url={DEAD}")
        wip = [pool.submit(run, "wip.feature", *options) for _, options, _ in WIP_RUNS]
    problems = []
    outcomes, _, output = refused.result()
    problems += check("refused", "refused.feature", outcomes, output)

    outcomes, _, output = live.result()
    problems += check("live target", "mock_only_on_live.feature", outcomes, output)
    problems += lint_names_untagged("mock_only_on_live.feature")

    for (title, _, expected), done in zip(WIP_RUNS, wip, strict=True):
        outcomes, code, output = done.result()
        got = tuple(o["status"] for o in outcomes)
        ok = got == expected and code == (1 if "failed" in expected else 0)
        print(f"  {'ok  ' if ok else 'FAIL'} wip, {title}: the finished and the @wip scenario {' and '.join(got)}")
        if not ok:
            problems.append(f"wip, {title}: expected {expected}, got {got} (exit {code}): {output[-1500:]}")
    print(f"refusals: {len(problems)} problem(s)")
    for problem in problems:
        print("  PROBLEM", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
