"""Faults the mock can inject on demand: a thread-safe plan of what goes wrong, for which requests, how often."""

import fnmatch
import math
import threading
from dataclasses import dataclass, field

from .plan import Plan

KINDS = ("delay", "status", "drop", "reset", "truncate", "not_json", "wrong_type", "empty", "trickle")
# What each kind does, as `python -m mockserver --help` and its banner explain it: one line per kind in KINDS.
DESCRIPTIONS = {
    "delay": "wait before answering, then answer as the API would",
    "status": "answer with an error status instead (and a Retry-After header, if given)",
    "drop": "close the connection without answering: the client sees the connection end (EOF)",
    "reset": "reset the connection without answering (TCP RST): the client sees 'connection reset by peer'",
    "truncate": "announce the whole body's length, send half of it, then close",
    "not_json": "answer 200 with an HTML error page, labelled as JSON",
    "wrong_type": "answer as the API would, but labelled text/html instead of JSON",
    "empty": "answer 200 with an empty body, labelled as JSON",
    "trickle": "send the answer's body a piece at a time (64 bytes every 20 ms), so a whole-call timeout passes",
}
# What a hostile server sends, to prove the client stands up to it (mockserver/controls/hostile_replies.py), one line each.
HOSTILE_KINDS = {
    "endless": "answer 200 with a JSON array, in chunks, that never ends",
    "gzip_bomb": "answer 200 with about 1 MB of gzip that unpacks to 1 GiB of spaces",
    "bad_gzip": "answer with a body labelled Content-Encoding: gzip whose stream breaks after its header",
    "deep_json": "answer 200 with JSON arrays nested 100,000 deep",
    "http09": "answer with the body alone, no status line or headers (as HTTP/0.9 did), then close",
    "many_headers": "answer with 150 header lines more than usual (a client reads 100)",
    "slow_head": "send the answer's head a byte every 0.01 s, then its body",
    "endless_continue": "send 100 Continue every 0.01 s, and never the answer",
    "redirect_away": "answer 307 to the same address on another origin (localhost for 127.0.0.1, and back)",
    "redirect_loop": "answer 302 to the very address asked for",
    "redirect_chain": "answer 302 to the same path with ?_=N+1 (json-server ignores `_`), for ever",
    "negative_length": "answer with Content-Length: -1 and the body, then close",
    "two_lengths": "answer with two different Content-Length headers (the true length first)",
    "length_and_chunks": "answer in chunks with a Content-Length header as well",
    "chunk_overrun": "answer in one chunk followed by XX where CRLF should end it",
    "stall_upload": "read the head of a request with a body, then none of the body until the fault is cleared",
}
HEAD_KINDS = ("stall_upload",)  # faults that hit a request once its head is read, before its body
KINDS += tuple(HOSTILE_KINDS)
MAX_SIZE = 1 << 40  # a gzip bomb unpacks to a terabyte at most
DESCRIPTIONS.update(HOSTILE_KINDS)
MIN_LINES, MAX_LINES = 3, 10_000  # many_headers: a head of its own has Content-Type, Content-Length, Connection
MAX_SECONDS = 3600.0  # no fault waits longer than an hour (and stop() cuts every wait short anyway)


def seconds(value, what="seconds"):
    """value as a finite number of seconds from 0 to an hour, or a ValueError saying what is wrong."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be a number of seconds, not {value!r}") from None
    if not math.isfinite(number) or not 0 <= number <= MAX_SECONDS:
        raise ValueError(f"{what} must be between 0 and {MAX_SECONDS:g} seconds, not {value!r}")
    return number


def error_status(value):
    """value as an HTTP error status (400-599), or a ValueError saying what is wrong."""
    try:
        status = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"a forced status must be a whole number, not {value!r}") from None
    if not 400 <= status <= 599:
        raise ValueError(f"a forced status must be an error status from 400 to 599, not {value!r}")
    return status


@dataclass
class Fault:
    """One thing that goes wrong: its kind, the requests it hits (method, path pattern) and how many times."""

    kind: str
    method: str = None  # None: any method
    path: str = None  # an fnmatch pattern such as /users or /users/*; None: every path
    times: int = None  # None: every matching request; N: only the first N
    seconds: float = 0.0  # delay: the wait; trickle: the pause between pieces
    status: int = 503  # status: the status forced
    retry_after: str = None  # status: the Retry-After header sent with it, if any
    piece: int = 64  # trickle: bytes per piece
    size: int = 1 << 30  # gzip_bomb: bytes it unpacks to (in whole MiB, rounded up)
    lines: int = None  # many_headers: exactly this many header lines in all (None: 150 more than usual)
    hits: int = field(default=0, compare=False)

    def __post_init__(self):
        """Check every field at once, so a wrong fault fails where it is made, not when a request hits it."""
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault {self.kind!r}: one of {', '.join(KINDS)}")
        if self.path is not None and not self.path.startswith("/"):
            raise ValueError(f"a fault's path must start with '/', not {self.path!r}")
        if self.times is not None and (not isinstance(self.times, int) or self.times < 1):
            raise ValueError(f"a fault's times must be a whole number from 1 up, not {self.times!r}")
        if not isinstance(self.piece, int) or self.piece < 1:
            raise ValueError(f"a trickle's piece must be a whole number of bytes from 1 up, not {self.piece!r}")
        if not isinstance(self.size, int) or not 1 <= self.size <= MAX_SIZE:
            raise ValueError(f"a gzip bomb's size must be a whole number of bytes from 1 to 2**40, not {self.size!r}")
        if self.lines is not None and (not isinstance(self.lines, int) or not MIN_LINES <= self.lines <= MAX_LINES):
            raise ValueError(f"a head's header lines must be a whole number from {MIN_LINES} to {MAX_LINES}, "
                             f"not {self.lines!r}")
        self.seconds = seconds(self.seconds, f"the {self.kind} fault's seconds")
        if self.kind == "status":
            self.status = error_status(self.status)
        if self.retry_after is not None and not str(self.retry_after).isprintable():
            raise ValueError(f"a Retry-After value must be printable text, not {self.retry_after!r}")
        self.method = self.method.upper() if self.method else None

    def hits_request(self, method, path):
        """Whether this fault applies to a request for method and path (query string removed)."""
        if self.method is not None and self.method != method.upper():
            return False
        if self.path is None:
            return True
        normal = path.rstrip("/").lower() or "/"  # as the API routes: case-insensitive, trailing slash ignored
        return fnmatch.fnmatchcase(normal, self.path.rstrip("/").lower() or "/")

    @property
    def spent(self):
        """Whether the fault has hit as many requests as it was meant to."""
        return self.times is not None and self.hits >= self.times

    def takes(self, method, path, kinds=None):
        """Whether this fault applies to a request now: it is of `kinds` (if given; else not of HEAD_KINDS, which
        apply once a head is read), it targets the request and it is not spent."""
        return ((self.kind in kinds if kinds else self.kind not in HEAD_KINDS) and not self.spent
                and self.hits_request(method, path))


class FaultPlan(Plan):
    """The faults of one mock, lasting until clear() (each scenario's reset) or cancel() (stop)."""

    def __init__(self):
        super().__init__()
        self._cancelled = threading.Event()  # set to cut every pending fault wait short

    def add(self, fault):
        """Add a fault (checked on construction); the first matching fault that is not spent applies."""
        return self._plan(fault)

    def take(self, method, path, kinds=None):
        """(the fault for this request or None, the Event that cancels its waits); counts the hit.

        Only faults of `kinds` if given (HEAD_KINDS, taken once a head is read), else only the others.
        """
        return self._take(method, path, kinds), self._cancelled

    def faults(self):
        """A copy of the planned faults, in order."""
        return self.items()

    def clear(self):
        """Forget every fault and cut short every wait a fault is in (requests of the last scenario)."""
        with self._lock:
            self._items.clear()
            self._cancelled.set()
            self._cancelled = threading.Event()

    def cancel(self):
        """Cut every wait short for good (the mock is stopping): pending faulted requests get no answer."""
        with self._lock:
            self._items.clear()
            self._cancelled.set()

    # -- the Python API: one method per fault, each returns the Fault ---------------------------------

    def delay(self, seconds, **target):
        """Wait that many seconds before answering (as the API would, then)."""
        return self.add(Fault("delay", seconds=seconds, **target))

    def status(self, status, retry_after=None, **target):
        """Answer with this error status (and a Retry-After header, e.g. for 429) instead."""
        return self.add(Fault("status", status=status, retry_after=retry_after, **target))

    def drop(self, **target):
        """Close the connection without answering."""
        return self.add(Fault("drop", **target))

    def reset(self, **target):
        """Reset the connection (TCP RST) without answering."""
        return self.add(Fault("reset", **target))

    def truncate(self, **target):
        """Announce the whole body's length, send half of it, then close."""
        return self.add(Fault("truncate", **target))

    def not_json(self, **target):
        """Answer 200 with an HTML error page while the Content-Type says JSON."""
        return self.add(Fault("not_json", **target))

    def wrong_type(self, **target):
        """Answer as the API would, but with Content-Type text/html."""
        return self.add(Fault("wrong_type", **target))

    def empty(self, **target):
        """Answer 200 with an empty body declared as JSON."""
        return self.add(Fault("empty", **target))

    def trickle(self, piece=64, seconds=0.02, **target):
        """Send the answer's body a piece at a time, pausing between pieces."""
        return self.add(Fault("trickle", piece=piece, seconds=seconds, **target))

    # -- a hostile server: answers that would freeze or exhaust a careless client ----------------

    def endless(self, seconds=0.0, **target):
        """Answer with a JSON array that never ends, a chunk every `seconds` (0: as fast as the client reads)."""
        return self.add(Fault("endless", seconds=seconds, **target))

    def gzip_bomb(self, size=1 << 30, **target):
        """Answer with a small gzip body that unpacks to `size` bytes of spaces."""
        return self.add(Fault("gzip_bomb", size=size, **target))

    def bad_gzip(self, **target):
        """Answer with a body labelled gzip whose stream is broken."""
        return self.add(Fault("bad_gzip", **target))

    def deep_json(self, **target):
        """Answer with JSON arrays nested 100,000 deep."""
        return self.add(Fault("deep_json", **target))

    def http09(self, **target):
        """Answer with the body alone, no status line or headers, then close."""
        return self.add(Fault("http09", **target))

    def many_headers(self, lines=None, **target):
        """Answer with 150 extra header lines, or with exactly `lines` header lines in all."""
        return self.add(Fault("many_headers", lines=lines, **target))

    def slow_head(self, piece=1, seconds=0.01, **target):
        """Send the answer's head `piece` bytes every `seconds`, then the body."""
        return self.add(Fault("slow_head", piece=piece, seconds=seconds, **target))

    def endless_continue(self, seconds=0.01, **target):
        """Send `100 Continue` every `seconds`, never the answer."""
        return self.add(Fault("endless_continue", seconds=seconds, **target))

    def redirect_away(self, **target):
        """Answer 307 to the same address on another origin."""
        return self.add(Fault("redirect_away", **target))

    def redirect_loop(self, **target):
        """Answer 302 to the address asked for."""
        return self.add(Fault("redirect_loop", **target))

    def redirect_chain(self, seconds=0.0, **target):
        """Answer 302 to the next address of an endless chain, after `seconds`."""
        return self.add(Fault("redirect_chain", seconds=seconds, **target))

    # -- loose framing: answers whose body's end is in doubt (RFC 9112 section 6.3) ---------------------------

    def negative_length(self, **target):
        """Answer with Content-Length: -1, then close."""
        return self.add(Fault("negative_length", **target))

    def two_lengths(self, **target):
        """Answer with two different Content-Length headers."""
        return self.add(Fault("two_lengths", **target))

    def length_and_chunks(self, **target):
        """Answer in chunks, with a Content-Length as well."""
        return self.add(Fault("length_and_chunks", **target))

    def chunk_overrun(self, **target):
        """Answer in one chunk followed by XX instead of CRLF."""
        return self.add(Fault("chunk_overrun", **target))

    def stall_upload(self, seconds=0.0, **target):
        """Read no body of a request that has one, for `seconds` (0: until the fault is cleared), then close."""
        return self.add(Fault("stall_upload", seconds=seconds, **target))
