"""Steps for what belongs to a user: their posts, todos and albums."""

import parse_types  # noqa: F401  (registers the Content, Owner and Ids field types)
from behave import then, when
from collection_matchers import a_list_of, all_belonging_to
from hamcrest import assert_that
from outcome import attempt, result_of

import services

CALLS = {"posts": services.get_user_posts, "todos": services.get_user_todos, "albums": services.get_user_albums}


@when("I ask for the {kind:Content} of user {user_id:d}")
def ask_for_content(context, kind, user_id):
    """Ask for a user's posts, todos or albums."""
    if kind not in CALLS:
        raise ValueError(f"the client has no call for a user's {kind}; use posts, todos or albums")
    attempt(context, CALLS[kind], user_id)


@then("I get {count:d} {kind:Content}")
def content_counted(context, count, kind):
    """The answer is a list of exactly that many records of that kind."""
    assert_that(result_of(context), a_list_of(count, kind), f"{kind} from {context.api_url}")


@then("every one of them belongs to {owner:Owner} {number:d}")
def all_belong_to(context, owner, number):
    """Every record points back at that user, post or album (userId, postId, albumId), and there is one at least."""
    assert_that(result_of(context), all_belonging_to(owner, number), f"the records of {owner} {number}")


@then("I get none")
def got_none(context):
    """The answer is an empty list."""
    assert_that(result_of(context), a_list_of(0, "records"), f"from {context.api_url}")
