"""Steps for clients that hang up while their answer waits (json-server's `_delay`, the delay fault)."""

import threading
import time

from steps.support import parse_types  # noqa: F401  (registers the {seconds:Duration} field)
from steps.support.wire import rawhttp
from behave import fixture, then, use_fixture, when
from hamcrest import assert_that
from steps.support.judging import Reading, judges
from steps.support.matching.matchers import equals
from steps.support.outcome import Measured, Via, record

ARRIVAL_DEADLINE = 5.0  # seconds for the clients' requests to reach the mock (far more than they need)
HUNG_UP = Reading("the mock's threads for clients that hung up while their answer waited",
                  "'When N clients ask for every user ... and hang up before the answer'",
                  lambda context, came: came if came.measured.their_threads is not None else None)


@fixture
def waiting_clients(context, count, path):
    """Connections that each sent a GET for path; closed after the scenario whatever happens."""
    context.waiting = [rawhttp.connect(context.mock.port) for _ in range(count)]
    try:
        for sock in context.waiting:
            sock.sendall(rawhttp.get(path, context.mock.port))
        yield context.waiting
    finally:
        for sock in context.waiting:
            sock.close()


@when("{count:d} clients ask for every user, delayed by {millis:d} ms, and hang up before the answer")
def hang_up_during_delay(context, count, millis):
    """Clients ask for /users?_delay=<millis> (json-server's delay), then close their connections."""
    _hang_up(context, count, f"/users?_delay={millis}")


@when("{count:d} clients ask for every user and hang up before the answer")
def hang_up_during_fault(context, count):
    """Clients ask for /users (which a planned delay holds up), then close their connections."""
    _hang_up(context, count, "/users")


@then("within {seconds:Duration} the mock has no thread left for them")
@judges(HUNG_UP)
def no_thread_left(context, seconds):
    """Every thread that served those clients has ended within the time given after they hung up."""
    measured = HUNG_UP(context).measured
    threads, deadline = measured.their_threads, measured.hung_up_at + seconds
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    alive = sum(thread.is_alive() for thread in threads)
    assert_that(alive, equals(0), f"threads of the mock's {len(threads)} for the clients still running "
                f"{seconds:g} s after they hung up")


def _hang_up(context, count, path):
    """Send count requests for path, wait until the mock holds all of them, note its threads, then hang up."""
    before = set(_connection_threads(context.mock))
    use_fixture(waiting_clients, context, count, path)
    deadline = time.monotonic() + ARRIVAL_DEADLINE
    while len(context.mock.journal.entries()) < count and time.monotonic() < deadline:
        time.sleep(0.005)  # polling the journal for the requests to arrive, with a deadline: no race hidden
    arrived = len(context.mock.journal.entries())
    assert_that(arrived, equals(count), f"requests that reached the mock within {ARRIVAL_DEADLINE:g} s")
    theirs = [t for t in _connection_threads(context.mock) if t not in before]
    assert_that(len(theirs), equals(count), "threads the mock started for the clients")
    for sock in context.waiting:
        sock.close()
    record(context, via=Via.HUNG_UP, method="GET", address=path, where=f"the mock at {context.mock.base_url}",
           measured=Measured(their_threads=tuple(theirs), hung_up_at=time.monotonic(),
                             said=f"had {count} clients hang up while their answers waited"))


def _connection_threads(mock):
    """The threads serving connections of that mock now."""
    return [t for t in threading.enumerate() if t.name == f"mock-{mock.port}-connection"]
