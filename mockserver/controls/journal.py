"""What the mock received: one entry per request, for Then steps that verify what the client sent."""

import collections
import functools
import json
import threading
import time
from dataclasses import dataclass

from ..npm import qs


@dataclass
class Entry:
    """One request as received, and the status it was answered with."""

    method: str
    path: str
    query_string: str
    headers: dict
    body: bytes  # as received, or its first max_body_bytes bytes (see body_length)
    status: int = 0
    routed: bool = True
    body_length: int = 0  # the bytes of body received; more than len(body) when the journal kept only the start
    received: float = 0.0  # time.monotonic() when it arrived, to see how long a client waited between requests
    fault: str = ""  # the kind of fault that shaped the answer (mockserver/controls/faults.py), if any
    cut_off: str = ""  # a `_like` pattern whose matching was cut off at the time limit (mockserver/node/regexp/jsregex.py)

    @functools.cached_property
    def query(self):
        """The query parameters, parsed as the API parses them (only when a step asks)."""
        return qs.parse(self.query_string) if self.query_string else {}

    @functools.cached_property
    def json(self):
        """The body parsed as JSON when it was declared as JSON, else None (only when a step asks)."""
        if "json" not in self.headers.get("content-type", "") or len(self.body) < self.body_length:
            return None
        try:
            return json.loads(self.body or b"null")
        except (ValueError, RecursionError):
            return None

    @property
    def is_write(self):
        """Whether the request asked the API to change something."""
        return self.method in ("POST", "PUT", "PATCH", "DELETE")


# Bounds, so a mock that runs for days under any traffic stays flat in memory.
MAX_ENTRIES = 10_000  # a mock left running under load keeps the most recent requests, not all of them
MAX_BODY_BYTES = 1024 * 1024  # of each request's body; the rest is counted (Entry.body_length), not kept
MAX_BYTES = 8 * 1024 * 1024  # all entries together, as charged by _size; the oldest go first
# What an entry and each header cost beyond their text: measured with tracemalloc, an entry about 500 bytes and
# a header about 140 at most (1,200 distinct one-letter headers); charged with a margin.
_ENTRY_BYTES, _HEADER_BYTES = 1024, 160


class Journal:
    """A thread-safe list of the most recent entries, cleared between scenarios, bounded in count and bytes."""

    def __init__(self, max_entries=MAX_ENTRIES, max_body_bytes=MAX_BODY_BYTES, max_bytes=MAX_BYTES):
        for name, value in (("max_entries", max_entries), ("max_body_bytes", max_body_bytes), ("max_bytes", max_bytes)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"the journal's {name} must be a whole number from 0 up, not {value!r}")
        self.max_entries, self.max_body_bytes, self.max_bytes = max_entries, max_body_bytes, max_bytes
        # (entry, the bytes it is charged), or for a read recorded again (its template, the bytes, when received)
        self._entries = collections.deque()
        self._bytes = 0
        self._lock = threading.Lock()

    def record(self, request):
        """Add the request and return its entry (the status is filled in once answered)."""
        path, _, query_string = request.target.partition("?")
        body = length = request.body
        if len(body) > self.max_body_bytes:
            body = body[:self.max_body_bytes]
        headers = request.headers
        entry = Entry(request.method, path, query_string, headers, body, 0, True, len(length), time.monotonic())
        self._add(entry, charge(path, query_string, body, headers))
        return entry

    def record_again(self, template, size, received):
        """Add a request read exactly as one before, whose entry's fields are `template` (its size charged again),
        received at `received` (time.monotonic()); the transport answers the same read again this way (wire.py).

        This is the path of a client asking again and again: the entry is kept as (template, size, received) and
        made only when entries() is read, so that a request costs one small tuple, not an entry and two dicts."""
        entries = self._entries
        with self._lock:  # as _add(), written out
            entries.append((template, size, received))
            self._bytes += size
            if len(entries) > self.max_entries or self._bytes > self.max_bytes:
                while entries and (len(entries) > self.max_entries or self._bytes > self.max_bytes):
                    self._bytes -= entries.popleft()[1]

    def _add(self, entry, size):
        """Keep the entry, charged `size` bytes; drop the oldest past the bounds."""
        entries = self._entries
        with self._lock:
            entries.append((entry, size))
            self._bytes += size
            if len(entries) > self.max_entries or self._bytes > self.max_bytes:
                while entries and (len(entries) > self.max_entries or self._bytes > self.max_bytes):
                    self._bytes -= entries.popleft()[1]

    @staticmethod
    def template(request, status, routed):
        """The fields of the entry of a request with no body answered with status (for record_again), and its size."""
        path, _, query_string = request.target.partition("?")
        fields = {"method": request.method, "path": path, "query_string": query_string, "headers": request.headers,
                  "body": b"", "status": status, "routed": routed, "body_length": 0, "received": 0.0, "fault": "",
                  "cut_off": ""}
        return fields, charge(path, query_string, b"", request.headers)

    def entries(self):
        """A copy of the entries so far, oldest first (the same Entry objects from one call to the next)."""
        with self._lock:
            entries = self._entries
            if any(len(kept) == 3 for kept in entries):  # reads recorded again: their entries made now, once
                made = [kept if len(kept) == 2 else (_entry_again(*kept), kept[1]) for kept in entries]
                entries.clear()
                entries.extend(made)
            return [entry for entry, _ in entries]

    def snapshot(self):
        """What the journal holds now, as restore() takes it back (the entries as kept, and the bytes charged)."""
        with self._lock:
            return tuple(self._entries), self._bytes

    def restore(self, snapshot):
        """Hold again exactly what snapshot() saw, and nothing recorded since."""
        kept, size = snapshot
        with self._lock:
            self._entries.clear()
            self._entries.extend(kept)
            self._bytes = size

    def clear(self):
        """Forget every entry."""
        with self._lock:
            self._entries.clear()
            self._bytes = 0


def _entry_again(template, size, received):
    """The entry of a read recorded again (Journal.record_again), received at `received`."""
    entry = Entry.__new__(Entry)
    entry.__dict__.update(template)
    entry.headers, entry.received = template["headers"].copy(), received
    return entry


def charge(path, query_string, body, headers):
    """The bytes an entry is charged: its text, body and headers, and what Python spends on each."""
    return (_ENTRY_BYTES + len(path) + len(query_string) + len(body) + _HEADER_BYTES * len(headers)
            + sum(map(len, headers)) + sum(map(len, headers.values())))
