"""Steps for clients that misbehave: malformed HTTP, half-sent and trickled requests, a crowd at once."""

import json
import resource
import zlib

import rawhttp
from malformed_requests import HOST, JSON_TYPE, MALFORMED
from outcome import asked_for
from behave import fixture, given, then, use_fixture, when
from hamcrest import assert_that, contains_string, empty, equal_to, has_entries, is_, not_, starts_with

HALF_A_REQUEST = b"GET /users HTTP/1.1\r\n" + HOST


@fixture
def silent_clients(context, count):
    """Connections that sent half a request and then nothing; closed after the scenario."""
    context.silent = [rawhttp.connect(context.mock.port) for _ in range(count)]
    try:
        for sock in context.silent:
            sock.sendall(HALF_A_REQUEST)
        yield context.silent
    finally:
        for sock in context.silent:
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


@given("the mock drops a silent client after {idle:g} seconds")
def short_idle_timeout(context, idle):
    """Shorten the mock's idle timeout (5 seconds, as Node's keep-alive) so the scenario stays quick."""
    use_fixture(mock_timeouts, context, idle, context.mock.request_deadline)


@given("the mock gives a request at most {deadline:g} seconds to arrive")
def short_request_deadline(context, deadline):
    """Shorten the mock's request deadline (10 seconds) so the scenario stays quick."""
    use_fixture(mock_timeouts, context, 1.0, deadline)


@given("{count:d} clients have sent half a request and gone silent")
def clients_go_silent(context, count):
    """Open connections that send the start of a request and then nothing."""
    use_fixture(silent_clients, context, count)


@when("a client sends half a request and goes silent")
def one_client_goes_silent(context):
    """One connection that sends the start of a request and then nothing."""
    use_fixture(silent_clients, context, 1)


@when("a client reads user 1 and then keeps the connection open in silence")
def idle_after_answer(context):
    """A keep-alive connection that gets its answer and then sends nothing more."""
    sock = rawhttp.connect(context.mock.port)
    context.add_cleanup(sock.close)
    sock.sendall(rawhttp.get("/users/1", context.mock.port))
    context.raw_answer, context.silent = rawhttp.read_answer(sock), [sock]


@when("a client sends {malformed}")
def send_malformed(context, malformed):
    """Send the bytes the sentence names (see MALFORMED) on a fresh connection; keep the answer."""
    data = MALFORMED[malformed]
    words = data.split(b"\r\n", 1)[0].split(b" ")
    if len(words) == 3:  # an address the scenario names itself: an unrouted answer is its point
        asked_for(context, words[0].decode("latin-1"), words[1].decode("latin-1"))
    context.raw_answer = rawhttp.send(context.mock.port, data)


@when("a client offers a new user, waiting to be told to go on before it sends the body")
def send_after_continue(context):
    """Send the head with Expect: 100-continue, and the body only once the mock says to go on (or a second passes)."""
    head = b"POST /users HTTP/1.1\r\n" + HOST + JSON_TYPE + b"Content-Length: 15\r\nExpect: 100-continue\r\n\r\n"
    context.told_to_go_on, context.raw_answer = rawhttp.send_after_continue(context.mock.port, head, b'{"name": "Ann"}')


@when("a client asks for every user, expecting something no server can do")
def send_unmeetable_expectation(context):
    """A GET with an Expect header other than 100-continue."""
    context.raw_answer = rawhttp.send(context.mock.port, b"GET /users HTTP/1.1\r\n" + HOST + b"Expect: magic\r\n\r\n")


@when("a client uploads a user compressed with gzip that inflates to {megabytes:d} MB")
def send_gzip_bomb(context, megabytes):
    """A small gzip body of zeros that inflates to that many mebibytes; the process's peak memory noted first."""
    packer, megabyte = zlib.compressobj(1, zlib.DEFLATED, 31), bytes(1 << 20)
    body = b"".join(packer.compress(megabyte) for _ in range(megabytes)) + packer.flush()
    head = b"POST /users HTTP/1.1\r\n" + HOST + JSON_TYPE + b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n"
    context.peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    context.raw_answer = rawhttp.send(context.mock.port, head % len(body) + body)


@when('a client asks for "{target}" exactly as written')
def ask_raw(context, target):
    """Send a GET for the target byte for byte (no client library tidies the path)."""
    asked_for(context, "GET", target)
    context.raw_answer = rawhttp.send(context.mock.port, rawhttp.get(target, context.mock.port))


@when("a client trickles in a request one byte every {pause:g} seconds")
def trickle_request(context, pause):
    """Send a request so slowly that no read ever times out; note whether the mock closed it (50 bytes at most)."""
    with rawhttp.connect(context.mock.port) as sock:
        context.closed = rawhttp.trickle(sock, b"GET /users?q=", 50, pause)


@when("{clients:d} clients each ask for user 1 and for every user {rounds:d} times at once")
def crowd(context, clients, rounds):
    """Many keep-alive clients on their own threads, all at once; every answer kept."""
    context.answers = rawhttp.hammer(context.mock.port, ("/users/1", "/users"), clients, rounds)


@then("it is turned away as a bad request")
def turned_away(context):
    """Node's own refusal: 400 with no body, and the connection closed."""
    _assert_refused(context.raw_answer, 400)


@then("it is told its request is too large")
def told_too_large(context):
    """Node's own refusal of over 16 KB of request line and headers: 431 with no body, the connection closed."""
    _assert_refused(context.raw_answer, 431)


@then("it is told the API failed with a {error_name}")
def told_api_failed(context, error_name):
    """A 500 whose HTML body starts with the JavaScript error the live API reports."""
    answer = context.raw_answer
    assert_that(answer.status, equal_to(500), f"the status of {answer}")
    assert_that(answer.body.decode("utf-8"), starts_with(f"{error_name}: "), f"the body of {answer}")


@then("it is answered with every user")
def answered_every_user(context):
    """200 with the list of all ten users, as a well-formed request gets."""
    answer = context.raw_answer
    users = json.loads(answer.body or b"null") if answer.status == 200 else None
    assert_that([user["id"] for user in users or []], equal_to(list(range(1, 11))), f"users in {answer}")


@then("it is hung up on without an answer")
def hung_up_on(context):
    """The connection closed and not a byte came back (Node's server has no handler for it)."""
    answer = context.raw_answer
    assert_that((answer.status, answer.closed), equal_to((None, True)), f"what came back: {answer}")


@then("it was told to go on before it sent the body")
def told_to_go_on(context):
    """The mock's `HTTP/1.1 100 Continue` came while the client was still holding the body back."""
    assert_that(context.told_to_go_on, is_(True), "100 Continue before the body was sent")


@then("the user is created")
def user_created(context):
    """201 with the new user's id (11) and the name that was sent."""
    answer = context.raw_answer
    created = json.loads(answer.body or b"null") if answer.status == 201 else None
    assert_that(created, equal_to({"name": "Ann", "id": 11}), f"the answer {answer}")


@then("it is told the expectation cannot be met")
def told_expectation_failed(context):
    """Node's own 417 Expectation Failed: no body, and the connection kept open for the next request."""
    answer = context.raw_answer
    assert_that((answer.status, answer.body, answer.headers.get("connection")), equal_to((417, b"", "keep-alive")),
                f"status, body, Connection of {answer}")


@then("the answer carries no header the client smuggled in")
def nothing_smuggled(context):
    """No Set-Cookie, and no header value holding what came after the carriage return."""
    headers = context.raw_answer.headers
    assert_that([name for name, value in headers.items() if name == "set-cookie" or "x=1" in value], empty(),
                f"headers of {context.raw_answer}")


@then("the mock's peak memory grew by less than {megabytes:d} MB")
def memory_bounded(context, megabytes):
    """ru_maxrss of this process (the mock runs in it) after the request, against before it."""
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - context.peak_before) / 1024
    assert_that(grown < megabytes, is_(True), f"the peak grew by {grown:.1f} MB (at most {megabytes} MB allowed)")


@then("it is told there is no such thing")
def told_no_such_thing(context):
    """404 with an empty JSON object, the answer for anything the API does not route."""
    answer = context.raw_answer
    assert_that((answer.status, json.loads(answer.body or b"null")), equal_to((404, {})), str(answer))


@then("the answer shows no Python traceback")
def no_traceback(context):
    """Nothing of the mock's own Python (a traceback, a file and line) leaks into the answer."""
    text = context.raw_answer.body.decode("utf-8", "replace")
    for leak in ("Traceback (most recent call last)", '.py", line'):
        assert_that(text, not_(contains_string(leak)), f"the body of {context.raw_answer}")


@then("the mock still serves other clients")
def still_serves(context):
    """A well-formed request on another connection still gets user 1."""
    answer = rawhttp.send(context.mock.port, rawhttp.get("/users/1", context.mock.port))
    assert_that(json.loads(answer.body or b"null"), has_entries(id=1), f"user 1 after the bad client: {answer}")


@then("the mock closes that connection")
def closes_silent(context):
    """The server ends the silent connection by itself (the client waits up to rawhttp.TIMEOUT for it)."""
    assert_that(rawhttp.closes(context.silent[0]), is_(True), "the mock closed the silent connection")


@then("the mock closes the connection before the request is complete")
def closes_trickle(context):
    """The trickled request was cut off at its deadline, although each byte came within the idle timeout."""
    assert_that(context.closed, is_(True), "the mock closed the trickling connection")


@then("every one of the {count:d} answers is right")
def all_answers_right(context, count):
    """As many answers as requests, each 200 with the very bytes a lone client gets for the same path."""
    expected = {path: rawhttp.send(context.mock.port, rawhttp.get(path, context.mock.port)).body
                for path in ("/users/1", "/users")}
    assert_that(len(json.loads(expected["/users"])), equal_to(10), "users a lone client gets")
    wrong = [f"{path}: {answer}" for path, answer in context.answers
             if answer is None or (answer.status, answer.body) != (200, expected[path])]
    assert_that(wrong, empty(), "answers that were not right")
    assert_that(len(context.answers), equal_to(count), "answers received")


def _assert_refused(answer, status):
    """The answer is Node's bodiless refusal with that status, and the server closed the connection."""
    assert_that((answer.status, answer.body, answer.closed), equal_to((status, b"", True)),
                f"status, body, closed of {answer}")
