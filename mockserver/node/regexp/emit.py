"""A V8 pattern's tree in the `regex` package's syntax, over UTF-16 code units, with case folded as V8 folds it.

Nothing is left to Python's own reading of a pattern: every character becomes its V8 case class, every class
its explicit code units, and the assertions V8's definitions (`$` is the very end, `\\b` ASCII word characters).
A back reference to a group that has not matched matches the empty string, as in JavaScript.

`regex` writes a counted repeat out in full, so counts are bounded: a repeat that cannot fit in the subject
(`longest` code units) cannot match and is dropped, and counts beyond it are capped, which no subject of that
length can tell apart. What is still larger than COST_LIMIT is refused (TooLarge).
"""

import re

from . import tree as t
from .unicode import case_variants, close_over_case

COST_LIMIT = 50_000  # repeated pieces `regex` may write out: 50,000 take it about 50 ms and 20 MB
PADDED_ROUNDS = 16  # a larger minimum of a body that can match empty anywhere is dropped (see _quantifier)
NEVER, ANY = "(?!)", "[\\x00-\\uffff]"
_WORD = "[0-9A-Za-z_]"
_REFERENCE = re.compile("\0([0-9]+)\0")
_ASSERTIONS = {
    t.START: "\\A",
    t.FINISH: "\\Z",
    t.BOUNDARY: f"(?:(?<={_WORD})(?!{_WORD})|(?<!{_WORD})(?={_WORD}))",
    t.NON_BOUNDARY: f"(?:(?<={_WORD})(?={_WORD})|(?<!{_WORD})(?!{_WORD}))",
}


class TooLarge(Exception):
    """The pattern would take `regex` more than COST_LIMIT pieces; V8 would compile it (see docs/mock-server.md)."""


def _unit(unit):
    if 0x30 <= unit <= 0x39 or 0x41 <= unit <= 0x5A or 0x61 <= unit <= 0x7A:
        return chr(unit)
    return f"\\u{unit:04x}"


def _set(ranges, negated=False):
    body = "".join(_unit(first) if first == last else f"{_unit(first)}-{_unit(last)}" for first, last in ranges)
    return f"[{'^' if negated else ''}{body}]"


class Emitter:
    """One translation, for subjects of at most `longest` code units; `used_length` says whether that mattered."""

    def __init__(self, longest):
        self.longest, self.used_length, self.cost = longest, False, 0
        self.captures = set()  # the V8 capture numbers present in the translation
        self.referenced = set()  # the capture numbers some back reference reads
        self.backward = False  # inside a lookbehind (and no lookahead within it): matched right to left
        self.rounds = 0  # repeats whose rounds are checked for matching empty (named r1, r2, ...)

    def pattern(self, tree):
        """The whole pattern's text for regex.compile."""
        self.referenced = {node.value for node in _walk(tree) if node.kind == t.BACKREF}
        text = self._node(tree)
        if self.cost > COST_LIMIT:
            raise TooLarge()
        return _REFERENCE.sub(self._reference, text)

    def _reference(self, match):
        """A back reference (subjects are in canonical case), the empty string while its group has not matched."""
        index = int(match.group(1))
        return f"(?(g{index})\\g<g{index}>|)" if index in self.captures else ""

    def _node(self, node):
        """The node's text; `regex` reads it as one atom when it is a character, a class or a group."""
        if node.least > self.longest:
            self.used_length = True
            return NEVER
        kind = node.kind
        self.cost += 1
        if kind == t.CHAR:  # subjects are matched in their canonical form (regexp/unicode.canonical)
            return _unit(case_variants(node.value)[0])
        if kind == t.CLASS:
            return self._class(*node.value)
        if kind == t.ASSERT:
            return _ASSERTIONS[node.value]
        if kind == t.BACKREF:  # filled in at the end: the group may come later, or be left out
            return f"\0{node.value}\0"
        if kind == t.SEQ:
            return "".join(self._node(term) for term in node.value)
        if kind == t.ALT:
            return "|".join(self._node(term) for term in node.value)
        if kind == t.GROUP:
            return f"(?:{self._node(node.body)})"
        if kind == t.CAPTURE:  # named for V8's number: a capture V8 drops (`()*`) must not renumber the others
            self.captures.add(node.value)
            return f"(?P<g{node.value}>{self._node(node.body)})"
        if kind == t.LOOK:
            behind, positive = node.value
            saved, self.backward = self.backward, behind
            body = self._node(node.body)
            self.backward = saved
            return f"(?{'<' if behind else ''}{'=' if positive else '!'}{body})"
        if kind == t.QUANT:
            return self._quantifier(node)
        return ""  # EMPTY

    def _class(self, ranges, negated):
        closed = close_over_case(ranges)
        if negated:
            return NEVER if closed == [(0, 0xFFFF)] else (_set(closed, True) if closed else ANY)
        return _set(closed) if closed else NEVER

    def _quantifier(self, node):
        low, high, greedy = node.value
        body = node.body
        slack = self.longest + (1 if body.least == 0 else 0)
        if low > slack:  # only a body that can match empty gets here: more rounds than characters change nothing
            low, self.used_length = slack, True
        if low > PADDED_ROUNDS and _empty_anywhere(body) and not self._captures_read(body):
            low = 0  # empty rounds can pad any match up to the minimum, so the minimum need not be written out
        if high != t.INFINITY and high - low > self.longest:  # rounds past the minimum consume a character each
            high, self.used_length = t.INFINITY, True
        before = self.cost
        text = self._node(body)
        self.cost = before + (self.cost - before) * (low + (0 if high == low else 1))
        if self.cost > COST_LIMIT:
            raise TooLarge()
        # JavaScript forgets the captures inside a repeated atom at the start of each round: a group that does not
        # take part in the last round reads as undefined (matching empty), not as what an earlier round captured.
        # `regex` keeps them; an empty capture under the same name at the start of each round does what JS does
        # (the start of a round is its right end inside a lookbehind, which both match from right to left).
        resets = "".join(f"(?P<g{node.value}>)" for node in _walk(body)
                         if node.kind == t.CAPTURE and node.value in self.referenced)
        lazy = "" if greedy else "?"
        stateful = any(inner.kind in (t.CAPTURE, t.BACKREF) for inner in _walk(body))
        if body.least > 0 or high == low or not stateful:
            if resets or body.kind not in (t.CHAR, t.CLASS) or text.startswith("(?"):
                text = self._round(resets, text)
            return text + _count(low, high) + lazy
        # Past the minimum, JavaScript fails a round that matches empty (RepeatMatcher's check). `regex` stops at an
        # empty round too, unless the round changed a capture: then it can loop on empty rounds until memory runs
        # out. So where a round holds captures or back references, each round past the minimum captures what it
        # matched and must not have matched the empty string (slower, but exact; elsewhere the two rules agree).
        self.rounds += 1
        name = f"r{self.rounds}"
        guarded = f"(?P<{name}>{text})"
        check = f"(?!(?>[\\s\\S]*)\\g<{name}>)"  # what the round matched cannot be found at the very end
        further = self._round(resets, check + guarded if self.backward else guarded + check)
        head = self._round(resets, text) + _count(low, low) + lazy if low else ""
        return head + further + _count(0, t.INFINITY if high == t.INFINITY else high - low) + lazy

    def _captures_read(self, body):
        """Whether some back reference reads a capture inside the body."""
        return any(node.kind == t.CAPTURE and node.value in self.referenced for node in _walk(body))

    def _round(self, resets, text):
        """One round of a repeat, as a group: the resets first in the direction of matching."""
        return f"(?:{text}{resets})" if self.backward else f"(?:{resets}{text})"


def _count(low, high):
    """A quantifier's count in `regex` syntax."""
    if (low, high) == (0, t.INFINITY):
        return "*"
    if (low, high) == (1, t.INFINITY):
        return "+"
    if (low, high) == (0, 1):
        return "?"
    if high == t.INFINITY:
        return f"{{{low},}}"
    return f"{{{low}}}" if low == high else f"{{{low},{high}}}"


def _empty_anywhere(node):
    """Whether the node can match the empty string wherever it is tried (no assertion or reference decides)."""
    kind = node.kind
    if kind == t.EMPTY:
        return True
    if kind in (t.GROUP, t.CAPTURE):
        return _empty_anywhere(node.body)
    if kind == t.QUANT:
        return node.value[0] == 0 or _empty_anywhere(node.body)
    if kind == t.SEQ:
        return all(_empty_anywhere(term) for term in node.value)
    if kind == t.ALT:
        return any(_empty_anywhere(term) for term in node.value)
    return False  # characters, classes, assertions, lookarounds, back references


def _walk(tree):
    """Every node of the tree (iteratively: the parser allows deep nesting)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if node.body is not None:
            stack.append(node.body)
        elif node.kind in (t.SEQ, t.ALT):
            stack.extend(node.value)


def translate(tree, longest):
    """(regex text, whether it depends on `longest`, its cost) for a parsed pattern; TooLarge past COST_LIMIT."""
    emitter = Emitter(longest)
    text = emitter.pattern(tree)
    return text, emitter.used_length, emitter.cost
