"""A red run in the living-docs report reads as a product owner needs: runs .ci/checks/writing/red_run.feature (every
scenario fails on purpose) with the report and checks that each failing step's reason is shown open under it,
in the step's words; that the wrong cell of a table is marked with what came back beside it; that an undefined
step is answered with the closest existing step; and that no traceback is shown for a verdict on the API.
"""

import html
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FEATURE = ".ci/checks/writing/red_run.feature"
REASON = re.compile(r'<div class="step-reason[^"]*">(.*?)</div>', re.S)
WRONG_CELL = re.compile(r'<td class="wrong-cell"[^>]*>(.*?)</td>', re.S)


def text(fragment):
    """The text of an HTML fragment, tags dropped, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def problems(page):
    """What the red run's report lacks, as sentences."""
    reasons = [text(r) for r in REASON.findall(page)]
    found = []
    wanted = {
        "the wrong email's reason": "Why this step failed: the user that came back from the mock at",
        "its Expected line": "Expected: a user with email 'clementine@example.com'",
        "its but line": "but: user 3's email should be 'clementine@example.com'; it was 'Nathan@yesenia.net'",
        "the table's reason": "but: row 2: user 2's city should be 'Paris'; it was 'Wisokyburgh'",
        "the undefined step's closest step": "This step does not exist yet: No step says this yet. Did you mean: "
                                             "When I look up user 2",
    }
    for what, words in wanted.items():
        if not any(words in r for r in reasons):
            found.append(f"{what} is not shown open under its step ({words!r}); the reasons shown: {reasons}")
    cells = [text(c) for c in WRONG_CELL.findall(page)]
    if cells != ["Paris came back: Wisokyburgh"]:
        found.append(f"the table's wrong cell is not marked as 'Paris', with 'Wisokyburgh' beside it: {cells}")
    for folded in ("Error Message", "Error Traceback", "Traceback (most recent call last)"):
        if folded in page:
            found.append(f"the report shows {folded!r}: a verdict on the API needs no Python")
    return found


def main():
    """Run the red feature with the report; print each problem and exit 1, or exit 0."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "red.html"
        done = subprocess.run([sys.executable, "-m", "behave", "-f", "living-docs", "-o", str(report), "-f", "null",
                               "--no-summary", FEATURE], cwd=ROOT, capture_output=True, text=True, timeout=120)
        if done.returncode == 0 or not report.exists():
            print(done.stdout[-2000:] + done.stderr[-2000:])
            print("red report: the red run must fail and write its report")
            return 1
        found = problems(report.read_text(encoding="utf-8"))
    for line in found:
        print(f"red report: {line}")
    print(f"red report: {len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
