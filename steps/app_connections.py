"""Steps about the app's connections to the users service: closing them when it is done (the mock only)."""

import time

from behave import given, then, when
from hamcrest import assert_that
from steps.support.judging import Reading, judges
from steps.support.matching.matchers import equals
from steps.support.outcome import Measured, Via, record

import services

CLOSE_NOTICED = 1.0  # seconds the mock may take to notice a closed connection (it notices in about a millisecond)

CLOSED = Reading("the connections the app closed", "'When the app closes its connections'",
                 lambda context, came: came.measured.open_before is not None or None)


@given("the app has a connection open to the users service")
def connection_open(context):
    """The app has called the service (user 1), so its client keeps a connection open; the mock sees it."""
    services.get_user(1)
    if not context.mock.open_connections:
        raise AssertionError("the app called the users service, but the mock has no connection open")


@given("the app has closed its connections")
def connections_closed(context):
    """The app has called the service, then closed its client's connections (services.close())."""
    services.get_user(1)
    services.close()


@when("the app closes its connections")
def app_closes_connections(context):
    """The app closes its shared client's pooled connections (services.close()), noting how many the mock had open."""
    before = context.mock.open_connections
    services.close()
    record(context, via=Via.APP_CONNECTIONS, where=f"the mock at {context.mock.base_url}",
           measured=Measured(open_before=before, said=f"closed its connections ({before} open at the mock before)"))


@then("the users service has no connection from the app left open")
@judges(CLOSED)
def no_connection_left(context):
    """Within a second, the mock has no connection open: the app closed every one it had."""
    CLOSED(context)
    until = time.monotonic() + CLOSE_NOTICED
    while context.mock.open_connections and time.monotonic() < until:
        time.sleep(0.001)  # the mock's thread for a connection ends once it reads the close
    assert_that(context.mock.open_connections, equals(0), "connections the mock has open, a second after")
