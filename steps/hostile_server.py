"""Steps that turn the users service hostile: answers that never end, bombs, broken heads, redirects (the mock only)."""

from behave import given

SLOW_PACE = 0.01  # seconds between the bytes of a trickled head, or between interim answers
STALL = 60.0  # seconds a stalled head waits before its next piece: longer than any patience a scenario gives
SLOW_HOP = 0.05  # seconds each redirect of a slow chain takes


@given("the users service sends an answer that never ends")
def service_sends_endless_answer(context):
    """Each answer is a JSON array that goes on for as long as the app reads it."""
    context.mock.faults.endless()


@given("the users service sends an answer that unpacks to a gigabyte")
def service_sends_gzip_bomb(context):
    """Each answer is about 1 MB of gzip that unpacks to 1 GiB."""
    context.mock.faults.gzip_bomb(size=1 << 30)


@given("the users service sends answers packed with a broken gzip stream")
def service_sends_bad_gzip(context):
    """Each answer says it is packed with gzip, but the stream breaks after its header."""
    context.mock.faults.bad_gzip()


@given("the users service sends JSON nested a hundred thousand levels deep")
def service_sends_deep_json(context):
    """Each answer is JSON arrays nested 100,000 deep."""
    context.mock.faults.deep_json()


@given("the users service answers as HTTP/0.9 did, with no status or headers")
def service_answers_http09(context):
    """Each answer is its body alone, with no status line and no headers."""
    context.mock.faults.http09()


@given("the users service sends more headers than the app reads")
def service_sends_many_headers(context):
    """Each answer carries 150 extra header lines (the app reads 100)."""
    context.mock.faults.many_headers()


@given("the users service sends the head of each answer a byte at a time")
def service_trickles_head(context):
    """The status line and headers of each answer come one byte every 0.01 s."""
    context.mock.faults.slow_head(piece=1, seconds=SLOW_PACE)


@given("the users service sends the beginning of each answer's head, then nothing")
def service_stalls_in_head(context):
    """Each answer's first 20 bytes come at once, the rest a minute later (a scenario's reset cuts the wait short)."""
    context.mock.faults.slow_head(piece=20, seconds=STALL)


@given("the users service keeps saying it will answer but never does")
def service_continues_for_ever(context):
    """Each request gets a `100 Continue` every 0.01 s, and never its answer."""
    context.mock.faults.endless_continue(seconds=SLOW_PACE)


@given("the users service sends the app to another server")
def service_redirects_away(context):
    """Each request is redirected (307) to the same address on another server."""
    context.mock.faults.redirect_away()


@given("the users service sends the app round in a loop")
def service_redirects_in_a_loop(context):
    """Each request is redirected (302) to the very address it asked for."""
    context.mock.faults.redirect_loop()


@given("the users service sends the app from one of its addresses to the next, on and on")
def service_redirects_on_and_on(context):
    """Each request is redirected (302) to another address of the service, which redirects again."""
    context.mock.faults.redirect_chain()


@given("the users service sends the app from one of its addresses to the next, slowly")
def service_redirects_slowly(context):
    """Each request is redirected to another address of the service after 0.05 s, on and on."""
    context.mock.faults.redirect_chain(seconds=SLOW_HOP)


@given("the users service has moved user {user_id:d} to another of its addresses")
def service_moved_user(context, user_id):
    """Looking up that user is redirected once, within the service; the new address answers."""
    context.mock.faults.redirect_chain(method="GET", path=f"/users/{user_id}", times=1)
