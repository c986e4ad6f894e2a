"""Steps for creating, replacing, changing and deleting users (the API fakes writes: nothing is kept)."""

import json

from behave import then, when
from steps.support.matching.collection_matchers import a_list_of
from hamcrest import assert_that
from steps.support.judging import APP_TOLD, DELETION, NEW_USER, NOW, ONE_RECORD, WRITTEN_USER, Reading, from_where, judges
from steps.support.matching.matchers import a_user_with, an_error, equals
from steps.support.outcome import asked_again, attempt
from steps.support.tables import StepMisread, rows_of, takes
from steps.support.user_fields import field_path, nested, typed

import services


def _change(context, came):
    """The record a change (PATCH, or a PUT) echoed, and the fields it sent."""
    if came.acted not in ("PATCH", "PUT") or came.kind != "users" or not isinstance(came.records, dict):
        return None
    sent = came.sent
    if isinstance(sent, (bytes, str)):
        try:
            sent = json.loads(sent)
        except ValueError:
            return None
    return (came.records, sent) if isinstance(sent, dict) else None


CHANGE = Reading("the user a change echoed back, and the fields it sent", "a When that changes or replaces a user",
                 _change)


@when('I create a user named "{name}" with username "{username}" and email "{email}"')
def create_user(context, name, username, email):
    """Create a user from a name, username and email."""
    attempt(context, services.create_user, {"name": name, "username": username, "email": email})


LARGEST_PROFILE = 64  # megabytes: a profile past this is a mistake in the feature, not an upload to send


@when("I create a user whose profile runs to {megabytes:d} MB")
def create_large_user(context, megabytes):
    """Create a user whose biography is that many megabytes of text: an upload that takes a while to send."""
    if not 1 <= megabytes <= LARGEST_PROFILE:
        raise StepMisread(f"a profile runs to 1 to {LARGEST_PROFILE} MB, not {megabytes}")
    user = {"name": "Jane Doe", "username": "jdoe", "email": "jane@example.com", "bio": "x" * (megabytes << 20)}
    attempt(context, services.create_user, user)


@when("I create a user with")
@when("I create a user with:")
@takes("table", "field", "value")
def create_user_from_table(context):
    """Create a user from a table of field and value (fields as on a profile page: name, city, company...)."""
    values = {}
    for row in rows_of(context, "field", "value", verb="use"):
        path = field_path(row["field"])
        if path in values:
            raise StepMisread(f'the field "{row["field"]}" is given twice')
        values[path] = typed(path, row["value"])
    attempt(context, services.create_user, nested(values))


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
@judges(NEW_USER)
def new_user_id(context, user_id):
    """The user a When created came back with that id."""
    assert_that(NEW_USER(context), a_user_with(id=user_id), from_where(context, "the user created"))


@then('the API echoes back the name "{name}" and username "{username}"')
@judges(WRITTEN_USER)
def echoed(context, name, username):
    """The user a write (create, replace, change) echoed back has that name and username."""
    assert_that(WRITTEN_USER(context), a_user_with(name=name, username=username),
                from_where(context, "the user the write echoed back"))


@then("the answer holds only {fields}")
@judges(ONE_RECORD)
def answer_holds_only(context, fields):
    """The one record that came back has exactly these fields (e.g. "id, name and username"), nothing else."""
    expected = sorted(f.strip() for f in fields.replace(" and ", ",").split(","))
    fields = sorted(ONE_RECORD(context))
    assert_that(fields, equals(expected), from_where(context, "the fields of the record that came back"))


@then("the rest of user {user_id:d}'s record is unchanged")
@judges(CHANGE)
def rest_unchanged(context, user_id):
    """A change of user N echoed their record, and every field it did not send equals the stored user's."""
    echoed, sent = CHANGE(context)
    unchanged = {k: v for k, v in _stored(user_id).items() if k not in sent}
    assert_that(echoed, a_user_with(unchanged), from_where(context, f"user {user_id}, changed"))


@then("the deletion is accepted with an empty answer")
@judges(DELETION)
def deletion_accepted(context):
    """The deletion was answered 200 with an empty object, and the app was told no error."""
    came = DELETION(context)
    assert_that((came.status, came.document, came.error), equals((200, {}, None)), f"the deletion at {came.where}")


@then('user {user_id:d} is still "{name}"')
@judges(NOW)
def still_named(context, user_id, name):
    """Looking the user up again shows the stored record, untouched."""
    assert_that(_stored(user_id), a_user_with(id=user_id, name=name), "looked up again after the write")


@then("user {user_id:d} still does not exist")
@judges(NOW)
def still_missing(context, user_id):
    """Looking the user up again tells that it does not exist."""
    try:
        found = services.get_user(user_id)
    except services.UsersApiError as error:
        found = error
    assert_that(found, an_error(services.UserNotFound), f"looking up user {user_id} again")


@then("there are still {count:d} users")
@judges(NOW)
def still_count(context, count):
    """Listing the users again gives that many."""
    assert_that(asked_again(services.get_users), a_list_of(count, "users"), "users listed again")


@then("I am told the API failed")
@judges(APP_TOLD)
def api_failed(context):
    """The app was told the API failed with an internal error (a 500 answer)."""
    assert_that(APP_TOLD(context), an_error(services.ServerError, status=500), "what the app was told")


def _stored(user_id):
    """The stored user, asked for again; fails with a sentence if the API will not give it."""
    return asked_again(services.get_user, user_id)
