"""Steps for listing users, looking one up and finding users by their fields."""

from behave import then, when
from collection_matchers import a_list_of, complete_users, users_named
from hamcrest import assert_that, equal_to
from matchers import a_user_with, an_error
from outcome import attempt, outcome_of, result_of

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
    """Ask for the users whose field equals either value."""
    attempt(context, services.find_users, {field: [value, other]})


@when('I look for users whose {field} is "{value}"')
def find_users_by_field(context, field, value):
    """Ask for the users whose field (a dotted path like address.city) equals the value."""
    attempt(context, services.find_users, {field: value})


@then("I get no users")
def no_users(context):
    """The answer is an empty list."""
    assert_that(result_of(context), a_list_of(0, "users"), f"users from {context.api_url}")


@then("every user has a complete record")
def every_user_complete(context):
    """Each user has id, name, username, email, address, phone, website and company."""
    assert_that(result_of(context), complete_users(), f"users from {context.api_url}")


@then("the users are numbered {first:d} to {last:d} in order")
def users_numbered(context, first, last):
    """The users' ids run from first to last, in order."""
    ids = [user.get("id") for user in result_of(context)]
    assert_that(ids, equal_to(list(range(first, last + 1))), "user ids in the order the API gave them")


@then('I get the user "{name}" with username "{username}"')
def the_user_named(context, name, username):
    """The answer is one user with that name and username."""
    assert_that(result_of(context), a_user_with(name=name, username=username), f"from {context.api_url}")


@then('user {user_id:d}\'s email is "{email}"')
def user_email_is(context, user_id, email):
    """The user the last call returned has that email address."""
    assert_that(result_of(context), a_user_with(id=user_id, email=email), f"from {context.api_url}")


@then('I get only "{name}"')
def only_user(context, name):
    """The answer is a list holding exactly one user, with that name."""
    assert_that(result_of(context), users_named(name), f"from {context.api_url}")


@then("I get these users")
@then("I get these users:")
def these_users(context):
    """The answer holds exactly the users of the table's name column, in that order."""
    names = [row["name"] for row in context.table]
    assert_that(result_of(context), users_named(*names), f"from {context.api_url}")


@then("I am told user {user_id:d} does not exist")
@then('I am told user "{user_id}" does not exist')
def user_does_not_exist(context, user_id):
    """The lookup failed with the client's 'user not found' error."""
    assert_that(outcome_of(context), an_error(services.UserNotFound, status=404), f"looking up user {user_id}")
