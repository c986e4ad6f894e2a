"""What the mock received: one entry per request, for Then steps that verify what the client sent."""

import collections
import functools
import json
import threading
import time
from dataclasses import dataclass, field

from .qs import parse as parse_query


@dataclass
class Entry:
    """One request as received, and the status it was answered with."""

    method: str
    path: str
    query_string: str
    headers: dict
    body: bytes
    status: int = 0
    routed: bool = True
    json: object = field(default=None)
    received: float = 0.0  # time.monotonic() when it arrived, to see how long a client waited between requests
    fault: str = ""  # the kind of fault that shaped the answer (mockserver/faults.py), if any
    cut_off: str = ""  # a `_like` pattern still matching at the time limit: the answer was a 500 (live: no answer)

    @functools.cached_property
    def query(self):
        """The query parameters, parsed as the API parses them (only when a step asks)."""
        return parse_query(self.query_string) if self.query_string else {}

    @property
    def is_write(self):
        """Whether the request asked the API to change something."""
        return self.method in ("POST", "PUT", "PATCH", "DELETE")


MAX_ENTRIES = 10_000  # a mock left running under load keeps the most recent requests, not all of them


class Journal:
    """A thread-safe list of the most recent entries, cleared between scenarios."""

    def __init__(self, max_entries=MAX_ENTRIES):
        self._entries = collections.deque(maxlen=max_entries)
        self._lock = threading.Lock()

    def record(self, request):
        """Add the request and return its entry (the status is filled in once answered)."""
        path, _, query_string = request.target.partition("?")
        entry = Entry(request.method, path, query_string, request.headers, request.body, received=time.monotonic())
        if "json" in request.headers.get("content-type", ""):
            try:
                entry.json = json.loads(request.body or b"null")
            except (ValueError, RecursionError):  # not JSON, or nested too deep to keep: the body is still there
                entry.json = None
        with self._lock:
            self._entries.append(entry)
        return entry

    def entries(self):
        """A copy of the entries so far, oldest first."""
        with self._lock:
            return list(self._entries)

    def clear(self):
        """Forget every entry."""
        with self._lock:
            self._entries.clear()
