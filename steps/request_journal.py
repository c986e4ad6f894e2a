"""Steps that verify what the app sent, from the mock's journal of the requests it received."""

import urllib.parse

from behave import register_type, then
from hamcrest import assert_that, contains_exactly, empty, greater_than_or_equal_to, has_length, only_contains
from request_matchers import a_json_request

TIMES = {"exactly once": 1, "exactly twice": 2}


def parse_times(text):
    """exactly once, exactly twice, or N times."""
    return TIMES[text] if text in TIMES else int(text.split()[0])


parse_times.pattern = r"exactly once|exactly twice|\d+ times"
register_type(Times=parse_times)


def requests_for(context, method, path):
    """The journal's requests for method and path (as the API routes: any case, trailing slash ignored)."""
    wanted = path.rstrip("/").lower()
    return [f"{e.method} {e.path} -> {e.status or 'no answer'}" for e in context.mock.journal.entries()
            if e.method == method and e.path.rstrip("/").lower() == wanted]


@then("the app asked for user {user_id:d} {times:Times}")
def asked_for_user(context, user_id, times):
    """The mock received that many requests for the user."""
    assert_that(requests_for(context, "GET", f"/users/{user_id}"), has_length(times), f"requests for user {user_id}")


@then("the app asked for the list of users {times:Times}")
def asked_for_list(context, times):
    """The mock received that many requests for the users collection."""
    assert_that(requests_for(context, "GET", "/users"), has_length(times), "requests for the list of users")


@then("the app sent the new user {times:Times}")
def sent_new_user(context, times):
    """The mock received that many requests to create a user (a write is never retried)."""
    assert_that(requests_for(context, "POST", "/users"), has_length(times), "requests to create a user")


@then("the new user's {fields} were sent as JSON")
def new_user_sent_as_json(context, fields):
    """The one create request carried those fields (e.g. "name and email"), as the scenario gave them, as JSON."""
    names = [name.strip() for name in fields.replace(" and ", ",").split(",")]
    expected = {name: context.new_user[name] for name in names}
    creates = [e for e in context.mock.journal.entries() if e.method == "POST"]
    assert_that(creates, contains_exactly(a_json_request(**expected)), "the create request the mock received")


@then("the app waited {seconds:g} seconds before asking again")
def waited_before_asking_again(context, seconds):
    """Between each request and the next, at least that many seconds passed (Retry-After honoured)."""
    times = [entry.received for entry in context.mock.journal.entries()]
    pauses = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    assert_that(pauses, has_length(greater_than_or_equal_to(1)), "pauses between requests (there was no retry)")
    assert_that(pauses, only_contains(greater_than_or_equal_to(seconds)), "seconds between one request and the next")


@then("nothing reached the other server")
def nothing_reached_other_server(context):
    """The mock received no request addressed to another server (the mock under another name: a redirect followed)."""
    own = urllib.parse.urlsplit(context.api_url).netloc
    elsewhere = [f"{e.method} {e.path} (Host: {e.headers.get('host')})" for e in context.mock.journal.entries()
                 if e.headers.get("host") != own]
    assert_that(elsewhere, empty(), f"requests that did not go to {own}")
