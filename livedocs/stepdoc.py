"""The step dictionary, docs/steps.md: every step by the task a product owner meets it in, with its example.

The steps are grouped by the feature that first uses them, the features in the order a reader meets them
(livedocs.shelves: listing, looking up, finding, changing users, their content, trouble, the data a scenario
chooses; then the API reference; then the mock's own), with a table of contents at the top. The living-docs
report shows the same dictionary, searchable (livedocs.report.html_report reads `dictionary()`).
"""

import argparse
import difflib
import re
import sys
from collections import defaultdict
from pathlib import Path

from behave.matchers import ParseMatcher
from behave.runner_util import load_step_modules, parse_features
from behave.step_registry import registry

from livedocs.shelves import SHELVES, reading_key, shelf

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "steps.md"
FIELD = re.compile(r"\{(\w+)(?::(\w+))?\}")
TYPE_WORDS = {"": "any text", "d": "a whole number as the API writes it (3, not 03 or +3)", "w": "one word", "f": "a decimal number", "g": "a number",
              "n": "a whole number (digits may be grouped)"}
KEYWORDS = (("given", "Given: the situation"), ("when", "When: the action"), ("then", "Then: the outcome"),
            ("step", "Any keyword"))
EXAMPLES_SHOWN = 5
UNUSED = "Steps no feature uses yet"
NOT_USED_YET = "(no feature uses it yet)"
HEADER = """# Step dictionary

Every step a scenario may use, by task: the steps a product owner meets first (listing, looking up, finding,
changing users, their content, trouble, the data a scenario chooses), then the API reference's, then the mock's
own. Each step is listed under the feature that first uses it, with what it does, an example from the features
and what it takes. Looking for a sentence? Search this page for a word of it, or write it as you would say it
and run it: an undefined step is answered with the closest steps that exist. How to write a scenario:
[writing-scenarios.md](writing-scenarios.md).

Generated from the code in `steps/` and the scenarios in `features/`: do not edit by hand, regenerate with
`python -m livedocs.stepdoc` (CI fails when a step's entry differs from the code; a new scenario only changes
the examples, counts and order, which the same command refreshes whenever convenient). What the steps refuse, and
why (an unknown field or column, a number not written as the API writes it, a Given only the mock can arrange, on
the live API...): [what-the-suite-refuses.md](what-the-suite-refuses.md).
"""


def load_definitions(fresh=True):
    """The step definitions, grouped by step function, in keyword, module and line order.

    `fresh` loads steps/ into an emptied registry (the command line); a report at the end of a run passes False
    and reads the registry the run filled.
    """
    if fresh:
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


def read_features():
    """Every feature of features/, in reading order."""
    return sorted(parse_features(sorted(str(p) for p in (ROOT / "features").glob("**/*.feature"))), key=reading_key)


def feature_uses(features):
    """Each step function's uses in the features: (step as written, file, reading position), outlines expanded."""
    uses = defaultdict(list)
    for number, feature in enumerate(features):
        for step in _all_steps(feature):
            match = registry.find_match(step)
            if match is not None:
                where = str(Path(step.filename).resolve().relative_to(ROOT))
                uses[match.func].append((_written(step), where, (number, step.line)))
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
    """The markdown for one step function: its sentence, docstring and example, then what it checks and takes."""
    keyword, matcher = group[0]
    lines = [f"#### {_sentence(keyword, matcher)}", "", (matcher.func.__doc__ or "(no docstring)").strip(), ""]
    shown = list(dict.fromkeys(text for text, _, _ in uses))[:EXAMPLES_SHOWN]
    if shown:
        places = ", ".join(dict.fromkeys(f"`{place}`" for text, place, _ in uses if text in shown))
        lines += ["```gherkin", *shown, "```", f"(from {places})", ""]
    else:
        lines += [NOT_USED_YET, ""]
    if keyword == "then":
        lines += judged(matcher.func) + [""]
    lines += [*taken(matcher.func), ""] if taken(matcher.func) else []
    if getattr(matcher.func, "mock_only", None):  # steps/support/selection.py
        lines += [f"**Mock only**: {matcher.func.mock_only}. Tag the scenario `@mock_only`; on the live API "
                  "(`-D target=live`, or `@real`) it is skipped before its first step, saying so.", ""]
    lines += [f"Also written: `{_sentence(other, synonym)}`\n" for other, synonym in group[1:]]
    params = parameters(matcher.pattern)
    if params:
        lines += ["| parameter | takes |", "|---|---|", *(f"| `{n}` | {words} |" for n, words in params), ""]
    times = f"{len(uses)} time{'s' if len(uses) != 1 else ''}"
    lines += [f"Defined in `{_location(matcher)}` as `{matcher.func.__name__}`; used {times} in the features.", ""]
    return lines


def _sentence(keyword, matcher):
    """A step's sentence with its keyword, each field shown as {name}."""
    return f"{keyword.title()} " + FIELD.sub(r"{\1}", matcher.pattern)


def _location(matcher):
    """The file a step is defined in, relative to the project root (no line: it would churn)."""
    return str(Path(matcher.location.filename).resolve().relative_to(ROOT))


def dictionary(fresh=True):
    """The dictionary as data: (shelf title, [(task title, feature file, [(sentence, entry lines)])]).

    A step stands under the feature that first uses it, in reading order; within a task, Givens, Whens, Thens,
    each in the order the feature first uses them. Steps no feature uses come last, on a shelf of their own.
    """
    groups = load_definitions(fresh)
    features = read_features()
    uses = feature_uses(features)
    tasks = {number: [] for number in range(len(features))}
    unused = []
    for group in groups:
        found = uses.get(group[0][1].func)
        where = min(position for _, _, position in found) if found else None
        item = (_keyword_rank(group[0][0]), where[1] if where else 0, _sentence(*group[0]), entry(group, found or []))
        (tasks[where[0]] if where else unused).append(item)
    shelves = [(title, []) for title in SHELVES]
    for number, feature in enumerate(features):
        if tasks[number]:
            filename = str(Path(feature.filename).resolve().relative_to(ROOT))
            steps = [(sentence, lines) for _, _, sentence, lines in sorted(tasks[number])]
            shelves[shelf(feature)][1].append((feature.name, filename, steps))
    if unused:
        shelves.append((UNUSED, [(UNUSED, None, [(s, lines) for _, _, s, lines in unused])]))
    return [(title, tasks) for title, tasks in shelves if tasks], len(groups), len(unused)


def anchor(heading):
    """The link fragment a Markdown renderer (GitHub's) gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def anchors_of(headings):
    """{heading: its fragment} for headings in page order, a repeated fragment numbered as GitHub numbers it."""
    found, counts = {}, {}
    for heading in headings:
        slug = anchor(heading)
        found.setdefault(heading, f"{slug}-{counts[slug]}" if slug in counts else slug)
        counts[slug] = counts.get(slug, 0) + 1
    return found


def render():
    """The whole of docs/steps.md: the header, a table of contents, then every task and its steps."""
    shelves, total, unused = dictionary()
    body = []
    for title, tasks in shelves:
        if title != UNUSED:
            body += [f"## {title}", ""]
        for task, filename, steps in tasks:
            body += [f"### {task}" if title != UNUSED else f"## {UNUSED}", ""]
            body += [f"First met in `{filename}`:" if filename else "Defined, and waiting for a scenario:", ""]
            body += [f"- {sentence}" for sentence, _ in steps] + [""]
            for _, lines in steps:
                body += lines
    links = anchors_of([line.lstrip("#").strip() for line in ["## Contents", *body] if line.startswith("#")])
    contents = ["## Contents", ""]
    for title, tasks in shelves:
        if title == UNUSED:
            contents.append(f"- [{UNUSED}](#{links[UNUSED]}) ({len(tasks[0][2])})")
            continue
        contents.append(f"- **[{title}](#{links[title]})**")
        contents += [f"  - [{task}](#{links[task]}) ({len(steps)})" for task, _, steps in tasks]
    used = f"{total} steps; {total - unused} used by the features, {unused} not."
    body = [re.sub(r"^- ((?:Given|When|Then|Step) .*)$", lambda m: f"- [{m.group(1)}](#{links[m.group(1)]})", line)
            for line in body]
    return "\n".join([HEADER, used, "", *contents, "", *body]).rstrip() + "\n"


def definitions_only(text):
    """What only a change to steps changes: each step's entry, without what the features add (examples, counts,
    the order and grouping by task), sorted, so that a new feature alone never makes the dictionary stale."""
    entries, current, skipping = [], None, False
    for line in text.splitlines():
        if line.startswith("#"):
            current = [line] if line.startswith("#### ") else None
            if current is not None:
                entries.append(current)
        elif current is None:
            continue
        elif line.startswith("```gherkin"):
            skipping = True
        elif skipping:
            skipping = not line.startswith("```")
        elif not line.startswith("(from `") and line != NOT_USED_YET:
            current.append(re.sub(r"; used \d+ times? in the features\.$", ".", line))
    return "\n".join("\n".join(entry).strip() for entry in sorted(entries)) + "\n"


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
