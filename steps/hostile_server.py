"""Steps that turn the users service hostile: answers that never end, bombs, broken heads, redirects (the mock only)."""

from behave import given
from steps.support.selection import mock_only

HOSTILE = "only the mock can be made a hostile server"  # on the live API: skipped, saying so

SLOW_PACE = 0.01  # seconds between the bytes of a trickled head, or between interim answers
STALL = 60.0  # seconds a stalled head waits before its next piece: longer than any patience a scenario gives
SLOW_HOP = 0.05  # seconds each redirect of a slow chain takes


@given("the users service sends an answer that never ends")
@mock_only(HOSTILE)
def service_sends_endless_answer(context):
    """Each answer is a JSON array that goes on for as long as the app reads it."""
    context.mock.faults.endless()


@given("the users service sends an answer that unpacks to a gigabyte")
@mock_only(HOSTILE)
def service_sends_gzip_bomb(context):
    """Each answer is about 1 MB of gzip that unpacks to 1 GiB."""
    context.mock.faults.gzip_bomb(size=1 << 30)


@given("the users service sends answers packed with a broken gzip stream")
@mock_only(HOSTILE)
def service_sends_bad_gzip(context):
    """Each answer says it is packed with gzip, but the stream breaks after its header."""
    context.mock.faults.bad_gzip()


@given("the users service sends JSON nested a hundred thousand levels deep")
@mock_only(HOSTILE)
def service_sends_deep_json(context):
    """Each answer is JSON arrays nested 100,000 deep."""
    context.mock.faults.deep_json()


@given("the users service answers as HTTP/0.9 did, with no status or headers")
@mock_only(HOSTILE)
def service_answers_http09(context):
    """Each answer is its body alone, with no status line and no headers."""
    context.mock.faults.http09()


@given("the users service sends more headers than the app reads")
@mock_only(HOSTILE)
def service_sends_many_headers(context):
    """Each answer carries 150 extra header lines (the app reads 100)."""
    context.mock.faults.many_headers()


@given("the users service sends the head of each answer a byte at a time")
@mock_only(HOSTILE)
def service_trickles_head(context):
    """The status line and headers of each answer come one byte every 0.01 s."""
    context.mock.faults.slow_head(piece=1, seconds=SLOW_PACE)


@given("the users service sends the beginning of each answer's head, then nothing")
def service_stalls_in_head(context):
    """Each answer's first 20 bytes come at once, the rest a minute later (a scenario's reset cuts the wait short)."""
    context.mock.faults.slow_head(piece=20, seconds=STALL)


@given("the users service keeps saying it will answer but never does")
@mock_only(HOSTILE)
def service_continues_for_ever(context):
    """Each request gets a `100 Continue` every 0.01 s, and never its answer."""
    context.mock.faults.endless_continue(seconds=SLOW_PACE)


@given("the users service sends the app to another server")
@mock_only(HOSTILE)
def service_redirects_away(context):
    """Each request is redirected (307) to the same address on another server."""
    context.mock.faults.redirect_away()


@given("the users service sends the app round in a loop")
@mock_only(HOSTILE)
def service_redirects_in_a_loop(context):
    """Each request is redirected (302) to the very address it asked for."""
    context.mock.faults.redirect_loop()


@given("the users service sends the app from one of its addresses to the next, on and on")
@mock_only(HOSTILE)
def service_redirects_on_and_on(context):
    """Each request is redirected (302) to another address of the service, which redirects again."""
    context.mock.faults.redirect_chain()


@given("the users service sends the app from one of its addresses to the next, slowly")
@mock_only(HOSTILE)
def service_redirects_slowly(context):
    """Each request is redirected to another address of the service after 0.05 s, on and on."""
    context.mock.faults.redirect_chain(seconds=SLOW_HOP)


@given("the users service has moved user {user_id:d} to another of its addresses")
@mock_only(HOSTILE)
def service_moved_user(context, user_id):
    """Looking up that user is redirected once, within the service; the new address answers."""
    context.mock.faults.redirect_chain(method="GET", path=f"/users/{user_id}", times=1)


@given("the users service gives its answers a negative length")
def service_sends_negative_length(context):
    """Each answer says Content-Length: -1, then sends its body and closes."""
    context.mock.faults.negative_length()


@given("the users service gives its answers two different lengths")
def service_sends_two_lengths(context):
    """Each answer carries two Content-Length headers that disagree."""
    context.mock.faults.two_lengths()


@given("the users service gives its answers a length and sends them in chunks too")
def service_sends_length_and_chunks(context):
    """Each answer carries a Content-Length and Transfer-Encoding: chunked."""
    context.mock.faults.length_and_chunks()


@given("the users service sends chunks longer than their sizes say")
def service_sends_chunk_overrun(context):
    """Each answer comes in a chunk followed by two bare line feeds where its CRLF should be."""
    context.mock.faults.chunk_overrun()


@given("the users service stops reading what the app sends")
def service_stalls_uploads(context):
    """Of a request with a body, the service reads the head and none of the body, until the scenario ends."""
    context.mock.faults.stall_upload()
