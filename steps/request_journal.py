"""Steps that verify what the app sent, from the mock's journal of the requests it received."""

import urllib.parse

from steps.support import parse_types  # noqa: F401  (registers the {seconds:Duration} field)
from behave import register_type, then
from steps.support.matching.collection_matchers import a_list_of
from hamcrest import assert_that, contains_exactly, empty, greater_than_or_equal_to, is_not
from steps.support.judging import JOURNAL, SENT_USER, judges
from steps.support.matching.request_matchers import a_json_request
from steps.support.tables import StepMisread
from steps.support.user_fields import MISSING, field_path, field_words, value_at

TIMES = {"exactly once": 1, "exactly twice": 2}


def parse_times(text):
    """how often: "exactly once", "exactly twice", or "N times"."""
    return TIMES[text] if text in TIMES else parse_types.parse_whole(text.split()[0])


parse_times.pattern = r"exactly once|exactly twice|\d+ times"
register_type(Times=parse_times)


def requests_for(context, method, path):
    """The journal's requests for method and path (as the API routes: any case, trailing slash ignored)."""
    wanted = path.rstrip("/").lower()
    return [f"{e.method} {e.path} -> {e.status or 'no answer'}" for e in JOURNAL(context)
            if e.method == method and e.path.rstrip("/").lower() == wanted]


@then("the app asked for user {user_id:d} {times:Times}")
@judges(JOURNAL)
def asked_for_user(context, user_id, times):
    """The mock received that many requests for the user."""
    asked = requests_for(context, "GET", f"/users/{user_id}")
    assert_that(asked, a_list_of(times, "requests"), f"requests for user {user_id}")


@then("the app asked for the list of users {times:Times}")
@judges(JOURNAL)
def asked_for_list(context, times):
    """The mock received that many requests for the users collection."""
    assert_that(requests_for(context, "GET", "/users"), a_list_of(times, "requests"), "requests for the list of users")


@then("the app sent the new user {times:Times}")
@judges(JOURNAL)
def sent_new_user(context, times):
    """The mock received that many requests to create a user (a write is never retried)."""
    assert_that(requests_for(context, "POST", "/users"), a_list_of(times, "requests"), "requests to create a user")


@then("the new user's {fields} were sent as JSON")
@then("the new user's {fields} was sent as JSON")
@judges(SENT_USER)
def new_user_sent_as_json(context, fields):
    """The one create request carried those fields (e.g. "name and email", as the When gave them) as JSON."""
    sent = SENT_USER(context)
    paths = [field_path(name.strip()) for name in fields.replace(" and ", ",").split(",") if name.strip()]
    for path in paths:
        if value_at(sent, path) is MISSING:
            given = ", ".join(field_words(p) for p in _paths(sent)) or "nothing"
            raise StepMisread(f"no {field_words(path)} was given to the When (it gave: {given})")
    creates = [e for e in JOURNAL(context) if e.method == "POST"]
    assert_that(creates, contains_exactly(a_json_request({p: value_at(sent, p) for p in paths})),
                "the create request the mock received")


@then("the app never sent a cookie")
@judges(JOURNAL)
def never_sent_a_cookie(context):
    """The mock received requests, and none carried a Cookie header (the app keeps no cookie an answer set)."""
    requests = JOURNAL(context)
    assert_that(requests, is_not(empty()), "the requests the mock received")
    with_cookie = [f"{e.method} {e.path} (Cookie: {e.headers.get('cookie')})" for e in requests if "cookie" in e.headers]
    assert_that(with_cookie, empty(), "requests that carried a cookie")


@then("the app waited {seconds:Duration} before asking again")
@judges(JOURNAL)
def waited_before_asking_again(context, seconds):
    """There was a retry, and between each request and the next at least that long passed (Retry-After honoured)."""
    times = [entry.received for entry in JOURNAL(context)]
    pauses = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    if not pauses:
        raise AssertionError(f"the app asked only {len(times)} time(s): there was no pause, and no asking again")
    assert_that(min(pauses), greater_than_or_equal_to(seconds),
                f"seconds between one request and the next (the shortest of {len(pauses)} pauses)")


def _paths(record, prefix=""):
    """Every leaf path of a record ({"address": {"city": ...}} gives address.city)."""
    for key, value in record.items():
        if isinstance(value, dict):
            yield from _paths(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}"


@then("nothing reached the other server")
@judges(JOURNAL)
def nothing_reached_other_server(context):
    """The mock received no request addressed to another server (the mock under another name: a redirect followed)."""
    own = urllib.parse.urlsplit(context.api_url).netloc
    elsewhere = [f"{e.method} {e.path} (Host: {e.headers.get('host')})" for e in JOURNAL(context)
                 if e.headers.get("host") != own]
    assert_that(elsewhere, empty(), f"requests that did not go to {own}")
