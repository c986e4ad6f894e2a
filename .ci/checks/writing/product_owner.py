"""A product owner's throw-away features, in a copy of the repository: what the README promises them holds.

1. A column a step cannot check fails the scenario, naming it and the columns it can check.
3. A step written a little wrong is answered with the closest existing step and its dictionary entry.
4. A new feature written with existing steps passes, and leaves the step dictionary's check and the
   Gherkin lint green: adding a feature never breaks CI by itself.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SKIPPED = shutil.ignore_patterns(".git", "reports", "node_modules", "__pycache__", ".ruff_cache", ".venv")

PROFILE = """Feature: A user's profile page
  The profile page shows where someone lives, how to reach them and where they work.

  Scenario: Leanne's profile
    When I look up user 1
    Then user 1's city is "Gwenborough"
    And Bret's company is "Romaguera-Crona"
    And user 1's phone is "1-770-736-8031 x56442"

  Scenario: everyone on the directory page can be phoned
    When I list all users
    Then every user has a phone number
"""
UNKNOWN_COLUMN = """Feature: A column nobody can check

  Scenario: the nicknames of the people found
    When I look for users whose username is "Bret"
    Then I get these users:
      | name          | nickname |
      | Leanne Graham | Lea      |
"""
NEAR_MISS = """Feature: A step written a little wrong

  Scenario: a slow service, said a little wrong
    Given the users service answers slowly
    And the app waits at most 0.1 seconds for an answer
    When I list all users
    Then I am told the user service is too slow
"""


def run(folder, *args):
    """A command in the copy: (exit code, stdout and stderr)."""
    done = subprocess.run([sys.executable, *args], cwd=folder, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout + done.stderr


def expect(what, ok, output):
    """Report one promise; print the output when it does not hold."""
    print(f"{'ok  ' if ok else 'FAIL'} {what}")
    if not ok:
        print(output[-3000:])
    return ok


def main():
    """Each promise in turn, in a fresh copy of the repository; exit 1 if any does not hold."""
    results = []
    with tempfile.TemporaryDirectory() as temp:
        copy = Path(temp) / "repo"
        shutil.copytree(ROOT, copy, ignore=SKIPPED)
        (copy / "features" / "a_users_profile_page.feature").write_text(PROFILE, encoding="utf-8")
        code, out = run(copy, "-m", "behave", "--tags=-real", "-f", "plain", "features/a_users_profile_page.feature")
        results.append(expect("4. a new feature of existing steps passes", code == 0 and "2 scenarios passed" in out, out))
        code, out = run(copy, "-m", "livedocs.stepdoc", "--check")
        results.append(expect("4. ... and the step dictionary's check stays green", code == 0, out))
        code, out = run(copy, "-m", "livedocs.gherkin_lint")
        results.append(expect("4. ... and so does the Gherkin lint", code == 0, out))
        (copy / "features" / "a_users_profile_page.feature").unlink()

        (copy / "features" / "unknown_column.feature").write_text(UNKNOWN_COLUMN, encoding="utf-8")
        code, out = run(copy, "-m", "behave", "-f", "plain", "features/unknown_column.feature")
        named = 'the column "nickname" is not one I can check; I can check:' in out
        results.append(expect("1. an unknown column fails, naming it and the columns it can check", code != 0 and named, out))
        (copy / "features" / "unknown_column.feature").unlink()

        (copy / "features" / "near_miss.feature").write_text(NEAR_MISS, encoding="utf-8")
        code, out = run(copy, "-m", "behave", "-f", "plain", "features/near_miss.feature")
        helped = ("did you mean: Then I am told the users service is too slow" in out
                  and "see docs/steps.md#then-i-am-told-the-users-service-is-too-slow" in out)
        results.append(expect("3. a near miss is answered with the closest step and its dictionary entry",
                              code != 0 and helped, out))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
