"""python -m fidelity.regex_diff: the mock's `_like` (mockserver/jsregex) against V8 itself, pattern for pattern.

Thousands of random patterns from V8's grammar (fidelity/regex_grammar.py) go to `new RegExp(p, 'i')` in node
(fidelity/regex_oracle.js) and to the mock's translation; each is tested on the same strings (a seeded sample of
the data set's, and a few with characters whose case V8 folds its own way). They agree when both throw the same
error, word for word, or both give the same match or no match on every string. Needs node (Node 20, as the live
API); CI does not run it. `--write-tables` regenerates mockserver/data/v8_regexp_unicode.json from node.
"""

import argparse
import collections
import json
import random
import subprocess
import sys
from pathlib import Path

from fidelity import regex_grammar
from mockserver import seed_data
from mockserver.node.regexp import jsregex
from mockserver.node.nodeerrors import NodeError

ROOT = Path(__file__).resolve().parent
ORACLE = ROOT / "regex_oracle.js"
TABLES = ROOT.parent / "mockserver" / "data" / "v8_regexp_unicode.json"
TIME_LIMIT = 2.0  # seconds per pattern, on each side: slower patterns are counted apart, not compared
# A group that can match nothing, repeated millions of times (`(?:a?){2147483647}`), overflows V8's backtracking
# stack at a count that depends on the group's shape; the mock answers it. A deliberate difference (docs/mock-server.md).
V8_STACK = "RangeError: Maximum call stack size exceeded"
MOCK_REFUSES = ("Regular expression too large", "Stack overflow")  # what V8 compiles, the mock will not hold
CRAFTED = ("", "a", "A", "ab", "aA", "Aa", "abab", "aaaa", "b", "x\ny", "x\ry", "\u2028", "a-b", "_", "$", "^",
           "\\", "\\c", "/", "(a)", "{2}", "{", "]", "ſ", "s", "S", "\u212a", "k", "K", "\u0130", "\u0131", "i", "I",
           "é", "É", "ß", "SS", "µ", "μ", "Μ", "Σσς", "ǅǆǄ", "ÿŸ", "\u0000", "\b", "\x0b", "\f", "\t", "\u00a0",
           "\ufeff", "\u180e", "😀", "\ud83d", "x😀y", "123", "1.5", "-37.3159", "true", "[object Object]", "  ",
           "abc abc", "Kk", "kK", "xyz", "\x01", "\x1f", "\x7f", "Aé", "sſ", "ſs", "k\u212a", "\u212ak", "i\u0130",
           "\u0131i", "éÉ", "µμΜ", "ΣσςΣ", "ßSS", "ǄǅǆDž")
SMALL = tuple("".join(word) for length in range(2, 5) for word in __import__("itertools").product("ab", repeat=length))


def parse_args(argv):
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m fidelity.regex_diff", description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=3000, help="random patterns to compare (default 3000)")
    parser.add_argument("--seed", type=int, default=12, help="seed of the patterns and of the sample of strings")
    parser.add_argument("--subjects", type=int, default=150, help="strings of the data set to test on (default 150)")
    parser.add_argument("--show", type=int, default=10, metavar="N", help="differences shown (default 10)")
    parser.add_argument("--write-tables", action="store_true", help="regenerate " + str(TABLES.relative_to(ROOT.parent)))
    args = parser.parse_args(argv)
    if args.count < 1 or args.subjects < 0 or args.show < 0:
        parser.error("--count is 1 or more, --subjects and --show 0 or more")
    return args


def data_strings(rng, count):
    """A seeded sample of the distinct strings of the data set, each of its resources and fields represented."""
    found = set()

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, str):
            found.add(value)
        elif value is not None:
            found.add(json.dumps(value))  # numbers and booleans, as their strings

    for records in seed_data().values():
        for record in records[:60]:
            walk(record)
    return rng.sample(sorted(found), min(count, len(found)))


def node(mode, lines=None):
    """Run the oracle; its stdout lines."""
    try:
        done = subprocess.run(["node", str(ORACLE), mode], input="".join(lines or ()), capture_output=True, text=True,
                              timeout=3600, check=True)
    except FileNotFoundError:
        sys.exit("node is not installed: the oracle is V8 itself (Node 20, as the live API)")
    except subprocess.CalledProcessError as exc:
        sys.exit(f"the oracle failed: {exc.stderr[-500:]}")
    return done.stdout.split("\n")[:-1]  # not splitlines(): an error message may hold U+2028


def mock_answer(pattern, subjects):
    """What the mock's `_like` makes of the pattern: {"error": ...}, {"bits": ...} or {"timeout": True}."""
    bits = []
    with jsregex.time_limit(TIME_LIMIT):
        for subject in subjects:
            try:
                bits.append("1" if jsregex.test(pattern, subject) else "0")
            except jsregex.PatternCutOff:
                return {"timeout": True}
            except NodeError as error:
                return {"error": f"{error.name}: {error.message}"}
            except Exception as error:  # a bug of the mock's: shown as a difference, not a crash of the tester
                return {"mock failed": f"{type(error).__name__}: {error}"}
    return {"bits": "".join(bits)}


def compare(patterns, subjects):
    """(agreeing, {reason left out: count}, [(pattern, v8, mock)]) over the patterns."""
    answers = node("test", [json.dumps(subjects) + "\n"] + [json.dumps(p) + "\n" for p in patterns])
    agree, left_out, differences = 0, collections.Counter(), []
    for pattern, line in zip(patterns, answers, strict=True):
        theirs = json.loads(line)
        if theirs.get("timeout") or theirs.get("error") == V8_STACK:
            left_out["too slow for V8" if theirs.get("timeout") else "V8's backtracking stack overflowed"] += 1
            continue
        mine = mock_answer(pattern, subjects)
        if mine.get("timeout"):
            left_out[f"cut off by the mock after {TIME_LIMIT:g} s"] += 1
        elif "error" not in theirs and mine.get("error", "").endswith(MOCK_REFUSES):
            left_out["refused by the mock as too large or too deep"] += 1
        elif mine == theirs:
            agree += 1
        else:
            differences.append((pattern, theirs, mine))
    return agree, left_out, differences


def describe(pattern, theirs, mine, subjects):
    """One difference: the pattern, then V8's and the mock's answers (for matches: the first string they differ on)."""
    lines = [f"  - {pattern!r}"]
    if "bits" in theirs and "bits" in mine:
        index = next(i for i, (a, b) in enumerate(zip(theirs["bits"], mine["bits"], strict=True)) if a != b)
        lines.append(f"      on {subjects[index]!r}: V8 {theirs['bits'][index]}, mock {mine['bits'][index]}")
    else:
        lines += [f"      V8:   {str(theirs)[:200]}", f"      mock: {str(mine)[:200]}"]
    return "\n".join(lines)


def write_tables():
    """Regenerate the mock's Unicode data from V8 (a few minutes)."""
    data = json.loads(node("tables")[0])
    parts = [f' "generated_by": "python -m fidelity.regex_diff --write-tables", "node": {json.dumps(data["node"])}']
    parts += [f" {json.dumps(key)}: {json.dumps(data[key], separators=(',', ':'))}"
              for key in ("case_classes", "identifier_start", "identifier_part")]
    TABLES.write_text("{\n" + ",\n".join(parts) + "\n}\n", encoding="utf-8")
    print(f"wrote {TABLES} from node {data['node']}")


def main(argv=None):
    """Compare; print the figure and the first differences; exit 1 if any pattern differs."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.write_tables:
        write_tables()
        return 0
    rng = random.Random(args.seed)
    subjects = list(dict.fromkeys(CRAFTED + SMALL + ("aAbB", "ABAB", "bAaB"))) + data_strings(rng, args.subjects)
    patterns = list(dict.fromkeys((regex_grammar.pattern if i % 3 else regex_grammar.small)(rng) for i in range(args.count)))
    agree, left_out, differences = compare(patterns, subjects)
    compared = len(patterns) - sum(left_out.values())
    for pattern, theirs, mine in differences[: args.show]:
        print(describe(pattern, theirs, mine, subjects))
    errors = sum(1 for p in patterns if mock_answer(p, subjects[:1]).get("error"))
    print(f"regex_diff: {agree} of {compared} patterns agree with V8 ({100 * agree / max(compared, 1):.2f} %), "
          f"each tested on {len(subjects)} strings, {errors} of them invalid; seed {args.seed}; left out (deliberate "
          f"differences): {', '.join(f'{n} {why}' for why, n in sorted(left_out.items())) or 'none'}")
    return 0 if not differences else 1


if __name__ == "__main__":
    sys.exit(main())
