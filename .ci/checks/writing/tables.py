"""Every step that takes a table checks all of it: proven on throw-away variants of the features' own uses.

For each step that takes a table (its @takes, steps/support/tables.py), the scenario of the features that uses
it with the widest table is copied up to that step (a Given's whole: what its table says shows in the Thens
after it), in a temporary directory, and run as it is (it must pass) and as
variants that must fail: with an extra, unknown column (failing with the sentence that names the columns
the step knows), and with one cell made wrong (for a Then, each column in turn; for a When or a Given, the
column that names things, its first: a Given's wrong cell must make a Then after it fail). Also: the Then that takes a docstring fails on a wrong and on a broken
JSON text, and a step given a table it does not take fails saying so. Exit 1 on any variant that does
not turn out so, or on any error that is not an assertion.

    python .ci/checks/writing/tables.py [--keep DIR]
"""

import argparse
import sys
import tempfile
from pathlib import Path

import pairings

ROOT = pairings.ROOT
WRONG = "Nowhere-zzz"  # a cell value no table of the features holds
UNKNOWN = "zzz"  # a column no step knows


def uses(registry_steps, scenarios):
    """For each step function that takes a table or docstring: (kind, the steps up to and including a use of it):
    the use with the widest table, so that a wrong cell is tried in as many kinds of column as the features use."""
    found = {}
    for scenario in scenarios:
        for n, step in enumerate(scenario.all_steps):
            matcher = next((m for m in registry_steps[step.step_type] if m.match(step.name)), None)
            takes = getattr(getattr(matcher, "func", None), "takes", None)
            width = len(step.table.headings) if step.table is not None else 0
            if takes and (matcher.func not in found or width > found[matcher.func][2]):
                steps = list(scenario.all_steps)
                kept = steps if step.step_type == "given" else steps[: n + 1]
                found[matcher.func] = (takes[0], (kept, n), width)
    return {func: (kind, steps) for func, (kind, steps, _) in found.items()}


def variants(func, kind, steps):
    """(name, scenario text, what must happen, words the failure must hold) for one step's use: steps is (the steps
    kept, the place of the use among them; a Given's Whens and Thens follow it)."""
    kept, n = steps
    before, last = kept[:n], kept[n]
    lead = [pairings.render(step, step.step_type.title()) for step in before]
    after = "".join("\n" + pairings.render(step, step.step_type.title()) for step in kept[n + 1:])
    keyword = last.step_type.title()
    out = [(f"{func.__name__} as the features use it", _scenario(lead, keyword, last.name, last.table, last.text),
            "passed", "")]
    if kind == "table":
        head, rows = list(last.table.headings), [list(row.cells) for row in last.table.rows]
        extra = [[*head, UNKNOWN], *([*row, WRONG] for row in rows)]
        out.append((f"{func.__name__} with an unknown column", _table_scenario(lead, keyword, last.name, extra),
                    "failed", f'the column "{UNKNOWN}" is not one I can'))
        for column in range(len(head)) if last.step_type == "then" else [0]:
            wrong = [row[:] for row in rows]
            wrong[0][column] = WRONG
            out.append((f"{func.__name__} with a wrong {head[column]}",
                        _table_scenario(lead, keyword, last.name, [head, *wrong]), "failed", ""))
    elif kind == "docstring" and last.step_type == "then":
        out.append((f"{func.__name__} with other JSON", _scenario(lead, keyword, last.name, None, '{"other": 1}'),
                    "failed", ""))
        out.append((f"{func.__name__} with text that is not JSON",
                    _scenario(lead, keyword, last.name, None, "{not json"), "failed", "is not JSON"))
    return [(name, text + after, expected, words) for name, text, expected, words in out]


def _table_scenario(lead, keyword, name, rows):
    """A scenario whose last step carries the given rows (the first is the heading)."""
    return "\n".join([*lead, f"    {keyword} {name}", *(pairings._row(row) for row in rows)])


def _scenario(lead, keyword, name, table, text):
    """A scenario whose last step carries the given table or docstring."""
    rows = [table.headings, *table.rows] if table is not None else None
    if rows is not None:
        return _table_scenario(lead, keyword, name, rows)
    doc = ['      """', *("      " + line for line in text.splitlines()), '      """'] if text is not None else []
    return "\n".join([*lead, f"    {keyword} {name}", *doc])


def given_a_table_it_does_not_take():
    """A step that takes no table, given one: it must fail saying so, not ignore it."""
    text = "    When I list all users\n      | name |\n      | Leanne Graham |\n    Then I get 10 users"
    return ("a When given a table it does not take", text, "failed", "takes neither a table nor a docstring")


def main(argv=None):
    """Build the variants, run them in one behave process, and check each turned out as it must."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", metavar="DIR", help="write the variants and outcomes here and keep them")
    args = parser.parse_args(argv)
    from behave.runner_util import load_step_modules, parse_features
    from behave.step_registry import registry

    sys.path.insert(0, str(ROOT))
    load_step_modules([str(ROOT / "steps")])
    files = sorted(str(p) for p in (ROOT / "features").glob("**/*.feature"))
    try:  # the scenarios a run takes unless asked for @wip; an undefined step named, with the closest steps
        scenarios = pairings.everyday_scenarios(parse_features(files))
    except pairings.UndefinedSteps as undefined:
        print(f"  PROBLEM {undefined}")
        return 1
    found = uses(registry.steps, scenarios)
    table_steps = {m.func for kind in ("given", "when", "then") for m in registry.steps[kind]
                   if getattr(m.func, "takes", (None,))[0] == "table"}
    problems = [f"{func.__name__} takes a table but no feature uses it: no scenario to build on"
                for func in table_steps if func not in found]
    cases = [case for func, (kind, steps) in found.items() for case in variants(func, kind, steps)]
    cases.append(given_a_table_it_does_not_take())
    with tempfile.TemporaryDirectory(prefix="tables-") as temporary:
        directory = Path(args.keep or temporary)
        directory.mkdir(parents=True, exist_ok=True)
        pairings.prepare(directory)
        lines = ["Feature: tables and docstrings read in full", ""]
        for n, (_, text, _, _) in enumerate(cases):
            lines += [f"  Scenario: case {n}", text, ""]
        (directory / "tables.feature").write_text("\n".join(lines), encoding="utf-8")
        outcomes, _, output = pairings.run(directory, ["tables.feature"], "outcomes.json")
    by_name = {o["name"]: o for o in outcomes}
    for n, (name, _, expected, words) in enumerate(cases):
        outcome = by_name.get(f"case {n}")
        kind, message = pairings.classify(outcome) if outcome else ("problem", "did not run")
        if kind == "hook":  # environment.py's table guard fails the step from its hook: the words are in the output
            kind, message = "failed", "\n".join(line for line in output.splitlines() if "HOOK-ERROR" in line)
        ok = (kind == "passed") if expected == "passed" else (kind in ("failed", "cannot judge") and words in message)
        print(f"  {'ok  ' if ok else 'FAIL'} {name}: {kind}" + (f" ({words})" if words and ok else ""))
        if not ok:
            problems.append(f"{name}: expected {expected} {words!r}, got {kind}: {message.strip()[:300]}")
    table_count = len([f for f in found if found[f][0] == "table"])
    print(f"tables: {table_count} steps take a table, {len(cases)} variants run, {len(problems)} problems")
    for problem in problems:
        print("  PROBLEM", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
