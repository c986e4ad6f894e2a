"""Steps for the HTTP contract itself: unknown addresses, unrouted methods, the read-only mock."""

from behave import then, when
from steps.support.matching.collection_matchers import a_list_of
from hamcrest import assert_that, contains_inanyorder, empty, has_entries
from steps.support.judging import ANSWER, APP_TOLD, JOURNAL, NOW, judges
from steps.support.matching.matchers import an_error, equals
from steps.support.outcome import asked_again, attempt, send

import services

# The one place where a sentence of the features becomes a method and a path.
ATTEMPTS = {
    "delete every user at once": ("DELETE", "/users"),
    "replace every user at once": ("PUT", "/users"),
    "change every user at once": ("PATCH", "/users"),
    "create a user inside user 1": ("POST", "/users/1"),
    "trace the users collection": ("TRACE", "/users"),
}
WRITES = {
    "create a user": lambda: services.create_user({"name": "Jane Doe", "username": "jdoe"}),
    "replace user 1": lambda: services.replace_user(1, {"name": "Jane Doe", "username": "jdoe"}),
    "change user 1": lambda: services.update_user(1, {"name": "Jane Doe"}),
    "delete user 1": lambda: services.delete_user(1),
}


@when('I ask the API for "{path}"')
def ask_for_path(context, path):
    """Read whatever the API answers at that address."""
    send(context, "GET", path)


@when("I try to {action}")
def try_action(context, action):
    """Attempt a request the API does not route, named in words (see ATTEMPTS)."""
    if action in WRITES:
        attempt(context, WRITES[action])
        return
    if action not in ATTEMPTS:
        known = ", ".join(f'"{name}"' for name in [*WRITES, *ATTEMPTS])
        raise AssertionError(f'"When I try to {action}" names no action this step knows; it knows: {known} '
                             "(add one to ATTEMPTS or WRITES in steps/api_contract.py)")
    method, path = ATTEMPTS[action]
    send(context, method, path)


@then("I am told there is no such thing")
@judges(ANSWER)
def no_such_thing(context):
    """The API answered 404 Not Found with an empty JSON object, as it does for anything it does not route."""
    came = ANSWER(context)
    assert_that((came.status, came.text), equals((404, "{}")), f"the answer from {came.where}: {came.said()}")


@then("I am told the service does not accept changes")
@judges(APP_TOLD)
def write_refused(context):
    """The app was told its write was refused (405 Method Not Allowed), with the methods that are allowed."""
    came = APP_TOLD(context)
    assert_that(came, an_error(services.WriteRefused, status=405), f"writing to {came.where}")
    assert_that(came.error.allowed, contains_inanyorder("GET", "HEAD", "OPTIONS"), "the Allow header")


@then("no write reached the API")
@judges(JOURNAL)
def no_write_reached(context):
    """The mock's journal holds no POST, PUT, PATCH or DELETE that it carried out."""
    done = [f"{e.method} {e.path}" for e in JOURNAL(context) if e.is_write and e.status < 400]
    assert_that(done, empty(), "writes the mock carried out")


@then("the API answered {count:d} requests")
@judges(JOURNAL)
def answered_count(context, count):
    """The mock's journal holds exactly that many requests."""
    assert_that([f"{e.method} {e.path}" for e in JOURNAL(context)], a_list_of(count, "requests"),
                "requests the mock received")


@then("I can still read user {user_id:d}")
@judges(NOW)
def can_still_read(context, user_id):
    """Reading still works (the read-only mode refuses only writes)."""
    assert_that(asked_again(services.get_user, user_id), has_entries(id=user_id), "a read while writes are refused")
