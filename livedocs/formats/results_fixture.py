"""What .ci/checks/report_formats.feature's run must leave in the Cucumber JSON and the Allure results.

Used by `python -m livedocs.formats.results_check --fixture`: the run fails on purpose (a failing step, an error in each
scenario hook, two skips), and each format must say so, with the messages, never as passed or silently skipped.
"""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / ".ci" / "checks" / "report_formats.feature"
# What each scenario of the fixture must be recorded as: (Cucumber: before hook, steps, after hook), Allure status,
# and a phrase of the message both must carry.
FIXTURE_EXPECTED = {
    "a table, passing": (("passed", "passed passed", "passed"), "passed", None),
    "a doc string, passing": (("passed", "passed passed", "passed"), "passed", None),
    "a failing step": (("passed", "passed failed", "passed"), "failed", "it was 'Nathan@yesenia.net'"),
    "the live API cannot be reached: an error in the before-scenario hook":
        (("failed", "skipped skipped", "passed"), "broken", "HOOK-ERROR in before_scenario: ConnectionError"),
    "the live API was not reached before: skipped, with the reason":
        (("skipped", "skipped skipped", "passed"), "skipped", "cannot be reached (see the first @real failure)"),
    "an address the app builds wrongly: an error in the after-scenario hook":
        (("passed", "passed passed", "failed"), "broken", "no route of the API matches"),
    "the robustness battery is off: skipped, with the reason":
        (("skipped", "skipped skipped", "passed"), "skipped", "run it with -D robustness=on"),
}


def key(feature_name, scenario_name):
    """How a scenario is known across the formats: its feature's name and its own, blanks trimmed."""
    return feature_name.strip(), scenario_name.strip()


def fixture_problems(document, cucumber, allure):
    """The fixture feature's scenarios, recorded as FIXTURE_EXPECTED says in both formats."""
    found = []
    for name, (hooks, allure_status, phrase) in FIXTURE_EXPECTED.items():
        k = key("What the reports record", name)
        if k not in cucumber or k not in allure:
            found.append(f"fixture: scenario {name!r} is missing from {'Cucumber JSON' if k not in cucumber else 'Allure'}")
            continue
        element, result = cucumber[k][0][0], allure[k][0][0]
        seen = (element["before"][0]["result"]["status"], " ".join(s["result"]["status"] for s in element["steps"]),
                element["after"][0]["result"]["status"])
        if seen != hooks:
            found.append(f"fixture: {name!r} in Cucumber JSON is before/steps/after {seen}, expected {hooks}")
        if result["status"] != allure_status:
            found.append(f"fixture: {name!r} in Allure is {result['status']}, expected {allure_status}")
        for where, record in (("Cucumber JSON", element), ("Allure", result.get("statusDetails") or {})):
            if phrase and phrase not in json.dumps(record, ensure_ascii=False):
                found.append(f"fixture: {name!r} lacks the message {phrase!r} in {where}")
    return found


def fixture_shape_problems(document, cucumber):
    """The fixture's background before every scenario, its doc string and its table, as Cucumber JSON has them."""
    found = []
    kinds = [e["type"] for f in document for e in f["elements"]]
    if kinds != ["background", "scenario"] * len(FIXTURE_EXPECTED):
        found.append(f"fixture: the elements are {kinds}, not the background before each scenario")
    table = cucumber.get(key("What the reports record", "a table, passing"), [({"steps": []}, [])])[0][0]
    rows = [r["cells"] for s in table["steps"] for r in s.get("rows", ())]
    if rows != [["name"], ["Leanne Graham"], ["Ervin Howell"]]:
        found.append(f"fixture: the table's rows are {rows}")
    doc = cucumber.get(key("What the reports record", "a doc string, passing"), [({"steps": []}, [])])[0][0]
    docs = [s["doc_string"]["value"] for s in doc["steps"] if "doc_string" in s]
    if docs != ['{"name": "Jane Doe"}']:
        found.append(f"fixture: the doc strings are {docs}")
    return found


def overview_problems(folder):
    """The living-docs report of the fixture's run counts hook errors as failures in its overview."""
    report = folder / "living-docs.html"
    if not report.exists():
        return [f"fixture: {report} was not written"]
    expected = "2 of 7 scenarios pass, 3 fail, 2 skipped"
    text = " ".join(report.read_text(encoding="utf-8").split())
    return [] if expected in text else [f"fixture: the living-docs overview does not say {expected!r}"]
