"""The step dictionary, docs/steps.md: every step from the step registry, with examples from the features."""

import argparse
import difflib
import re
import sys
from collections import defaultdict
from pathlib import Path

from behave.matchers import ParseMatcher
from behave.runner_util import load_step_modules, parse_features
from behave.step_registry import registry

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "steps.md"
USES_LINE = re.compile(r"^\d+ steps; \d+ used by the features, \d+ not\.$")
FIELD = re.compile(r"\{(\w+)(?::(\w+))?\}")
TYPE_WORDS = {"": "any text", "d": "a whole number as the API writes it (3, not 03 or +3)", "w": "one word", "f": "a decimal number", "g": "a number",
              "n": "a whole number (digits may be grouped)"}
KEYWORDS = (("given", "Given: the situation"), ("when", "When: the action"), ("then", "Then: the outcome"),
            ("step", "Any keyword"))
EXAMPLES_SHOWN = 5
HEADER = """# Step dictionary

Every step a scenario may use, with what it does, what it takes and how the features use it.
Generated from the code in `steps/` and the scenarios in `features/`: do not edit by hand, regenerate with
`python -m livedocs.stepdoc` (CI fails when a step's entry differs from the code; a new scenario only changes
the examples and counts, which the same command refreshes whenever convenient). How to write a scenario: the README.
What the steps refuse, and why (an unknown field or column, a number not written as the API writes it, a Given only
the mock can arrange on the live API...): docs/what-the-suite-refuses.md.
"""


def load_definitions():
    """The step definitions, grouped by step function, in keyword, module and line order."""
    registry.clear()
    load_step_modules([str(ROOT / "steps")])
    groups = {}
    for keyword, _ in KEYWORDS:
        for matcher in registry.steps[keyword]:
            groups.setdefault(matcher.func, []).append((keyword, matcher))
    return sorted(groups.values(), key=lambda g: (_keyword_rank(g[0][0]), g[0][1].location.filename,
                                                  g[0][1].location.line))


def _keyword_rank(keyword):
    """The position of a keyword in Given, When, Then, step."""
    return [k for k, _ in KEYWORDS].index(keyword)


def feature_uses():
    """Each step function's uses in the features: (step as written, file), outlines expanded."""
    uses = defaultdict(list)
    for feature in parse_features(sorted(str(p) for p in (ROOT / "features").glob("**/*.feature"))):
        for step in _all_steps(feature):
            match = registry.find_match(step)
            if match is not None:
                where = str(Path(step.filename).resolve().relative_to(ROOT))
                uses[match.func].append((_written(step), where))
    return uses


def _all_steps(feature):
    """Every step of a feature as it runs: backgrounds included, each outline row expanded."""
    for scenario in feature.walk_scenarios():
        yield from scenario.all_steps


def _written(step):
    """A step as a scenario writer writes it, with the first row of its table if it has one."""
    text = f"{step.step_type.title()} {step.name}"
    if step.table:
        text += "\n" + "\n".join(f"  | {' | '.join(row)} |" for row in [step.table.headings, *step.table.rows[:1]])
    return text


def parameters(pattern):
    """The pattern's {fields} as (name, what it takes)."""
    return [(name, _type_words(kind or "")) for name, kind in FIELD.findall(pattern)]


def _type_words(kind):
    """What a parse type accepts, in words: the built-in ones by name, custom ones by their docstring."""
    if kind in TYPE_WORDS:
        return TYPE_WORDS[kind]
    converter = ParseMatcher.TYPE_REGISTRY.get(kind)
    return (converter.__doc__ or kind).strip().rstrip(".") if converter else kind


def judged(func):
    """For a Then: what it checks and after which Whens (its @judges reading, steps/support/judging.py)."""
    reading = getattr(func, "judges", None)
    if reading is None:
        raise SystemExit(f"{func.__name__} ({func.__code__.co_filename}) is a Then without @judges: "
                         "declare what it reads (steps/support/judging.py), so the dictionary can say what it checks")
    return [f"**Checks** {reading.what}, **after** {reading.after}."]


def taken(func):
    """What a step takes under it, if anything (its @takes, steps/support/tables.py)."""
    what, columns, any_of = getattr(func, "takes", (None, (), False))
    if what == "table":
        return [f"**Takes a table** with columns among: {', '.join(columns)} (or a field's dotted path, such as "
                "address.geo.lat)." if any_of else f"**Takes a table** with the columns: {', '.join(columns)}."]
    return ["**Takes a docstring** (text between lines of `\"\"\"` under the step)."] if what == "docstring" else []


def entry(group, uses):
    """The markdown for one step function: its sentence(s), docstring, parameters and examples."""
    keyword, matcher = group[0]
    lines = [f"### {_sentence(keyword, matcher)}", "", (matcher.func.__doc__ or "(no docstring)").strip()]
    if keyword == "then":
        lines += [""] + judged(matcher.func)
    lines += ["", *taken(matcher.func)] if taken(matcher.func) else []
    if getattr(matcher.func, "mock_only", None):  # steps/support/selection.py
        lines += ["", f"**Mock only**: {matcher.func.mock_only}. Tag the scenario `@mock_only`; on the live API "
                  "(`-D target=live`, or `@real`) it is skipped before its first step, saying so."]
    lines += [f"\nAlso written: `{_sentence(other, synonym)}`" for other, synonym in group[1:]]
    params = parameters(matcher.pattern)
    if params:
        lines += ["", "| parameter | takes |", "|---|---|"] + [f"| `{n}` | {words} |" for n, words in params]
    times = f"{len(uses)} time{'s' if len(uses) != 1 else ''}"
    lines += ["", f"Defined in `{_location(matcher)}` as `{matcher.func.__name__}`; used {times} in the features."]
    shown = list(dict.fromkeys(text for text, _ in uses))[:EXAMPLES_SHOWN]
    if shown:
        places = ", ".join(dict.fromkeys(f"`{place}`" for text, place in uses if text in shown))
        lines += ["", "```gherkin", *shown, "```", f"(from {places})"]
    return lines + [""]


def _sentence(keyword, matcher):
    """A step's sentence with its keyword, each field shown as {name}."""
    return f"{keyword.title()} " + FIELD.sub(r"{\1}", matcher.pattern)


def _location(matcher):
    """The file a step is defined in, relative to the project root (no line: it would churn)."""
    return str(Path(matcher.location.filename).resolve().relative_to(ROOT))


def render():
    """The whole of docs/steps.md."""
    groups = load_definitions()
    uses = feature_uses()
    unused = [g for g in groups if not uses.get(g[0][1].func)]
    lines = [HEADER, f"{len(groups)} steps; {len(groups) - len(unused)} used by the features, {len(unused)} not.", ""]
    for keyword, title in KEYWORDS:
        chosen = [g for g in groups if g[0][0] == keyword]
        if chosen:
            lines += [f"## {title}", ""]
            for group in chosen:
                lines += entry(group, uses.get(group[0][1].func, []))
    lines += ["## Steps no feature uses", ""]
    lines += [f"- `{_sentence(*g[0])}`" for g in unused] or ["(none)"]
    return "\n".join(lines).rstrip() + "\n"


def definitions_only(text):
    """The dictionary without what the features add (counts, uses, examples): what only a change to steps changes."""
    kept, skipping = [], False
    for line in text.splitlines():
        if line == "## Steps no feature uses":
            break
        if line.startswith("```gherkin"):
            skipping = True
        elif skipping:
            skipping = not line.startswith("```")
        elif not USES_LINE.match(line) and not line.startswith("(from `"):
            kept.append(re.sub(r"; used \d+ times? in the features\.$", ".", line))
    return "\n".join(kept).rstrip() + "\n"


def main(argv=None):
    """Write docs/steps.md, or with --check fail (showing the difference) when its step entries are not current."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true",
                        help="fail if docs/steps.md's step entries differ from the code (a new feature alone never fails)")
    text = render()
    if not parser.parse_args(argv).check:
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        OUTPUT.write_text(text, encoding="utf-8")
        return 0
    current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
    if current == text:
        return 0
    committed, from_code = definitions_only(current), definitions_only(text)
    if committed == from_code:
        print("docs/steps.md: the step entries are current; its examples and counts from the features are not "
              "(a new scenario changes them): `python -m livedocs.stepdoc` refreshes them, whenever convenient")
        return 0
    sys.stdout.writelines(difflib.unified_diff(committed.splitlines(True), from_code.splitlines(True),
                                               "docs/steps.md (committed)", "docs/steps.md (from the code)"))
    print("docs/steps.md is stale: the steps changed. Run `python -m livedocs.stepdoc` and commit the result")
    return 1


if __name__ == "__main__":
    sys.exit(main())
