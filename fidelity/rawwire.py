"""Exact bytes out, the whole answer back: status, headers in order, body (de-chunked), and how it ended."""

import socket
import time
from dataclasses import dataclass, field

TIMEOUT = 3.0  # seconds any one answer may take before it counts as "no answer"
MAX_ANSWER = 32 * 1024 * 1024  # the largest answer read (/photos with _embed is about 6 MB)


@dataclass
class WireAnswer:
    """One answer as it came on the wire; status None when nothing came (closed or timed out)."""

    status: int = None
    reason: str = ""
    headers: list = field(default_factory=list)  # (name, value) in the order sent
    body: bytes = b""
    interim: list = field(default_factory=list)  # 1xx status lines before the answer
    ended: str = ""  # "open", "closed" (EOF after the answer) or "timeout"
    garbage: bytes = b""  # bytes that were not HTTP at all
    late: bool = False  # a wait ran out (not compared: says the answer may have been cut short by the clock)

    def header(self, name):
        """The first value of a header, case-insensitive, or None."""
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


class _Stream:
    """A socket read with a deadline for the whole answer."""

    def __init__(self, sock, deadline):
        self.sock, self.deadline, self.buffer, self.eof, self.late = sock, deadline, b"", False, False

    def fill(self):
        """Read more bytes; False at EOF or when the deadline has passed."""
        if self.eof:
            return False
        left = self.deadline - time.monotonic()
        if left <= 0:
            self.late = True
            return False
        self.sock.settimeout(left)
        try:
            chunk = self.sock.recv(65536)
        except (socket.timeout, TimeoutError):
            self.late = True
            return False
        except (ConnectionResetError, BrokenPipeError):
            chunk = b""
        if not chunk:
            self.eof = True
            return False
        self.buffer += chunk
        return len(self.buffer) < MAX_ANSWER

    def line(self):
        """One line up to LF (None if it never came)."""
        while b"\n" not in self.buffer:
            if not self.fill():
                return None
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.rstrip(b"\r")

    def take(self, count):
        """Exactly count bytes (fewer at EOF)."""
        while len(self.buffer) < count and self.fill():
            pass
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data


def exchange(port, data, method_hint="GET", timeout=TIMEOUT):
    """Send the bytes on a fresh connection to 127.0.0.1:port and read one answer (interim ones noted)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        try:
            sock.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        stream = _Stream(sock, time.monotonic() + timeout)
        answer = _read(stream, method_hint)
        if answer.status is not None and answer.ended == "":
            answer.ended = _ending(stream, answer)
        answer.late = stream.late
        return answer


def _read(stream, method_hint):
    """The next answer on the stream."""
    answer = WireAnswer()
    while True:
        line = stream.line()
        if line is None:
            answer.ended = "closed" if stream.eof else "timeout"
            answer.garbage = stream.buffer
            return answer
        parts = line.decode("latin-1").split(" ", 2)
        if not parts[0].startswith("HTTP/") or len(parts) < 2 or not parts[1].isdigit():
            answer.garbage, answer.ended = line + b"\n" + stream.buffer, "closed"
            return answer
        status = int(parts[1])
        headers = _headers(stream)
        if 100 <= status < 200 and status != 101:
            answer.interim.append(status)
            continue
        answer.status, answer.reason, answer.headers = status, parts[2] if len(parts) > 2 else "", headers
        answer.body = _body(stream, answer, method_hint)
        return answer


def _headers(stream):
    """Header lines up to the blank line."""
    headers = []
    while True:
        line = stream.line()
        if not line:
            return headers
        name, _, value = line.decode("latin-1").partition(":")
        headers.append((name, value.strip()))


def _body(stream, answer, method_hint):
    """The body as framed: none for HEAD/204/304, chunks, a length, or up to EOF."""
    if method_hint == "HEAD" or answer.status in (204, 304):
        return b""
    if (answer.header("Transfer-Encoding") or "").lower() == "chunked":
        parts = []
        while True:
            size_line = stream.line()
            if size_line is None:
                break
            size = int(size_line.split(b";")[0] or b"0", 16)
            if size == 0:
                while stream.line():
                    pass
                break
            parts.append(stream.take(size))
            stream.line()
        return b"".join(parts)
    length = answer.header("Content-Length")
    if length is not None and length.isdigit():
        return stream.take(int(length))
    while stream.fill():
        pass
    data, stream.buffer = stream.buffer, b""
    return data


def _ending(stream, answer):
    """Whether the server closed the connection after the answer (waited for only when it said close)."""
    said_close = (answer.header("Connection") or "").lower() == "close" or not answer.headers
    if stream.buffer:
        return "open"
    if not said_close:
        return "open"
    stream.deadline = time.monotonic() + 1.0
    stream.fill()
    return "closed" if stream.eof else "open"
