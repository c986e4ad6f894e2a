"""V8's regexp escapes and character classes without the `u` flag (src/regexp/regexp-parser.cc, Node 20).

Annex B's rules: legacy octal escapes, identity escapes, `\\c` read as a backslash when no letter follows,
`\\k` a letter until the pattern has named groups, `-` taken as itself next to a class escape.
"""

from . import tree as t
from .cursor import END, Cursor, SyntaxFault

__all__ = ["END", "EscapeParser", "SyntaxFault"]


class EscapeParser(Cursor):
    """ParseCharacterEscape, ParseClassEscape and ParseCharacterClass."""

    def character_escape(self, in_class):
        """ParseCharacterEscape at a backslash: the code unit it stands for."""
        self.advance()
        char = self.current
        if char in _CONTROL_ESCAPES:
            self.advance()
            return _CONTROL_ESCAPES[char]
        if char == 0x63:  # \c
            control = self.peek()
            if 0x41 <= (control & ~0x20) <= 0x5A or (in_class and (0x30 <= control <= 0x39 or control == 0x5F)):
                self.advance_by(2)
                return control & 0x1F
            return 0x5C  # a backslash, and the 'c' is read next as itself
        if char == 0x30 and not 0x30 <= self.peek() <= 0x39:
            self.advance()
            return 0
        if 0x30 <= char <= 0x37:
            return self.octal_literal()
        if char in (0x78, 0x75):  # \xHH, \uHHHH, or the letter itself
            self.advance()
            value = self.hex_escape(2) if char == 0x78 else self.unicode_escape()
            return char if value is None else value
        self.advance()
        if char == 0x6B and self.named_captures_ahead(in_class):
            raise SyntaxFault("Invalid escape")
        return char

    def _class_atom(self, ranges):
        """ParseClassEscape: (code unit, False), or (None, True) after adding \\d \\s \\w and negations."""
        if self.current != 0x5C:
            char = self.current
            self.advance()
            return char, False
        nxt = self.peek()
        if nxt == 0x62:  # \b is a backspace in a class
            self.advance_by(2)
            return 0x08, False
        if nxt == END:
            raise SyntaxFault("\\ at end of pattern")
        if nxt in t.CLASS_ESCAPES:
            ranges.extend(t.CLASS_ESCAPES[nxt])
            self.advance_by(2)
            return None, True
        return self.character_escape(in_class=True), False

    def character_class(self):
        """ParseCharacterClass at '[': the class node; ranges next to a class escape keep the '-' as itself."""
        self.advance()
        negated = self.current == 0x5E
        if negated:
            self.advance()
        ranges = []
        while self.has_more and self.current != 0x5D:
            first, first_is_class = self._class_atom(ranges)
            if self.current != 0x2D:
                if not first_is_class:
                    ranges.append((first, first))
                continue
            self.advance()
            if not self.has_more:
                break
            if self.current == 0x5D:
                if not first_is_class:
                    ranges.append((first, first))
                ranges.append((0x2D, 0x2D))
                break
            last, last_is_class = self._class_atom(ranges)
            if first_is_class or last_is_class:
                ranges.extend(([] if first_is_class else [(first, first)]) + [(0x2D, 0x2D)]
                              + ([] if last_is_class else [(last, last)]))
                continue
            if first > last:
                raise SyntaxFault("Range out of order in character class")
            ranges.append((first, last))
        if not self.has_more:
            raise SyntaxFault("Unterminated character class")
        self.advance()
        return t.Node(t.CLASS, (ranges, negated))


_CONTROL_ESCAPES = {0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09, 0x76: 0x0B}  # \f \n \r \t \v
