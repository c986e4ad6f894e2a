"""Steps for `_like` search patterns: read as JavaScript reads them, and never freezing the mock."""

import threading
import time
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from steps.support import parse_types  # noqa: F401  (registers the {seconds:Duration} field)
from steps.support.wire import rawhttp
from behave import fixture, given, then, use_fixture, when
from hamcrest import assert_that, contains_exactly, has_properties, is_, less_than, less_than_or_equal_to, starts_with
from steps.support.judging import JOURNAL, OWN_MOCK, STOPPING, Reading, from_where, judges
from steps.support.matching.matchers import equals
from steps.support.outcome import send
from steps.support.user_fields import field_path

from mockserver.node.regexp import jsregex
from steps.support.selection import mock_only

MY_MOCK = "a mock of my own is a mock, never the live API"  # on the live API: skipped, saying so

# V8 (the live engine) and Python's re backtrack on every comment for ever; the regex package as well.
FREEZING = "^([a-z\\s]|[a-z\\s])*\\d"
ARRIVAL_PATIENCE = 2.0  # seconds for a request to reach the mock's journal


def _pattern_search(context, came):
    """The answer to a search by pattern, and the pattern (the `_like` value of the address asked), or None."""
    likes = [value for key, value in parse_qsl(urlsplit(came.address or "").query) if key.endswith("_like")]
    return (came, likes[0]) if came.status is not None and len(likes) == 1 else None


PATTERN_SEARCH = Reading("the answer to a search by one pattern", "'When I look for users whose ... matches \"...\"'",
                         _pattern_search)
BACKGROUND_SEARCH = Reading("the search a client runs in the background", "'When a client searches the comments "
                            "with a pattern that backtracks for ever'",
                            lambda context, came: getattr(context, "search", None))


@when('I look for users whose {field} matches "{pattern}"')
def find_users_matching(context, field, pattern):
    """Ask for the users whose field matches the pattern, a case-insensitive JavaScript regular expression."""
    path = field_path(field, "field", "search by")
    send(context, "GET", "/users?" + urlencode({f"{path}_like": pattern}, quote_via=quote))


@then('the pattern is refused as JavaScript refuses it: "{reason}"')
@judges(PATTERN_SEARCH)
def pattern_refused(context, reason):
    """500 whose body begins with V8's SyntaxError for the pattern, word for word (the stack trace follows)."""
    came, pattern = PATTERN_SEARCH(context)
    assert_that(came.status, equals(500), from_where(context, f"the status of the answer ({came.said()})"))
    assert_that(came.text.split("\n")[0], equals(f"SyntaxError: Invalid regular expression: /{pattern}/i: {reason}"),
                "the error the API reports")


# -- the mock's bounds --------------------------------------------------------------------------------


@when("I look for users whose name matches any of {count:d} different patterns")
def find_users_matching_any(context, count):
    """Requests of 100 `name_like` patterns each, every one its own and matching nobody; stops at the first non-200."""
    for first in range(0, count, 100):
        patterns = [f"zz{number}q" for number in range(first, min(first + 100, count))]
        if send(context, "GET", "/users", params={"name_like": patterns}).status != 200:
            return


@when("I look for users whose name matches a pattern nested {depth:d} groups deep")
def find_users_deeply_nested(context, depth):
    """A pattern of `depth` groups, each inside the one before."""
    find_users_matching(context, "name", "(" * depth + "e" + ")" * depth)


@then("the mock keeps only {count:d} compiled patterns, however many it was sent")
@judges(JOURNAL)
def kept_patterns(context, count):
    """The mock received the searches; its store of compiled patterns is full and no fuller than its bounds."""
    searches = [e for e in JOURNAL(context) if "_like" in e.query_string]
    assert_that(len(searches) > 0, is_(True), "searches by pattern the mock received")
    kept, cost = jsregex.kept()
    assert_that(kept, equals(count), "compiled patterns the mock keeps")
    assert_that(cost, less_than_or_equal_to(jsregex.MAX_KEPT_COST), "pieces of the patterns the mock keeps")


@then('the mock refuses the pattern within {seconds:Duration}: "{reason}"')
@judges(PATTERN_SEARCH)
def mock_refuses(context, seconds, reason):
    """500 with V8's wording for the reason (V8 itself would compile the pattern), answered within the time."""
    pattern_refused(context, reason)
    assert_that(PATTERN_SEARCH(context)[0].elapsed, less_than(seconds), "seconds until refused")


# -- patterns that backtrack for ever ---------------------------------------------------------------


@fixture
def search_in_background(context, mock):
    """A client's search of the comments for FREEZING, on its own thread, joined after the scenario."""
    search = {"began": time.monotonic(), "answer": None, "ended": None, "mock": mock}

    def run():
        target = "/comments?body_like=" + quote(FREEZING, safe="")
        search["answer"] = rawhttp.send(mock.port, rawhttp.get(target, mock.port))
        search["ended"] = time.monotonic()

    search["thread"] = thread = threading.Thread(target=run, name="client-searching")
    thread.start()
    context.search = search
    try:
        yield search
    finally:
        thread.join(rawhttp.TIMEOUT * 2)


def _start_search(context, mock):
    """Start the search and wait (with a deadline) until the mock has received it."""
    use_fixture(search_in_background, context, mock)
    deadline = time.monotonic() + ARRIVAL_PATIENCE
    while not any(e.path == "/comments" for e in mock.journal.entries()):  # polling, with a deadline
        assert_that(time.monotonic(), less_than(deadline), "seconds until the search reached the mock")
        time.sleep(0.005)


@given("my mock cuts search patterns off after {seconds:Duration}")
@mock_only(MY_MOCK)
def shorter_pattern_limit(context, seconds):
    """Shorten the time limit of the scenario's own mock for the patterns of one request (1 s by default)."""
    own = OWN_MOCK(context)
    own.app.pattern_time_limit = seconds
    assert_that(own.app.pattern_time_limit, equals(seconds), "the own mock's pattern time limit")


@when("a client searches the comments with a pattern that backtracks for ever")
def search_for_ever(context):
    """A client asks the feature's mock for the comments matching FREEZING; the answer is awaited later."""
    _start_search(context, context.mock)


@given("a client is searching my mock's comments with a pattern that backtracks for ever")
@mock_only(MY_MOCK)
def searching_own_mock(context):
    """The same search, sent to the scenario's own mock."""
    _start_search(context, OWN_MOCK(context))


@then("other clients are answered within {seconds:Duration} while it runs")
@judges(BACKGROUND_SEARCH)
def others_answered(context, seconds):
    """Another client gets user 1 within the time while the search is still unanswered."""
    search, began = BACKGROUND_SEARCH(context), time.monotonic()
    port = search["mock"].port
    answer = rawhttp.get_now(port, "/users/1")
    took, still_running = time.monotonic() - began, search["ended"] is None
    assert_that(answer.status, equals(200), f"the other client's answer: {answer}")
    assert_that(took, less_than(seconds), "seconds the other client waited")
    assert_that(still_running, is_(True), "the search was still running when the other client was answered")


@then("that search fails within {seconds:Duration}, saying the pattern was cut off")
@judges(BACKGROUND_SEARCH)
def search_cut_off(context, seconds):
    """The search's answer: a 500 in the engine's error format naming the pattern, within the time."""
    search = BACKGROUND_SEARCH(context)
    search["thread"].join(rawhttp.TIMEOUT * 2)
    answer = search["answer"]
    assert_that(getattr(answer, "status", None), equals(500), f"the status of the search's answer ({answer})")
    assert_that(answer.body.decode("utf-8"), starts_with(f"Error: Regular expression /{FREEZING}/i cut off after"),
                "the search's error")
    assert_that(search["ended"] - search["began"], less_than(seconds), "seconds until it failed")


@then("the journal says which pattern was cut off")
@judges(BACKGROUND_SEARCH)
def journal_cut_off(context):
    """The search's journal entry names the pattern that was cut off."""
    search = BACKGROUND_SEARCH(context)
    search["thread"].join(rawhttp.TIMEOUT * 2)
    entries = [e for e in search["mock"].journal.entries() if e.path == "/comments"]
    assert_that(entries, contains_exactly(has_properties(status=500, cut_off=FREEZING)), "the search's journal entry")


@then("it stopped within {seconds:Duration}")
@judges(STOPPING)
def stopped_within(context, seconds):
    """stop() returned within the time, though a search was still matching when it was called."""
    assert_that(STOPPING(context).elapsed, less_than(seconds), "seconds stop() took")
