"""Steps for the mock's own lifecycle and defaults: a mock of the scenario's own, stopping, threads, ports."""

import collections
import json
import threading
import time

import rawhttp
from behave import fixture, given, then, use_fixture, when
from hamcrest import assert_that, contains_string, empty, equal_to, instance_of, less_than, starts_with

from mockserver import MockServer
from mockserver.__main__ import parse_args
from mockserver.server import STOP_TIMEOUT


@fixture
def own_mock(context):
    """A mock for this scenario alone (so it may be stopped); stopped after it in any case."""
    context.own = MockServer().start()
    try:
        yield context.own
    finally:
        context.own.stop()


@given("a mock of my own")
def a_mock_of_my_own(context):
    """Start a mock that only this scenario uses, on loopback and a free port."""
    use_fixture(own_mock, context)


@given("a mock of my own that fails while answering")
def a_failing_mock(context):
    """A mock whose engine raises a Python error on every request (a stand-in for a bug in the mock)."""
    use_fixture(own_mock, context)

    def broken(request):
        """Fail as a bug would."""
        raise KeyError("a bug in the mock")
    context.own.engine.handle = broken


@given("a client has sent half a request to it and gone silent")
def silent_client_on_own(context):
    """A connection to the scenario's own mock that sends the start of a request and then nothing."""
    context.silent = rawhttp.connect(context.own.port)
    context.add_cleanup(context.silent.close)
    context.silent.sendall(b"GET /users HTTP/1.1\r\nHost: 127.0.0.1\r\n")


@when("a client reads user 1 from it")
def read_from_own(context):
    """A raw GET of user 1 from the scenario's own mock."""
    context.raw_answer = rawhttp.send(context.own.port, rawhttp.get("/users/1", context.own.port))


@when("I stop my mock")
def stop_own(context):
    """Stop the scenario's own mock, timing how long stop() takes."""
    began = time.perf_counter()
    context.own.stop()
    context.stop_seconds = time.perf_counter() - began


@then("it stopped without waiting out a timeout")
def stopped_at_once(context):
    """stop() returned before its join timeout: nothing it waited for was stuck."""
    assert_that(context.stop_seconds, less_than(STOP_TIMEOUT), "seconds stop() took")


@then("the silent client finds its connection closed")
def silent_client_closed(context):
    """The silent client sees the end of its connection (it waits up to rawhttp.TIMEOUT for it)."""
    assert_that(rawhttp.closes(context.silent), equal_to(True), "the silent client's connection closed")


@then("none of its threads is still running")
def no_thread_survives(context):
    """No thread of that mock (named mock-PORT...) is alive."""
    prefix = f"mock-{context.own.port}"
    alive = [t.name for t in threading.enumerate() if t.name.startswith(prefix)]
    assert_that(alive, empty(), f"threads of the mock on port {context.own.port}")


@then("a new mock can listen on its port at once")
def port_free_again(context):
    """A new mock binds the very port the stopped one used, and serves there."""
    with MockServer(port=context.own.port) as again:
        answer = rawhttp.send(again.port, rawhttp.get("/users/1", again.port))
    assert_that(json.loads(answer.body or b"null").get("id"), equal_to(1), f"user 1 from the new mock: {answer}")


@then("it listens on the loopback address only, as the command line does unless told otherwise")
def loopback_only(context):
    """The mock's socket is bound to 127.0.0.1, not every interface; so is the CLI's by default."""
    assert_that(context.own.host, equal_to("127.0.0.1"), "the address the mock's socket is bound to")
    assert_that(parse_args([]).host, equal_to("127.0.0.1"), "python -m mockserver's default --host")


@then("the client is told the mock failed, with no traceback")
def told_mock_failed(context):
    """A plain-text 500 that says the mock failed and shows none of its Python."""
    answer = context.raw_answer
    assert_that(answer.status, equal_to(500), f"the status of {answer}")
    assert_that(answer.body.decode("utf-8"), starts_with("mock server error"), f"the body of {answer}")


@then("the traceback is kept for the scenario's report")
def traceback_kept(context):
    """The mock recorded the Python traceback, for the after-scenario hook to report."""
    errors = context.own.take_errors()
    assert_that([e.split("\n")[0] for e in errors], equal_to(["GET /users/1"]), "the failures the mock recorded")
    assert_that(errors[0], starts_with("GET /users/1\nTraceback (most recent call last)"), "the recorded failure")


# -- lifecycle races (issue 11, item 9): stop() from many threads, start() twice or after stop() ---------------


@given("a mock of my own that has been stopped")
def a_stopped_mock(context):
    """Start a mock of the scenario's own, then stop it."""
    use_fixture(own_mock, context)
    context.own.stop()


@when("I start it again")
def start_again(context):
    """Call start() on the scenario's own mock once more; keep the error it raises, if any."""
    context.start_error = None
    try:
        context.own.start()
    except Exception as error:  # noqa: BLE001 - the Then steps judge whatever was raised
        context.start_error = error


@when("{mocks:d} mocks are each stopped by {threads:d} threads at once")
def stop_from_many_threads(context, mocks, threads):
    """For each of the mocks: start it, then call stop() from that many threads released together."""
    context.stop_errors, context.stopped_ports = [], []
    for _ in range(mocks):
        mock = use_fixture(own_mock, context)
        context.stopped_ports.append(mock.port)
        context.stop_errors += _stop_at_once(mock, threads)


@then("every stop returned without an error")
def stops_without_error(context):
    """No stop() call raised, and every one returned within its join timeout."""
    assert_that(dict(collections.Counter(context.stop_errors)), equal_to({}),
                f"what went wrong in stop() (and how often) on {len(context.stopped_ports)} mocks")


@then("no thread of those mocks is still running")
def no_thread_of_those(context):
    """No thread named after the port of any of those mocks is alive."""
    prefixes = tuple(f"mock-{port}" for port in context.stopped_ports)
    alive = [t.name for t in threading.enumerate() if t.name.startswith(prefixes)]
    assert_that(alive, empty(), "threads of the stopped mocks")


@then("I am told it has stopped and cannot start again")
def told_stopped(context):
    """start() raised RuntimeError saying the mock was stopped and a new one is needed."""
    assert_that(context.start_error, instance_of(RuntimeError), "what start() raised on a stopped mock")
    assert_that(str(context.start_error), contains_string("has been stopped and cannot start again: make a new"),
                "the message")


@then("I am told it is serving already")
def told_serving(context):
    """start() raised RuntimeError saying the mock is already serving."""
    assert_that(context.start_error, instance_of(RuntimeError), "what start() raised on a serving mock")
    assert_that(str(context.start_error), contains_string("is already serving"), "the message")


@then("it has one thread accepting connections")
def one_accept_thread(context):
    """Exactly one thread is named as the mock's accept loop (mock-PORT)."""
    accepting = [t.name for t in threading.enumerate() if t.name == f"mock-{context.own.port}"]
    assert_that(accepting, equal_to([f"mock-{context.own.port}"]), "the mock's accept-loop threads")


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
