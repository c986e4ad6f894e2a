"""Steps for creating, replacing, changing and deleting users (the API fakes writes: nothing is kept)."""

from behave import then, when
from collection_matchers import a_list_of
from hamcrest import assert_that, equal_to
from matchers import a_user_with, an_error
from outcome import attempt, outcome_of, result_of

import services


@when('I create a user named "{name}" with username "{username}" and email "{email}"')
def create_user(context, name, username, email):
    """Create a user from a name, username and email."""
    context.new_user = {"name": name, "username": username, "email": email}  # what was sent, for the journal steps
    attempt(context, services.create_user, context.new_user)


@when("I create a user with")
@when("I create a user with:")
def create_user_from_table(context):
    """Create a user from a two-column table of field and value."""
    context.new_user = {row["field"]: row["value"] for row in context.table}  # what was sent, for the journal steps
    attempt(context, services.create_user, context.new_user)


@when('I replace user {user_id:d} with a user named "{name}" and username "{username}"')
def replace_user(context, user_id, name, username):
    """Replace a user as a whole with just a name and a username."""
    attempt(context, services.replace_user, user_id, {"name": name, "username": username})


@when('I change the name of user {user_id:d} to "{name}"')
def rename_user(context, user_id, name):
    """Change only the name of a user."""
    attempt(context, services.update_user, user_id, {"name": name})


@when("I delete user {user_id:d}")
def delete_user(context, user_id):
    """Delete a user."""
    attempt(context, services.delete_user, user_id)


@then("the new user gets id {user_id:d}")
def new_user_id(context, user_id):
    """The created user came back with that id."""
    assert_that(result_of(context), a_user_with(id=user_id), f"the user created at {context.api_url}")


@then('the API echoes back the name "{name}" and username "{username}"')
def echoed(context, name, username):
    """The answer carries the fields that were sent."""
    assert_that(result_of(context), a_user_with(name=name, username=username), f"from {context.api_url}")


@then("the answer holds only {fields}")
def answer_holds_only(context, fields):
    """The answer has exactly these fields (a comma-separated list), nothing else."""
    expected = sorted(f.strip() for f in fields.replace(" and ", ",").split(","))
    assert_that(sorted(result_of(context)), equal_to(expected), "the fields of the answer")


@then("the rest of user {user_id:d}'s record is unchanged")
def rest_unchanged(context, user_id):
    """Every field but the changed name equals the stored user's."""
    original = services.get_user(user_id)
    unchanged = {k: v for k, v in original.items() if k != "name"}
    assert_that(result_of(context), a_user_with(**unchanged), f"user {user_id} after the change")


@then("the deletion is accepted with an empty answer")
def deletion_accepted(context):
    """The delete succeeded and the API answered an empty object."""
    assert_that(result_of(context), equal_to({}), f"deleting at {context.api_url}")


@then('user {user_id:d} is still "{name}"')
def still_named(context, user_id, name):
    """Looking the user up again shows the stored record, untouched."""
    assert_that(services.get_user(user_id), a_user_with(id=user_id, name=name), "looked up again after the write")


@then("user {user_id:d} still does not exist")
def still_missing(context, user_id):
    """Looking the user up again tells that it does not exist."""
    attempt(context, services.get_user, user_id)
    assert_that(outcome_of(context), an_error(services.UserNotFound), f"looking up user {user_id} after the write")


@then("there are still {count:d} users")
def still_count(context, count):
    """Listing the users again gives the same number as before."""
    assert_that(services.get_users(), a_list_of(count, "users"), "users listed again after the write")


@then("I am told the API failed")
def api_failed(context):
    """The call failed with the client's server-error error (a 5xx answer)."""
    assert_that(outcome_of(context), an_error(services.ServerError, status=500), f"from {context.api_url}")
