"""HTTP/1.1 on the socket, as Node's parser reads it: keep-alive, 400 and 431 refusals, one write per answer."""

import http
import re
import socket
import socketserver
import time

from .bodyparser import JSON_LIMIT
from .messages import Request, http_date
from .router import NODE_METHODS

MAX_HEADER_BYTES = 16 * 1024  # Node's --max-http-header-size
KEEP_ALIVE_SECONDS = 5  # Node's keepAliveTimeout, announced as Keep-Alive: timeout=5
REQUEST_DEADLINE = 10.0  # a request that is still incomplete after this long is dropped
BODY_CAP = JSON_LIMIT + 1  # past the largest body the API parses, the rest is not read
DRAIN_CAP = 64 * 1024 * 1024  # an oversized body is read and dropped up to this size, then the connection closes
_TOKEN = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_TARGET = re.compile(rb"[\x21-\x7e]+")


class Refusal(Exception):
    """Node answers the request itself, with no body, and closes the connection."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status


class Handler(socketserver.StreamRequestHandler):
    """One connection: read requests, let the mock answer, write each answer in one piece."""

    # No socket timeout: one costs a poll() before every read (a third of the throughput). The accept loop
    # closes a connection stuck in a read or a write for too long instead (MockServer._serve).
    timeout = None
    disable_nagle_algorithm = True

    def handle(self):
        """Serve requests on this connection until either side closes it or it idles out."""
        self.server.track(self.connection)
        try:
            while self._serve_one():
                pass
        except (OSError, ValueError):
            pass  # a reset, a timeout or a socket closed by stop(): the connection is over
        finally:
            self.server.untrack(self.connection)

    def _serve_one(self):
        """Read one request and answer it; False when the connection should close."""
        blocked, connection = self.server.blocked, self.connection
        blocked[connection] = time.monotonic()  # waiting for a request: the accept loop bounds how long
        try:
            request, keep_alive = read_request(self.rfile, self.server.mock.request_deadline)
        except Refusal as refusal:
            phrase = http.HTTPStatus(refusal.status).phrase
            self.wfile.write(f"HTTP/1.1 {refusal.status} {phrase}\r\nConnection: close\r\n\r\n".encode("ascii"))
            return False
        if request is None:
            return False
        blocked.pop(connection, None)
        reply = self.server.mock.dispatch(request, self)
        if reply is None:
            return False  # a fault closed the connection without an answer
        keep_alive = keep_alive and not request.truncated
        blob = encode_reply(reply, keep_alive, request.method)
        deliver = getattr(reply, "deliver", None)
        if deliver is not None:  # a fault sends the bytes its own way (mockserver/fault_replies.py)
            return deliver(self.wfile, blob, keep_alive)
        blocked[connection] = time.monotonic()  # a client that does not read cannot hold the thread for ever
        self.wfile.write(blob)
        if request.truncated:  # the answer, then EOF at once; the upload is read and dropped so the client
            connection.shutdown(socket.SHUT_WR)  # is not reset before it reads the answer (as Node does)
            _drain(self.rfile, request)
        blocked.pop(connection, None)
        return keep_alive


def encode_reply(reply, keep_alive, method="GET"):
    """Status line, headers and body as one byte string (one write: no Nagle stall on keep-alive)."""
    key = (keep_alive, method == "HEAD")
    parts = reply.wire.get(key)
    if parts is None:  # encoded once per reply: the engine hands out the same reply to the same read
        parts = reply.wire[key] = _encode_parts(reply, keep_alive, method)
    before_date, after_date = parts
    return before_date + _date_line() + after_date


def _encode_parts(reply, keep_alive, method):
    """The bytes before the Date header, and those after it (the rest of the head and the body)."""
    lines = [f"HTTP/1.1 {reply.status} {_phrase(reply.status)}"]
    chunked = False
    for name, value in reply.headers:
        if name.lower() == "transfer-encoding":
            chunked = True
            continue
        lines.append(f"{name}: {value}")
    rest = ["Connection: keep-alive" if keep_alive else "Connection: close"]
    if keep_alive:
        rest.append(f"Keep-Alive: timeout={KEEP_ALIVE_SECONDS}")
    body = reply.body
    if chunked and method != "HEAD":
        rest.append("Transfer-Encoding: chunked")
        body = (f"{len(body):x}\r\n".encode("ascii") + body + b"\r\n" if body else b"") + b"0\r\n\r\n"
    before = ("\r\n".join(lines) + "\r\n").encode("latin-1", "replace")
    after = ("\r\n".join(rest) + "\r\n\r\n").encode("latin-1", "replace")
    return before, after + body


_date = (0, b"")  # (the second, its Date line): formatting a date costs more than the rest of an answer


def _date_line():
    """The Date header line for the current second."""
    global _date
    second = int(time.time())
    if _date[0] != second:
        _date = (second, f"Date: {http_date()}\r\n".encode("ascii"))
    return _date[1]


def _phrase(status):
    """The reason phrase Node sends for a status."""
    try:
        return {413: "Payload Too Large", 431: "Request Header Fields Too Large"}.get(status) or http.HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def read_request(rfile, deadline_seconds=REQUEST_DEADLINE):
    """(Request, keep-alive?) for the next request on the stream; (None, False) at a clean end."""
    return _read_request(rfile, time.monotonic() + deadline_seconds)


def _read_request(rfile, deadline):
    """read_request's work, with the deadline already set."""
    parsed = _buffered_head(rfile)
    if parsed is None:
        parsed = _read_head(rfile, deadline)
        if parsed is None:
            return None, False
    method, target, headers, keep_alive = parsed
    request = Request(method, target, headers.copy())
    _read_body(rfile, request, deadline)
    return request, keep_alive


_heads = {}  # a head's bytes -> what _parse_head made of them: clients send the same head again and again
MAX_KEPT_HEAD = 2048  # bytes; longer heads are parsed each time
MAX_KEPT_HEADS = 1024


def _buffered_head(rfile):
    """The parsed head when all of it is already in the read buffer (one recv brought it), else None.

    Nothing is consumed when None is returned: _read_head then reads the same bytes line by line.
    """
    try:
        buffered = rfile.peek(1)  # at most one recv, and only when the buffer is empty
    except AttributeError:  # an unbuffered stream (not the socket's)
        return None
    end = buffered.find(b"\r\n\r\n", 0, MAX_HEADER_BYTES)
    if end < 0 or end + 4 > MAX_HEADER_BYTES:
        return None
    head = buffered[:end + 4]
    parsed = _heads.get(head)
    if parsed is None:
        if head.startswith(b"\r\n") or head.count(b"\n") != head.count(b"\r\n"):
            return None  # leading blank lines, bare LF: the line-by-line reader's cases
        lines = head[:-4].split(b"\r\n")
        parsed = _parse_head(lines[0], lines[1:])  # may raise Refusal: nothing of the head is consumed then,
        if len(head) <= MAX_KEPT_HEAD:  # and the connection closes
            if len(_heads) >= MAX_KEPT_HEADS:
                _heads.clear()
            _heads[head] = parsed
    rfile.read(len(head))  # from the buffer: no system call
    return parsed


def _read_head(rfile, deadline):
    """The head read line by line, with the size and deadline checked as each line arrives; None at a clean end."""
    line = rfile.readline(MAX_HEADER_BYTES + 1)
    while line in (b"\r\n", b"\n"):
        line = rfile.readline(MAX_HEADER_BYTES + 1)
    if not line:
        return None
    if len(line) > MAX_HEADER_BYTES:
        raise Refusal(431)
    _request_line(line)  # a bad request line is refused before any header is waited for
    fields, size = [], len(line)
    while True:
        if time.monotonic() > deadline:
            raise socket.timeout("request took too long")
        raw = rfile.readline(MAX_HEADER_BYTES + 1)
        size += len(raw)
        if size > MAX_HEADER_BYTES:
            raise Refusal(431)
        if not raw:
            raise ConnectionResetError("connection closed inside the headers")
        if raw in (b"\r\n", b"\n"):
            break
        _header_field(raw)  # a bad header is refused at once, as Node's parser does
        fields.append(raw)
    return _parse_head(line, fields)


def _parse_head(line, fields):
    """(method, target, headers, keep-alive?) of a request line and its header lines, or the Refusal Node gives."""
    method, target, version = _request_line(line)
    headers = {}
    for raw in fields:
        key, text = _header_field(raw)
        if key == "host" and key in headers:
            continue  # Node keeps the first Host (IncomingMessage drops a repeated one)
        headers[key] = f"{headers[key]}, {text}" if key in headers else text
    if version == "HTTP/1.1" and "host" not in headers:
        raise Refusal(400)
    connection = headers.get("connection", "").lower()
    keep_alive = "close" not in connection and (version == "HTTP/1.1" or "keep-alive" in connection)
    return method, target, headers, keep_alive


def _header_field(raw):
    """(lower-case name, value) of one header line, or the 400 Node gives for a bad one."""
    name, colon, value = raw.partition(b":")
    if not colon or not _TOKEN.fullmatch(name):
        raise Refusal(400)
    return name.decode("ascii").lower(), value.strip(b" \t\r\n").decode("latin-1")


def _request_line(line):
    """METHOD, target and version of a request line, or the 400 Node gives for a bad one."""
    parts = line.rstrip(b"\r\n").split(b" ")
    if len(parts) != 3 or not _TARGET.fullmatch(parts[1]):
        raise Refusal(400)
    method, target, version = (p.decode("ascii", "replace") for p in parts)
    if method not in NODE_METHODS or version not in ("HTTP/1.0", "HTTP/1.1"):
        raise Refusal(400)
    return method, target, version


def _read_body(rfile, request, deadline):
    """Read the body the headers announce, up to BODY_CAP bytes; mark the request if it was cut."""
    headers = request.headers
    if "transfer-encoding" in headers:
        if "content-length" in headers or headers["transfer-encoding"].lower().split(",")[-1].strip() != "chunked":
            raise Refusal(400)
        request.has_body = True
        _read_chunked(rfile, request, deadline)
        return
    if "content-length" not in headers:
        return
    length = headers["content-length"]
    if not length.isdigit():
        raise Refusal(400)
    request.has_body, request.declared_length = True, int(length)
    if request.declared_length > BODY_CAP:
        request.truncated = True
        return
    request.body = _read_exactly(rfile, request.declared_length, deadline)


def _read_exactly(rfile, count, deadline):
    """Exactly count bytes, or a timeout error once the request deadline has passed."""
    parts, remaining = [], count
    while remaining:
        if time.monotonic() > deadline:
            raise socket.timeout("body took too long")
        part = rfile.read1(min(remaining, 65536)) if hasattr(rfile, "read1") else rfile.read(remaining)
        if not part:
            raise ConnectionResetError("connection closed inside the body")
        parts.append(part)
        remaining -= len(part)
    return b"".join(parts)


def _drain(rfile, request):
    """Read and drop what is left of an oversized Content-Length body, up to DRAIN_CAP bytes."""
    remaining = min(request.declared_length, DRAIN_CAP) - len(request.body)
    deadline = time.monotonic() + REQUEST_DEADLINE
    while remaining > 0 and time.monotonic() < deadline:
        part = rfile.read1(min(remaining, 1 << 20))
        if not part:
            return
        remaining -= len(part)


def _read_chunked(rfile, request, deadline):
    """A chunked body, decoded; past BODY_CAP the request is marked truncated and reading stops."""
    parts, total = [], 0
    while True:
        size_line = rfile.readline(1024)
        try:
            size = int(size_line.split(b";")[0].strip(), 16)
        except ValueError:
            raise Refusal(400) from None
        if size == 0:
            while rfile.readline(MAX_HEADER_BYTES) not in (b"\r\n", b"\n", b""):
                pass
            break
        total += size
        if total > BODY_CAP:
            request.truncated, request.declared_length = True, total
            return
        parts.append(_read_exactly(rfile, size, deadline))
        rfile.readline(3)
    request.body = b"".join(parts)
    request.declared_length = len(request.body)

