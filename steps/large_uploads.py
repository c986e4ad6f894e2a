"""Steps for large uploads, which the mock reads and answers one at a time (wire.HEAVY_BODY): a stalled one never blocks."""

import json
import time

from steps.support import parse_types  # noqa: F401  (registers the {seconds:Duration} field)
from steps.support.wire import rawhttp
from behave import fixture, given, then, use_fixture, when
from hamcrest import assert_that, is_, less_than
from steps.support.judging import RAW_ANSWER, Reading, judges
from steps.support.wire.malformed_requests import HOST, JSON_TYPE
from steps.support.matching.matchers import equals
from steps.support.outcome import Measured, heard
from steps.support.selection import mock_only

HALF_UPLOAD = "the live API is not ours to strain with half-sent uploads"  # on the live API: skipped, saying so

ARRIVAL_DEADLINE = 5.0  # seconds for the stalled upload's first half to reach the mock (far more than it needs)
STALLED = Reading("the connection of an upload that went silent halfway", "'Given a client has sent half of a N MB "
                  "upload and gone silent', whatever the When", lambda context, came: getattr(context, "stalled_upload", None))


def _upload(body):
    """The head of a POST of a user with this body (bytes), announcing its whole length."""
    return b"POST /users HTTP/1.1\r\n" + HOST + JSON_TYPE + b"Content-Length: %d\r\n\r\n" % len(body)


def _user_named(megabytes):
    """A user whose name is that many mebibytes of letters, as JSON bytes."""
    return json.dumps({"name": "x" * (megabytes << 20)}).encode()


@fixture
def stalled_upload(context, megabytes):
    """A connection that sent the head and half of a large upload, then nothing; closed after the scenario."""
    body = _user_named(megabytes)
    context.stalled_upload = sock = rawhttp.connect(context.mock.port)
    try:
        sock.sendall(_upload(body) + body[: len(body) // 2])
        yield sock
    finally:
        sock.close()


@given("a client has sent half of a {megabytes:d} MB upload and gone silent")
@mock_only(HALF_UPLOAD)
def half_an_upload(context, megabytes):
    """Half a large upload on its own connection, once the mock has begun to read it on its one turn for large bodies."""
    use_fixture(stalled_upload, context, megabytes)
    deadline = time.monotonic() + ARRIVAL_DEADLINE
    while not context.mock.heavy.locked() and time.monotonic() < deadline:
        time.sleep(0.002)  # polling the mock for the upload to take its turn, with a deadline: no race hidden
    assert_that(context.mock.heavy.locked(), is_(True),
                f"the mock reads the stalled upload on its turn for large bodies within {ARRIVAL_DEADLINE:g} s")


@when("a client offers a user with a name of {megabytes:d} MB")
def offer_large_user(context, megabytes):
    """A whole upload of a user with a name that long, on a new connection; the answer kept."""
    body, started = _user_named(megabytes), time.monotonic()
    head, said = _upload(body), None
    try:
        answer = rawhttp.send(context.mock.port, head + body)
    except TimeoutError:  # the mock never answered: the Then says so in words
        answer, said = None, f"offered a user of {megabytes} MB and got no answer in {rawhttp.TIMEOUT:g} s"
    heard(context, started, port=context.mock.port, sent=head, answer=answer,
          measured=Measured(name_length=megabytes << 20, said=said))


@then("the user with the long name is created within {seconds:Duration}")
@judges(RAW_ANSWER)
def long_user_created(context, seconds):
    """201 with the new user's id (11) and the whole name that was sent, within that long."""
    came = RAW_ANSWER(context)
    created = came.records if came.status == 201 and isinstance(came.records, dict) else {}
    got = (came.status, created.get("id"), len(created.get("name", "")))
    assert_that(got, equals((201, 11, came.measured.name_length)),
                f"status, id and length of the name created: {came.said()}")
    assert_that(came.elapsed, less_than(seconds), "seconds the answer took")


@then("the mock has dropped the silent upload")
@judges(STALLED)
def stalled_upload_dropped(context):
    """The mock closed the connection of the upload that went silent halfway (the client waits up to rawhttp.TIMEOUT)."""
    assert_that(rawhttp.closes(STALLED(context)), is_(True), "the mock closed the silent upload's connection")
