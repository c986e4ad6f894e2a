"""An undefined step in a feature, as every check that runs the features reports it: the step, its file and line,
and the closest steps that exist (livedocs/suggest.py), never a message about the check's own workings.

In a copy of the repository, a product owner's new feature has a step written a little wrong, and an unfinished
@wip scenario a step that does not exist at all. Each of these must fail naming the first (file and line, "did you
mean" with the closest step) and must not name the second (@wip stays out of every run that does not ask for it):
the everyday run, .ci/checks/writing/pairings.py, .ci/checks/writing/tables.py, and the run that writes the reports.
The copy's features are the new one and one that passes (KEPT): how a run names an undefined step does not depend
on how many other scenarios it runs, and each run takes a second, not the whole suite's time; the four run at once.

    python .ci/checks/writing/undefined_steps.py
"""

import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SKIPPED = shutil.ignore_patterns(".git", "reports", "node_modules", "__pycache__", ".ruff_cache", ".venv")
FEATURE = """Feature: A new idea
  Someone writing their first scenario from the step dictionary.

  Scenario: a user by number, said a little wrong
    When I look up the user 3
    Then I get only "Clementine Bauch"

  @wip
  Scenario: not finished yet
    When I frobnicate the users
    Then I get 10 users
"""
NAMED = ("Undefined step: When I look up the user 3  (features/a_new_idea.feature:5)",
         "did you mean: When I look up user {user_id}")
NOT_NAMED = "frobnicate"  # the @wip scenario's step
KEPT = "looking_up_users.feature"  # beside the new feature in the copy: scenarios that pass, in the same runs
RUNS = {
    "the everyday run (behave --tags=-real)": ["-m", "behave", "--tags=-real", "-f", "plain"],
    ".ci/checks/writing/pairings.py": [".ci/checks/writing/pairings.py"],
    ".ci/checks/writing/tables.py": [".ci/checks/writing/tables.py"],
    "the reports' run (living-docs, cucumber-json, allure)": [
        "-m", "behave", "-D", "target=mock", "-D", "api_coverage=on", "-f", "living-docs", "-o",
        "reports/living-docs.html", "-f", "cucumber-json", "-o", "reports/cucumber.json", "-f", "allure", "-o",
        "reports/allure-results", "--format=null"],
}


def main():
    """Each run in a copy with the new feature; exit 1 if any does not fail naming the step as it must."""
    problems = []
    with tempfile.TemporaryDirectory(prefix="undefined-") as temporary:
        copy = Path(temporary) / "repo"
        shutil.copytree(ROOT, copy, ignore=SKIPPED)
        shutil.rmtree(copy / "features")
        (copy / "features").mkdir()
        shutil.copy2(ROOT / "features" / KEPT, copy / "features" / KEPT)
        (copy / "features" / "a_new_idea.feature").write_text(FEATURE, encoding="utf-8")
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # a core each at once
            runs = {title: pool.submit(subprocess.run, [sys.executable, *args], cwd=copy, capture_output=True,
                                       text=True, timeout=900) for title, args in RUNS.items()}
        for title, running in runs.items():
            done = running.result()
            out = done.stdout + done.stderr
            missing = [words for words in NAMED if words not in out]
            wrong = ([f"exit {done.returncode}"] if done.returncode == 0 else []) + missing \
                + ([f"names the @wip scenario's step ({NOT_NAMED})"] if NOT_NAMED in out else [])
            print(f"  {'FAIL' if wrong else 'ok  '} {title}: " + ("fails naming the step, its file and line, and the "
                                                               "closest step" if not wrong else "; ".join(wrong)))
            if wrong:
                problems.append(f"{title}: {'; '.join(wrong)}\n{out[-2500:]}")
    print(f"undefined steps: {len(RUNS)} runs, {len(problems)} problem(s)")
    for problem in problems:
        print("  PROBLEM", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
