"""Steps that bring an answer to the edge of what the app reads: its body's size, its head's lines (the mock only)."""

from behave import given, use_fixture
from client_settings import client_setting

import services

LONG_LINE = 70_000  # characters of a header line: more than the 64 KB line a client reads


def _size_of_user(user_id):
    """The size in bytes of the user's record as the app reads it (unpacked), asked of the service before any limit."""
    return len(services.exchange("GET", f"/users/{user_id}").text.encode("utf-8"))


@given("the app takes answers no larger than user {user_id:d}'s record")
def limit_at_record(context, user_id):
    """The client's body limit is exactly the size of the user's record."""
    use_fixture(client_setting, context, "max_body_bytes", _size_of_user(user_id))


@given("the app takes answers one byte smaller than user {user_id:d}'s record")
def limit_below_record(context, user_id):
    """The client's body limit is one byte less than the size of the user's record."""
    use_fixture(client_setting, context, "max_body_bytes", _size_of_user(user_id) - 1)


@given("the users service answers with exactly {lines:d} header lines")
def exact_header_lines(context, lines):
    """Each answer is the API's JSON under a head of exactly that many header lines (padding after the real ones)."""
    context.mock.faults.many_headers(lines=lines)


@given("the users service answers with a header line over 64 KB")
def long_header_line(context):
    """Each answer carries one header whose line is 70,000 characters long."""
    context.mock.stubs.answer("/users/3", headers=[("X-Long", "x" * LONG_LINE)])
