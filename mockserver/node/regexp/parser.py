"""V8's regular-expression parser (src/regexp/regexp-parser.cc, Node 20) without the `u` flag, Annex B included.

A faithful port: the same grammar, the same order of checks and the same error messages word for word, over
the pattern's UTF-16 code units. It builds the tree V8 builds (regexp/tree), which regexp/emit turns into the
`regex` package's syntax. The parser is iterative, as V8's, so deep nesting cannot exhaust Python's stack.
"""

from . import tree as t
from .escapes import EscapeParser, SyntaxFault

END = t.END
MAX_CAPTURES = 1 << 16  # RegExpMacroAssembler::kMaxCaptures
MAX_DEPTH = 64  # groups inside groups: past this the mock refuses (the `regex` package's parser recurses, and
# the worst shapes, repeats of repeats with back references, compile up to about 130 deep); V8 goes to about 5,500
INITIAL, CAPTURE, POSITIVE, NEGATIVE, GROUPING = range(5)


class _State:
    """One open group (ParserState): what it is, its capture index and name, and the terms built so far."""

    __slots__ = ("previous", "group_type", "behind", "capture_index", "capture_name", "builder", "depth")

    def __init__(self, previous, group_type, behind, capture_index, capture_name):
        self.previous, self.group_type, self.behind = previous, group_type, behind
        self.capture_index, self.capture_name = capture_index, capture_name
        self.builder = t.Builder()
        self.depth = 0 if previous is None else previous.depth + 1

    def inside_capture(self, index):
        """IsInsideCaptureGroup(index): a reference to a group from inside that group itself."""
        state = self
        while state is not None:
            if state.group_type == CAPTURE:
                if index == state.capture_index:
                    return True
                if index > state.capture_index:
                    return False
            state = state.previous
        return False

    def inside_named_capture(self, name):
        """IsInsideCaptureGroup(name)."""
        state = self
        while state is not None:
            if state.capture_name == name:
                return True
            state = state.previous
        return False


class Parser(EscapeParser):
    """ParserImpl::ParsePattern for one pattern (a list of UTF-16 code units), flags `i` only."""

    def __init__(self, units):
        super().__init__(units)
        self.named_captures = {}  # name -> capture index
        self.named_refs = []  # BackRef nodes whose index is known only once the whole pattern is read

    def parse(self):
        """The pattern's tree and its number of captures, or SyntaxFault with V8's message."""
        tree = self._disjunction()
        for ref in self.named_refs:  # PatchNamedBackReferences
            if ref.name not in self.named_captures:
                raise SyntaxFault("Invalid named capture referenced")
            ref.value = self.named_captures[ref.name]
        return tree, self.captures_started

    def _disjunction(self):
        """ParseDisjunction: atoms, assertions, groups and quantifiers, with an explicit stack of open groups."""
        state = _State(None, INITIAL, False, 0, None)
        builder = state.builder
        while True:
            char = self.current
            if char == END:
                if state.previous is not None:
                    raise SyntaxFault("Unterminated group")
                return builder.tree()
            if char == 0x29:  # ')'
                if state.previous is None:
                    raise SyntaxFault("Unmatched ')'")
                self.advance()
                body = self._close_group(state, builder.tree())
                state = state.previous
                builder = state.builder
                builder.add_atom(body)
            elif char == 0x7C:  # '|'
                self.advance()
                builder.new_alternative()
                continue
            elif char in (0x2A, 0x2B, 0x3F):  # * + ?
                raise SyntaxFault("Nothing to repeat")
            elif char in (0x5E, 0x24):  # ^ $
                self.advance()
                builder.add(t.Node(t.ASSERT, t.START if char == 0x5E else t.FINISH))
                continue
            elif char == 0x2E:  # '.'
                self.advance()
                builder.add(t.Node(t.CLASS, (t.NOT_LINE_TERMINATOR, False)))
            elif char == 0x28:  # '('
                state = self._open_group(state)
                builder = state.builder
                continue
            elif char == 0x5B:  # '['
                builder.add(self.character_class())
            elif char == 0x5C:  # '\'
                if self._atom_escape(state, builder):
                    continue
            elif char == 0x7B and self.interval_quantifier() is not None:  # '{' at the start of an atom
                raise SyntaxFault("Nothing to repeat")
            else:  # '{', '}' and ']' are ordinary characters without the `u` flag (Annex B)
                builder.add(t.Node(t.CHAR, char))
                self.advance()
            self._quantifier(builder)

    def _quantifier(self, builder):
        """The quantifier after an atom, if any (*, +, ?, {n}, {n,}, {n,m}, each optionally lazy)."""
        char = self.current
        if char == 0x2A:
            low, high = 0, t.INFINITY
        elif char == 0x2B:
            low, high = 1, t.INFINITY
        elif char == 0x3F:
            low, high = 0, 1
        elif char == 0x7B:
            bounds = self.interval_quantifier()
            if bounds is None:
                return
            low, high = bounds
            if high < low:
                raise SyntaxFault("numbers out of order in {} quantifier")
        else:
            return
        if char != 0x7B:
            self.advance()
        greedy = True
        if self.current == 0x3F:
            greedy = False
            self.advance()
        if not builder.add_quantifier(low, high, greedy):
            raise SyntaxFault("Invalid quantifier")

    def _open_group(self, state):
        """ParseOpenParenthesis: (, (?:, (?=, (?!, (?<=, (?<!, (?<name>; anything else after (? is invalid."""
        behind, group_type, name = state.behind, CAPTURE, None
        is_named = False
        self.advance()
        if self.current == 0x3F:
            nxt = self.peek()
            if nxt == 0x3A:
                self.advance_by(2)
                group_type = GROUPING
            elif nxt in (0x3D, 0x21):
                self.advance_by(2)
                behind, group_type = False, (POSITIVE if nxt == 0x3D else NEGATIVE)
            elif nxt == 0x3C:
                self.advance()
                if self.peek() in (0x3D, 0x21):
                    behind, group_type = True, (POSITIVE if self.peek() == 0x3D else NEGATIVE)
                    self.advance_by(2)
                else:
                    is_named = self.has_named_captures = True
                    self.advance()
            else:  # including (?i: and (?-i: : V8 11 (Node 20) has no modifiers
                raise SyntaxFault("Invalid group")
        if group_type == CAPTURE:
            if self.captures_started >= MAX_CAPTURES:
                raise SyntaxFault("Too many captures")
            self.captures_started += 1
            if is_named:
                name = self.capture_group_name()
        opened = _State(state, group_type, behind, self.captures_started, name)
        if opened.depth > MAX_DEPTH:
            raise SyntaxFault(t.TOO_DEEP)
        return opened

    def _close_group(self, state, body):
        """The node a group becomes once its ')' is read."""
        if state.group_type == CAPTURE:
            if state.capture_name is not None:
                if state.capture_name in self.named_captures:
                    raise SyntaxFault("Duplicate capture group name")
                self.named_captures[state.capture_name] = state.capture_index
            return t.Node(t.CAPTURE, state.capture_index, body)
        if state.group_type == GROUPING:
            return t.Node(t.GROUP, None, body)
        return t.Node(t.LOOK, (state.behind, state.group_type == POSITIVE), body)

    def _atom_escape(self, state, builder):
        """An escape outside a class; True when it was an assertion (\\b, \\B), which takes no quantifier."""
        nxt = self.peek()
        if nxt == END:
            raise SyntaxFault("\\ at end of pattern")
        if 0x31 <= nxt <= 0x39:
            index = self.back_reference_index()
            if index is not None:
                if state.inside_capture(index):
                    builder.add_empty()
                else:
                    builder.add(t.Node(t.BACKREF, index))
                return False
            if self.peek() in (0x38, 0x39):  # \8 and \9 are the digits themselves
                builder.add(t.Node(t.CHAR, self.peek()))
                self.advance_by(2)
                return False
        if 0x30 <= nxt <= 0x39:  # \0, and \1-\7 that are no back reference: a legacy octal escape
            self.advance()
            builder.add(t.Node(t.CHAR, self.octal_literal()))
            return False
        if nxt in (0x62, 0x42):  # \b \B
            self.advance_by(2)
            builder.add(t.Node(t.ASSERT, t.BOUNDARY if nxt == 0x62 else t.NON_BOUNDARY))
            return True
        if nxt in t.CLASS_ESCAPES:
            self.advance_by(2)
            builder.add(t.Node(t.CLASS, (t.CLASS_ESCAPES[nxt], False)))
            return False
        if nxt == 0x6B and self.named_captures_ahead():  # \k<name> once the pattern has named groups
            self.advance_by(2)
            self._named_back_reference(state, builder)
            return False
        builder.add(t.Node(t.CHAR, self.character_escape(in_class=False)))
        return False

    def _named_back_reference(self, state, builder):
        """ParseNamedBackReference: \\k<name>, resolved once the whole pattern is read."""
        if self.current != 0x3C:
            raise SyntaxFault("Invalid named reference")
        self.advance()
        name = self.capture_group_name()
        if state.inside_named_capture(name):
            builder.add_empty()
            return
        ref = t.Node(t.BACKREF, None)
        ref.name = name
        builder.add(ref)
        self.named_refs.append(ref)


def parse(units):
    """(tree, number of captures) for a pattern's UTF-16 code units; SyntaxFault with V8's message if invalid."""
    return Parser(units).parse()
