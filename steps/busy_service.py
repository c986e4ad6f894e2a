"""Steps that put the users service out of reach without refusing: it never takes the app's call (the mock only)."""

import socket

from behave import fixture, given, use_fixture

import services

QUEUE_FILLERS = 3  # connections that fill a listen(0) queue, so the next one is never taken


@fixture
def never_taking_calls(context):
    """The client pointed at a loopback port whose queue of calls is full: a connection is never taken, nor refused."""
    listener, fillers, saved = socket.socket(), [], services.settings.base_url
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)  # never accepted: the kernel keeps one call waiting, and drops the rest unanswered
    for _ in range(QUEUE_FILLERS):
        filler = socket.socket()
        filler.setblocking(False)
        filler.connect_ex(listener.getsockname())
        fillers.append(filler)
    services.settings.base_url = "http://127.0.0.1:%d" % listener.getsockname()[1]
    try:
        yield services.settings.base_url
    finally:
        services.settings.base_url = saved
        for sock in (*fillers, listener):
            sock.close()


@given("the users service never takes the app's call")
def service_never_takes_calls(context):
    """Connections to the service are neither accepted nor refused: the app waits to connect."""
    use_fixture(never_taking_calls, context)
