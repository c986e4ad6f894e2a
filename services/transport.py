"""The wire under the client: every read from a socket ends by the call's deadline, and each failure gets its name."""

import contextlib
import contextvars
import http.client
import io
import re

import requests
from requests.adapters import HTTPAdapter
from urllib3 import ProxyManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from . import errors

# The deadline of the call running in this thread (None outside a call: only the socket timeouts apply).
_deadline = contextvars.ContextVar("services_deadline", default=None)
HEADER_LINES = 99  # the most header lines http.client reads: its _MAXHEADERS (100) counts the blank line too
_LENGTH = re.compile(r"[0-9]+")  # RFC 9110 section 8.6: Content-Length = 1*DIGIT
QUOTED = 40  # characters of a bad value or line an error quotes: a hostile server's megabyte of it is not



def _beginning(text):
    """The beginning of what a server sent, as an error message quotes it: at most QUOTED characters."""
    return text[:QUOTED]

@contextlib.contextmanager
def within(deadline):
    """Every socket read the client makes inside the block ends by the deadline."""
    token = _deadline.set(deadline)
    try:
        yield deadline
    finally:
        _deadline.reset(token)


class _DeadlineReader(io.RawIOBase):
    """A socket's raw reader whose every read waits at most until the call's deadline.

    A per-read timeout alone cannot bound a call: a head trickled a byte at a time, or an endless run of
    `100 Continue`, keeps every read short. Cutting each read's timeout to the time left does, with no thread.
    """

    def __init__(self, raw, sock):
        super().__init__()
        self._raw, self._sock = raw, sock

    def readable(self):
        return True

    def readinto(self, buffer):
        deadline = _deadline.get()
        if deadline is not None:
            left = deadline.remaining()
            if left <= 0:
                raise TimeoutError("the call's total timeout passed")
            timeout = self._sock.gettimeout()
            if timeout is None or left < timeout:
                self._sock.settimeout(left)  # urllib3 sets the configured timeout again before the next request
        return self._raw.readinto(buffer)

    def fileno(self):
        return self._raw.fileno()

    def close(self):
        self._raw.close()  # closing twice does nothing
        super().close()


class _Socket:
    """Hands http.client a buffered _DeadlineReader where it asks the socket for makefile('rb')."""

    def __init__(self, sock):
        self._sock = sock

    def makefile(self, mode):
        return io.BufferedReader(_DeadlineReader(self._sock.makefile(mode, buffering=0), self._sock))


class BadFramingSeen(http.client.HTTPException):
    """An answer whose body's end is in doubt, as http.client meets it; `kind` is the client's error for it."""

    def __init__(self, kind, words, status):
        super().__init__(words)
        self.kind, self.words, self.status = kind, words, status


class _DeadlineResponse(http.client.HTTPResponse):
    """http.client's response (status line, headers, body), read through a _DeadlineReader, its framing checked."""

    def __init__(self, sock, *args, **kwargs):
        super().__init__(_Socket(sock), *args, **kwargs)

    def begin(self):
        """Read the head; refuse a length that is not one whole number, or a length beside a transfer coding.

        http.client reads `Content-Length: -1` as "until the connection closes" and a Content-Length beside
        `Transfer-Encoding: chunked` as chunks: RFC 9112 section 6.3 makes the first an unrecoverable error and
        asks to treat the second as one, as Node's client does (llhttp: "Invalid character in Content-Length",
        "Content-Length can't be present with Transfer-Encoding").
        """
        super().begin()
        lengths = [part.strip() for value in self.msg.get_all("Content-Length") or () for part in value.split(",")]
        wrong = next((length for length in lengths if not _LENGTH.fullmatch(length)), None)
        if wrong is not None:
            raise BadFramingSeen(errors.InvalidLength, f"Content-Length: {_beginning(wrong)!r}, not a whole number of bytes",
                                 self.status)
        if len({int(length) for length in lengths}) > 1:
            raise BadFramingSeen(errors.ConflictingLengths,
                                 f"two different Content-Length values ({_beginning(', '.join(lengths))})", self.status)
        coding = self.msg.get("Transfer-Encoding")
        if lengths and coding is not None:
            raise BadFramingSeen(errors.LengthWithChunks, f"both a Content-Length and Transfer-Encoding: {_beginning(coding)}",
                                 self.status)

    def _get_chunk_left(self):
        """Bytes left of the chunk being read, checking that a chunk's data ends with CRLF (http.client drops
        those two bytes unread: a chunk longer than its size line says would be read on as the next size line)."""
        if self.chunk_left == 0:
            end = self._safe_read(2)
            if end != b"\r\n":
                raise BadFramingSeen(errors.BadChunk, f"a chunk followed by {end!r}, not CRLF", self.status)
            self.chunk_left = None
        return super()._get_chunk_left()


class _HTTPConnection(HTTPConnection):
    response_class = _DeadlineResponse


class _HTTPSConnection(HTTPSConnection):
    response_class = _DeadlineResponse


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


_POOLS = {"http": _HTTPPool, "https": _HTTPSPool}


class DeadlineAdapter(HTTPAdapter):
    """requests' adapter, with connections whose reads end by the deadline of the call (see within())."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy, **proxy_kwargs):
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if type(manager) is ProxyManager:  # an HTTP(S) proxy; a SOCKS manager keeps its own pools
            manager.pool_classes_by_scheme = _POOLS
        return manager

    def close(self):
        """Close every pool's idle connections now, then drop the pools: urllib3 2's clear() only drops them, leaving
        their connections open until the garbage collector frees a pool, which waits while any answer kept refers
        to it (a connection in use is closed when it is released)."""
        for manager in (self.poolmanager, *self.proxy_manager.values()):
            for key in manager.pools.keys():
                pool = manager.pools.get(key)
                if pool is not None:
                    pool.close()
        super().close()


def mount(session):
    """Send the session's http:// and https:// requests through a DeadlineAdapter."""
    for prefix in ("http://", "https://"):
        session.mount(prefix, DeadlineAdapter())
    return session


# -- naming what went wrong ----------------------------------------------------------------------------


def failure(exc, url, deadline, connect, read):
    """The typed error for an exception requests raised while sending a request and reading the answer's head."""
    if isinstance(exc, requests.ConnectTimeout):
        return errors.ApiUnavailable(f"{url} did not accept a connection in {connect:g} s", url=url)
    if isinstance(exc, requests.ReadTimeout):
        if deadline.passed():
            return errors.ApiTimeout(f"{url} had not answered when the call's total timeout of {deadline.seconds:g} s "
                                     "passed", url=url)
        return errors.ApiTimeout(f"{url} did not answer in {read:g} s", url=url)
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return errors.TruncatedBody(f"{url} closed the connection before the whole body arrived", url=url)
    if isinstance(exc, requests.ConnectionError):
        return _malformed(exc, url) or _stalled(exc, url, deadline, connect) \
            or errors.ApiUnavailable(f"{url} cannot be reached: {_reason(exc)}", url=url)
    return errors.UsersApiError(f"calling {url} failed: {exc}", url=url)


def bad_framing(exc, url, response=None):
    """The client's BadFraming error if the answer's framing was refused on the way (head or chunks), else None."""
    for cause in _causes(exc):
        if isinstance(cause, BadFramingSeen):
            return cause.kind(f"{url} answered with {cause.words}: where its body ends is in doubt, so none of it is "
                              "used", url=url, status=cause.status, response=response)
    return None


def _malformed(exc, url):
    """NotHttp, HeadTooLarge or a BadFraming error if http.client refused the answer's head, else None."""
    for cause in _causes(exc):
        if isinstance(cause, BadFramingSeen):
            return bad_framing(cause, url)
        if isinstance(cause, http.client.RemoteDisconnected):
            return None  # closed without sending a byte: unavailable, not malformed
        if isinstance(cause, http.client.BadStatusLine):
            return errors.NotHttp(f"{url} answered with something that is not HTTP: no status line, it began "
                                  f"{_beginning(cause.line)!r}", url=url)
        if isinstance(cause, http.client.LineTooLong):
            if "status" in str(cause):
                return errors.NotHttp(f"{url} answered with something that is not HTTP: a first line over 64 KB",
                                      url=url)
            return errors.HeadTooLarge(f"{url} answered with a header line over 64 KB; the client reads no further",
                                       url=url)
        if type(cause) is http.client.HTTPException:  # http.client raises it bare only for "got more than 100 headers"
            return errors.HeadTooLarge(f"{url} answered with more than {HEADER_LINES} header lines; the client "
                                       "reads no further", url=url)
    return None


def _stalled(exc, url, deadline, connect):
    """ApiTimeout if the request could not be sent in time (the API stopped reading it), else None.

    urllib3 sends with the connect timeout and reports a send that timed out as a broken connection; a deadline
    is a timeout wherever the call was.
    """
    if not any(isinstance(cause, TimeoutError) for cause in _causes(exc)):
        return None
    if deadline.passed():
        return errors.ApiTimeout(f"{url} had not taken the whole request when the call's total timeout of "
                                 f"{deadline.seconds:g} s passed", url=url)
    return errors.ApiTimeout(f"{url} stopped taking the request: nothing more went out in {connect:g} s", url=url)


def _causes(exc):
    """The exception and every exception inside it (in its args, cause and context), outermost first."""
    found, todo = [], [exc]
    while todo:  # each exception once: a cycle of causes ends
        item = todo.pop(0)
        if isinstance(item, BaseException) and all(item is not seen for seen in found):
            found.append(item)
            todo += [*item.args, item.__cause__, item.__context__]
    return found


def _reason(exc):
    """The innermost reason of a connection error, in a few words."""
    inner = exc.args[0] if exc.args else exc
    reason = getattr(inner, "reason", inner)
    return str(reason).split(": ", 1)[-1] if ": " in str(reason) else str(reason)
