"""What came back: the one record every When leaves of its exchange with the API, for any Then to judge.

A When records it through one of three entry points, by how it talks to the API: ``attempt(context, call,
*args)`` (a call of the app's client in ``services``), ``send(context, method, address, **options)`` (any
address, through ``services.exchange``) and ``heard(context, started, port=..., ...)`` (a raw client over
sockets, steps/support/wire/rawhttp.py). Then steps read it through the readings of ``judging.py``.
"""

import enum
import http
import time
from dataclasses import dataclass, field
from functools import cached_property

from .answer_parts import (NOT_JSON, SENT_SHOWN, body_sent, from_parts, from_response, json_of, kind_of, path_of,
                          records_in, request_line)
from .matching.collection_matchers import counted, listing
from .failures import told
from requests.structures import CaseInsensitiveDict

import services

HTTP_METHODS = frozenset(m.value for m in http.HTTPMethod)  # what method-override lets a POST stand for


@dataclass(frozen=True)
class Measured:
    """What a When measured around its call, each in a field of its own (None or False: this When did not)."""

    said: str | None = None  # the When's own words for what it did, to end a sentence ("stopped 2 mocks ...")
    stopped: bool = False  # it stopped the scenario's own mock
    peak_before: int | None = None  # the process's peak resident memory before an upload (KiB, as getrusage says)
    their_threads: tuple | None = None  # the mock's threads for clients that then hung up
    hung_up_at: float | None = None  # when they hung up (time.monotonic())
    settings: object = None  # the app's settings, as it read them from the environment
    refused: str | None = None  # the app refused its settings, saying this
    app_connections: frozenset | None = None  # the addresses of the app's connections, before it closed them
    started_again: bool = False  # start() was called again on the scenario's own mock ...
    start_raised: Exception | None = None  # ... and raised this (None: it returned)
    stop_errors: tuple | None = None  # stop() called from many threads at once: what went wrong, each time
    stopped_ports: tuple | None = None  # ... on the mocks of these ports
    name_length: int | None = None  # the length of the name a large upload sent
    kept_on_disk: tuple | None = None  # (the replies a mock keeps on disk after the When, the last read's file)


class Via(enum.Enum):
    """How a When talked to the API (or what it looked at instead): what a Then's reading asks of it."""

    NOTHING = "nothing"  # no When has talked to the API yet
    APP = "the app"  # a call of the app's client (services)
    ADDRESS = "an address"  # any address, through services.exchange
    RAW_CLIENT = "a raw client"  # exact bytes over a socket (steps/support/wire/rawhttp.py)
    HUNG_UP = "clients that hung up"  # raw clients that left before their answer
    MOCK_ITSELF = "the mock itself"  # the mock's own lifecycle: starting, stopping
    APP_SETTINGS = "the app's settings"  # the client's settings, read from the environment
    APP_CONNECTIONS = "the app's connections"  # the connections the client holds


@dataclass
class CameBack:
    """What one When got: the request (in words, method and address), the answer or the error, from where, how long."""

    asked: str = ""  # the When as written: "When I look up user 3" ("" before any When)
    via: Via = Via.NOTHING
    method: str | None = None
    address: str | None = None  # path and query, as sent
    sent_headers: CaseInsensitiveDict = field(default_factory=CaseInsensitiveDict)  # the request's headers
    sent: object = None  # what the When sent: the record it wrote (a dict), a body, the first bytes of a raw request
    status: int | None = None  # None: no answer came
    headers: CaseInsensitiveDict = field(default_factory=CaseInsensitiveDict)
    text: str | None = None  # the body as text; None when no body was read
    value: object = NOT_JSON  # the body as the app's client read it (JSON), when it did
    error: Exception | None = None  # the typed error of the app's client, when the call failed
    closed: bool | None = None  # raw clients: whether the server closed the connection (None: not known)
    connection: object = None  # raw clients: a socket the When left open, for a Then to watch
    answers: tuple = ()  # a crowd of raw clients: (path, answer) for every request they sent
    interim: tuple = ()  # raw clients: the statuses of interim answers (100 Continue) before the final one
    dated: tuple = ()  # a read asked again: (wall-clock seconds when sent, its answer, when answered) for each time
    measured: Measured = Measured()  # what the When measured around the call (e.g. peak memory before)
    where: str = ""  # "the mock at http://..." or "the live API at https://..."
    elapsed: float | None = None  # seconds from the request to the answer (or to giving up); None: not timed

    @cached_property
    def document(self):
        """The body read as JSON, where it is JSON (else NOT_JSON); read when a Then first asks."""
        return self.value if self.value is not NOT_JSON else json_of(self.headers, self.text)

    @cached_property
    def records(self):
        """What a successful answer holds: a list of records, or one record (None: no records came)."""
        if self.error is not None:
            return None
        # The app's client returns a value only for an answer it took as a success (whether or not a hook saw it).
        return records_in(200 if self.value is not NOT_JSON else self.status, self.document)

    @cached_property
    def kind(self):
        """What the records are ("users", "posts", ...), from the address asked."""
        return kind_of(self.address)

    @property
    def acted(self):
        """The method the API acted on: the one sent, or the one a POST says it stands for (method-override's rule:
        the first value of X-HTTP-Method-Override, when it names a method)."""
        method = (self.method or "").upper()
        override = (self.sent_headers.get("X-HTTP-Method-Override") or "").split(",", 1)[0].strip().upper()
        return override if method == "POST" and override in HTTP_METHODS else method or None

    def said(self):
        """What came back, to end a sentence: "got 10 users (Leanne Graham, ...)", "was told user 11 does not exist"."""
        if self.error is not None:
            return f"was told {told(self.error)}"
        if self.measured.said is not None:  # a When about the mock itself says what it did, in words
            return self.measured.said
        if self.measured.stopped:
            return f"stopped the mock in {self.elapsed:.3f} s"
        if self.answers:
            return f"got {len(self.answers)} answers, for a crowd of clients"
        if self.status is None and self.records is None:
            if self.connection is not None and self.closed is None:
                return "got no answer: the connection is left open"
            return "got no answer: the connection was closed" if self.closed else "got no answer"
        return f"got {self._records_in_words() or self._body_in_words()}"

    def _records_in_words(self):
        """The records in a few words: "10 users (Leanne Graham, ...)", "user 3 (Clementine Bauch)", "post 1"."""
        records, kind = self.records, self.kind or "records"
        if isinstance(records, list):
            return counted(len(records), kind) + (f" ({listing(records)})" if records and kind == "users" else "")
        if isinstance(records, dict) and records and self.kind:
            name = f" ({records['name']})" if kind == "users" and "name" in records else ""
            return f"{kind[:-1]} {records['id']}{name}" if "id" in records else f"a {kind[:-1]} without an id{name}"
        if isinstance(records, dict) and records:
            return f"an object with {listing(list(records))}"
        return ""

    def _body_in_words(self):
        """The status and body in a few words: "404 with {}", "200 with a web page", "400 with no body"."""
        if not self.text:
            return f"{self.status} with no body"
        if self.headers.get("Content-Type", "").startswith("text/html"):
            first = self.text.split("\n", 1)[0]
            page = first.lstrip().startswith("<")
            return f"{self.status} with a web page" if page else f"{self.status}: {first[:80]}"
        return f"{self.status} with {self.text[:60]!r}" if len(self.text) > 60 else f"{self.status} with {self.text}"


def came_back(context):
    """What the last When recorded (an empty record, via Via.NOTHING, before any When talked to the API)."""
    return getattr(context, "came_back", None) or CameBack()


def record(context, **fields):
    """Keep a CameBack for the Thens, with the running When's words (environment.py notes the step); returns it."""
    step = getattr(getattr(context, "run", None), "current_step", None)
    asked = f"{step.step_type.title()} {step.name}" if step is not None else ""
    context.came_back = CameBack(asked=asked, **fields)
    return context.came_back


# -- the three entry points -----------------------------------------------------------------------------


def attempt(context, call, *args):
    """Run a call of the app's client (services); record its value and the answer it read, or its typed error."""
    if call is services.exchange:
        return send(context, *args)
    seen = []

    def keep(response, *_, **__):
        """A requests response hook: note each answer (the last one is the call's, after any retry)."""
        seen.append(response)

    hooks = services.default_client().session.hooks["response"]
    hooks.append(keep)
    started, value, error = time.monotonic(), NOT_JSON, None
    try:
        value = call(*args)
    except services.UsersApiError as raised:
        error = raised
    finally:
        elapsed = time.monotonic() - started
        hooks.remove(keep)
    response = seen[-1] if seen else getattr(error, "response", None)
    fields = from_response(response) if response is not None else {"address": path_of(getattr(error, "url", None))}
    sent = next((arg for arg in args if isinstance(arg, dict)), None)  # the record a write sends (at most one)
    return record(context, via=Via.APP, value=value, error=error, sent=sent,
                  where=_where(context), elapsed=elapsed, **fields)


def send(context, method, address, **options):
    """Send any request through the client as it is (services.exchange); record the whole answer, or the error."""
    asked_for(context, method, address)
    started, fields = time.monotonic(), {}
    try:
        answer = services.exchange(method, address, **options)
    except services.UsersApiError as error:
        fields["error"] = error
    else:
        fields = from_parts(answer.status, answer.headers, answer.text)
    return record(context, via=Via.ADDRESS, method=method, address=address, where=_where(context),
                  sent_headers=CaseInsensitiveDict(options.get("headers") or {}), sent=body_sent(options),
                  elapsed=time.monotonic() - started, **fields)


def heard(context, started, *, port, sent=b"", answer=None, **fields):
    """Record what a raw client (steps/support/wire/rawhttp.py) got: its answer (a RawAnswer), or what the When saw instead."""
    method, address = request_line(sent)
    if answer is not None:
        text = answer.body.decode("utf-8", "replace") if answer.status is not None else None
        fields = {**from_parts(answer.status, answer.headers, text), "closed": answer.closed, **fields}
    return record(context, via=Via.RAW_CLIENT, method=method, address=address, sent=bytes(sent[:SENT_SHOWN]),
                  where=f"the mock at http://127.0.0.1:{port}", elapsed=time.monotonic() - started, **fields)


def asked_again(call, *args):
    """A call a Then makes to see the API as it is now (recorded nowhere); its failure is the Then's, in words."""
    try:
        return call(*args)
    except services.UsersApiError as error:
        raise AssertionError(f"asking the API again, the app was told {told(error)}") from None


def asked_for(context, method, address):
    """Note an address the scenario names itself: an answer from no route is then its point, not an app bug."""
    context.asked_explicitly = getattr(context, "asked_explicitly", ()) + ((method, address.split("?")[0]),)


# -- when a Then cannot judge what came back -------------------------------------------------------------


class CannotJudge(AssertionError):
    """A Then found nothing of what it judges in what came back: the When was of another kind, or its call failed."""


def sentence(context, what, after, came):
    """One sentence: what the running Then checks, after which Whens it belongs, and what its When got instead."""
    step = getattr(getattr(context, "run", None), "current_step", None)
    then = f"{step.step_type.title()} {step.name}" if step is not None else "this step"
    got = f"'{came.asked}' {came.said()}" if came.asked else "no When in this scenario talked to the API"
    return f"'{then}' checks {what}, after {after}, but {got}"


def _where(context):
    """Where the client is pointed: the scenario's mock, the live API, or another address."""
    base = services.settings.base_url
    if base == getattr(getattr(context, "mock", None), "base_url", None):
        return f"the mock at {base}"
    live = getattr(getattr(context, "run", None), "live_url", None)
    return f"the live API at {base}" if base == live else f"the service at {base}"
