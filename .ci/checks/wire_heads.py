"""The mock reads a request head the same whether all of it was already buffered or it arrives line by line.

wire._buffered_head parses a head found whole in the read buffer (and remembers heads it has seen);
wire._read_head reads line by line. This check feeds a seeded corpus of well-formed and malformed heads
to both and fails on the first difference in what they make of it: method, target, headers, body,
keep-alive, or the refusal.
"""

import io
import random
import sys

from mockserver import wire

CASES = 20_000
REQUEST_LINES = (b"GET /users HTTP/1.1",) * 4 + (b"POST /users HTTP/1.1", b"GET /x HTTP/1.0", b"GET  /x HTTP/1.1",
                                             b"BREW / HTTP/1.1", b"GET /\x01 HTTP/1.1", b"GET /users/1?_delay=1 HTTP/1.1")
FIELDS = (b"Host: a",) * 6 + (b"host: b", b"Connection: close", b"Connection: keep-alive", b"Content-Length: 3",
                              b"Content-Length: x", b"Transfer-Encoding: chunked", b"X: \t v \t", b"X: a\rb",
                              b"Accept: */*", b"Content-Type: application/json", b"Bad Header: x", b":", b"",
                              b"X: " + b"a" * (wire.MAX_HEADER_BYTES // 3))
ENDINGS = (b"\r\n",) * 8 + (b"\n",)
TAILS = (b"abc", b"3\r\nabc\r\n0\r\n\r\n", b"", b"GET /users/1 HTTP/1.1\r\nHost: h\r\n\r\n")


class LineByLine:
    """A buffered stream without peek(): read_request falls back to the line-by-line reader."""

    def __init__(self, data):
        self._stream = io.BufferedReader(io.BytesIO(data))
        self.readline, self.read, self.read1 = self._stream.readline, self._stream.read, self._stream.read1


def outcome(stream):
    """What read_request makes of up to three requests on the stream."""
    seen = []
    try:
        for _ in range(3):
            request, keep_alive = wire.read_request(stream)
            if request is None:
                return seen + [None]
            seen.append((request.method, request.target, request.headers, request.body, request.has_body,
                         request.truncated, keep_alive))
    except wire.Refusal as refusal:
        seen.append(("refused", refusal.status))
    except OSError as error:
        seen.append(("closed", type(error).__name__))
    return seen


def main():
    """Compare both readers on the corpus; exit 1 on a difference or if the buffered path seldom served."""
    rng = random.Random(6)
    parse_buffered, served = wire._buffered_head, [0]

    def counted(stream):
        """wire._buffered_head, counting the heads it read or refused (None: it left them to the line-by-line reader)."""
        try:
            parsed = parse_buffered(stream)
        except wire.Refusal:
            served[0] += 1
            raise
        served[0] += parsed is not None
        return parsed

    wire._buffered_head = counted
    for _ in range(CASES):
        data = b"\r\n" if rng.random() < 0.1 else b""
        data += rng.choice(REQUEST_LINES) + rng.choice(ENDINGS)
        data += b"".join(rng.choice(FIELDS) + rng.choice(ENDINGS) for _ in range(rng.randint(0, 5)))
        data += rng.choice((b"\r\n", b"\n", b"")) + rng.choice(TAILS)
        buffered, by_line = outcome(io.BufferedReader(io.BytesIO(data))), outcome(LineByLine(data))
        if buffered != by_line:
            print(f"the two readers differ on {data!r}:\n  buffered:     {buffered}\n  line by line: {by_line}")
            return 1
    if served[0] < CASES // 4:
        print(f"the buffered path read only {served[0]} heads of {CASES} cases: the corpus no longer exercises it")
        return 1
    print(f"{CASES} cases, {served[0]} heads read or refused from the buffer: both readers agree on every case")
    return 0


if __name__ == "__main__":
    sys.exit(main())
