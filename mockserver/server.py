"""The mock's lifecycle: bind on construction, serve on a thread, stop in milliseconds, leave nothing behind."""

import errno
import functools
import json
import selectors
import socket
import socketserver
import sys
import threading
import time
import traceback
from importlib import resources

from .controls import datasets
from .jsonserver.app import WRITE_METHODS, App, new_caches
from .jsonserver.stored import StoredReplies
from .node.messages import Reply
from .controls.fault_replies import answer_with_fault
from .controls.faults import HEAD_KINDS, FaultPlan
from .controls.journal import MAX_BODY_BYTES, MAX_ENTRIES, Journal
from .controls.stubs import StubPlan, reply_for
from .transport.waits import Waits, client_gone
from .transport.wire import KEEP_ALIVE_SECONDS, REQUEST_DEADLINE, Handler

STOP_TIMEOUT = 2.0
MAX_ERRORS = 100  # tracebacks kept until take_errors(): a mock that fails on every request stays bounded
MAX_ACCEPT_PAUSE = 0.1  # seconds; out of descriptors, accepting pauses 5 ms, then twice as long each time, up to this
_OUT_OF_DESCRIPTORS = {errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM}


def _stderr_line(line):
    """Write one line to stderr."""
    print(f"mockserver: {line}", file=sys.stderr, flush=True)


@functools.lru_cache(maxsize=1)
def seed_data():
    """The live data set shipped with the package (read once; it is never modified)."""
    with resources.files("mockserver").joinpath("data/jsonplaceholder.json").open("rb") as stream:
        return json.load(stream)


@functools.lru_cache(maxsize=1)
def seed_caches():
    """The seed app's caches, shared by every mock of the process over the seed: its answers are rendered,
    compressed and encoded once per process, not once per mock (a fresh mock per feature costs nothing more); its
    largest replies once per machine, kept on disk while current (mockserver/jsonserver/stored.py)."""
    rendered, replies = new_caches()
    return rendered, StoredReplies(replies)


class _ThreadingServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    """A threaded TCP server that knows its connections and threads, so stop() can end them all."""

    allow_reuse_address = True
    daemon_threads = True  # joined explicitly in stop(), with a timeout, instead of at exit
    block_on_close = False
    request_queue_size = 511  # Node's listen backlog; socketserver's 5 drops connections under a burst of clients

    def __init__(self, address, service):
        self.service = service  # what answers the requests (transport.wire.Service): the MockServer
        self._connections, self._workers = set(), set()
        self.blocked = {}  # connection -> when it began waiting for a request or writing an answer
        self.out_of_descriptors = False  # the last accept() failed for want of a file descriptor (or memory)
        self._lock = threading.Lock()
        super().__init__(address, Handler)

    def get_request(self):
        """accept(), noting a failure for want of descriptors: the listening socket stays readable then."""
        try:
            accepted = self.socket.accept()
        except OSError as exc:
            self.out_of_descriptors = exc.errno in _OUT_OF_DESCRIPTORS
            raise
        self.out_of_descriptors = False
        return accepted

    def process_request(self, request, client_address):
        """Serve the connection on its own thread, remembered until it ends."""
        thread = threading.Thread(target=self._serve_thread, args=(request, client_address), name=f"mock-{self.server_address[1]}-connection")
        with self._lock:
            # Tracked here, on accept, not when the thread gets to it: else stop() could miss a connection
            # accepted just before it, whose thread would then wait out the idle timeout (the robustness battery saw it).
            self._connections.add(request)
            self._workers.add(thread)
        try:
            thread.start()
        except (RuntimeError, MemoryError) as exc:  # "can't start new thread": out of memory or of threads
            with self._lock:
                self._connections.discard(request)
                self._workers.discard(thread)
            self.shutdown_request(request)  # closed, as Node destroys a socket past maxConnections
            self.service.notice(f"a connection from {client_address[0]}:{client_address[1]} was closed unanswered: "
                             f"no thread to serve it ({exc})")

    def _serve_thread(self, request, client_address):
        try:
            self.process_request_thread(request, client_address)
        finally:
            with self._lock:
                self._connections.discard(request)
                self._workers.discard(threading.current_thread())
            self.blocked.pop(request, None)

    def track(self, connection):
        with self._lock:
            self._connections.add(connection)

    def untrack(self, connection):
        with self._lock:
            self._connections.discard(connection)

    def close_stuck(self, cutoff):
        """Shut down connections blocked in a read or a write since before cutoff (a monotonic time)."""
        while True:
            try:  # handler threads change `blocked` meanwhile: a snapshot, taken again if it changed under us
                blocked = list(self.blocked.items())
                break
            except RuntimeError:  # "dictionary changed size during iteration": seen when a GC ran inside list()
                continue
        for connection, since in blocked:
            if since < cutoff:
                self.blocked.pop(connection, None)
                try:
                    connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def open_connections(self):
        """How many connections are open now."""
        with self._lock:
            return len(self._connections)

    def open_peers(self):
        """The addresses (host, port) of the clients whose connections are open now."""
        with self._lock:
            connections = list(self._connections)
        peers = set()
        for connection in connections:
            try:
                peers.add(connection.getpeername()[:2])
            except OSError:  # closed since
                pass
        return peers

    def close_connections(self):
        """Shut every open connection down, so handler threads blocked on a read return at once."""
        with self._lock:
            connections, threads = list(self._connections), list(self._workers)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        return threads


class MockServer:
    """A stand-in for the live API on 127.0.0.1 and a free port; use it as a context manager.

    start() once, stop() as often as you like (from any thread: it returns once the mock has stopped).
    start() on a mock that is serving or has stopped raises RuntimeError: make a new one (it may take the
    same port at once).
    """

    def __init__(self, host="127.0.0.1", port=0, *, read_only=False, data=None,
                 journal_entries=MAX_ENTRIES, journal_body_bytes=MAX_BODY_BYTES, log=None):
        self.journal = Journal(journal_entries, journal_body_bytes)  # checked first: a bad bound binds nothing
        self.app = self._seed_app = (App(datasets.validate(data)) if data is not None
                                     else App(seed_data(), caches=seed_caches()))
        self.faults = FaultPlan()  # what goes wrong on demand (mockserver/controls/faults.py); cleared by reset()
        self.stubs = StubPlan()  # custom answers for addresses (mockserver/controls/stubs.py); cleared by reset()
        self.read_only = read_only
        self.log = log  # called with one line per request answered (method, address, status, time), or None
        # Security bounds: a connection that has waited min(idle_timeout, request_deadline) seconds
        # for a complete request (silent, half-sent or trickling) or for a client to take its answer is closed.
        self.idle_timeout, self.request_deadline = KEEP_ALIVE_SECONDS, REQUEST_DEADLINE
        self.errors = []  # tracebacks of exceptions raised while answering, the last MAX_ERRORS
        self._errors_lock = threading.Lock()
        self.heavy = threading.Lock()  # taken while a large body is parsed, answered and written (wire.HEAVY_BODY)
        self._waits = Waits()  # answers waiting (a delay, a trickle), cut short by reset() and by hang-ups
        self._httpd = _ThreadingServer((host, port), self)
        self.host, self.port = self._httpd.server_address[:2]
        self.base_url = f"http://{self.host}:{self.port}"
        self._wake_r, self._wake_w = socket.socketpair()
        self._thread = None
        self._state = "new"  # -> "serving" -> "stopped"
        self._lifecycle = threading.Lock()

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self):
        """Serve on a background thread; returns self. RuntimeError if it is serving or has stopped."""
        with self._lifecycle:
            if self._state == "serving":
                raise RuntimeError(f"this mock is already serving on {self.base_url}: start() it once")
            if self._state == "stopped":
                raise RuntimeError(f"this mock on {self.base_url} has been stopped and cannot start again: "
                                   f"make a new MockServer (it may take port {self.port} at once)")
            self._thread = threading.Thread(target=self._serve, name=f"mock-{self.port}", daemon=True)
            self._thread.start()
            self._state = "serving"
        return self

    def _serve(self):
        """Accept connections until stop() writes to the wake-up socket; on each tick, close stuck connections."""
        listening = self._httpd.socket
        pause = 0.0  # how long accepting is paused, while the process is out of file descriptors
        with selectors.DefaultSelector() as selector:
            selector.register(listening, selectors.EVENT_READ, "accept")
            selector.register(self._wake_r, selectors.EVENT_READ, "wake")
            while True:
                limit = min(self.idle_timeout, self.request_deadline)
                for key, _ in selector.select(max(0.01, limit / 4)):
                    if key.data == "wake":
                        return
                    self._httpd._handle_request_noblock()
                if self._httpd.out_of_descriptors:
                    # The pending connection stays in the backlog and the socket stays readable: without a pause
                    # this loop would spin on a failing accept(). Back off (as Go's net/http does) until one frees.
                    pause = min(max(pause * 2, 0.005), MAX_ACCEPT_PAUSE)
                    selector.unregister(listening)
                    woken = selector.select(pause)
                    selector.register(listening, selectors.EVENT_READ, "accept")
                    if woken:
                        return
                    self._httpd.out_of_descriptors = False
                else:
                    pause = 0.0
                try:
                    self._httpd.close_stuck(time.monotonic() - limit)
                except Exception:  # a bug here must not stop the mock accepting: it fails the scenario instead
                    self.failed("closing stuck connections", traceback.format_exc())

    def stop(self):
        """Stop accepting, close the listening socket and every connection, join every thread.

        Idempotent and thread-safe: every call returns once the mock has stopped; later calls do nothing.
        """
        with self._lifecycle:
            if self._state == "stopped":
                return
            self._state = "stopped"
            self.faults.cancel()  # a delayed or trickling answer ends now, so no fault can hold up the joins
            if self._thread is not None:
                self._wake_w.send(b"x")
                self._thread.join(STOP_TIMEOUT)
                self._thread = None
            self._httpd.server_close()
            for thread in self._httpd.close_connections():
                if thread.ident is not None:  # started (a thread that could not start is never tracked)
                    thread.join(STOP_TIMEOUT)
            self._wake_r.close()
            self._wake_w.close()

    def __enter__(self):
        """Start the mock, unless it is serving already (`with MockServer().start() as mock:` works too)."""
        return self if self._state == "serving" else self.start()

    def __exit__(self, *exc_info):
        self.stop()

    # -- state ----------------------------------------------------------------------------------

    @property
    def open_connections(self):
        """How many client connections the mock has open now."""
        return self._httpd.open_connections()

    @property
    def open_peers(self):
        """The addresses (host, port) of the clients whose connections the mock has open now."""
        return self._httpd.open_peers()

    def reset(self):
        """Back to the seed for the next scenario: its data, empty journal, no errors, writes allowed, no faults, no
        custom answers."""
        self.faults.clear()  # also cuts short an answer the last scenario left waiting
        self.stubs.clear()
        self.app = self._seed_app  # the seed's app, its caches kept: no cost when no scenario changed it
        self._waits.cut_short()
        self.journal.clear()
        with self._errors_lock:
            self.errors.clear()
        self.read_only = False

    @property
    def data(self):
        """The data set the mock answers from now (the seed, or the scenario's own)."""
        return self.app.data

    def use_data(self, data):
        """Answer from this data set until reset(): an app of its own, with caches of its own (the seed's app
        and its caches are kept for after), its records never remembered for good (jsrt's seed JSON)."""
        self.app = App(datasets.validate(data), remember=False)

    def use_users(self, users):
        """Answer as if the API knew only these users (a list of records) until reset(); the rest of the data as is."""
        self.use_data(datasets.with_users(self.data, users))

    def notice(self, line):
        """One line about the mock itself (not a request): to the request log if there is one, else to stderr."""
        try:
            (self.log or _stderr_line)(line)
        except (OSError, ValueError):
            pass  # a log that cannot be written must not stop the accept loop

    def failed(self, what, trace):
        """Record a bug of the mock's own (what it was doing, the traceback), the last MAX_ERRORS kept: take_errors()
        hands them to the scenario that caused them (transport.wire.Service)."""
        with self._errors_lock:
            self.errors.append(f"{what}\n{trace}")
            del self.errors[:-MAX_ERRORS]

    def take_errors(self):
        """The tracebacks recorded since the last call, and forget them."""
        with self._errors_lock:
            errors, self.errors = self.errors, []
        return errors

    # -- answering ------------------------------------------------------------------------------

    def dispatch(self, request, connection=None):
        """The answer to one request (None: close without one): journaled, faults and read-only mode applied."""
        began = time.perf_counter() if self.log is not None else 0.0
        entry = self.journal.record(request)
        fault, cancelled = self.faults.take(request.method, entry.path)
        stub = self.stubs.take(request.method, request.target)  # the scenario's own answer (mockserver/controls/stubs.py)
        answer = self._answer if stub is None else functools.partial(self._answer, stub=stub)
        wait = None  # made when something waits: it ends early if the client hangs up
        if client_gone(connection):  # the client left after sending this: no one would read the answer
            wait = self._waits.bound(cancelled, connection)
            wait.client_left, reply = True, None
        elif fault is None:
            if stub is not None:
                entry.fault = "custom"
            reply = answer(request)
        else:  # a fault shapes the answer (a custom one too): the journal names the fault
            entry.fault = fault.kind
            wait = self._waits.bound(cancelled, connection)
            reply = answer_with_fault(fault, wait, request, answer, connection)
        if reply is not None:
            entry.status, entry.routed, entry.cut_off = reply.status, reply.routed, reply.cut_off
            if reply.delay > 0.002:  # json-server's `?_delay=`
                wait = wait or self._waits.bound(cancelled, connection)
                if wait.wait(reply.delay):
                    reply = None  # the client left, the scenario ended or the mock is stopping: close, do not answer
        if self.log is not None:
            self._log(request, entry, reply, wait or self._waits.bound(cancelled, connection), began)
        return reply

    def answers_plainly(self):
        """Whether a read is answered by the app alone now: no fault or custom answer planned, no log line."""
        return self.log is None and not self.faults.planned and not self.stubs.planned

    # -- the same read again: a keep-alive client that asks for the very same bytes is answered without dispatch()

    def plain_state(self):
        """What answers a plain read now (the app), or None when something planned may shape an answer (a fault, a
        custom answer, a log line); the transport reads it before dispatch() and hands it to repeatable()."""
        return self.app if self.answers_plainly() else None

    def repeatable(self, request, reply, since):
        """A token to answer the very same read again (answer_again), or None. Only a read with no body, answered
        with nothing planned before it was answered (since: plain_state() then) nor after, by the app that still
        answers, with no delay or cut-off pattern, gets the same answer again: the same data gives the same read
        the same answer. Read before the answer, since a scenario may end and reset() clear the fault that shaped
        it before the answer is written."""
        if (since is None or since is not self.app or request.method not in ("GET", "HEAD") or request.has_body
                or reply.delay > 0.002 or reply.cut_off or not self.answers_plainly()):
            return None
        return (since, *self.journal.template(request, reply.status, reply.routed))

    def stall_for(self, request):
        """How long a request's body is left unread once its head is read (seconds, and the Event that cuts the
        wait short), or None when no stall_upload fault takes it (transport.wire.Service)."""
        if not self.faults.planned:
            return None
        fault, cancelled = self.faults.take(request.method, request.target.partition("?")[0], HEAD_KINDS)
        return None if fault is None else (fault.seconds or self.request_deadline, cancelled)

    def answer_again(self, token, received):
        """Whether the read of token may be answered as before now (the same app, still nothing planned); if so, it
        is journaled as received at `received` (time.monotonic())."""
        app, template, size = token
        # answers_plainly(), written out: this is the path of a client asking again and again
        if app is not self.app or self.log is not None or self.faults.planned or self.stubs.planned:
            return False
        self.journal.record_again(template, size, received)
        return True

    def _log(self, request, entry, reply, wait, began):
        """One line for the request, as json-server's logger (morgan's "dev" format) writes it, and why if unanswered."""
        millis = (time.perf_counter() - began) * 1000
        if reply is None:
            why = ("the client hung up" if wait.client_left else "cut short by a reset or stop" if wait.is_set()
                   else f"the {entry.fault.replace('_', '-')} fault")
            status, length, note = "-", "-", f" (no answer: {why})"
        else:
            length = next((value for name, value in reply.headers if name.lower() == "content-length"), "-")
            status, note = reply.status, f" (the {entry.fault.replace('_', '-')} fault)" if entry.fault else ""
        self.log(f"{request.method} {request.target} {status} {millis:.3f} ms - {length}{note}")

    def _answer(self, request, stub=None):
        """The API's answer to one request (or the custom one), read-only mode applied, mock bugs turned into 500s."""
        try:
            if self.read_only and request.method in WRITE_METHODS:
                return self.app.refuse_write(request)
            if stub is not None:
                return reply_for(stub, request, self.app.handle)
            return self.app.handle(request)
        except Exception:  # a bug in the mock must fail the scenario, not vanish on stderr
            self.failed(f"{request.method} {request.target}", traceback.format_exc())
            body = b"mock server error (the scenario that sent this request reports it)"
            return Reply(500, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))], body)
