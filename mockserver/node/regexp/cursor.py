"""The cursor of V8's regexp parser over a pattern's UTF-16 code units, and the productions that read ahead.

Ported from src/regexp/regexp-parser.cc (Node 20): Next, Advance, Reset and RewindByOneCodepoint; counts
({n,m}), octal, hex and \\u escapes, group names, and the scan ahead for captures that decides whether \\k and
\\1-\\9 are references. regexp/escapes builds the escapes and classes on it, regexp/parser the rest.
"""

from . import tree as t
from .unicode import is_identifier_part, is_identifier_start

END = t.END


class SyntaxFault(Exception):
    """The pattern is not a valid regular expression; the argument is V8's message (e.g. "Nothing to repeat")."""


def _hex_value(char):
    if 0x30 <= char <= 0x39:
        return char - 0x30
    if 0x41 <= char <= 0x46 or 0x61 <= char <= 0x66:
        return (char | 0x20) - 0x61 + 10
    return -1


class Cursor:
    """The parser's cursor (current, Next, Advance, Reset) and what it reads ahead."""

    def __init__(self, units):
        self.units, self.length = units, len(units)
        self.next_pos, self.current, self.has_more = 0, END, True
        self.force_unicode = False  # inside a group name, where surrogate pairs and \u{...} are read (+U)
        self.captures_started = 0
        self.capture_count, self.scanned = 0, False  # all the pattern's captures, once scanned ahead for them
        self.has_named_captures = False
        self.advance()

    # -- the cursor ----------------------------------------------------------------------------

    def _read(self, update):
        pos = self.next_pos
        char = self.units[pos]
        pos += 1
        if self.force_unicode and pos < self.length and 0xD800 <= char <= 0xDBFF and 0xDC00 <= self.units[pos] <= 0xDFFF:
            char = 0x10000 + ((char - 0xD800) << 10) + (self.units[pos] - 0xDC00)
            pos += 1
        if update:
            self.next_pos = pos
        return char

    def peek(self):
        """Next(): the code unit after the current one."""
        return self._read(False) if self.next_pos < self.length else END

    def advance(self):
        """Advance(): move on by one."""
        if self.next_pos < self.length:
            self.current = self._read(True)
        else:
            self.current, self.next_pos, self.has_more = END, self.length + 1, False

    def advance_by(self, distance):
        """Advance(dist)."""
        self.next_pos += distance - 1
        self.advance()

    def reset(self, pos):
        """Reset(pos): read again from pos."""
        self.next_pos, self.has_more = pos, pos < self.length
        self.advance()

    def position(self):
        """position(): where the current code unit (or surrogate pair) starts."""
        return self.next_pos - (2 if self.current != END and self.current > 0xFFFF else 1)

    def rewind(self):
        """RewindByOneCodepoint()."""
        if self.has_more:
            self.advance_by(-2 if self.current > 0xFFFF else -1)

    # -- counts, numbers, names ---------------------------------------------------------------------

    def interval_quantifier(self):
        """ParseIntervalQuantifier: (min, max) of {n}, {n,} or {n,m} (saturating), or None with nothing read."""
        start = self.position()
        self.advance()
        if not 0x30 <= self.current <= 0x39:
            self.reset(start)
            return None
        low = self._decimal()
        if self.current == 0x7D:
            self.advance()
            return low, low
        if self.current != 0x2C:
            self.reset(start)
            return None
        self.advance()
        if self.current == 0x7D:
            self.advance()
            return low, t.INFINITY
        high = self._decimal()
        if self.current != 0x7D:
            self.reset(start)
            return None
        self.advance()
        return low, high

    def _decimal(self):
        value = 0
        while 0x30 <= self.current <= 0x39:
            value = min(value * 10 + self.current - 0x30, t.INFINITY)
            self.advance()
        return value

    def octal_literal(self):
        """ParseOctalLiteral: up to three octal digits with a value below 256 (LegacyOctalEscapeSequence)."""
        value = self.current - 0x30
        self.advance()
        if 0x30 <= self.current <= 0x37:
            value = value * 8 + self.current - 0x30
            self.advance()
            if value < 32 and 0x30 <= self.current <= 0x37:
                value = value * 8 + self.current - 0x30
                self.advance()
        return value

    def hex_escape(self, length):
        """ParseHexEscape: exactly `length` hex digits, or None with nothing read."""
        start, value = self.position(), 0
        for _ in range(length):
            digit = _hex_value(self.current)
            if digit < 0:
                self.reset(start)
                return None
            value = value * 16 + digit
            self.advance()
        return value

    def unicode_escape(self):
        """ParseUnicodeEscape after \\u: XXXX, and in a group name {X...} or a surrogate pair of escapes."""
        if self.current == 0x7B and self.force_unicode:
            start = self.position()
            self.advance()
            value = self._unlimited_hex()
            if value is not None and self.current == 0x7D:
                self.advance()
                return value
            self.reset(start)
            return None
        value = self.hex_escape(4)
        if value is not None and self.force_unicode and 0xD800 <= value <= 0xDBFF and self.current == 0x5C:
            start = self.position()
            if self.peek() == 0x75:
                self.advance_by(2)
                trail = self.hex_escape(4)
                if trail is not None and 0xDC00 <= trail <= 0xDFFF:
                    return 0x10000 + ((value - 0xD800) << 10) + (trail - 0xDC00)
            self.reset(start)
        return value

    def _unlimited_hex(self):
        value = _hex_value(self.current)
        if value < 0:
            return None
        self.advance()
        while (digit := _hex_value(self.current)) >= 0:
            value = value * 16 + digit
            if value > 0x10FFFF:
                return None
            self.advance()
        return value

    def capture_group_name(self):
        """ParseCaptureGroupName: an IdentifierName up to '>', with \\u escapes; the current unit follows it."""
        self.rewind()
        name = []
        self.force_unicode = True
        try:
            while True:
                self.advance()
                char = self.current
                if char == 0x5C and self.peek() == 0x75:
                    self.advance_by(2)
                    char = self.unicode_escape()
                    if char is None:
                        raise SyntaxFault("Invalid Unicode escape")
                    self.rewind()
                if char == 0x5C:
                    raise SyntaxFault("Invalid capture group name")
                if not name:
                    if not is_identifier_start(char):
                        raise SyntaxFault("Invalid capture group name")
                elif char == 0x3E:
                    break
                elif not is_identifier_part(char):
                    raise SyntaxFault("Invalid capture group name")
                name.append(char)
        finally:
            self.force_unicode = False
        self.advance()
        return tuple(name)

    # -- looking ahead for captures ---------------------------------------------------------------

    def back_reference_index(self):
        """ParseBackReferenceIndex at \\1-\\9: the capture number, if the pattern has that many captures."""
        start = self.position()
        value = self.peek() - 0x30
        self.advance_by(2)
        while 0x30 <= self.current <= 0x39:
            value = 10 * value + self.current - 0x30
            if value > (1 << 16):
                self.reset(start)
                return None
            self.advance()
        if value > self.captures_started:
            if not self.scanned:
                self.scan_for_captures(False)
            if value > self.capture_count:
                self.reset(start)
                return None
        return value

    def named_captures_ahead(self, in_class=False):
        """HasNamedCaptures: whether the pattern has a named group anywhere (scanning ahead once)."""
        if self.has_named_captures or self.scanned:
            return self.has_named_captures
        self.scan_for_captures(in_class)
        return self.has_named_captures

    def scan_for_captures(self, in_class):
        """ScanForCaptures: count every capturing group of the pattern, skipping classes and escapes."""
        saved, count = self.position(), self.captures_started
        if in_class:
            while (char := self.current) != END:
                self.advance()
                if char == 0x5C:
                    self.advance()
                elif char == 0x5D:
                    break
        while (char := self.current) != END:
            self.advance()
            if char == 0x5C:
                self.advance()
            elif char == 0x5B:
                while (inner := self.current) != END:
                    self.advance()
                    if inner == 0x5C:
                        self.advance()
                    elif inner == 0x5D:
                        break
            elif char == 0x28:
                if self.current == 0x3F:
                    self.advance()
                    if self.current != 0x3C:
                        continue
                    self.advance()
                    if self.current in (0x3D, 0x21):
                        continue
                    self.has_named_captures = True
                count += 1
        self.capture_count, self.scanned = count, True
        self.reset(saved)
