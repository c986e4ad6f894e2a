"""Steps for clients that hang up while their answer waits (json-server's `_delay`, the delay fault)."""

import threading
import time

import rawhttp
from behave import fixture, then, use_fixture, when
from hamcrest import assert_that, equal_to

ARRIVAL_DEADLINE = 5.0  # seconds for the clients' requests to reach the mock (far more than they need)


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


@then("within {seconds:g} second the mock has no thread left for them")
@then("within {seconds:g} seconds the mock has no thread left for them")
def no_thread_left(context, seconds):
    """Every thread that served those clients has ended within the time given after they hung up."""
    deadline = context.hung_up_at + seconds
    for thread in context.their_threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    alive = sum(thread.is_alive() for thread in context.their_threads)
    assert_that(alive, equal_to(0), f"threads of the mock's {len(context.their_threads)} for the "
                f"{len(context.waiting)} clients still running {seconds:g} s after they hung up")


def _hang_up(context, count, path):
    """Send count requests for path, wait until the mock holds all of them, note its threads, then hang up."""
    before = set(_connection_threads(context.mock))
    use_fixture(waiting_clients, context, count, path)
    deadline = time.monotonic() + ARRIVAL_DEADLINE
    while len(context.mock.journal.entries()) < count and time.monotonic() < deadline:
        time.sleep(0.005)  # polling the journal for the requests to arrive, with a deadline: no race hidden
    arrived = len(context.mock.journal.entries())
    assert_that(arrived, equal_to(count), f"requests that reached the mock within {ARRIVAL_DEADLINE:g} s")
    context.their_threads = [t for t in _connection_threads(context.mock) if t not in before]
    assert_that(len(context.their_threads), equal_to(count), "threads the mock started for the clients")
    for sock in context.waiting:
        sock.close()
    context.hung_up_at = time.monotonic()


def _connection_threads(mock):
    """The threads serving connections of that mock now."""
    return [t for t in threading.enumerate() if t.name == f"mock-{mock.port}-connection"]
