"""The tree V8's regexp parser builds (src/regexp/regexp-ast.h), and its Builder's rules for quantifiers."""

END = 1 << 21  # ParserImpl::kEndMarker: past the last code unit
INFINITY = (1 << 31) - 1  # RegExpTree::kInfinity: an unbounded quantifier, and where counts saturate
TOO_DEEP = "Stack overflow"  # V8's message for a pattern nested too deep (the mock's depth is lower: see jsregex)

# Node kinds, and what a node's `value` holds for each
CHAR = "char"  # the code unit
CLASS = "class"  # (ranges, negated): ranges as [(first, last), ...] of code units
ASSERT = "assert"  # one of START, FINISH, BOUNDARY, NON_BOUNDARY
BACKREF = "backref"  # the capture index
GROUP = "group"  # None
CAPTURE = "capture"  # the capture index
LOOK = "look"  # (behind, positive)
QUANT = "quant"  # (min, max, greedy)
SEQ = "seq"  # the list of terms
ALT = "alt"  # the list of alternatives
EMPTY = "empty"  # None
START, FINISH, BOUNDARY, NON_BOUNDARY = "^", "$", "\\b", "\\B"

_DIGITS = [(0x30, 0x39)]
_WORD = [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)]
# V8's kSpaceRanges (regexp-compiler.cc): WhiteSpace and LineTerminator of ECMA-262
_SPACE = [(0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A), (0x2028, 0x2029),
          (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF)]
_LINE_TERMINATORS = [(0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029)]


def negate(ranges):
    """The code units (0 to 0xFFFF) not in the sorted, disjoint ranges."""
    result, start = [], 0
    for first, last in ranges:
        if first > start:
            result.append((start, first - 1))
        start = last + 1
    if start <= 0xFFFF:
        result.append((start, 0xFFFF))
    return result


CLASS_ESCAPES = {0x64: _DIGITS, 0x44: negate(_DIGITS), 0x77: _WORD, 0x57: negate(_WORD),
                 0x73: _SPACE, 0x53: negate(_SPACE)}  # \d \D \w \W \s \S
NOT_LINE_TERMINATOR = negate(_LINE_TERMINATORS)  # '.'


def _saturating(value):
    return INFINITY if value > INFINITY else value


class Node:
    """One node of the tree, with the least and most code units it can match (min_match, max_match)."""

    __slots__ = ("kind", "value", "body", "least", "most", "name")

    def __init__(self, kind, value=None, body=None):
        self.kind, self.value, self.body, self.name = kind, value, body, None
        if kind in (CHAR, CLASS):
            self.least = self.most = 1
        elif kind in (ASSERT, LOOK, EMPTY):
            self.least = self.most = 0
        elif kind == BACKREF:
            self.least, self.most = 0, INFINITY
        elif kind in (GROUP, CAPTURE):
            self.least, self.most = body.least, body.most
        elif kind == QUANT:
            low, high, _ = value
            self.least = _saturating(low * body.least)
            self.most = INFINITY if high > 0 and body.most > INFINITY // high else high * body.most
        elif kind == SEQ:
            self.least = _saturating(sum(term.least for term in value))
            self.most = _saturating(sum(term.most for term in value))
        else:  # ALT
            self.least = min(term.least for term in value)
            self.most = max(term.most for term in value)


EMPTY_NODE = Node(EMPTY)


class Builder:
    """regexp-parser.cc's Builder: the terms of the current alternative, and the alternatives so far."""

    def __init__(self):
        self.terms, self.alternatives = [], []
        self.pending_empty = False  # an empty atom was added: a quantifier right after it is swallowed

    def add(self, node):
        """AddCharacter, AddClassRanges, AddAssertion, AddTerm."""
        self.pending_empty = False
        self.terms.append(node)

    def add_atom(self, node):
        """AddAtom: an empty atom only swallows the quantifier after it."""
        if node.kind == EMPTY:
            self.pending_empty = True
        else:
            self.add(node)

    def add_empty(self):
        """AddEmpty: a back reference from inside its own group matches nothing, and takes no quantifier."""
        self.pending_empty = True

    def new_alternative(self):
        """'|': close the current alternative."""
        self.alternatives.append(self._flush_terms())

    def tree(self):
        """ToRegExp: the disjunction built so far."""
        self.new_alternative()
        if len(self.alternatives) == 1:
            return self.alternatives[0]
        return Node(ALT, self.alternatives)

    def _flush_terms(self):
        terms, self.terms = self.terms, []
        if not terms:
            return EMPTY_NODE
        return terms[0] if len(terms) == 1 else Node(SEQ, terms)

    def add_quantifier(self, low, high, greedy):
        """AddQuantifierToAtom; False where V8 says "Invalid quantifier" (a quantified lookbehind)."""
        if self.pending_empty:
            self.pending_empty = False
            return True
        atom = self.terms.pop()
        if atom.kind == LOOK and atom.value[0]:
            return False
        if atom.kind not in (CHAR, CLASS) and atom.most == 0:  # it can only match empty: no quantifier needed
            if low > 0:
                self.terms.append(atom)
            return True
        self.terms.append(Node(QUANT, (low, high, greedy), atom))
        return True
