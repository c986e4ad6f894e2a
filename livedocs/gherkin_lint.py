"""The Gherkin lint: scenarios without steps, outlines without examples, names used twice, a feature off its shelf,
a scenario that uses a mock-only Given without the @mock_only tag."""

import sys
from collections import defaultdict
from pathlib import Path

from behave.runner_util import parse_features

from livedocs.shelves import MOCK_FOLDER, REFERENCE_FOLDER

ROOT = Path(__file__).resolve().parent.parent
MOCK_ONLY_TAGS = {"mock_only", "read_only_mock"}  # README, "Tags": a scenario so tagged never talks to the live API


def problems(features):
    """Every problem found in the parsed features, as 'file:line: what' lines."""
    found, names = [], defaultdict(list)
    for feature in features:
        if not feature.scenarios:
            found.append(f"{_where(feature)}: feature {feature.name!r} has no scenario")
        found += [f"{_where(feature)}: feature {feature.name!r} {problem}" for problem in _off_its_shelf(feature)]
        for scenario in feature.scenarios:
            names[scenario.name.strip().lower()].append(_where(scenario))
            if not scenario.steps:
                found.append(f"{_where(scenario)}: scenario {scenario.name!r} has no steps")
            if getattr(scenario, "examples", None) is not None and not scenario.scenarios:
                found.append(f"{_where(scenario)}: scenario outline {scenario.name!r} has no example rows")
    found += _mock_only_untagged(features)
    for name, places in names.items():
        if len(places) > 1:
            found.append(f"{places[0]}: scenario name {name!r} is used {len(places)} times ({', '.join(places)}); "
                         "behave --name could not pick one")
    return found


def _off_its_shelf(feature):
    """Where a feature's folder and its shelf tags disagree (livedocs.shelves reads either): what is wrong."""
    parts = Path(feature.filename).resolve().relative_to(ROOT).parts
    if parts[0] != "features":
        return []
    folder, tags = (parts[1] if len(parts) > 2 else ""), set(feature.tags)
    found = []
    if "api_reference" in tags and folder != REFERENCE_FOLDER:
        found.append(f"is tagged @api_reference: it belongs in features/{REFERENCE_FOLDER}/")
    if folder == REFERENCE_FOLDER and "api_reference" not in tags:
        found.append(f"is in features/{REFERENCE_FOLDER}/: tag it @api_reference, or move it")
    if "robustness" in tags and folder != MOCK_FOLDER:
        found.append(f"is tagged @robustness: it belongs in features/{MOCK_FOLDER}/")
    return found


def _mock_only_untagged(features):
    """Each scenario that uses a Given only the mock can arrange (marked with steps/support/selection.py's mock_only,
    read here from the step functions as the step dictionary reads them) but is not tagged @mock_only: the drift
    check (-D target=live) skips it anyway, and the tag tells its reader so."""
    from behave.runner_util import load_step_modules
    from behave.step_registry import registry

    if not registry.steps["given"]:
        load_step_modules([str(ROOT / "steps")])
    found = []
    for feature in features:
        for scenario in feature.walk_scenarios():
            if set(scenario.effective_tags) & MOCK_ONLY_TAGS:
                continue
            givens = (step for step in scenario.all_steps if step.step_type == "given")
            marked = ((step, getattr(getattr(registry.find_match(step), "func", None), "mock_only", None))
                      for step in givens)
            step, reason = next(((step, reason) for step, reason in marked if reason), (None, None))
            if step is not None:
                found.append(f'{_where(scenario)}: scenario {scenario.name!r} uses "Given {step.name}" (line '
                             f"{step.line}), which only the mock can arrange ({reason}): tag it @mock_only")
    return found


def _where(thing):
    """A feature's or scenario's file and line, relative to the project root."""
    return f"{Path(thing.filename).resolve().relative_to(ROOT)}:{thing.line}"


def main():
    """Lint every feature under features/; exit 1 and name each problem if there is any."""
    files = sorted(str(p) for p in (ROOT / "features").glob("**/*.feature"))
    found = problems(parse_features(files))
    for line in found:
        print(line)
    print(f"gherkin lint: {len(files)} feature files, {len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
