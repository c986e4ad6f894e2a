"""Steps that set how patient the app is, for one scenario (restored after it)."""

from steps.support import parse_types  # noqa: F401  (registers the {seconds:Duration} field)
from behave import fixture, given, use_fixture

import services


@fixture
def client_setting(context, name, value):
    """One of services.settings set to value for the scenario, and restored after it."""
    saved = getattr(services.settings, name)
    setattr(services.settings, name, value)
    try:
        yield value
    finally:
        setattr(services.settings, name, saved)


@given("the app waits at most {seconds:Duration} for an answer")
def patience_for_answer(context, seconds):
    """The client's read timeout: how long it waits for the service to start answering."""
    use_fixture(client_setting, context, "read_timeout", seconds)


@given("the app waits at most {seconds:Duration} for a whole answer")
def patience_for_whole_answer(context, seconds):
    """The client's total timeout: how long one call may take in all, retries and body included."""
    use_fixture(client_setting, context, "total_timeout", seconds)


@given("the app takes answers of at most {size:d} bytes")
def patience_for_size(context, size):
    """The client's body limit: the most of an answer (unpacked) it reads before giving up."""
    use_fixture(client_setting, context, "max_body_bytes", size)


@given("the app does not ask again")
def no_retries(context):
    """The client makes one attempt per call, even where a retry could help."""
    use_fixture(client_setting, context, "retries", 0)


@given("the app waits at most {seconds:Duration} to connect")
def patience_for_connection(context, seconds):
    """The client's connect timeout: how long it waits for the service to take the call."""
    use_fixture(client_setting, context, "connect_timeout", seconds)
