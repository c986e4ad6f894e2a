"""Requests read off a connection as Node 20's http server reads them: llhttp (httptools) plus Node's own rules.

llhttp is the very parser Node runs, with none of its leniency flags set (Node sets them only with
--insecure-http-parser). On top of it this module does what Node's C++ binding and `_http_server.js` do:
the 16 KB head limit counted as Node counts it (the request target, header names and values, not the
method, version, colons or line ends), header values trimmed of trailing spaces and tabs, duplicate
headers dropped or joined as `IncomingMessage` does, a missing Host on HTTP/1.1 answered 400, `Expect`
answered with `100 Continue` or 417, CONNECT closed without an answer, chunk extensions past 16 KiB answered
413 (chunks.py), and the header values Node's own llhttp reads more strictly than httptools' (strictness.py).
"""

import collections
import re
import socket
import time

import httptools

from ..node.messages import Request
from .chunks import ChunkWalker
from .strictness import node_keep_alive, refuses_length

HEAD_LIMIT = 16 * 1024  # Node's --max-http-header-size: 431 once this many bytes are counted
MAX_HEADER_LINES = 1000  # _http_common.js MAX_HEADER_PAIRS (2,000 entries: names and values)
RAW_HEAD_LIMIT = 1024 * 1024  # bytes of head on the wire, whatever is counted: past it, 431 too (a bound of the mock's)
_CONTINUE = re.compile(r"(?:^|\W)100-continue(?:$|\W)", re.IGNORECASE)  # Node's continueExpression
# IncomingMessage._addHeaderLine: these keep their first value; cookie joins with "; "; the rest with ", ".
_SINGLE = frozenset((
    "age", "authorization", "content-length", "content-type", "etag", "expires", "from", "host",
    "if-modified-since", "if-unmodified-since", "last-modified", "location", "max-forwards",
    "proxy-authorization", "referer", "retry-after", "server", "user-agent",
))
CONTINUE_LINE = b"HTTP/1.1 100 Continue\r\n\r\n"
# Clients send the same head again and again: one that came whole in one read and made one bodiless request
# is remembered, and the next time it comes whole it is not parsed again (a third of the time per request).
_HEADS = {}
MAX_KEPT_HEAD = 2048  # bytes; longer reads are parsed each time
MAX_KEPT_HEADS = 1024


class Refusal(Exception):
    """Node's parser refused the bytes: status 400 or 431 with no body (0: close without a word)."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status


class NodeAnswer:
    """An answer Node's http server gives by itself, before the app sees the request (417, 400 without Host)."""

    __slots__ = ("status", "keep_alive")

    def __init__(self, status, keep_alive):
        self.status, self.keep_alive = status, keep_alive


class _Stop(Exception):
    """Raised inside a parser callback to stop llhttp; the reader's `failure` says why."""


class RequestReader:
    """One connection's parser: bytes in, requests (and Node's own answers) out, in order."""

    def __init__(self, body_cap, heavy=None, before_body=None):
        self.body_cap = body_cap
        # called with a request that has a body once its head is read; True: read none of the body, close
        self.before_body = before_body
        # (bytes, wait): once a body grows past this many bytes, wait() is called before more of it is kept; it
        # returns the seconds it waited, which do not count against the request's deadline (wire.HEAVY_BODY)
        self.heavy = heavy
        self.waited = 0.0
        self.ready = collections.deque()  # (Request, NodeAnswer, Refusal or bytes to send at once; keep-alive?)
        self.failure = None  # the Refusal a callback raised before it stopped the parser
        self.closed = False  # Node would destroy the socket (CONNECT, a refusal, a body cut short)
        self.body_seen = 0  # bytes of an oversized body already read (the transport drains the rest)
        self.plain = None  # the last read, when it was one whole request with no body and nothing else (else None)
        self._new_parser()
        self._reset()

    def _new_parser(self):
        self.parser = httptools.HttpRequestParser(self)
        self.in_head = False
        self.walker = ChunkWalker()  # Node's 413 for chunk extensions past 16 KiB (chunks.py)
        self.node_closed = self.lenient = False  # set by a tab in a Connection header (strictness.py)

    def _reset(self):
        self.url, self.fields, self.counted, self.raw_head = [], [], 0, 0
        self.request, self.parts, self.size, self.skip_body, self.keep_alive = None, [], 0, False, False
        self.waited = 0.0

    # -- the loop the transport calls ----------------------------------------------------------

    @property
    def idle(self):
        """Whether nothing is pending: no request begun, none read and not yet handed out, the connection open."""
        return not self.in_head and self.request is None and not self.ready and not self.closed

    def next_item(self, read, write, deadline):
        """The next (Request or NodeAnswer, keep-alive?) on the connection, or None at its end.

        `read()` returns the next bytes (b"" at EOF); `write(bytes)` sends an interim answer (100 Continue).
        Raises Refusal when Node's parser refuses the bytes, socket.timeout past the deadline.
        """
        ready = self.ready
        while True:
            while ready:
                item, keep_alive = ready.popleft()
                if type(item) is Request:
                    return item, keep_alive
                if isinstance(item, bytes):
                    write(item)
                    continue
                if isinstance(item, Refusal):
                    raise item
                return item, keep_alive
            if self.closed:
                return None
            if self.request is not None and time.monotonic() - self.waited > deadline:
                raise socket.timeout("request took too long")
            data = read()
            if not data:
                if self.in_head or self.request is not None:
                    raise ConnectionResetError("connection closed inside a request")
                return None
            self.feed(data)

    def feed(self, data):
        """Parse the bytes; completed requests go to `ready`. Refusals and Node's own answers go there too."""
        idle, self.plain = not self.in_head and self.request is None, None
        if idle:
            known = _HEADS.get(data)
            if known is not None:  # a head read before, arriving whole: llhttp would read it the same way
                method, target, headers, keep_alive = known
                self.ready.append((Request(method, target, headers.copy()), keep_alive))
                self.plain = data
                return
            before = len(self.ready)
        self._parse(data)
        if idle and len(data) <= MAX_KEPT_HEAD and len(self.ready) == before + 1 and not self.in_head \
                and self.request is None and not self.closed:
            request, keep_alive = self.ready[-1]
            if isinstance(request, Request) and not request.has_body:  # one whole request, nothing else
                if len(_HEADS) >= MAX_KEPT_HEADS:
                    _HEADS.clear()
                _HEADS[data] = (request.method, request.target, request.headers.copy(), keep_alive)
                self.plain = data

    def _parse(self, data):
        """Feed llhttp; what it completes goes to `ready`."""
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade as upgrade:
            self._upgrade(upgrade.args[0] if upgrade.args else len(data))
        except httptools.HttpParserError as error:
            cause = error.__context__  # what a callback raised: _Stop by design, anything else is a bug of the mock
            if cause is not None and not isinstance(cause, _Stop):
                raise cause from None  # not the client's fault: the transport records it (wire.Handler.handle)
            if self.walker.walk(data):  # llhttp ended an extension's span past the limit before the bad byte
                self.failure = None
                self._refuse(Refusal(413))
            else:
                self._parse_error(error)
        else:
            if not self.closed and self.walker.walk(data):
                self._refuse(Refusal(413))
            elif self.in_head:
                self.raw_head += len(data)
                if self.raw_head > RAW_HEAD_LIMIT:
                    self._refuse(Refusal(431))
            elif self.request is not None and self.request.truncated:  # answered now; the rest is drained
                self.ready.append((self.request, False))
                self.body_seen, self.closed = self.size, True

    def _upgrade(self, offset):
        """llhttp paused on CONNECT or an Upgrade header: Node closes CONNECT, and serves an Upgrade as usual."""
        method = self.parser.get_method()
        if method == b"CONNECT":
            self.ready.clear()  # no listener for 'connect': the socket is destroyed
            self.closed = True
            return
        self._new_parser()  # no 'upgrade' listener: a plain request; the rest of this read is not parsed
        self._reset()

    def _parse_error(self, error):
        """What Node does when llhttp stops: 431 for a head over the limit, 400 for anything else (PRI included)."""
        failure, self.failure = self.failure, None
        self._refuse(failure if isinstance(failure, Refusal) else Refusal(400))

    def _refuse(self, refusal):
        """Node writes its refusal at once, unless an answer it gave by itself has gone out first.

        Requests read before the error in the same read are dropped: their answers (the app's, asynchronous
        in Node) never come, as the socket is destroyed right after the refusal.
        """
        self.closed = True
        kept = [item for item in self.ready if not isinstance(item[0], Request)]
        self.ready.clear()
        self.ready.extend(kept)
        if not any(isinstance(item, NodeAnswer) for item, _ in kept):
            self.ready.append((refusal, False))

    # -- llhttp's callbacks --------------------------------------------------------------------

    def on_message_begin(self):
        if self.node_closed:  # after a request Node closes on, any more bytes are HPE_CLOSED_CONNECTION: 400
            self.failure = Refusal(400)
            raise _Stop()
        if self.lenient:
            self.parser.set_dangerous_leniencies(lenient_keep_alive=False)
            self.lenient = False
        self._reset()
        self.in_head = True

    def on_url(self, piece):
        self.url.append(piece)
        self._count(len(piece))

    def on_header(self, name, value):
        self._count(len(name) + len(value))
        if refuses_length(name, value):  # Node's llhttp: "Invalid character in Content-Length"
            self.failure = Refusal(400)
            raise _Stop()
        self.fields.append((name, value))

    def _count(self, size):
        """Node's TrackHeader: HPE_HEADER_OVERFLOW (431) once the counted bytes reach the limit."""
        self.counted += size
        if self.counted >= HEAD_LIMIT:
            self.failure = Refusal(431)
            raise _Stop()

    def on_headers_complete(self):
        self.in_head = False
        parser = self.parser
        version = parser.get_http_version()
        keep_alive = parser.should_keep_alive()
        node = node_keep_alive(version, self.fields)
        if node is not None and node != keep_alive:  # a tab in a Connection header (strictness.py)
            keep_alive = node
            # httptools' llhttp must not stop at the bytes after a request it would close on, but Node keeps
            # open (lenient_keep_alive); after one Node closes on, on_message_begin refuses what comes next.
            parser.set_dangerous_leniencies(lenient_keep_alive=node)
            self.lenient, self.node_closed = node, not node
        headers = node_headers(self.fields)
        request = Request(parser.get_method().decode("latin-1"), b"".join(self.url).decode("latin-1"), headers)
        request.has_body = "transfer-encoding" in headers or "content-length" in headers
        self.request = request
        coding, length = headers.get("transfer-encoding"), headers.get("content-length")
        if coding is not None and coding.rpartition(",")[2].strip().lower() == "chunked":
            self.walker.framed("chunked")
        else:
            self.walker.framed("length" if length else "none", int(length) if length else 0)
        if version == "1.1":
            answer = self._node_answer(headers, keep_alive)
            if answer is not None:
                return
        if request.has_body and self.before_body is not None and self.before_body(request):
            self.skip_body, self.closed = True, True
            return
        if length is not None and "transfer-encoding" not in headers and int(length) > self.body_cap:
            request.truncated, request.declared_length = True, int(length)  # not kept, answered at once
        self.keep_alive = keep_alive
        self.counted = 0  # trailers are counted afresh, as Node does

    def _node_answer(self, headers, keep_alive):
        """Node's own answers to an HTTP/1.1 request: 400 without Host, 100 Continue or 417 for Expect."""
        if "host" not in headers:
            self.ready.append((NodeAnswer(400, False), False))
            self.skip_body, self.closed = True, True
            return True
        expect = headers.get("expect")
        if expect is None:
            return None
        if _CONTINUE.search(expect):
            self.ready.append((CONTINUE_LINE, True))
            return None
        self.ready.append((NodeAnswer(417, keep_alive), keep_alive))
        self.skip_body = True
        return True

    def on_body(self, piece):
        if self.skip_body:
            return
        before = self.size
        self.size += len(piece)
        if self.heavy is not None and before <= self.heavy[0] < self.size:  # a large body: wait for its turn
            self.waited += self.heavy[1]()
        request = self.request
        if request.truncated:
            return
        if self.size > self.body_cap:  # chunks past the cap: answered now (PayloadTooLargeError), not kept
            request.truncated, request.declared_length, self.parts = True, self.size, []
            return
        self.parts.append(piece)

    def on_message_complete(self):
        request = self.request
        if request.truncated:
            self.ready.append((request, False))
            self.body_seen, self.closed = request.declared_length, True
        elif not self.skip_body:
            request.body = b"".join(self.parts)
            request.declared_length = len(request.body)
            self.ready.append((request, self.keep_alive))
        self._reset()


def node_headers(fields):
    """req.headers: lower-case names, values trimmed of trailing spaces and tabs, duplicates as Node keeps them.

    Only the first 1,000 header lines count: Node's parser keeps 2,000 names and values (MAX_HEADER_PAIRS).
    """
    headers = {}
    for raw_name, raw_value in fields[:MAX_HEADER_LINES]:
        name = raw_name.decode("latin-1").lower()
        value = raw_value.rstrip(b" \t").decode("latin-1")
        if name not in headers:
            headers[name] = value
        elif name == "cookie":
            headers[name] += "; " + value
        elif name not in _SINGLE:
            headers[name] += ", " + value
    return headers
