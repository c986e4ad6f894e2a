"""CI's check of the Cucumber JSON and the Allure results: complete, valid, and holding every HTTP exchange.

    python -m livedocs.results_check              # reports/cucumber.json, reports/allure-results, living-docs.html
    python -m livedocs.results_check --fixture    # the same from .ci/checks/report_formats.feature's run

The main run's files must come from ONE behave run over every feature (the command in the README):
- the Cucumber JSON is valid against livedocs/cucumber_json_schema.json (and the schema rejects three broken
  copies of it, so the check can fail), and it holds every scenario of the features once;
- the Allure results hold every scenario once, a skipped one with its reason, a broken or failed one with a message;
- each scenario's HTTP exchanges are the same in both, in the same order, each a whole request and response,
  and the HTML report of the same run (when there is one) shows the same exchanges.
"""

import argparse
import base64
import copy
import json
import sys
from collections import Counter
from pathlib import Path

import jsonschema
from behave.runner_util import parse_features

from livedocs.report_check import CAPTION, REPORT, ReportReader

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = Path(__file__).resolve().parent / "cucumber_json_schema.json"
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


def expected_scenarios(paths):
    """Every scenario (outline rows one by one) the run over these feature files executes or skips."""
    features = parse_features([str(p) for p in paths])
    return [key(f.name, s.name) for f in features for s in f.walk_scenarios() if "wip" not in s.effective_tags]


def schema_problems(document):
    """The document's departures from the schema; and the schema's own failure to reject broken copies."""
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    found = [f"cucumber.json {'/'.join(map(str, e.absolute_path))}: {e.message}"
             for e in list(validator.iter_errors(document))[:20]]
    for what, broken in _broken_copies(document):
        if validator.is_valid(broken):
            found.append(f"the schema accepts a broken copy ({what}): it checks too little")
    return found


def _broken_copies(document):
    """Three copies of a valid document, each broken the way a careless formatter would break it."""
    steps = [s for f in document for e in f["elements"] for s in e["steps"] if s["result"].get("duration")]
    if not steps:
        return []
    seconds, silent, unlabelled = (copy.deepcopy(document) for _ in range(3))
    _first_step(seconds)["result"]["duration"] = 0.25  # seconds instead of nanoseconds
    _first_step(silent)["result"].update(status="failed")  # a failure without its message
    _first_step(unlabelled)["embeddings"] = [{"data": "not base64!"}]  # no MIME type, not base64
    return [("a duration in seconds", seconds), ("a failure without a message", silent),
            ("an embedding without MIME type", unlabelled)]


def _first_step(document):
    """The first step with a duration, in a document."""
    return next(s for f in document for e in f["elements"] for s in e["steps"] if s["result"].get("duration"))


def cucumber_scenarios(document):
    """{scenario key: (element, [exchange caption, ...])} from a Cucumber JSON document."""
    found = {}
    for feature in document:
        for element in feature["elements"]:
            if element["type"] == "scenario":
                exchanges = [_exchange(e["name"], base64.b64decode(e["data"]).decode("utf-8"))
                             for s in element["steps"] for e in s.get("embeddings", ())]
                found.setdefault(key(feature["name"], element["name"]), []).append((element, exchanges))
    return found


def allure_scenarios(folder):
    """{scenario key: (result, [exchange caption, ...])} from an Allure results folder."""
    found = {}
    for path in sorted(folder.glob("*-result.json")):
        result = json.loads(path.read_text(encoding="utf-8"))
        feature = next((label["value"] for label in result["labels"] if label["name"] == "feature"), "")
        exchanges = [_exchange(a["name"], (folder / a["source"]).read_text(encoding="utf-8"))
                     for s in result.get("steps", ()) for a in s.get("attachments", ())
                     if a["name"].startswith("HTTP ")]  # not the doc strings and tables allure-behave attaches
        found.setdefault(key(feature, result["name"]), []).append((result, exchanges))
    return found


def _exchange(caption, content):
    """The caption of an exchange, or a problem sentence if its content lacks the request or the response."""
    match = CAPTION.match(caption or "")
    if not match:
        return f"(not an HTTP exchange: {caption!r})"
    method, path, status, base = match.group(1), match.group(2), match.group(3), match.group(5)
    if f"{method} {base}{path}"[:60] not in content or f"HTTP/1.1 {status}" not in content:
        return f"(incomplete: {caption!r})"
    return caption


def completeness_problems(expected, recorded, where):
    """Scenarios missing from a format, recorded twice, or recorded without being in the features."""
    found = [f"{where}: scenario {name!r} of {feature!r} is missing" for feature, name in expected
             if len(recorded.get((feature, name), ())) == 0]
    found += [f"{where}: scenario {k[1]!r} is recorded {len(v)} times" for k, v in recorded.items() if len(v) > 1]
    found += [f"{where}: scenario {k[1]!r} is not in the features" for k in recorded if k not in set(expected)]
    return found


def allure_status_problems(recorded):
    """Allure results whose status lacks its explanation."""
    found = []
    for (_, name), entries in recorded.items():
        result = entries[0][0]
        message = (result.get("statusDetails") or {}).get("message")
        if result["status"] != "passed" and not message:
            found.append(f"allure: {result['status']} scenario {name!r} says not why")
    return found


def exchange_problems(cucumber, allure, html_captions):
    """Scenarios whose exchanges differ between the formats, and exchanges that are not whole."""
    found = []
    for k, entries in cucumber.items():
        theirs = allure.get(k, [(None, [])])[0][1]
        ours = entries[0][1]
        if ours != theirs:
            found.append(f"scenario {k[1]!r}: Cucumber JSON has {len(ours)} exchanges, Allure {len(theirs)}, "
                         f"or they differ")
        found += [f"scenario {k[1]!r}: exchange {c}" for c in ours if c.startswith("(")]
    everything = [c for entries in cucumber.values() for c in entries[0][1]]
    if not everything:
        found.append("no HTTP exchange is recorded at all")
    if html_captions is not None and Counter(html_captions) != Counter(everything):
        found.append(f"the HTML report shows {len(html_captions)} exchanges, the Cucumber JSON {len(everything)}, "
                     "or they differ (are they from the same run?)")
    return found


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


def main(argv=None):
    """Check the files of a run; print each problem and exit 1, or print what they hold and exit 0."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixture", action="store_true", help="check the run of .ci/checks/report_formats.feature")
    parser.add_argument("--dir", type=Path, default=None, help="where the files are (default: reports/)")
    args = parser.parse_args(argv)
    folder = args.dir or (ROOT / "reports" / ("fixture" if args.fixture else ""))
    document = json.loads((folder / "cucumber.json").read_text(encoding="utf-8"))
    cucumber, allure = cucumber_scenarios(document), allure_scenarios(folder / "allure-results")
    paths = [FIXTURE] if args.fixture else sorted((ROOT / "features").glob("**/*.feature"))
    expected = expected_scenarios(paths)
    found = schema_problems(document)
    found += completeness_problems(expected, cucumber, "cucumber.json")
    found += completeness_problems(expected, allure, "allure-results")
    found += allure_status_problems(allure)
    if args.fixture:
        found += fixture_problems(document, cucumber, allure) + fixture_shape_problems(document, cucumber)
    else:
        found += exchange_problems(cucumber, allure, _html_captions())
    for line in found:
        print(f"report formats: {line}")
    exchanges = sum(len(entries[0][1]) for entries in cucumber.values())
    print(f"report formats: {len(expected)} scenarios, {exchanges} HTTP exchanges in Cucumber JSON and Allure; "
          f"{len(found)} problem(s)")
    return 1 if found else 0


def _html_captions():
    """The HTTP exchanges' captions in the HTML report, or None when there is no report to compare with."""
    if not REPORT.exists():
        return None
    reader = ReportReader()
    reader.feed(REPORT.read_text(encoding="utf-8"))
    return [caption for caption, _ in reader.embeds if CAPTION.match(caption)]


if __name__ == "__main__":
    sys.exit(main())
