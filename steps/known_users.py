"""Steps that give the users service the users of a scenario: a table of them, none, or a number to page through."""

from behave import given
from steps.support.tables import takes, user_rows
from steps.support.user_fields import FIELDS, UnknownField, a_record, typed

from livedocs.exchanges import embed_text
from mockserver.node import jsrt
from mockserver.controls.datasets import BadData, generated_users
from steps.support.selection import mock_only

CHOSEN_USERS = "the live API's users cannot be chosen by a scenario"  # on the live API: skipped, saying so

SHOWN_USERS = 50  # users shown in the report at the Given; the rest are counted


class DataRefused(AssertionError):
    """Data a scenario gives that cannot be served as it says: the message says why."""


@given("the users service knows only these users")
@given("the users service knows only these users:")
@takes("table", *FIELDS, any_of=True)
@mock_only(CHOSEN_USERS)
def knows_only_these(context):
    """The API's users are the table's (ids 1, 2... unless an id column gives them; an empty cell: no such field)."""
    _serve(context, users_from_table(context, []))


@given("the users service knows these users as well")
@given("the users service knows these users as well:")
@takes("table", *FIELDS, any_of=True)
@mock_only(CHOSEN_USERS)
def knows_these_as_well(context):
    """The table's users come after those the service knows (the live ones), numbered on from the last one's id."""
    mock = mock_in_use(context)
    if mock is not None:
        known = mock.data.get("users", [])
        _serve(context, known + users_from_table(context, known))


@given("the users service knows no users")
@mock_only(CHOSEN_USERS)
def knows_no_users(context):
    """The API has no users at all (its posts, todos and the rest are still the live ones)."""
    _serve(context, [])


@given("the users service knows {count:d} users")
@given("the users service knows {count:d} user")
@mock_only(CHOSEN_USERS)
def knows_generated_users(context, count):
    """The API has that many users (up to 10,000): user 7 is "User 7", username "user7", email user7@example.com."""
    try:
        users = generated_users(count)
    except BadData as refused:
        raise DataRefused(str(refused)) from None
    _serve(context, users)


def users_from_table(context, known):
    """The step's table as user records, in its order, each with an id of its own (none of the known users' ids)."""
    rows = user_rows(context, verb="use")
    taken = {user.get("id"): user for user in known}
    next_id = max((i for i in taken if isinstance(i, (int, float)) and not isinstance(i, bool)), default=0) + 1
    users, rows_of_id = [], {}
    for number, row in enumerate(rows, 1):
        try:
            values = {path: typed(path, text) for path, text in row.items() if text != ""}
        except UnknownField as wrong:
            raise DataRefused(f"row {number}: {wrong}") from None
        if "id" in row and "id" not in values:
            raise DataRefused(f"the user in row {number} has no id: with an id column, every user needs one")
        if "id" not in values:
            values["id"], next_id = next_id, next_id + 1
        user_id = values["id"]
        if user_id in rows_of_id:
            raise DataRefused(f"the id {user_id} is given twice (rows {rows_of_id[user_id]} and {number}): "
                              "each user needs an id of their own")
        if user_id in taken:
            raise DataRefused(f"the id {user_id} in row {number} is already user {user_id}'s "
                              f"({taken[user_id].get('name', 'no name')}): each user needs an id of their own")
        rows_of_id[user_id] = number
        users.append(a_record(values))
    return users


def _serve(context, users):
    """Have the mock serve these users until the scenario ends, and show them in the report at this step."""
    mock = mock_in_use(context)
    if mock is None:
        return
    try:
        mock.use_users(users)
    except BadData as refused:
        raise DataRefused(str(refused)) from None
    shown = jsrt.stringify(users[:SHOWN_USERS])
    more = f"\n... and {len(users) - SHOWN_USERS:,} more" if len(users) > SHOWN_USERS else ""
    caption = f"the users the service knows in this scenario ({len(users):,}, as the API serves them)"
    embed_text(context, shown + more, caption)


def mock_in_use(context):
    """The mock this scenario talks to, or None: a scenario that talks to the live API is skipped, saying why."""
    if getattr(context, "api_url", None) != context.mock.base_url:
        reason = "mock-only: the live API's data and answers cannot be chosen by a scenario"
        context.scenario.skip(reason)  # the steps after this one are skipped, and the scenario with them
        return None
    return context.mock
