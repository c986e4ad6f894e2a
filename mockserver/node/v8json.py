"""V8's JSON.parse (Node 20): its errors word for word, at its positions, and no limit on nesting.

A port of the error paths of V8's `src/json/json-parser.cc`: the same tokens, the same order of checks,
positions counted in UTF-16 code units, the source quoted whole when shorter than 21 code units and
cut to ten either side of the error otherwise. The happy path is the standard library's (in C); this
parser runs only when that one fails or recurses too deep, since V8's own parser is iterative and takes
millions of levels.
"""

import re
from array import array

from . import jsrt

_TOKENS = {'"': "STRING", "-": "NUMBER", "[": "LBRACK", "{": "LBRACE", "]": "RBRACK", "}": "RBRACE",
           "t": "TRUE", "f": "FALSE", "n": "NULL", ":": "COLON", ",": "COMMA",
           " ": "WHITESPACE", "\t": "WHITESPACE", "\r": "WHITESPACE", "\n": "WHITESPACE"}
_TOKENS.update((digit, "NUMBER") for digit in "0123456789")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_HEX = frozenset("0123456789abcdefABCDEF")
_DIGITS = frozenset("0123456789")
MAX_CONTEXT = 10  # V8's kMaxContextCharacters
_DEEP_ARRAY, _DEEP_OBJECT = (None, None), (None, "")  # open levels past BUILD_DEPTH: only their kind is kept
_OPEN_OBJECT = re.compile(r'\{[ \t\r\n]*"([^"\\\x00-\x1f]*)"[ \t\r\n]*:')  # `{"key":`, the common case, in one step
BUILD_DEPTH = 5000  # deeper than this, nothing is kept: JSON.stringify gives up long before (jsrt.STRINGIFY_DEPTH)


class JsonSyntaxError(ValueError):
    """JSON.parse's SyntaxError; `message` is V8's text, as a Python str (lone surrogates already replaced)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def parse(text):
    """JSON.parse(text) as Python values (jsrt's model), or JsonSyntaxError with V8's message."""
    try:
        return jsrt.parse_json(text)
    except RecursionError:
        pass  # valid or not, too deep for the standard library: V8's way, iteratively
    except ValueError:
        pass
    return _Parser(text).parse()


def error_message(text):
    """V8's message for text that JSON.parse refuses (None if it parses)."""
    try:
        _Parser(text).parse()
    except JsonSyntaxError as error:
        return error.message
    return None


def code_units(text):
    """The text as UTF-16 code units, one Python character each (a no-op for text within the BMP)."""
    if not text or max(text) <= "\uffff":
        return text
    return "".join(map(chr, array("H", text.encode("utf-16-le", "surrogatepass"))))


def as_text(units):
    """Code units back to text as Node writes it: pairs joined, lone surrogates as U+FFFD."""
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


_WHITESPACE = re.compile(r"[ \t\r\n]*")
_RUNS = {"[": re.compile(r"[\[ \t\r\n]*"), "]": re.compile(r"[\] \t\r\n]*"), "}": re.compile(r"[} \t\r\n]*")}


def _run_end(source, pos, bracket):
    """Where the run of that bracket (whitespace between allowed) starting at pos ends."""
    return _RUNS[bracket].match(source, pos).end()


def _joined(units):
    """Code units as a Python string: pairs joined, lone surrogates kept (a JavaScript string may hold them)."""
    if not units or max(units) < "\ud800":
        return units
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


class _Parser:
    """JsonParser<Char> of V8, reduced to what decides its result and its errors."""

    def __init__(self, text):
        self.source = code_units(text)
        self.pos, self.deep_objects, self.deep_arrays = 0, 0, 0

    # -- tokens ------------------------------------------------------------------------------------

    def _token_at(self, pos):
        return "EOS" if pos >= len(self.source) else _TOKENS.get(self.source[pos], "ILLEGAL")

    def _peek(self):
        """SkipWhitespace, then the token at the cursor."""
        source, pos = self.source, self.pos
        if pos < len(source) and source[pos] in " \t\r\n":  # a run of it in one step: 10 MB of blanks takes 10 ms
            pos = _WHITESPACE.match(source, pos).end()
        self.pos = pos
        return self._token_at(pos)

    def _check(self, token):
        if self._peek() == token:
            self.pos += 1
            return True
        return False

    def _expect_next(self, token, message):
        if self._peek() != token:
            self._fail(self._token_at(self.pos), message)
        self.pos += 1

    def _fail(self, token, message=None):
        """ReportUnexpectedToken: the message for this token at the cursor."""
        pos = self.pos
        if message is None:
            if token == "EOS":
                message = "Unexpected end of JSON input"
            elif token == "NUMBER":
                message = "Unexpected number in JSON at position {pos}"
            elif token == "STRING":
                message = "Unexpected string in JSON at position {pos}"
            else:
                message = self._unexpected_token(pos)
        raise JsonSyntaxError(as_text(message.replace("{pos}", str(pos))))

    def _unexpected_token(self, pos):
        """'Unexpected token' with the source, whole when short, else ten code units either side."""
        source, char = self.source, self.source[pos]
        if source in ("NaN", "Infinity", "undefined", "[object Object]"):
            return f'"{source}" is not valid JSON'
        length = len(source)
        if length < 2 * MAX_CONTEXT + 1:
            return f"Unexpected token '{char}', \"{source}\" is not valid JSON"
        if pos < MAX_CONTEXT:
            return f"Unexpected token '{char}', \"{source[:pos + MAX_CONTEXT]}\"... is not valid JSON"
        if pos < length - MAX_CONTEXT:
            return f"Unexpected token '{char}', ...\"{source[pos - MAX_CONTEXT:pos + MAX_CONTEXT]}\"... is not valid JSON"
        return f"Unexpected token '{char}', ...\"{source[pos - MAX_CONTEXT:]}\" is not valid JSON"

    # -- values --------------------------------------------------------------------------------------

    def parse(self):
        """The whole text: one value, then nothing but whitespace."""
        value = self._value()
        if self._peek() != "EOS":
            self._fail("ILLEGAL", "Unexpected non-whitespace character after JSON at position {pos}")
        return value

    def _value(self):
        """ParseJsonValue, with an explicit stack of open objects and arrays instead of recursion."""
        stack = []  # [container, key or None]
        while True:
            token = self._peek()
            if token == "LBRACE" and (simple := _OPEN_OBJECT.match(self.source, self.pos)) is not None:
                self.pos = simple.end()
                stack.append([{}, _joined(simple.group(1))] if len(stack) < BUILD_DEPTH else self._deep_object())
                continue
            if token == "LBRACE":
                self.pos += 1
                if self._check("RBRACE"):
                    value = {}
                else:
                    self._expect_next("STRING", "Expected property name or '}' in JSON at position {pos}")
                    key = self._property_key(first=True)
                    stack.append([{}, key] if len(stack) < BUILD_DEPTH else self._deep_object())
                    continue
            elif token == "LBRACK":
                if len(stack) >= BUILD_DEPTH:  # a run of openers past the kept depth: all but the last at once
                    end = _run_end(self.source, self.pos, "[")
                    last = self.source.rindex("[", self.pos, end)
                    more = self.source.count("[", self.pos, last)
                    stack.extend([_DEEP_ARRAY] * more)
                    self.deep_arrays += more
                    self.pos = last
                self.pos += 1
                if self._check("RBRACK"):
                    value = []
                else:
                    stack.append([[], None] if len(stack) < BUILD_DEPTH else self._deep_array())
                    continue
            else:
                value = self._scalar(token)
            while True:  # the value is done: add it to the container it closes, or return it
                if not stack:
                    return value
                frame = stack[-1]
                if frame is _DEEP_ARRAY and self._peek() == "RBRACK":
                    self._close_deep_run(stack, "]", _DEEP_ARRAY, self.deep_objects)  # a run of closers, at once
                    value = None
                    continue
                if frame is _DEEP_OBJECT and self._peek() == "RBRACE":
                    self.deep_objects -= self._close_deep_run(stack, "}", _DEEP_OBJECT, self.deep_arrays)
                    value = None
                    continue
                container, key = frame
                if container is not None:
                    if key is None:
                        container.append(value)
                    else:
                        container[key] = value
                if key is None:
                    if self._check("COMMA"):
                        break
                    if self._peek() != "RBRACK":
                        self._fail(self._token_at(self.pos), "Expected ',' or ']' after array element in JSON at position {pos}")
                    self.pos += 1
                    value = stack.pop()[0]
                    if value is None:
                        self.deep_arrays -= 1
                else:
                    if self._check("COMMA"):
                        self._expect_next("STRING", "Expected double-quoted property name in JSON at position {pos}")
                        key = self._property_key(first=False)
                        if frame is not _DEEP_OBJECT:
                            frame[1] = key
                        break
                    if self._peek() != "RBRACE":
                        self._fail(self._token_at(self.pos), "Expected ',' or '}' after property value in JSON at position {pos}")
                    self.pos += 1
                    container = stack.pop()[0]
                    if container is None:
                        self.deep_objects -= 1
                    value = jsrt.js_object(container.items()) if container is not None else None

    def _deep_array(self):
        """The frame of an array past the kept depth (counted, as objects are)."""
        self.deep_arrays += 1
        return _DEEP_ARRAY

    def _deep_object(self):
        """The frame of an object past the kept depth (counted, so runs of arrays can be closed at once)."""
        self.deep_objects += 1
        return _DEEP_OBJECT

    def _close_deep_run(self, stack, closer, kind, others):
        """Close as many open levels of one kind past the kept depth as the run of closers at the cursor does.

        `others` counts the open levels of the other kind past the kept depth: with none, every one of them is
        of this kind and the count is a subtraction. Returns how many were closed.
        """
        source, pos = self.source, self.pos
        end = _run_end(source, pos, closer)
        closers = source.count(closer, pos, end)
        if others == 0:
            count = min(closers, len(stack) - BUILD_DEPTH)
        else:
            count = 0
            while count < closers and stack[-1 - count] is kind:
                count += 1
        del stack[-count:]
        if kind is _DEEP_ARRAY:
            self.deep_arrays -= count
        if closers == end - pos:  # no whitespace in the run
            self.pos = pos + count
        else:
            for _ in range(count):
                pos = source.index(closer, pos) + 1
            self.pos = pos
        return count

    def _property_key(self, first):
        """A property name (its opening quote just read) and the colon after it (V8 words only the first's)."""
        self.pos -= 1
        key = self._string()
        self._expect_next("COLON", "Expected ':' after property name in JSON at position {pos}" if first else None)
        return key

    def _scalar(self, token):
        if token == "STRING":
            return self._string()
        if token == "NUMBER":
            return self._number()
        for literal, value in (("TRUE", True), ("FALSE", False), ("NULL", None)):
            if token == literal:
                return self._literal(literal.lower(), value)
        self._fail(token)

    def _literal(self, word, value):
        """ScanLiteral: the rest of true, false or null, character by character."""
        source, start = self.source, self.pos
        if source.startswith(word, start):
            self.pos += len(word)
            return value
        self.pos += 1
        for expected in word[1:]:
            if self.pos >= len(source):
                break
            if source[self.pos] != expected:
                self._fail(self._token_at(self.pos))
            self.pos += 1
        self._fail("EOS")

    def _number(self):
        """ParseJsonNumber: -, int, fraction, exponent; V8's three messages for a number cut short."""
        source, start = self.source, self.pos
        if source[self.pos] == "-":
            self.pos += 1
            if self.pos >= len(source) or source[self.pos] not in _DIGITS:
                self._fail("ILLEGAL", "No number after minus sign in JSON at position {pos}")
        if source[self.pos] == "0":
            self.pos += 1
            if self.pos < len(source) and source[self.pos] in _DIGITS:
                self._fail("NUMBER")
        else:
            self._digits()
        if self.pos < len(source) and source[self.pos] == ".":
            self.pos += 1
            if self.pos >= len(source) or source[self.pos] not in _DIGITS:
                self._fail("ILLEGAL", "Unterminated fractional number in JSON at position {pos}")
            self._digits()
        if self.pos < len(source) and source[self.pos] in "eE":
            self.pos += 1
            if self.pos < len(source) and source[self.pos] in "+-":
                self.pos += 1
            if self.pos >= len(source) or source[self.pos] not in _DIGITS:
                self._fail("ILLEGAL", "Exponent part is missing a number in JSON at position {pos}")
            self._digits()
        return jsrt.parse_json(source[start:self.pos])

    def _digits(self):
        source, pos = self.source, self.pos
        while pos < len(source) and source[pos] in _DIGITS:
            pos += 1
        self.pos = pos

    def _string(self):
        """ScanJsonString: the cursor on the opening quote; escapes and control characters as V8 checks them."""
        source = self.source
        self.pos += 1
        out = []
        while True:
            if self.pos >= len(source):
                self._fail("EOS", "Unterminated string in JSON at position {pos}")
            char = source[self.pos]
            if char == '"':
                self.pos += 1
                return _joined("".join(out)) if out else ""
            if char == "\\":
                self.pos += 1
                out.append(self._escape())
                continue
            if char < " ":
                self._fail("ILLEGAL", "Bad control character in string literal in JSON at position {pos}")
            out.append(char)
            self.pos += 1

    def _escape(self):
        """One escape after its backslash."""
        source = self.source
        if self.pos >= len(source):
            self._fail("EOS")
        char = source[self.pos]
        if char > "\xff":  # outside V8's one-byte table of escapes: an unexpected token, not a bad escape
            self._fail("ILLEGAL")
        if char == "u":
            self.pos += 1
            for _ in range(4):
                if self.pos >= len(source) or source[self.pos] not in _HEX:
                    self._fail("ILLEGAL", "Bad Unicode escape in JSON at position {pos}")
                self.pos += 1
            return chr(int(source[self.pos - 4:self.pos], 16))
        if char not in _ESCAPES:
            self._fail("ILLEGAL", "Bad escaped character in JSON at position {pos}")
        self.pos += 1
        return _ESCAPES[char]
