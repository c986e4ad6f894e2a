"""Steps for a client that keeps its connection open and asks for the same thing again, as a polling app does."""

import time
from email.utils import parsedate_to_datetime

from behave import fixture, given, then, use_fixture, when
from hamcrest import assert_that, empty

from steps.support import failures  # noqa: F401  (registers the {failure:Failure} field)
from steps.support.wire import rawhttp
from steps.support.judging import RAW_ANSWER, Reading, judges
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


# How long a client asks again at most, how many reads it sends once the clock's second has turned, and how long
# before the turn it begins: its reads take some milliseconds around the turn, not a second
TURN_SECONDS, READS_AFTER_TURN, AHEAD = 2.0, 20, 0.01
DATED = Reading("the Date of each answer to a read asked again", "'When a client asks for user N again and again on "
                "one connection until the clock's second turns'", lambda context, came: came.dated or None)


@when("a client asks for user {user_id:d} again and again on one connection until the clock's second turns")
def client_asks_until_second_turns(context, user_id):
    """The same read again on one connection across a turn of the second; each answer kept with its times."""
    request = rawhttp.get(f"/users/{user_id}", context.mock.port)
    time.sleep((-AHEAD - time.time()) % 1.0)  # the client is idle until the reads begin, with no connection open
    started, dated, after_turn, sent = time.monotonic(), [], 0, time.time()
    try:
        with rawhttp.connect(context.mock.port) as sock:
            while after_turn < READS_AFTER_TURN and time.monotonic() - started < TURN_SECONDS:
                sent = time.time()
                sock.sendall(request)
                dated.append((sent, rawhttp.read_answer(sock), time.time()))
                after_turn += int(sent) > int(dated[0][2])
    except OSError:  # the mock closed the connection: the reads answered so far, then the connection closed
        dated.append((sent, rawhttp.RawAnswer(closed=True), time.time()))
    heard(context, started, port=context.mock.port, sent=request, answer=dated[-1][1], dated=tuple(dated))


@then("every answer is dated the second it was given")
@judges(DATED)
def every_answer_dated(context):
    """Each answer's Date lies between the seconds its read was sent and answered in; the reads spanned a turn."""
    dated = DATED(context)
    wrong = [f"sent at {sent:.3f}, answered at {got:.3f}: "
             + (f"Date {answer.headers.get('date')!r}" if answer.status is not None else "the connection closed")
             for sent, answer, got in dated if not int(sent) <= _date_of(answer) <= int(got)]
    assert_that(wrong[:3], empty(), f"the Dates of {len(dated)} answers to the same read asked again "
                                    f"({len(wrong)} wrong, the first 3 shown)")
    assert_that(int(dated[-1][0]) > int(dated[0][2]), equals(True),
                f"the reads spanned a turn of the clock's second ({len(dated)} reads)")


def _date_of(answer):
    """The answer's Date header as seconds since the epoch (-1 when it has none or it cannot be read)."""
    try:
        return parsedate_to_datetime(answer.headers["date"]).timestamp()
    except (KeyError, TypeError, ValueError):
        return -1


@then("the client is told the service failed with {failure:Failure}")
@judges(RAW_ANSWER)
def client_told_failed(context, failure):
    """The raw client's answer has the failure's status (500 for an internal error...)."""
    came = RAW_ANSWER(context)
    assert_that(came.status, equals(failure), f"the status the client was answered: {came.said()}")
