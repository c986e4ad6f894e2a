"""Near misses helped: for each undefined step, the closest steps that exist and their entry in docs/steps.md."""

import difflib
import functools
import re
import sys
from pathlib import Path

from behave import runner

DICTIONARY = Path(__file__).resolve().parent.parent / "docs" / "steps.md"
STEP_TYPES = ("given", "when", "then")
SHOWN = 3  # suggestions per undefined step
CUTOFF = 0.6  # how alike (0..1, difflib's ratio) a sentence must be to be suggested
_FIELD = re.compile(r'"?\{(\w+)(?::(\w+))?\}"?')
_QUOTED, _NUMBER = re.compile(r'"[^"]*"'), re.compile(r"\b\d+(?:\.\d+)?\b")


def install():
    """Print suggestions before behave's snippets whenever a run finds undefined steps (dry runs too)."""
    import behave.__main__  # behave calls the name it imported when the run is over

    # `behave` runs behave.__main__; `python -m behave` runs a second copy of it as __main__: patch both.
    for module in {behave.__main__, sys.modules.get("__main__")}:
        original = getattr(module, "print_undefined_step_snippets", None)
        if original is not None and not getattr(original, "suggests", False):
            module.print_undefined_step_snippets = _with_suggestions(original)


def _with_suggestions(original):
    """behave's snippet printer, preceded by the suggestions."""

    def print_with_suggestions(undefined_steps, stream=None, colored=True):
        """Suggestions for the scenario writer first, then behave's snippets for a developer."""
        if undefined_steps:
            print(report(undefined_steps), file=stream or sys.stderr, flush=True)
        original(undefined_steps, stream, colored)

    print_with_suggestions.suggests = True
    return print_with_suggestions


def report(undefined_steps):
    """The text shown for the undefined steps, each once."""
    lines, seen = [], set()
    for step in undefined_steps:
        key = (step.step_type, step.name)
        if key in seen:
            continue
        seen.add(key)
        lines.append(f"\nUndefined step: {step.step_type.title()} {step.name}  ({step.location})")
        found = suggestions(step.step_type, step.name)
        if not found:
            lines.append("  no step is close to it: look in the step dictionary, docs/steps.md, or ask for one")
        for index, (sentence, note) in enumerate(found):
            lead = "  did you mean: " if index == 0 else "            or: "
            lines.append(f"{lead}{sentence}{note}")
            lines.append(f"                see docs/steps.md#{anchors().get(sentence, anchor(sentence))}")
    return "\n".join(lines)


def suggestions(step_type, text):
    """The closest existing steps as (sentence, note), best first; a step of another keyword says so."""
    scored = []
    for kind in STEP_TYPES:
        for matcher in runner.the_step_registry.steps.get(kind, []):  # where `from behave import given` registers
            sentence = f"{kind.title()} {_shown(matcher.pattern)}"
            if kind != step_type and matcher.match(text):
                return [(sentence, f"  (it exists as a {kind.title()} step, not a {step_type.title()})")]
            ratio = difflib.SequenceMatcher(None, _normal(text), _normal(matcher.pattern, pattern=True)).ratio()
            if ratio >= CUTOFF:
                scored.append((ratio + (0.05 if kind == step_type else 0), sentence))
    best = sorted(set(scored), key=lambda item: -item[0])[:SHOWN]
    return [(sentence, "") for _, sentence in best]


def _shown(pattern):
    """A pattern as the step dictionary heads it: each field as {name}."""
    return re.sub(r"\{(\w+)(?::\w+)?\}", r"{\1}", pattern)


def _normal(text, pattern=False):
    """A sentence with its values (or a pattern with its fields) as placeholders, in lower case."""
    if pattern:
        text = _FIELD.sub(lambda m: "#" if m.group(2) in ("d", "g", "f", "n", "Duration") else "…", text)
    else:
        text = _NUMBER.sub("#", _QUOTED.sub("…", text))
    return " ".join(text.lower().split())


def anchor(heading):
    """The link fragment a Markdown renderer (GitHub's) gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


@functools.lru_cache(maxsize=1)
def anchors():
    """{step sentence: its fragment in docs/steps.md}, a repeated fragment numbered as GitHub numbers it."""
    found, counts = {}, {}
    if DICTIONARY.exists():
        for line in DICTIONARY.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                heading = line.lstrip("#").strip()
                slug = anchor(heading)
                found.setdefault(heading, f"{slug}-{counts[slug]}" if slug in counts else slug)
                counts[slug] = counts.get(slug, 0) + 1
    return found
