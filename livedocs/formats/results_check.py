"""CI's check of the Cucumber JSON and the Allure results: complete, valid, and holding every HTTP exchange.

    python -m livedocs.formats.results_check              # reports/cucumber.json, reports/allure-results, living-docs.html
    python -m livedocs.formats.results_check --fixture    # the same from .ci/checks/report_formats.feature's run

The main run's files must come from ONE behave run over every feature (the command in docs/reports.md):
- the Cucumber JSON is valid against livedocs/formats/cucumber_json_schema.json (and the schema rejects three broken
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

from livedocs.report.report_check import CAPTION, DATA_CAPTION, REPORT, ReportReader
from livedocs.formats.results_fixture import FIXTURE, fixture_problems, fixture_shape_problems, key, overview_problems

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = Path(__file__).resolve().parent / "cucumber_json_schema.json"
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
                             for s in element["steps"] for e in s.get("embeddings", ())
                             if not e.get("name", "").startswith(DATA_CAPTION)]  # a scenario's own users
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


def main(argv=None):
    """Check the files of a run; print each problem and exit 1, or print what they hold and exit 0."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixture", action="store_true", help="check the run of .ci/checks/report_formats.feature")
    parser.add_argument("--dir", type=Path, default=None, help="where the files are (default: reports/)")
    args = parser.parse_args(argv)
    folder = args.dir or (ROOT / "reports" / ("fixture" if args.fixture else ""))
    missing = [str(p) for p in (folder / "cucumber.json", folder / "allure-results") if not p.exists()]
    if missing:
        print(f"report formats: {' and '.join(missing)} not written: run behave with -f cucumber-json and -f allure")
        return 1
    try:
        document = json.loads((folder / "cucumber.json").read_text(encoding="utf-8"))
    except ValueError as exc:
        print(f"report formats: {folder / 'cucumber.json'} is not JSON: {exc}")
        return 1
    cucumber, allure = cucumber_scenarios(document), allure_scenarios(folder / "allure-results")
    paths = [FIXTURE] if args.fixture else sorted((ROOT / "features").glob("**/*.feature"))
    expected = expected_scenarios(paths)
    found = schema_problems(document)
    found += completeness_problems(expected, cucumber, "cucumber.json")
    found += completeness_problems(expected, allure, "allure-results")
    found += allure_status_problems(allure)
    if args.fixture:
        found += fixture_problems(document, cucumber, allure) + fixture_shape_problems(document, cucumber)
        found += overview_problems(folder)
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
