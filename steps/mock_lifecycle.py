"""Steps for the mock's own lifecycle and defaults: a mock of the scenario's own, stopping, threads, ports."""

import collections
import json
import threading
import time

from steps.support.wire import rawhttp
from behave import fixture, given, then, use_fixture, when
from hamcrest import all_of, assert_that, contains_string, empty, instance_of, less_than, starts_with
from steps.support.judging import ANSWER, OWN_MOCK, STOPPING, Reading, judges
from steps.support.matching.matchers import equals, shows_no_python
from steps.support.outcome import Measured, Via, heard, record

from mockserver import MockServer
from mockserver.__main__ import parse_args
from mockserver.server import STOP_TIMEOUT
from steps.support.selection import mock_only

MY_MOCK = "a mock of my own is a mock, never the live API"  # on the live API: skipped, saying so

SILENT_ON_OWN = Reading("the client left silent on the scenario's own mock",
                        "'Given a client has sent half a request to it and gone silent' (any When)",
                        lambda context, came: getattr(context, "silent_on_own", None))


@fixture
def own_mock(context):
    """A mock for this scenario alone (so it may be stopped); stopped after it in any case."""
    context.own = MockServer().start()
    try:
        yield context.own
    finally:
        context.own.stop()


@given("a mock of my own")
@mock_only(MY_MOCK)
def a_mock_of_my_own(context):
    """Start a mock that only this scenario uses, on loopback and a free port."""
    use_fixture(own_mock, context)


@given("a mock of my own that fails while answering")
@mock_only(MY_MOCK)
def a_failing_mock(context):
    """A mock whose engine raises a Python error on every request (a stand-in for a bug in the mock)."""
    use_fixture(own_mock, context)

    def broken(request):
        """Fail as a bug would."""
        raise KeyError("a bug in the mock")
    context.own.app.handle = broken


@given("a mock of my own that fails while reading requests")
@mock_only(MY_MOCK)
def a_mock_failing_to_read(context):
    """A mock whose transport raises a Python error once a request's head is read (a stand-in for a bug in it)."""
    use_fixture(own_mock, context)

    def broken(request):
        """Fail as a bug would."""
        raise KeyError("a bug in the mock's transport")
    context.own.stall_for = broken


@given("a client has sent half a request to it and gone silent")
@mock_only(MY_MOCK)
def silent_client_on_own(context):
    """A connection to the scenario's own mock that sends the start of a request and then nothing."""
    own = OWN_MOCK(context)
    context.silent_on_own = rawhttp.connect(own.port)
    context.add_cleanup(context.silent_on_own.close)
    context.silent_on_own.sendall(b"GET /users HTTP/1.1\r\nHost: 127.0.0.1\r\n")


@when("a client reads user 1 from it")
def read_from_own(context):
    """A raw GET of user 1 from the scenario's own mock."""
    own, started = OWN_MOCK(context), time.monotonic()
    request = rawhttp.get("/users/1", own.port)
    heard(context, started, port=own.port, sent=request, answer=rawhttp.send(own.port, request))


@when("a client offers a new user to it")
def send_user_to_own(context):
    """A raw POST of a small user to the scenario's own mock."""
    own, started = OWN_MOCK(context), time.monotonic()
    body = b'{"name": "Jane Doe"}'
    request = (f"POST /users HTTP/1.1\r\nHost: 127.0.0.1:{own.port}\r\nContent-Type: application/json\r\n"
               f"Content-Length: {len(body)}\r\n\r\n").encode("ascii") + body
    heard(context, started, port=own.port, sent=request, answer=rawhttp.send(own.port, request))


@when("I stop my mock")
def stop_own(context):
    """Stop the scenario's own mock, timing how long stop() takes."""
    own, began = OWN_MOCK(context), time.monotonic()
    own.stop()
    record(context, via=Via.MOCK_ITSELF, where=f"the mock at {own.base_url}", elapsed=time.monotonic() - began,
           measured=Measured(stopped=True))


@then("it stopped without waiting out a timeout")
@judges(STOPPING)
def stopped_at_once(context):
    """stop() returned before its join timeout: nothing it waited for was stuck."""
    assert_that(STOPPING(context).elapsed, less_than(STOP_TIMEOUT), "seconds stop() took")


@then("the silent client finds its connection closed")
@judges(SILENT_ON_OWN)
def silent_client_closed(context):
    """The silent client sees the end of its connection (it waits up to rawhttp.TIMEOUT for it)."""
    assert_that(rawhttp.closes(SILENT_ON_OWN(context)), equals(True), "the silent client's connection closed")


@then("none of its threads is still running")
@judges(OWN_MOCK)
def no_thread_survives(context):
    """No thread of the scenario's own mock (named mock-PORT...) is alive."""
    port = OWN_MOCK(context).port
    alive = [t.name for t in threading.enumerate() if t.name.startswith(f"mock-{port}")]
    assert_that(alive, empty(), f"threads of the mock on port {port}")


@then("a new mock can listen on its port at once")
@judges(STOPPING)
def port_free_again(context):
    """After 'When I stop my mock', a new mock binds the very port the stopped one used, and serves there."""
    STOPPING(context)
    with MockServer(port=OWN_MOCK(context).port) as again:
        answer = rawhttp.send(again.port, rawhttp.get("/users/1", again.port))
    assert_that(json.loads(answer.body or b"null").get("id"), equals(1), f"user 1 from the new mock: {answer}")


@then("it listens on the loopback address only, as the command line does unless told otherwise")
@judges(OWN_MOCK)
def loopback_only(context):
    """The scenario's own mock's socket is bound to 127.0.0.1, not every interface; so is the CLI's by default."""
    assert_that(OWN_MOCK(context).host, equals("127.0.0.1"), "the address the mock's socket is bound to")
    assert_that(parse_args([]).host, equals("127.0.0.1"), "python -m mockserver's default --host")


@then("the client is told the mock failed, with no traceback")
@judges(ANSWER)
def told_mock_failed(context):
    """A plain-text 500 that says the mock failed, and shows no Python traceback."""
    came = ANSWER(context)
    assert_that(came.status, equals(500), f"the status of the answer: {came.said()}")
    assert_that(came.text, all_of(starts_with("mock server error"), shows_no_python()), "the body of the answer")


@then("the traceback is kept for the scenario's report")
@judges(OWN_MOCK)
def traceback_kept(context):
    """The scenario's own mock recorded the Python traceback of GET /users/1, for the after-scenario hook to report."""
    errors = OWN_MOCK(context).take_errors()
    assert_that([e.split("\n")[0] for e in errors], equals(["GET /users/1"]), "the failures the mock recorded")
    assert_that(errors[0], starts_with("GET /users/1\nTraceback (most recent call last)"), "the recorded failure")


@then("the failure while reading is kept for the scenario's report")
@judges(OWN_MOCK)
def reading_failure_kept(context):
    """The scenario's own mock recorded the Python traceback of reading the request, not a 400 for the client."""
    errors = OWN_MOCK(context).take_errors()
    assert_that([e.split("\n")[0] for e in errors], equals(["reading a request"]), "the failures the mock recorded")
    assert_that(errors[0], all_of(starts_with("reading a request\nTraceback (most recent call last)"),
                                  contains_string("KeyError")), "the recorded failure")


# -- lifecycle races: stop() from many threads, start() twice or after stop() ---------------

STARTED_AGAIN = Reading("what start() did on the scenario's own mock", "'When I start it again'",
                        lambda context, came: came if came.measured.started_again else None)
STOP_RACE = Reading("what stopping mocks from many threads at once did", "'When N mocks are each stopped by T threads "
                    "at once'", lambda context, came: came if came.measured.stop_errors is not None else None)


@given("a mock of my own that has been stopped")
@mock_only(MY_MOCK)
def a_stopped_mock(context):
    """Start a mock of the scenario's own, then stop it."""
    use_fixture(own_mock, context)
    context.own.stop()


@when("I start it again")
def start_again(context):
    """Call start() on the scenario's own mock once more; keep the error it raises, if any."""
    own, raised = OWN_MOCK(context), None
    try:
        own.start()
    except Exception as error:  # noqa: BLE001 - the Then steps judge whatever was raised
        raised = error
    said = f"start() raised {type(raised).__name__}: {raised}" if raised else "start() returned"
    record(context, via=Via.MOCK_ITSELF, where=f"the mock at {own.base_url}",
           measured=Measured(started_again=True, start_raised=raised, said=said))


@when("{mocks:d} mocks are each stopped by {threads:d} threads at once")
def stop_from_many_threads(context, mocks, threads):
    """For each of the mocks: start it, then call stop() from that many threads released together."""
    errors, ports, began = [], [], time.monotonic()
    for _ in range(mocks):
        mock = use_fixture(own_mock, context)
        ports.append(mock.port)
        errors += _stop_at_once(mock, threads)
    record(context, via=Via.MOCK_ITSELF, elapsed=time.monotonic() - began,
           measured=Measured(stop_errors=tuple(errors), stopped_ports=tuple(ports),
                             said=f"stopped {mocks} mocks from {threads} threads each, with {len(errors)} errors"))


@then("every stop returned without an error")
@judges(STOP_RACE)
def stops_without_error(context):
    """No stop() call raised, and every one returned within its join timeout."""
    measured = STOP_RACE(context).measured
    assert_that(dict(collections.Counter(measured.stop_errors)), equals({}),
                f"what went wrong in stop() (and how often) on {len(measured.stopped_ports)} mocks")


@then("no thread of those mocks is still running")
@judges(STOP_RACE)
def no_thread_of_those(context):
    """No thread named after the port of any of those mocks is alive."""
    prefixes = tuple(f"mock-{port}" for port in STOP_RACE(context).measured.stopped_ports)
    alive = [t.name for t in threading.enumerate() if t.name.startswith(prefixes)]
    assert_that(alive, empty(), "threads of the stopped mocks")


@then("I am told it has stopped and cannot start again")
@judges(STARTED_AGAIN)
def told_stopped(context):
    """start() raised RuntimeError saying the mock was stopped and a new one is needed."""
    raised = STARTED_AGAIN(context).measured.start_raised
    assert_that(raised, instance_of(RuntimeError), "what start() raised on a stopped mock")
    assert_that(str(raised), contains_string("has been stopped and cannot start again: make a new"), "the message of what start() raised")


@then("I am told it is serving already")
@judges(STARTED_AGAIN)
def told_serving(context):
    """start() raised RuntimeError saying the mock is already serving."""
    raised = STARTED_AGAIN(context).measured.start_raised
    assert_that(raised, instance_of(RuntimeError), "what start() raised on a serving mock")
    assert_that(str(raised), contains_string("is already serving"), "the message of what start() raised")


@then("it has one thread accepting connections")
@judges(OWN_MOCK)
def one_accept_thread(context):
    """Exactly one thread is named as the scenario's own mock's accept loop (mock-PORT)."""
    port = OWN_MOCK(context).port
    accepting = [t.name for t in threading.enumerate() if t.name == f"mock-{port}"]
    assert_that(accepting, equals([f"mock-{port}"]), "the mock's accept-loop threads")


def _stop_at_once(mock, threads):
    """Call mock.stop() from that many threads released by one barrier; the errors, as sentences."""
    barrier, errors = threading.Barrier(threads), []

    def stop():
        """Wait for the others, then stop the mock; note what goes wrong."""
        barrier.wait(STOP_TIMEOUT)
        try:
            mock.stop()
        except Exception as error:  # noqa: BLE001 - any error is what the scenario reports
            errors.append(f"{type(error).__name__}: {error}")

    workers = [threading.Thread(target=stop, name="stopper") for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(STOP_TIMEOUT * 2)
    return errors + [f"a stop() still running after {STOP_TIMEOUT * 2:g} s"] * sum(w.is_alive() for w in workers)
