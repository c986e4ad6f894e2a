"""Chunk extensions counted as Node 20 counts them (CVE-2024-22019): 413 once one chunk's pass 16 KiB.

llhttp reports a chunk extension's name and value as spans; Node's parser binding adds up their bytes for each
chunk (reset when its size line is done, and at each new message) and fails with
HPE_CHUNK_EXTENSIONS_OVERFLOW, answered `413 Payload Too Large`, once the sum passes 16,384. It checks the sum
when a span ends and when a read ends inside one. The bytes counted are the names and values (a quoted value
with its quotes), not the `;` and `=` between them. httptools does not report those spans, so this walker
follows the framing of the bytes llhttp has read (the heads it completed say how each body is framed) and
counts them itself: measured against Node 20.20 (a name of 16,385 bytes is refused, one of 16,384 is not;
`a=` and 16,384 bytes of value are refused; a quoted value of 16,382 bytes is refused).
"""

import collections
import re

EXTENSIONS_LIMIT = 16 * 1024  # node_http_parser.cc kMaxChunkExtensionsSize
_HEAD_END = re.compile(rb"\n\r?\n")
_LINE_END = re.compile(rb"\n")
_NOT_TOKEN = re.compile(rb"[^!#$%&'*+\-.^_`|~0-9A-Za-z]")  # what ends a name or an unquoted value (RFC 9110 token)
_NOT_QUOTED = re.compile(rb"[^\t \x21\x23-\x5b\x5d-\x7e\x80-\xff]")  # what ends a quoted value's plain bytes
_HEX = {byte: int(chr(byte), 16) for byte in b"0123456789abcdefABCDEF"}


class ChunkWalker:
    """Follows one connection's bytes through heads, bodies and chunk-size lines; says where Node would answer 413.

    `framed(kind, length)` is told each head llhttp completes, in order: ("length", n), ("chunked", 0) or
    ("none", 0). `walk(data)` is then given the same bytes llhttp was given and returns True when Node would
    have refused them for chunk extensions past the limit. It stops following (returns False for ever) when
    the bytes stop making sense to it: llhttp has refused them by then, or will. llhttp ends a name or value
    span before it refuses the byte after it, so Node answers 413, not 400, for a bad byte past the limit.
    """

    def __init__(self):
        self.framings = collections.deque()
        self.state, self.started, self.tail = "head", False, b""
        self.left = self.size = self.counted = 0

    def framed(self, kind, length=0):
        """A head llhttp completed, and how its body is framed."""
        self.framings.append((kind, length))

    def walk(self, data):
        """Whether the bytes take a chunk's extensions past Node's limit (at a span's end, or at the end of data)."""
        pos, end = 0, len(data)
        while pos < end and self.state != "lost":
            pos = getattr(self, "_" + self.state)(data, pos)
            if pos is True:
                return True
        return self.state in ("name", "value", "quoted", "pair") and self.counted > EXTENSIONS_LIMIT

    # -- one state each: given the bytes and where to go on, where the state ends (True: past the limit) --------

    def _head(self, data, pos):
        if not self.started:  # llhttp skips blank lines before a request line
            while pos < len(data) and data[pos] in b"\r\n":
                pos += 1
            if pos == len(data):
                return pos
            self.started = True
        joined = self.tail + data[pos:]
        found = _HEAD_END.search(joined)
        if found is None:
            self.tail = joined[-2:]
            return len(data)
        after = pos + found.end() - len(self.tail)
        self.tail, self.started = b"", False
        if not self.framings:  # a head llhttp did not complete: it has refused the bytes
            self.state = "lost"
            return after
        kind, length = self.framings.popleft()
        if kind == "chunked":
            self._new_chunk()
        elif kind == "length" and length:
            self.state, self.left = "body", length
        return after

    def _body(self, data, pos):
        take = min(self.left, len(data) - pos)
        self.left -= take
        if not self.left:
            self.state = "head"
        return pos + take

    def _new_chunk(self):
        self.state, self.size, self.counted = "size", 0, 0

    def _size(self, data, pos):
        byte = data[pos]
        if byte in _HEX:
            self.size = self.size * 16 + _HEX[byte]
        elif byte == ord(";"):
            self.state = "name"
        elif byte in b"\r\n":
            return self._line_end(data, pos)
        elif byte not in b" \t":  # llhttp refuses it (or reads no extension past it)
            self.state = "lost"
        return pos + 1

    def _name(self, data, pos):
        return self._token(data, pos, "name")

    def _value(self, data, pos):
        return self._token(data, pos, "value")

    def _token(self, data, pos, what):
        """A name or an unquoted value: token bytes, counted, up to what ends it (a span's end: Node checks)."""
        stop = _NOT_TOKEN.search(data, pos)
        at = stop.start() if stop else len(data)
        self.counted += at - pos
        if stop is None:
            return at
        if self.counted > EXTENSIONS_LIMIT:
            return True
        byte = data[at]
        if byte == ord(";"):
            self.state = "name"
        elif byte == ord("=") and what == "name":
            self.state = "value_start"
        elif byte in b"\r\n":
            return self._line_end(data, at)
        else:  # llhttp refuses any other byte here
            self.state = "lost"
        return at + 1

    def _value_start(self, data, pos):
        if data[pos] != ord('"'):
            self.state = "value"
            return pos
        self.counted += 1
        self.state = "quoted"
        return pos + 1

    def _quoted(self, data, pos):
        stop = _NOT_QUOTED.search(data, pos)
        at = stop.start() if stop else len(data)
        self.counted += at - pos
        if stop is None:
            return at
        byte = data[at]
        if byte not in b'"\\':  # a control byte: llhttp ends the span (Node checks the sum), then refuses it
            self.state = "lost"
            return True if self.counted > EXTENSIONS_LIMIT else at
        self.counted += 1
        if byte == ord("\\"):
            self.state = "pair"
            return at + 1
        self.state = "quoted_done"
        return True if self.counted > EXTENSIONS_LIMIT else at + 1

    def _pair(self, data, pos):
        self.counted += 1
        self.state = "quoted"
        return pos + 1

    def _quoted_done(self, data, pos):
        byte = data[pos]
        if byte == ord(";"):
            self.state = "name"
            return pos + 1
        if byte in b"\r\n":
            return self._line_end(data, pos)
        self.state = "lost"
        return pos

    def _line_end(self, data, at):
        """The size line ends at data[at] (CR or LF): the chunk's data follows, or the trailers after the last."""
        self.state = "lf" if data[at] == ord("\r") else ("data" if self.size else "trailer")
        self.left = self.size
        return at + 1

    def _lf(self, data, pos):
        self.state = "data" if self.size else "trailer"
        return pos + 1

    def _data(self, data, pos):
        take = min(self.left, len(data) - pos)
        self.left -= take
        if not self.left:
            self.state = "data_end"
        return pos + take

    def _data_end(self, data, pos):  # the CRLF after a chunk's data
        if data[pos] == ord("\n"):
            self._new_chunk()
        return pos + 1

    def _trailer(self, data, pos):  # at the start of a trailer line, or of the empty line that ends the message
        byte = data[pos]
        if byte == ord("\r"):
            return pos + 1
        if byte == ord("\n"):
            self.state = "head"
            return pos + 1
        self.state = "trailer_line"
        return pos

    def _trailer_line(self, data, pos):
        found = _LINE_END.search(data, pos)
        if found is None:
            return len(data)
        self.state = "trailer"
        return found.end()
