"""Steps for listing users, looking one up and finding users by their fields, and the users that came back."""

from behave import register_type, then, when
from steps.support.matching.collection_matchers import a_list_of, complete_users, users_named
from hamcrest import assert_that
from steps.support.judging import APP_TOLD, USERS, from_where, judges
from steps.support.matching.matchers import a_user_with, an_error, equals
from steps.support.outcome import attempt
from steps.support.user_fields import field_path

import services


@when("I list all users")
def list_all_users(context):
    """Ask for every user."""
    attempt(context, services.get_users)


@when("I look up user {user_id:d}")
def look_up_user(context, user_id):
    """Ask for one user by number."""
    attempt(context, services.get_user, user_id)


@when('I look up user "{user_id}"')
def look_up_user_by_text(context, user_id):
    """Ask for a user by an id written as text (for ids that are not plain numbers)."""
    attempt(context, services.get_user, user_id)


@when('I look for users whose {field} is "{value}" or "{other}"')
def find_users_by_either_value(context, field, value, other):
    """Ask for the users whose field (as on a profile page, or its path in the data) equals either value."""
    attempt(context, services.find_users, {_filtered(field): [value, other]})


@when('I look for users whose {field} is "{value}"')
def find_users_by_field(context, field, value):
    """Ask for the users whose field (city, company..., or a path such as address.city) equals the value."""
    attempt(context, services.find_users, {_filtered(field): value})


def parse_sort_field(text):
    """a field of a user, as on a profile page (city, name...) or its path in the data (no comma)."""
    return text


parse_sort_field.pattern = r"[^,\"']+"
register_type(SortField=parse_sort_field)


@when("I list the users sorted by {field:SortField}")
def list_users_sorted(context, field):
    """Ask for every user, in the order of a field (city, name..., or a path such as address.city), A to Z."""
    attempt(context, services.find_users, {"_sort": _filtered(field, "sort by")})


@when("I list the users sorted by {field:SortField}, last first")
def list_users_sorted_last_first(context, field):
    """Ask for every user, in the reverse order of a field (Z to A)."""
    attempt(context, services.find_users, {"_sort": _filtered(field, "sort by"), "_order": "desc"})


def _filtered(field, verb="search by"):
    """The path the API filters or sorts on, for a field in a profile page's words ("city": address.city) or as a
    path; a field no user has is refused here, while the When runs: the API would ignore it and answer every user
    in its own order, so a search on a misspelt field would seem to find them all. (To show the API ignoring it,
    ask for its address.)"""
    return field_path(field, "field", verb)


@then("I get no users")
@judges(USERS)
def no_users(context):
    """No users came back (an empty list)."""
    assert_that(USERS(context), a_list_of(0, "users"), from_where(context, "the users that came back"))


@then("every user has a complete record")
@judges(USERS)
def every_user_complete(context):
    """At least one user came back, and each has id, name, username, email, address, phone, website and company."""
    assert_that(USERS(context), complete_users(), from_where(context, "the users that came back"))


@then("the users are numbered {first:d} to {last:d} in order")
@judges(USERS)
def users_numbered(context, first, last):
    """The users' ids run from first to last, in order, and no other user came back."""
    ids = [user.get("id") for user in USERS(context)]
    assert_that(ids, equals(list(range(first, last + 1))), "the ids of the users, in the order they came")


@then('I get the user "{name}" with username "{username}"')
@judges(USERS)
def the_user_named(context, name, username):
    """Exactly one user came back, with that name and username."""
    users = USERS(context)
    assert_that(users, a_list_of(1, "users"), from_where(context, "the users that came back"))
    assert_that(users[0], a_user_with(name=name, username=username), from_where(context, "the user that came back"))


@then('I get only "{name}"')
@judges(USERS)
def only_user(context, name):
    """Exactly one user came back, with that name."""
    assert_that(USERS(context), users_named(name), from_where(context, "the users that came back"))


@then("I am told user {user_id:d} does not exist")
@then('I am told user "{user_id}" does not exist')
@judges(APP_TOLD)
def user_does_not_exist(context, user_id):
    """The app was told, by the API's 404, that the user it looked up (that one) does not exist."""
    came = APP_TOLD(context)
    assert_that(came, an_error(services.UserNotFound, status=404), f"looking up user {user_id}")
    assert_that(str(came.error.user_id), equals(str(user_id)), "the user the app was told does not exist")
