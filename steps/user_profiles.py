"""Steps for any field of a user, named as on a profile page (city, company, phone...) or by its path in the data."""

from behave import register_type, then
from steps.support.matching.collection_matchers import the_one, users_having, users_including, users_like
from hamcrest import assert_that
from steps.support.judging import USERS, from_where, judges
from steps.support.matching.matchers import a_user_with
from steps.support.parse_types import parse_whole
from steps.support.tables import takes, user_rows
from steps.support.user_fields import FIELDS, as_written, field_path, field_words


def parse_who(text):
    """a user: "user 3", or their username ("Bret") or name ("Leanne Graham")."""
    words = text.split(" ")
    if len(words) == 2 and words[0] == "user" and words[1].isdigit():
        return ("id", parse_whole(words[1]))  # "user 03" fails, saying how the API writes numbers
    return ("who", text)


parse_who.pattern = r"[^'\"]+?"
register_type(Who=parse_who)


def parse_field(text):
    """a field of a user, as on a profile page (city, phone number, company...) or its path in the data."""
    return text


# Not "complete record": that is another step (steps/user_lookup.py), whatever order the modules load in.
parse_field.pattern = r"(?!complete record\b)[^\"']+?"
register_type(Field=parse_field)


@then("every user has a {field:Field}")
@then("every user has an {field:Field}")
@judges(USERS)
def every_user_has(context, field):
    """At least one user came back, and each has that field (phone, website, city...), not empty."""
    path = field_path(field)
    assert_that(USERS(context), users_having(path, field_words(path)), from_where(context, "the users that came back"))


@then('{who:Who}\'s {field:Field} is "{value}"')
@judges(USERS)
def field_is(context, who, field, value):
    """The user (user 3, or a username or name) is among those that came back, and that field has that value."""
    path = field_path(field)
    user = the_one(USERS(context), who)
    assert_that(user, a_user_with({path: as_written(path, value)}), from_where(context, "the user that came back"))


@then("I get the users in this order")
@then("I get the users in this order:")
@then("I get these users")
@then("I get these users:")
@takes("table", *FIELDS, any_of=True)
@judges(USERS)
def these_users(context):
    """Exactly the table's users came back, in its order; every cell is checked (columns: any field of a user)."""
    rows = [{path: as_written(path, text) for path, text in row.items()} for row in user_rows(context)]
    assert_that(USERS(context), users_like(rows), from_where(context, "the users that came back"))


@then("the users include")
@then("the users include:")
@takes("table", *FIELDS, any_of=True)
@judges(USERS)
def users_include(context):
    """Each row is a different one of the users that came back, in any order (others may come too); every cell checked."""
    rows = [{path: as_written(path, text) for path, text in row.items()} for row in user_rows(context)]
    assert_that(USERS(context), users_including(rows), from_where(context, "the users that came back"))
