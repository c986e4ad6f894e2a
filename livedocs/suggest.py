"""Near misses helped: for each undefined step, the closest steps that exist and their entry in docs/steps.md.

How a step is found, in a product owner's words first:
1. the step as written, or as rewritten in the steps' words (livedocs.synonyms: fetch -> look up, offline ->
   down, status 500 -> fails with an internal error...), that matches a step exactly is shown filled in;
2. otherwise the steps of the same keyword (Given, When and Then kept apart) are scored by the words they share
   with it, each word weighed by how rare it is among the steps (so "delete" or "slow" count for more than "the
   user"), with a little weight on the characters for typos;
3. a step of the opposite effect (a delete for a look-up; a "no users" for some users) is never shown first;
4. each step once, under the sentence the dictionary heads it with.
behave's Python snippets for a developer follow only when asked (`behave --snippets`).
"""

import difflib
import functools
import math
import re
import sys
from collections import Counter
from pathlib import Path

from behave import runner

from livedocs.stepdoc import anchor, anchors_of
from livedocs.synonyms import rewritten

DICTIONARY = Path(__file__).resolve().parent.parent / "docs" / "steps.md"
STEP_TYPES = ("given", "when", "then")
SHOWN = 3  # suggestions per undefined step
CUTOFF = 0.45  # the least score (0..1) a step must reach to be suggested
NUMERIC = {"d", "n", "g", "f", "Duration", "Ids", "Times"}
_FIELD = re.compile(r'"?\{(\w+)(?::(\w+))?\}"?')
_QUOTED, _NUMBER = re.compile(r'"[^"]*"'), re.compile(r"\b\d+(?:\.\d+)?\b")
_WORD = re.compile(r"[#…*]|[a-z0-9]+(?:'[a-z]+)?")
_NEGATIONS = {"no", "not", "none", "never", "nothing", "nobody", "cannot", "isn't", "doesn't", "don't", "didn't",
              "wasn't", "neither"}
# What a When does to the data: a step of another effect is never suggested first (a delete for a look-up).
_EFFECTS = (("delete", {"delete"}), ("write", {"create", "replace", "change"}), ("read", {"look", "list", "ask"}))
_LITTLE = {"the", "a", "an", "i", "is", "of", "to", "with", "and", "for", "in", "as", "its", "it", "that"}


def install():
    """Print suggestions whenever a run finds undefined steps (dry runs too); behave's snippets only when asked."""
    import behave.__main__  # behave calls the name it imported when the run is over

    # `behave` runs behave.__main__; `python -m behave` runs a second copy of it as __main__: patch both.
    for module in {behave.__main__, sys.modules.get("__main__")}:
        original = getattr(module, "print_undefined_step_snippets", None)
        if original is not None and not getattr(original, "suggests", False):
            module.print_undefined_step_snippets = _with_suggestions(original)


def _snippets_asked(argv=None):
    """True when the command line asks for behave's snippets (`--snippets`, behave's own switch)."""
    return "--snippets" in (sys.argv if argv is None else argv)


def _with_suggestions(original):
    """behave's snippet printer, replaced by the suggestions (and followed by the snippets when asked)."""

    def print_with_suggestions(undefined_steps, stream=None, colored=True):
        """Suggestions for the scenario writer; behave's snippets for a developer only with --snippets."""
        if not undefined_steps:
            return
        print(report(undefined_steps), file=stream or sys.stderr, flush=True)
        if _snippets_asked():
            original(undefined_steps, stream, colored)
        else:
            print("\n(A developer adding these steps: `behave --snippets` adds behave's Python snippets for them.)",
                  file=stream or sys.stderr, flush=True)

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
            lines.append("  no step is close to it: look in the step dictionary, docs/steps.md (by task, with a "
                         "table of contents), or ask a developer for one")
        for index, (sentence, note, heading) in enumerate(found):
            lead = "  did you mean: " if index == 0 else "            or: "
            lines.append(f"{lead}{sentence}{note}")
            lines.append(f"                see docs/steps.md#{anchors().get(heading, anchor(heading))}")
    return "\n".join(lines)


def suggestions(step_type, text):
    """The closest existing steps as (sentence, note, dictionary heading), best first."""
    steps = _steps()
    for kind in STEP_TYPES:  # written with the wrong keyword: say so, and nothing else
        if kind != step_type:
            for heading, matchers in steps.get(kind, {}).items():
                if any(_matches(m, text) for m in matchers):
                    note = f"  (it exists as a {kind.title()} step, not a {step_type.title()})"
                    return [(f"{kind.title()} {text}", note, heading)]
    candidates = {**steps.get(step_type, {}), **steps.get("step", {})}
    ours = rewritten(step_type, text)
    for variant in dict.fromkeys((text, ours)):
        for heading, matchers in candidates.items():
            if any(_matches(m, variant) for m in matchers):
                return [(f"{step_type.title()} {variant}", "", heading)]
    query = _tokens(ours) + [t for t in _tokens(text) if t not in _tokens(ours)]
    scored = []
    for heading, matchers in candidates.items():
        score = max(_score(query, ours, m.pattern) for m in matchers)
        if score >= CUTOFF:
            scored.append((_opposed(step_type, ours, heading), -score, heading))
    return [(heading, "", heading) for _, _, heading in sorted(scored)[:SHOWN]]


@functools.lru_cache(maxsize=1)
def _steps():
    """{keyword: {dictionary heading: [matchers]}}: each step function once, headed as the dictionary heads it."""
    found = {}
    for kind in (*STEP_TYPES, "step"):
        by_func = {}
        for matcher in runner.the_step_registry.steps.get(kind, []):
            by_func.setdefault(matcher.func, []).append(matcher)
        found[kind] = {f"{kind.title()} {_shown(ms[0].pattern)}": ms for ms in by_func.values()}
    return found


def _matches(matcher, text):
    """Whether a step definition matches the text exactly (a converter that refuses the value: no)."""
    try:
        return matcher.match(text) is not None
    except Exception:  # noqa: BLE001 - a type's converter refusing a value means: not this step
        return False


def _score(query, text, pattern):
    """How close a step's pattern is to the text, 0..1: shared words weighed by rarity, a little by characters."""
    words = _tokens(pattern, pattern=True)
    weights = _weights()
    left = Counter(words)
    shared = 0.0
    for token in query:
        if left[token] > 0:
            left[token] -= 1
            shared += weights.get(token, 1.0)
        elif left["*"] > 0 and token not in ("#", "…"):
            left["*"] -= 1
            shared += 0.5 * weights.get(token, 1.0)
    asked = sum(weights.get(t, 1.0) for t in query) or 1.0
    offered = sum(weights.get(t, 1.0) for t in words if t != "*") + 0.5 * words.count("*") or 1.0
    recall, precision = shared / asked, min(1.0, shared / offered)
    words_alike = 2 * recall * precision / (recall + precision) if shared else 0.0
    characters = difflib.SequenceMatcher(None, _normal(text), _normal(pattern, pattern=True)).ratio()
    return 0.8 * words_alike + 0.2 * characters


def _opposed(step_type, text, heading):
    """1 when the step does the opposite of what the text says (another effect, or one says no and not the other)."""
    theirs, ours = set(_tokens(heading.split(" ", 1)[1], pattern=True)), set(_tokens(text))
    if step_type == "when":
        mine = next((name for name, verbs in _EFFECTS if verbs & ours), None)
        other = next((name for name, verbs in _EFFECTS if verbs & theirs), None)
        return int(bool(mine and other and mine != other))
    if step_type == "then":
        return int(bool(_NEGATIONS & ours) != bool(_NEGATIONS & theirs))
    return 0


@functools.lru_cache(maxsize=1)
def _weights():
    """Each word's weight: rarer among the steps' patterns is heavier; little words weigh little."""
    patterns = [ms[0].pattern for kinds in _steps().values() for ms in kinds.values()]
    counts = Counter(t for p in patterns for t in set(_tokens(p, pattern=True)))
    weights = {t: math.log(1 + len(patterns) / n) for t, n in counts.items()}
    weights.update({t: 0.2 for t in _LITTLE})
    weights.update({"#": 0.6, "…": 0.6, "*": 0.5})
    return weights


def _tokens(text, pattern=False):
    """The words of a step or pattern, lower case, plural and tense endings cut: values and fields as symbols."""
    return [_stem(w) for w in _WORD.findall(_normal(text, pattern=pattern))]


def _stem(word):
    """A word without its commonest endings (users -> user, answered -> answer), so forms of a word agree."""
    for ending in ("ing", "ed", "es", "s", "ly"):
        if len(word) > len(ending) + 2 and word.endswith(ending) and word[0].isalpha():
            return word[: -len(ending)]
    return word


def _shown(pattern):
    """A pattern as the step dictionary heads it: each field as {name}."""
    return re.sub(r"\{(\w+)(?::\w+)?\}", r"{\1}", pattern)


def _normal(text, pattern=False):
    """A sentence with its values (or a pattern with its fields) as symbols, in lower case: # a number,
    … a quoted text, * a word or two the field stands for."""
    if pattern:
        text = _FIELD.sub(lambda m: "#" if m.group(2) in NUMERIC else "…" if m.group(0).startswith('"') else "*",
                          text)
    else:
        text = _NUMBER.sub("#", _QUOTED.sub("…", text))
    return " ".join(text.lower().split())


@functools.lru_cache(maxsize=1)
def anchors():
    """{step sentence: its fragment in docs/steps.md}, a repeated fragment numbered as GitHub numbers it."""
    if not DICTIONARY.exists():
        return {}
    lines = DICTIONARY.read_text(encoding="utf-8").splitlines()
    return anchors_of([line.lstrip("#").strip() for line in lines if line.startswith("#")])
