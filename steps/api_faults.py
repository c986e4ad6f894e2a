"""Steps that make the users service misbehave: down, slow, rate limiting, failing, garbled (the mock only)."""

import socket

from steps.support import failures  # noqa: F401  (registers the {failure:Failure} field)
from steps.support import parse_types  # noqa: F401  (registers the {seconds:Duration} field)
from behave import fixture, given, use_fixture

import services
from steps.support.selection import mock_only

FAULT = "the live API cannot be given a fault"  # on the live API: skipped, saying so

SLOW_SECONDS = 2.0  # "slowly": far longer than any timeout a scenario sets (a reset cuts the wait short)
LONG_RETRY_AFTER = 120  # "rate limiting": longer than the client may wait, so it gives up at once


@fixture
def nothing_listening(context):
    """The client pointed at a loopback port that is held but not listening: every connection is refused."""
    holder, saved = socket.socket(), services.settings.base_url
    holder.bind(("127.0.0.1", 0))  # bound, never listening: the port stays ours and refuses connections
    services.settings.base_url = "http://127.0.0.1:%d" % holder.getsockname()[1]
    try:
        yield services.settings.base_url
    finally:
        services.settings.base_url = saved
        holder.close()


# -- the service misbehaves ---------------------------------------------------------------------


@given("the users service is down")
@mock_only(FAULT)
def service_down(context):
    """Nothing answers at the service's address: connections are refused."""
    use_fixture(nothing_listening, context)


@given("the users service hangs up without answering")
@mock_only(FAULT)
def service_hangs_up(context):
    """The service closes every connection without an answer."""
    context.mock.faults.drop()


@given("the users service resets the connection")
@mock_only(FAULT)
def service_resets(context):
    """The service resets every connection (TCP reset) without an answer."""
    context.mock.faults.reset()


@given("the users service answers slowly")
@mock_only(FAULT)
def service_slow(context):
    """The service waits 2 seconds before each answer."""
    context.mock.faults.delay(SLOW_SECONDS)


@given("the users service takes {seconds:Duration} to answer")
@mock_only(FAULT)
def service_takes(context, seconds):
    """The service waits that long before each answer."""
    context.mock.faults.delay(seconds)


@given("the users service sends its answers very slowly")
@mock_only(FAULT)
def service_trickles(context):
    """The service sends each answer's body 64 bytes at a time, 5 ms apart (the users: 88 pieces, 0.44 s)."""
    context.mock.faults.trickle(piece=64, seconds=0.005)


@given("the users service pauses part way through each answer")
def service_pauses_part_way(context):
    """Each answer's body comes in pieces of 1,000 bytes, a second apart (a scenario's reset cuts the wait short)."""
    context.mock.faults.trickle(piece=1000, seconds=1.0)


@given("the users service is rate limiting")
@mock_only(FAULT)
def service_rate_limiting(context):
    """Every request gets 429 Too Many Requests, asking the app to come back in 2 minutes."""
    context.mock.faults.status(429, retry_after=LONG_RETRY_AFTER)


@given("the users service is rate limiting for {seconds:Duration}")
@mock_only(FAULT)
def service_briefly_rate_limiting(context, seconds):
    """The first request gets 429 Too Many Requests asking for that pause; later ones are answered."""
    context.mock.faults.status(429, retry_after=f"{seconds:g}", times=1)


@given("the users service fails once then recovers")
@mock_only(FAULT)
def service_fails_once(context):
    """The first request gets 503 Service Unavailable; later ones are answered."""
    context.mock.faults.status(503, times=1)


@given("the users service fails with {failure:Failure}")
@mock_only(FAULT)
def service_fails(context, failure):
    """Every request gets that failure's status (500, 502 or 503)."""
    context.mock.faults.status(failure)


@given("the users service fails with {failure:Failure} for user {user_id:d}")
@mock_only(FAULT)
def service_fails_for_user(context, failure, user_id):
    """Only looking up that user gets the failure; everything else is answered."""
    context.mock.faults.status(failure, method="GET", path=f"/users/{user_id}")


@given("the users service cuts its answers short")
@mock_only(FAULT)
def service_truncates(context):
    """Each answer announces its whole length but only half the body arrives."""
    context.mock.faults.truncate()


@given("the users service answers with something that is not JSON")
@mock_only(FAULT)
def service_not_json(context):
    """Each answer claims to be JSON but is an HTML error page."""
    context.mock.faults.not_json()


@given("the users service labels its answers as a web page")
@mock_only(FAULT)
def service_wrong_type(context):
    """Each answer is the right JSON, sent as text/html."""
    context.mock.faults.wrong_type()


@given("the users service answers with nothing")
@mock_only(FAULT)
def service_empty(context):
    """Each answer is 200 with an empty body."""
    context.mock.faults.empty()
