"""Steps for what belongs to a user: their posts, todos and albums."""

from behave import register_type, then, when
from collection_matchers import a_list_of, all_belonging_to
from hamcrest import assert_that
from outcome import attempt, result_of

import services

CALLS = {"posts": services.get_user_posts, "todos": services.get_user_todos, "albums": services.get_user_albums}


def parse_content(text):
    """posts, todos or albums."""
    return text


parse_content.pattern = r"posts|todos|albums"
register_type(Content=parse_content)


@when("I ask for the {kind:Content} of user {user_id:d}")
def ask_for_content(context, kind, user_id):
    """Ask for a user's posts, todos or albums."""
    context.kind, context.owner = kind, user_id
    attempt(context, lambda: CALLS[kind](user_id))


@then("I get {count:d} {kind:Content}")
def content_counted(context, count, kind):
    """The answer is a list of exactly that many posts, todos or albums."""
    assert_that(result_of(context), a_list_of(count, kind), f"{kind} of user {context.owner}")


@then("every one of them belongs to user {user_id:d}")
def all_belong_to(context, user_id):
    """Every item's userId is that user's id."""
    kind = getattr(context, "kind", "items")  # set by "I ask for the posts of user 1"
    assert_that(result_of(context), all_belonging_to(user_id, kind), f"{kind} of user {user_id}")


@then("I get none")
def got_none(context):
    """The answer is an empty list."""
    assert_that(result_of(context), a_list_of(0, context.kind), f"{context.kind} of user {context.owner}")
