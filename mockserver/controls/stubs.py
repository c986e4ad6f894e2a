"""Any answer for an address, for one scenario: a thread-safe plan of custom answers, in the fault plan's style.

A custom answer replaces what the API would send for one address: its JSON (rendered as the API renders
JSON, with the API's own headers, ETag and 304, compression), its status, or headers set on it. It answers
reads only (GET, and HEAD with the head alone); a request matches when its path is the address's path as
the API routes paths (percent escapes decoded, letters in any case, one trailing slash ignored) and its
query holds the same parameters as the address's (as the API parses them: any order, escapes decoded; no
query matches no query). Everything else is answered as before. `MockServer.reset()` forgets them.
"""

import dataclasses
import re
import urllib.parse

from .plan import Plan
from ..node import jsrt
from ..npm import qs, responses
from ..npm.urlparams import parse_url

MAX_STUBS = 1_000  # custom answers one scenario may plan
MAX_BODY = 1 << 20  # bytes of one custom answer's JSON, as the API renders it
BODILESS = (204, 304)  # Express sends these without a body
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # a header name (RFC 9110's token)
_BAD_VALUE = re.compile(r"[^\t\x20-\x7e\x80-\xff]")  # what Node's checkInvalidHeaderChar refuses
_FRAMING = ("content-length", "transfer-encoding", "connection", "keep-alive", "date", "content-encoding")


class BadStub(ValueError):
    """A custom answer that cannot be sent: the message says why and what would do."""


def answer_status(value):
    """value as the status of a final answer (a number from 100 to 599, and not 1xx), or a BadStub saying why not."""
    text = str(value).strip()
    if not text.isdigit() or not 100 <= int(text) <= 599:
        raise BadStub(f'the status "{value}" is not a number from 100 to 599')
    if int(text) < 200:
        raise BadStub(f"the status {text} is informational, not an answer: the app would wait for the answer after "
                      "it, and none comes (use a status from 200 to 599)")
    return int(text)


def answer_body(text, status=200):
    """JSON text as the API renders it (bytes), or None for an empty text where the status sends no body."""
    if status in BODILESS:
        if text.strip():
            raise BadStub(f"a {status} answer has no body, so the JSON given would never be sent: leave the text empty")
        return None
    if not text.strip():
        raise BadStub("the answer is not JSON: the text is empty")
    try:
        value = jsrt.parse_json(text)
    except ValueError as error:
        where = f" at line {error.lineno}, column {error.colno}" if hasattr(error, "lineno") else ""
        reason = getattr(error, "msg", str(error))
        raise BadStub(f"the answer is not JSON: {reason}{where}") from None
    body = jsrt.stringify(value).encode("utf-8")
    if len(body) > MAX_BODY:
        raise BadStub(f"the answer's JSON is {len(body):,} bytes, more than a custom answer may be ({MAX_BODY:,})")
    return body


def answer_header(name, value):
    """(name, value) of a header a custom answer may set, or a BadStub saying why not."""
    if not _TOKEN.fullmatch(name):
        raise BadStub(f'"{name}" is not a header name (letters, digits and !#$%&\'*+-.^_`|~ only)')
    if name.lower() in _FRAMING:
        raise BadStub(f'the header "{name}" is the mock\'s to set: it frames the answer on the wire '
                      f"(the headers it may not set: {', '.join(_FRAMING)})")
    if _BAD_VALUE.search(value):
        raise BadStub(f'the value of the header "{name}" has a character a header cannot carry: {value!r}')
    return name, value


def _normal_path(path):
    """A path as the API routes it: escapes decoded, ASCII letters folded, one trailing slash ignored."""
    path = urllib.parse.unquote(path)
    path = path[:-1] if path.endswith("/") and len(path) > 1 else path
    return path.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclasses.dataclass
class Stub:
    """One custom answer: the address it answers, and its status, body and headers (None: the API's own)."""

    address: str
    status: int = None
    body: bytes = None
    headers: list = dataclasses.field(default_factory=list)
    hits: int = dataclasses.field(default=0, compare=False)

    def __post_init__(self):
        """Check the address at once, so a wrong one fails where it is given, not when a request comes."""
        if not isinstance(self.address, str) or not self.address.startswith("/"):
            raise BadStub(f"an address starts with '/', not {self.address!r}")
        path, query = parse_url(self.address)
        if path is None:
            raise BadStub(f"{self.address!r} is not an address the API could be asked for")
        self.key = (_normal_path(path), qs.parse(query or ""))

    def takes(self, method, target):
        """Whether this answer is the one for a request (method and target as sent)."""
        if method not in ("GET", "HEAD"):
            return False
        path, query = parse_url(target)
        return path is not None and (_normal_path(path), qs.parse(query or "")) == self.key


class StubPlan(Plan):
    """The custom answers of one mock, lasting until clear() (each scenario's reset)."""

    def answer(self, address, *, json=None, status=None, headers=()):
        """Answer reads of the address with this JSON text and status (200 unless given), or set these headers on
        its answer; given again for the same address, the headers add up, a second body or status is refused."""
        if json is None and status is not None:
            raise BadStub("a custom status comes with the answer's JSON (json=...)")
        status = answer_status(status if status is not None else 200) if json is not None else None
        body = answer_body(json, status) if json is not None else None
        headers = [answer_header(str(name), str(value)) for name, value in headers]
        new = Stub(address, status, body, headers)
        with self._lock:
            stub = next((s for s in self._items if s.key == new.key), None)
            if stub is None:
                if len(self._items) >= MAX_STUBS:
                    raise BadStub(f"a scenario may give at most {MAX_STUBS:,} custom answers")
                self._items.append(new)
                return new
            _merge(stub, new)
            return stub

    def take(self, method, target):
        """The custom answer for this request, or None; counts the hit."""
        return self._take(method, target)

    def stubs(self):
        """A copy of the planned answers, in order."""
        return self.items()


def _merge(stub, new):
    """Add what a later answer for the same address says to the first one, refusing to say anything twice."""
    if new.body is not None or new.status is not None:
        if stub.body is not None or stub.status is not None:
            raise BadStub(f"{stub.address} already has a custom answer in this scenario: give it once")
        stub.body, stub.status = new.body, new.status
    names = {name.lower() for name, _ in stub.headers}
    twice = [name for name, _ in new.headers if name.lower() in names]
    if twice:
        raise BadStub(f'the header "{twice[0]}" of {stub.address} is already set in this scenario: give it once')
    stub.headers.extend(new.headers)


def reply_for(stub, request, answer):
    """The reply to a request a custom answer matches; answer(request) is the API's own, for what it leaves as is."""
    if stub.status is None:
        reply = answer(request)
    else:
        headers = _api_headers(request)
        if stub.status in BODILESS:
            reply = responses.compress(request, headers, stub.status, b"")
        else:
            reply = responses.send(request, headers, stub.status, stub.body, "application/json; charset=utf-8")
    if not stub.headers:
        return dataclasses.replace(reply, routed=True)
    given = {name.lower() for name, _ in stub.headers}
    kept = [(name, value) for name, value in reply.headers if name.lower() not in given]
    return dataclasses.replace(reply, headers=kept + list(stub.headers), routed=True)


def _api_headers(request):
    """The headers the API sets on every JSON answer before res.send (X-Powered-By, CORS, no-cache, nosniff)."""
    headers = responses.cors_headers(request)
    responses.no_cache(headers)
    headers.set("X-Content-Type-Options", "nosniff")
    return headers
