"""Steps for what belongs to a user (posts, todos, albums), and for the records of any kind that came back."""

from steps.support import parse_types  # noqa: F401  (registers the Content, Owner and Ids field types)
from behave import then, when
from steps.support.matching.collection_matchers import a_list_of, all_belonging_to
from hamcrest import assert_that
from steps.support.judging import A_LIST, OWNED, RECORDS, from_where, judges
from steps.support.outcome import attempt

import services

CALLS = {"posts": services.get_user_posts, "todos": services.get_user_todos, "albums": services.get_user_albums}


@when("I ask for the {kind:Content} of user {user_id:d}")
def ask_for_content(context, kind, user_id):
    """Ask for a user's posts, todos or albums."""
    if kind not in CALLS:
        raise AssertionError(f"the app has no call for a user's {kind}; it has: {', '.join(CALLS)}")
    attempt(context, CALLS[kind], user_id)


@then("I get {count:d} {kind:Content}")
@judges(RECORDS)
def content_counted(context, count, kind):
    """Exactly that many records of that kind came back (users, posts, comments, albums, photos or todos)."""
    assert_that(RECORDS(context, kind=kind), a_list_of(count, kind), from_where(context, f"the {kind} that came back"))


@then("every one of them belongs to {owner:Owner} {number:d}")
@judges(OWNED)
def all_belong_to(context, owner, number):
    """At least one record came back, and each points back at that user, post or album (userId, postId, albumId)."""
    assert_that(OWNED(context, owner=owner), all_belonging_to(owner, number), f"the records of {owner} {number}")


@then("I get none")
@judges(A_LIST)
def got_none(context):
    """An empty list came back."""
    assert_that(A_LIST(context), a_list_of(0, "records"), from_where(context, "the list that came back"))
