"""HTTP/1.1 on the socket, read by llhttp (httptools), the parser Node runs: keep-alive, Node's refusals, one write per answer."""

import functools
import http
import socket
import socketserver
import threading
import time
import traceback
import typing

from ..npm.bodyparser import JSON_LIMIT
from ..node.messages import http_date
from .reader import HEAD_LIMIT, NodeAnswer, RequestReader, Refusal

__all__ = ["HEAD_LIMIT", "KEEP_ALIVE_SECONDS", "REQUEST_DEADLINE", "Handler", "Refusal", "Service", "encode_reply"]

KEEP_ALIVE_SECONDS = 5  # Node's keepAliveTimeout, announced as Keep-Alive: timeout=5
REQUEST_DEADLINE = 10.0  # a request that is still incomplete after this long is dropped
BODY_CAP = JSON_LIMIT + 1  # past the largest body the API parses, the rest is not read
DRAIN_CAP = 64 * 1024 * 1024  # an oversized body is read and dropped up to this size, then the connection closes
READ_SIZE = 65536
# A request body past this is read, answered and written one at a time (MockServer.heavy): its working copies are
# many MB, and the bodies of other connections wait in the kernel meanwhile, not in the mock.
HEAVY_BODY = 256 * 1024
# Replies with a body past this are encoded for each write and not kept with the reply: they are not kept by the
# app either (app.MAX_KEPT_REPLY), and keeping the bytes would hold a second copy of a body of up to 10 MB
# (a write's echo) for as long as the answer is being written.
MAX_KEPT_WIRE = 256 * 1024
STALLED_BUFFER = 64 * 1024  # bytes the kernel takes in for a connection whose upload a stall_upload fault stops


class Service(typing.Protocol):
    """What the transport needs of what answers its requests (the mock: server.MockServer), all of it."""

    request_deadline: float  # seconds a request may take to arrive whole
    heavy: threading.Lock  # the one turn to read, answer and write a large body

    def dispatch(self, request, connection):
        """The answer to one request, or None: close the connection without one."""

    def plain_state(self):
        """Read before dispatch(): what answers a plain read now, or None when a plan may shape the answer."""

    def repeatable(self, request, reply, since):
        """A token to answer the very same read again without dispatch() (see answer_again), or None; since is
        plain_state() as it was before the request was answered."""

    def answer_again(self, token, received):
        """Whether the read of this token may be answered as before now; if so it is journaled again, as received at
        `received` (time.monotonic())."""

    def stall_for(self, request):
        """How long a request's body is left unread once its head is read (seconds, and the Event that cuts the
        wait short), or None: the stall_upload fault."""

    def failed(self, what, trace):
        """Record a bug of the mock's own (what it was doing, the traceback): the scenario that caused it fails."""


class Handler(socketserver.StreamRequestHandler):
    """One connection: read requests, let the service answer, write each answer in one piece.

    The server it is given holds the Service as `service`, and the transport's own bookkeeping (`blocked`,
    `track`, `untrack`)."""

    # No socket timeout: one costs a poll() before every read (a third of the throughput). The accept loop
    # closes a connection stuck in a read or a write for too long instead (MockServer._serve).
    timeout = None
    disable_nagle_algorithm = True

    def handle(self):
        """Serve requests on this connection until either side closes it or it idles out."""
        self.server.track(self.connection)
        reader = RequestReader(BODY_CAP, (HEAVY_BODY, self._take_heavy), self._stall)
        self._read = functools.partial(self.connection.recv, READ_SIZE)  # nothing else reads the socket
        self._again = None  # the last plain read answered: its bytes, the service's token, reply, how sent
        self._heavy = False  # whether this connection holds the mock's one turn for a large body
        try:
            while self._serve_one(reader):
                pass
        except (OSError, ValueError):
            pass  # a reset, a timeout or a socket closed by stop(): the connection is over
        except Exception:  # a bug of the mock's own while reading: the scenario that sent the request fails with it
            self.server.service.failed("reading a request", traceback.format_exc())
        finally:
            self._give_heavy_back()
            self.server.untrack(self.connection)

    def _stall(self, request):
        """Whether a stall_upload fault hits the request: then none of its body is read until the fault is cleared,
        the mock stops or the request's deadline passes (the reader then closes the connection)."""
        stall = self.server.service.stall_for(request)
        if stall is None:
            return False
        seconds, cancelled = stall
        # A receive buffer of its own, so a stalled upload is felt within a few MB, not after the kernel's tens of MB
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, STALLED_BUFFER)
        cancelled.wait(seconds)
        return True

    def _take_heavy(self):
        """Wait for the turn to read and answer a large body (the reader calls this); the seconds waited.

        The wait is not a stuck read: the accept loop's clock for this connection starts again once it is over.
        """
        if self._heavy:
            return 0.0
        blocked, connection = self.server.blocked, self.connection
        began = time.monotonic()
        blocked.pop(connection, None)
        self.server.service.heavy.acquire()
        self._heavy = True
        blocked[connection] = now = time.monotonic()
        return now - began

    def _give_heavy_back(self):
        """Let the next large body be read, if this connection had the turn."""
        if self._heavy:
            self._heavy = False
            self.server.service.heavy.release()

    def _serve_one(self, reader):
        """Read up to the next thing to answer and answer it; False when the connection should close."""
        blocked, connection, service = self.server.blocked, self.connection, self.server.service
        if self._again is not None:  # after a plain read's answer (the reader is idle): the same bytes again?
            data, now = self._repeat(blocked, connection, service)
            if not data:
                return False  # the client closed between requests
            reader.feed(data)
        else:
            blocked[connection] = now = time.monotonic()  # waiting for a request: the accept loop bounds how long
        deadline = now + service.request_deadline
        try:
            item = reader.next_item(self._read, self.wfile.write, deadline)
        except Refusal as refusal:  # Node's own answer from its parser, then the connection is closed
            phrase = _phrase(refusal.status)
            self.wfile.write(f"HTTP/1.1 {refusal.status} {phrase}\r\nConnection: close\r\n\r\n".encode("ascii"))
            return False
        if item is None:
            return False
        request, keep_alive = item
        if isinstance(request, NodeAnswer):  # Node's http server answers by itself (417, 400 for a missing Host)
            self.wfile.write(_node_answer(request))
            return keep_alive
        blocked.pop(connection, None)
        if len(request.body) > HEAVY_BODY and not self._heavy:  # taken while the body was read, unless pipelined
            self._take_heavy()
            blocked.pop(connection, None)
        try:
            return self._answer(request, keep_alive, reader, service)
        finally:
            if self._heavy:
                self._give_heavy_back()

    def _answer(self, request, keep_alive, reader, service):
        """Let the service answer the request and write the answer in one piece; False when the connection should close."""
        connection, blocked = self.connection, self.server.blocked
        # Whether the service answers plainly is read before the answer, not after it is written: by then the
        # scenario may have ended and reset() cleared the fault that shaped it, and a faulted answer would be replayed.
        since, plain = service.plain_state(), reader.plain
        reply = service.dispatch(request, self)
        if reply is None:
            return False  # a fault closed the connection without an answer
        keep_alive = keep_alive and not request.truncated
        blob = encode_reply(reply, keep_alive, request.method)
        deliver = getattr(reply, "deliver", None)
        if deliver is not None:  # a fault sends the bytes its own way (mockserver/controls/fault_replies.py)
            return deliver(self.wfile, blob, keep_alive)
        blocked[connection] = time.monotonic()  # a client that does not read cannot hold the thread for ever
        self.wfile.write(blob)
        if self._heavy:  # written: the next large body may be read while this connection drains or idles
            self._give_heavy_back()
        if request.truncated:  # the answer, then EOF at once; the upload is read and dropped so the client
            connection.shutdown(socket.SHUT_WR)  # is not reset before it reads the answer (as Node does)
            _drain(connection, request, reader.body_seen)
        blocked.pop(connection, None)
        if plain is not None and keep_alive and reader.idle:  # the whole request was these bytes: again, later?
            token = service.repeatable(request, reply, since)
            self._again = (plain, token, reply, request.method) if token is not None else None
        return keep_alive

    def _repeat(self, blocked, connection, service):
        """Answer the very same read as the last one again, as dispatch() would (journaled, the Date of the second),
        for as long as the client sends it and the service allows it; then (the other bytes read, b"" at the end,
        when the wait for them began).

        This is the loop of a keep-alive client asking again and again: one clock reading after each read and after
        each write, the bytes encoded again only when the Date line changes."""
        plain, token, reply, method = self._again
        self._again = None
        read, send, again, clock = self._read, connection.sendall, service.answer_again, time.monotonic
        blob, until, kept = b"", 0.0, len(reply.body) <= MAX_KEPT_WIRE  # a larger answer's bytes: made for each write
        blocked[connection] = waiting = clock()  # waiting for a request: the accept loop bounds how long
        while True:
            data = read()
            if data != plain:
                return data, waiting
            now = clock()
            if not again(token, now):
                return data, waiting
            if now >= until:  # the first answer, or a new second: the bytes with this second's Date line
                date = _current_date()
                blob, until = encode_reply(reply, True, method, date), date[2] if kept else 0.0
            blocked[connection] = now  # a client that does not read cannot hold the thread for ever
            send(blob)
            blocked[connection] = waiting = clock()
            if not kept:
                blob = b""


def encode_reply(reply, keep_alive, method="GET", date=None):
    """Status line, headers and body as one byte string (one write: no Nagle stall on keep-alive); date: the
    _current_date() to use, else the current one."""
    key = (keep_alive, method == "HEAD")
    kept = reply.wire.get(key)  # (the Date line it holds, the bytes, where the Date line starts)
    date = (date or _current_date())[1]
    if kept is None and len(reply.body) > MAX_KEPT_WIRE:  # one copy of a large body, made for this write only
        before, head, body = _encode_parts(reply, keep_alive, method)
        return b"".join((before, date, head, *body))
    if kept is None:  # encoded once per reply: the app hands out the same reply to the same read
        before, head, body = _encode_parts(reply, keep_alive, method)
        kept = reply.wire[key] = (date, b"".join((before, date, head, *body)), len(before))
    elif kept[0] is not date:  # the same bytes but the Date line, once a second: one copy of the body kept
        old, blob, at = kept
        kept = reply.wire[key] = (date, blob[:at] + date + blob[at + len(old):], at)
    return kept[1]


def _encode_parts(reply, keep_alive, method):
    """The bytes before the Date header, the rest of the head after it, and the body's pieces (chunk framing
    included), so that the caller joins them into one byte string with a single copy of the body."""
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
    body = (reply.body,)
    if chunked and method != "HEAD":
        rest.append("Transfer-Encoding: chunked")
        size = len(reply.body)
        body = (f"{size:x}\r\n".encode("ascii"), reply.body, b"\r\n0\r\n\r\n") if size else (b"0\r\n\r\n",)
    before = ("\r\n".join(lines) + "\r\n").encode("latin-1", "replace")
    head = ("\r\n".join(rest) + "\r\n\r\n").encode("latin-1", "replace")
    return before, head, body


# (the second, its Date line, the time.monotonic() at which the next second begins): formatting a date costs more
# than the rest of an answer
_date = (0, b"", 0.0)


def _current_date():
    """_date for the current second."""
    date = _date
    return date if date[0] == int(time.time()) else _new_date()


def _new_date():
    """_date made for the current second."""
    global _date
    wall, now = time.time(), time.monotonic()
    second = int(wall)
    _date = (second, f"Date: {http_date(wall)}\r\n".encode("ascii"), now + (second + 1 - wall))
    return _date


def _date_line():
    """The Date header line for the current second."""
    return _current_date()[1]


def _phrase(status):
    """The reason phrase Node sends for a status."""
    try:
        return {413: "Payload Too Large", 431: "Request Header Fields Too Large"}.get(status) or http.HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _node_answer(answer):
    """The bytes of res.writeHead(status[, ['Connection', 'close']]); res.end() in Node's `_http_server.js`."""
    status = f"HTTP/1.1 {answer.status} {_phrase(answer.status)}\r\n".encode("ascii")
    end = b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
    if answer.status == 400:  # the Connection header is named by the call, so it comes before Date
        return status + b"Connection: close\r\n" + _date_line() + end
    connection = b"Connection: keep-alive\r\nKeep-Alive: timeout=5\r\n" if answer.keep_alive else b"Connection: close\r\n"
    return status + _date_line() + connection + end


def _drain(connection, request, seen):
    """Read and drop what is left of an oversized body (`seen` bytes of it already read), up to DRAIN_CAP bytes."""
    remaining = min(request.declared_length, DRAIN_CAP) - seen
    if "transfer-encoding" in request.headers:
        remaining = DRAIN_CAP  # chunks: no length to go by
    deadline = time.monotonic() + REQUEST_DEADLINE
    while remaining > 0 and time.monotonic() < deadline:
        part = connection.recv(min(remaining, 1 << 20))
        if not part:
            return
        remaining -= len(part)
