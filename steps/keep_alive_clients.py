"""Steps for a client that keeps its connection open and asks for the same thing again, as a polling app does."""

import time

from behave import fixture, given, then, use_fixture, when
from hamcrest import assert_that

from steps.support import failures  # noqa: F401  (registers the {failure:Failure} field)
from steps.support.wire import rawhttp
from steps.support.judging import RAW_ANSWER, judges
from steps.support.matching.matchers import equals
from steps.support.outcome import heard


@fixture
def kept_connection(context):
    """A keep-alive connection to the feature's mock, closed after the scenario."""
    context.kept_connection = rawhttp.connect(context.mock.port)
    try:
        yield context.kept_connection
    finally:
        context.kept_connection.close()


@given("a client keeps its connection open after asking for user {user_id:d}")
def client_keeps_connection(context, user_id):
    """One read on a keep-alive connection that stays open; it must have been answered 200."""
    sock = use_fixture(kept_connection, context)
    sock.sendall(rawhttp.get(f"/users/{user_id}", context.mock.port))
    answer = rawhttp.read_answer(sock)
    assert_that((answer.status, answer.closed), equals((200, False)), f"the first answer to user {user_id}: {answer}")


@when("the client asks for user {user_id:d} again on that connection")
def client_asks_again(context, user_id):
    """The very same bytes again on the kept connection; its answer kept for the Thens."""
    sock = getattr(context, "kept_connection", None)
    assert sock is not None, "no connection is kept open: start with 'Given a client keeps its connection open ...'"
    started, request = time.monotonic(), rawhttp.get(f"/users/{user_id}", context.mock.port)
    sock.sendall(request)
    heard(context, started, port=context.mock.port, sent=request, answer=rawhttp.read_answer(sock))


@when("a client asks for user {user_id:d} {times:d} times on one connection")
def client_asks_many_times(context, user_id, times):
    """The same read `times` times on one keep-alive connection; the last answer kept, every one required alike."""
    started, request = time.monotonic(), rawhttp.get(f"/users/{user_id}", context.mock.port)
    with rawhttp.connect(context.mock.port) as sock:
        answers = []
        for _ in range(times):
            sock.sendall(request)
            answers.append(rawhttp.read_answer(sock))
    different = {(a.status, a.body) for a in answers}
    assert_that(len(different), equals(1), f"the {times} answers to the same read were alike: {answers}")
    heard(context, started, port=context.mock.port, sent=request, answer=answers[-1])


@then("the client is told the service failed with {failure:Failure}")
@judges(RAW_ANSWER)
def client_told_failed(context, failure):
    """The raw client's answer has the failure's status (500 for an internal error...)."""
    came = RAW_ANSWER(context)
    assert_that(came.status, equals(failure), f"the status the client was answered: {came.said()}")
