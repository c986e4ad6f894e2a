"""Steps about the app's connections to the users service: closing them when it is done (the mock only)."""

import time

from behave import given, then, when
from hamcrest import assert_that, empty
from steps.support.judging import Reading, judges
from steps.support.outcome import Measured, Via, record

import services

CLOSE_NOTICED = 1.0  # seconds the mock may take to notice a closed connection (it notices in about a millisecond)

CLOSED = Reading("the connections the app closed", "'When the app closes its connections'",
                 lambda context, came: came.measured.app_connections)


def _app_connections():
    """The addresses (host, port) the app's pooled connections are bound to: the mock sees them as its clients'."""
    addresses = set()
    for adapter in services.default_client().session.adapters.values():
        pools = adapter.poolmanager.pools
        for key in pools.keys():
            pool = pools.get(key)
            for connection in list(pool.pool.queue) if pool is not None and pool.pool is not None else []:
                sock = getattr(connection, "sock", None)
                if sock is not None and sock.fileno() != -1:
                    addresses.add(sock.getsockname()[:2])
    return frozenset(addresses)


@given("the app has a connection open to the users service")
def connection_open(context):
    """The app has called the service (user 1), so its client keeps a connection open; the mock sees it."""
    _call_keeping_open(context)


@given("the app has a connection open to the users service, and the answer it got is still kept")
def connection_open_answer_kept(context):
    """As above, and the answer (requests' response, which refers to its connection's pool) is kept to the end."""
    kept = []

    def keep(response, *_, **__):
        """A requests response hook: keep the answer."""
        kept.append(response)

    hooks = services.default_client().session.hooks["response"]
    hooks.append(keep)
    try:
        _call_keeping_open(context)
    finally:
        hooks.remove(keep)
    if not kept:
        raise AssertionError("the app called the users service, but no answer came to keep")
    context.kept_answers = kept


def _call_keeping_open(context):
    """The app looks up user 1; the mock must then have the app's connection open."""
    services.get_user(1)
    if not _app_connections() & context.mock.open_peers:
        raise AssertionError("the app called the users service, but the mock has none of its connections open")


@given("the app has closed its connections")
def connections_closed(context):
    """The app has called the service, then closed its client's connections (services.close())."""
    services.get_user(1)
    services.close()


@when("the app closes its connections")
def app_closes_connections(context):
    """The app closes its shared client's pooled connections (services.close()), noting which they were."""
    app = _app_connections()
    services.close()
    record(context, via=Via.APP_CONNECTIONS, where=f"the mock at {context.mock.base_url}",
           measured=Measured(app_connections=app, said=f"closed its connections ({len(app)} open before)"))


@then("the users service has no connection from the app left open")
@judges(CLOSED)
def no_connection_left(context):
    """Within a second, the mock has none of the app's connections open: the app closed every one it had (another
    client's connections are not the app's)."""
    app = CLOSED(context)
    until = time.monotonic() + CLOSE_NOTICED
    while app & context.mock.open_peers and time.monotonic() < until:
        time.sleep(0.001)  # the mock's thread for a connection ends once it reads the close
    assert_that(sorted(app & context.mock.open_peers), empty(),
                "the app's connections the users service still had open a second after the app closed them")
