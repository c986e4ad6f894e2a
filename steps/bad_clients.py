"""Steps for clients that misbehave: malformed HTTP, half-sent and trickled requests, a crowd at once."""

import json
import resource
import time
import zlib

from steps.support.wire import rawhttp
from behave import fixture, given, then, use_fixture, when
from hamcrest import assert_that, empty, has_entries, is_, less_than, starts_with
from steps.support.judging import ANSWER, CROWD, NOW, OPEN_CONNECTION, RAW_ANSWER, UNANSWERED, Reading, judges
from steps.support.wire.malformed_requests import HOST, JSON_TYPE, MALFORMED
from steps.support.matching.matchers import equals, shows_no_python
from steps.support.outcome import Measured, Via, asked_for, heard
from steps.support.selection import mock_only

MOCK_SETTING = "the live API is not ours to strain or to set limits on"  # on the live API: skipped, saying so

WHAT_CAME = Reading("what came back: an answer, or a connection closed without one", "any When that got an answer "
                    "from the API, or a raw client's When whose connection was closed",
                    lambda context, came: came if came.status is not None or (came.via is Via.RAW_CLIENT and came.closed)
                    else None)
PEAK_BEFORE = Reading("the mock's peak memory before the When, and what came back",
                      "'When a client uploads a user compressed with gzip that inflates to N MB'",
                      lambda context, came: came if came.measured.peak_before is not None else None)

HALF_A_REQUEST = b"GET /users HTTP/1.1\r\n" + HOST
TRICKLED = 50  # bytes a trickling client sends at most (then it gives up waiting for the mock to close)


@fixture
def silent_clients(context, count):
    """Connections that sent half a request and then nothing; closed after the scenario."""
    context.silent_clients = [rawhttp.connect(context.mock.port) for _ in range(count)]
    try:
        for sock in context.silent_clients:
            sock.sendall(HALF_A_REQUEST)
        yield context.silent_clients
    finally:
        for sock in context.silent_clients:
            sock.close()


@fixture
def mock_timeouts(context, idle, deadline):
    """The feature's mock with shorter idle timeout and request deadline, restored after the scenario."""
    saved = context.mock.idle_timeout, context.mock.request_deadline
    context.mock.idle_timeout, context.mock.request_deadline = idle, deadline
    try:
        yield
    finally:
        context.mock.idle_timeout, context.mock.request_deadline = saved


@given("the mock drops a silent client after {idle:Duration}")
@mock_only(MOCK_SETTING)
def short_idle_timeout(context, idle):
    """Shorten the mock's idle timeout (5 seconds, as Node's keep-alive) so the scenario stays quick."""
    use_fixture(mock_timeouts, context, idle, context.mock.request_deadline)


@given("the mock gives a request at most {deadline:Duration} to arrive")
@mock_only(MOCK_SETTING)
def short_request_deadline(context, deadline):
    """Shorten the mock's request deadline (10 seconds) so the scenario stays quick."""
    use_fixture(mock_timeouts, context, 1.0, deadline)


@given("{count:d} clients have sent half a request and gone silent")
@mock_only(MOCK_SETTING)
def clients_go_silent(context, count):
    """Open connections that send the start of a request and then nothing."""
    use_fixture(silent_clients, context, count)


@when("a client sends half a request and goes silent")
def one_client_goes_silent(context):
    """One connection that sends the start of a request and then nothing (left open for the Thens)."""
    started = time.monotonic()
    sock = use_fixture(silent_clients, context, 1)[0]
    heard(context, started, port=context.mock.port, sent=HALF_A_REQUEST, connection=sock)


@when("a client reads user 1 and then keeps the connection open in silence")
def idle_after_answer(context):
    """A keep-alive connection that gets its answer and then sends nothing more (left open for the Thens)."""
    started, sock = time.monotonic(), rawhttp.connect(context.mock.port)
    context.add_cleanup(sock.close)
    request = rawhttp.get("/users/1", context.mock.port)
    sock.sendall(request)
    heard(context, started, port=context.mock.port, sent=request, answer=rawhttp.read_answer(sock), connection=sock)


@when("a client sends {malformed}")
def send_malformed(context, malformed):
    """Send the bytes the sentence names (see MALFORMED) on a fresh connection; keep the answer."""
    if malformed not in MALFORMED:
        raise AssertionError(f'"a client sends {malformed}": I know no such request; I know: {", ".join(MALFORMED)}')
    data = MALFORMED[malformed]
    words = data.split(b"\r\n", 1)[0].split(b" ")
    if len(words) == 3:  # an address the scenario names itself: an unrouted answer is its point
        asked_for(context, words[0].decode("latin-1"), words[1].decode("latin-1"))
    started = time.monotonic()
    heard(context, started, port=context.mock.port, sent=data, answer=rawhttp.send(context.mock.port, data))


@when("a client offers a new user, waiting to be told to go on before it sends the body")
def send_after_continue(context):
    """Send the head with Expect: 100-continue, and the body only once the mock says to go on (or a second passes)."""
    head = b"POST /users HTTP/1.1\r\n" + HOST + JSON_TYPE + b"Content-Length: 15\r\nExpect: 100-continue\r\n\r\n"
    started = time.monotonic()
    told, answer = rawhttp.send_after_continue(context.mock.port, head, b'{"name": "Ann"}')
    heard(context, started, port=context.mock.port, sent=head, answer=answer, interim=(100,) if told else ())


@when("a client asks for every user, expecting something no server can do")
def send_unmeetable_expectation(context):
    """A GET with an Expect header other than 100-continue."""
    request, started = b"GET /users HTTP/1.1\r\n" + HOST + b"Expect: magic\r\n\r\n", time.monotonic()
    heard(context, started, port=context.mock.port, sent=request, answer=rawhttp.send(context.mock.port, request))


@when("a client uploads a user compressed with gzip that inflates to {megabytes:d} MB")
def send_gzip_bomb(context, megabytes):
    """A small gzip body of zeros that inflates to that many mebibytes; the process's peak memory noted first."""
    packer, megabyte = zlib.compressobj(1, zlib.DEFLATED, 31), bytes(1 << 20)
    body = b"".join(packer.compress(megabyte) for _ in range(megabytes)) + packer.flush()
    head = b"POST /users HTTP/1.1\r\n" + HOST + JSON_TYPE + b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n"
    peak_before, started = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.monotonic()
    answer = rawhttp.send(context.mock.port, head % len(body) + body)
    heard(context, started, port=context.mock.port, sent=head, answer=answer, measured=Measured(peak_before=peak_before))


@when('a client asks for "{target}" exactly as written')
def ask_raw(context, target):
    """Send a GET for the target byte for byte (no client library tidies the path); the time it took kept."""
    asked_for(context, "GET", target)
    started, request = time.monotonic(), rawhttp.get(target, context.mock.port)
    heard(context, started, port=context.mock.port, sent=request, answer=rawhttp.send(context.mock.port, request))


@when('a client asks for the users with {count:d} query parts like "{part}"')
def ask_hard_query(context, count, part):
    """A GET of /users whose query repeats the part count times ({i} in it, if any, numbered 0, 1, 2...)."""
    request = rawhttp.get("/users?" + "&".join(part.replace("{i}", str(i)) for i in range(count)), context.mock.port)
    started = time.monotonic()
    heard(context, started, port=context.mock.port, sent=request, answer=rawhttp.send(context.mock.port, request))


@when("a client trickles in a request one byte every {pause:Duration}")
def trickle_request(context, pause):
    """Send a request so slowly that no read ever times out; note whether the mock closed it (50 bytes at most)."""
    started, start = time.monotonic(), b"GET /users?q="
    with rawhttp.connect(context.mock.port) as sock:
        closed = rawhttp.trickle(sock, start, TRICKLED, pause)
    heard(context, started, port=context.mock.port, sent=start, closed=closed)


@when("{clients:d} clients each ask for user 1 and for every user {rounds:d} times at once")
def crowd(context, clients, rounds):
    """Many keep-alive clients on their own threads, all at once; every answer kept."""
    started = time.monotonic()
    answers = rawhttp.hammer(context.mock.port, ("/users/1", "/users"), clients, rounds)
    heard(context, started, port=context.mock.port, answers=tuple(answers))


@then("it is turned away as a bad request")
@judges(RAW_ANSWER)
def turned_away(context):
    """Node's own refusal: 400 with no body, and the connection closed."""
    _assert_refused(RAW_ANSWER(context), 400)


@then("it is told its request is too large")
@judges(RAW_ANSWER)
def told_too_large(context):
    """Node's own refusal of over 16 KB of request line and headers: 431 with no body, the connection closed."""
    _assert_refused(RAW_ANSWER(context), 431)


@then("it is told the API failed with a {error_name}")
@judges(ANSWER)
def told_api_failed(context, error_name):
    """A 500 whose body starts with the JavaScript error the live API reports."""
    came = ANSWER(context)
    assert_that(came.status, equals(500), f"the status of the answer: {came.said()}")
    assert_that(came.text, starts_with(f"{error_name}: "), "the body of the answer")


@then("it is answered with every user")
@judges(RAW_ANSWER)
def answered_every_user(context):
    """200 with the list of all ten users, as a well-formed request gets."""
    came = RAW_ANSWER(context)
    users = came.records if came.status == 200 and isinstance(came.records, list) else []
    assert_that([user.get("id") for user in users], equals(list(range(1, 11))), f"the users in the answer: {came.said()}")


@then("it is hung up on without an answer")
@judges(UNANSWERED)
def hung_up_on(context):
    """The connection closed and not a byte came back (Node's server has no handler for it)."""
    came = UNANSWERED(context)
    assert_that(came.closed, is_(True), f"the connection was closed: it {came.said()}")


@then("it was told to go on before it sent the body")
@judges(RAW_ANSWER)
def told_to_go_on(context):
    """The mock's `HTTP/1.1 100 Continue` came while the client was still holding the body back."""
    assert_that(RAW_ANSWER(context).interim, equals((100,)), "interim answers before the body was sent")


@then("the user is created")
@judges(RAW_ANSWER)
def user_created(context):
    """201 with the new user's id (11) and the name that was sent."""
    came = RAW_ANSWER(context)
    created = came.records if came.status == 201 else None
    assert_that(created, equals({"name": "Ann", "id": 11}), f"the answer: {came.said()}")


@then("it is told the expectation cannot be met")
@judges(RAW_ANSWER)
def told_expectation_failed(context):
    """Node's own 417 Expectation Failed: no body, and the connection kept open for the next request."""
    came = RAW_ANSWER(context)
    assert_that((came.status, came.text, came.headers.get("connection")), equals((417, "", "keep-alive")),
                f"status, body and Connection of the answer: {came.said()}")


@then("the answer carries no header the client smuggled in")
@judges(ANSWER)
def nothing_smuggled(context):
    """No Set-Cookie, and no header value holding what came after the carriage return."""
    came = ANSWER(context)
    assert_that([name for name, value in came.headers.items() if name.lower() == "set-cookie" or "x=1" in value],
                empty(), f"headers of the answer: {came.said()}")


@then("the mock's peak memory grew by less than {megabytes:d} MB")
@judges(PEAK_BEFORE)
def memory_bounded(context, megabytes):
    """ru_maxrss of this process (the mock runs in it) after the request, against before it."""
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - PEAK_BEFORE(context).measured.peak_before) / 1024
    assert_that(grown, less_than(megabytes), "megabytes the peak memory grew by")


@then("it is answered within {seconds:Duration}")
@judges(RAW_ANSWER)
def answered_within(context, seconds):
    """200, and the whole answer came within that long."""
    came = RAW_ANSWER(context)
    assert_that(came.status, equals(200), f"the status of the answer: {came.said()}")
    assert_that(came.elapsed, less_than(seconds), "seconds the answer took")


@then("it took less than {seconds:Duration}")
@judges(RAW_ANSWER)
def took_less_than(context, seconds):
    """The whole answer, whatever it was, came within that long."""
    came = RAW_ANSWER(context)
    assert_that(came.elapsed, less_than(seconds), f"seconds the answer took (it {came.said()})")


@then("it is told there is no such thing")
@judges(ANSWER)
def told_no_such_thing(context):
    """404 with an empty JSON object, the answer for anything the API does not route."""
    came = ANSWER(context)
    assert_that((came.status, came.text), equals((404, "{}")), f"the answer: {came.said()}")


@then("the answer shows no Python traceback")
@judges(WHAT_CAME)
def no_traceback(context):
    """Nothing of the mock's own Python (a traceback, a file and line) leaks into what came back (if anything did)."""
    came = WHAT_CAME(context)
    assert_that(came.text or "", shows_no_python(), f"the body of the answer: {came.said()}")


@then("the mock still serves other clients")
@judges(NOW)
def still_serves(context):
    """A well-formed request on another connection still gets user 1."""
    answer = rawhttp.send(context.mock.port, rawhttp.get("/users/1", context.mock.port))
    assert_that(json.loads(answer.body or b"null"), has_entries(id=1), f"user 1 after the bad client: {answer}")


@then("the mock closes that connection")
@judges(OPEN_CONNECTION)
def closes_silent(context):
    """The server ends the connection the client left open by itself (the client waits up to rawhttp.TIMEOUT)."""
    assert_that(rawhttp.closes(OPEN_CONNECTION(context).connection), is_(True), "the mock closed the connection")


@then("the mock closes the connection before the request is complete")
@judges(UNANSWERED)
def closes_trickle(context):
    """The mock closed the connection, with no answer, before the client had sent its whole request."""
    came = UNANSWERED(context)
    closed = came.closed if came.connection is None else rawhttp.closes(came.connection)
    assert_that(closed, is_(True), "the mock closed the connection before the request was complete")


@then("every one of the {count:d} answers is right")
@judges(CROWD)
def all_answers_right(context, count):
    """As many answers as requests, each 200 with the very bytes a lone client gets for the same path."""
    answers = CROWD(context)
    expected = {path: rawhttp.send(context.mock.port, rawhttp.get(path, context.mock.port)).body
                for path in ("/users/1", "/users")}
    assert_that(len(json.loads(expected["/users"])), equals(10), "users a lone client gets")
    wrong = [f"{path}: {answer}" for path, answer in answers
             if answer is None or (answer.status, answer.body) != (200, expected[path])]
    assert_that(wrong, empty(), "answers that were not right")
    assert_that(len(answers), equals(count), "answers the crowd received")


def _assert_refused(came, status):
    """The answer is Node's bodiless refusal with that status, and the server closed the connection."""
    assert_that((came.status, came.text, came.closed), equals((status, "", True)),
                f"status, body and whether the connection was closed: {came.said()}")
