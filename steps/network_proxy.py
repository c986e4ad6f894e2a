"""Steps that put a proxy in the app's environment (HTTP_PROXY...), and point the app at a service by name."""

import os
import urllib.parse

from behave import fixture, given, use_fixture
from client_settings import client_setting

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")
NO_PROXY_VARIABLES = ("NO_PROXY", "no_proxy")
DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens there, so a request through it fails
ELSEWHERE = "http://users.invalid"  # a name that never resolves (RFC 6761): only a proxy can reach it


@fixture
def proxy_in_environment(context, proxy):
    """Every proxy variable set to proxy and no exceptions (NO_PROXY unset) for one scenario; restored after it."""
    names = PROXY_VARIABLES + NO_PROXY_VARIABLES
    saved = {name: os.environ.get(name) for name in names}
    for name in PROXY_VARIABLES:
        os.environ[name] = proxy
    for name in NO_PROXY_VARIABLES:
        os.environ.pop(name, None)
    try:
        yield proxy
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@given("the environment names a proxy that does not answer")
def dead_proxy(context):
    """HTTP_PROXY, HTTPS_PROXY and ALL_PROXY name a port where nothing listens."""
    use_fixture(proxy_in_environment, context, DEAD_PROXY)


@given('the app is pointed at the users service by the name "localhost"')
def pointed_at_localhost(context):
    """The client's base URL names the mock's host as localhost instead of 127.0.0.1."""
    use_fixture(client_setting, context, "base_url", context.mock.base_url.replace("127.0.0.1", "localhost"))


@given("the app reaches the users service by a name only the environment's proxy knows")
def reached_through_proxy(context):
    """The client's base URL names a server that never resolves; the environment's proxy (the mock) reaches it."""
    _through_proxy(context, ELSEWHERE)


@given('the app reaches the users service as "{address}", a name only the environment\'s proxy knows')
def reached_by_name_through_proxy(context, address):
    """The client's base URL is that address, whose server name must end in .invalid (it never resolves: RFC 6761)."""
    host = urllib.parse.urlsplit(address).hostname or ""
    if not host.endswith(".invalid"):
        raise AssertionError(f"{address} names {host or 'no server'}: name one ending in .invalid, which never "
                             "resolves, so that only the proxy can reach it (a scenario never reaches the internet)")
    _through_proxy(context, address)


def _through_proxy(context, address):
    """The environment's proxy is the mock; the client is pointed at address."""
    use_fixture(proxy_in_environment, context, context.mock.base_url)
    use_fixture(client_setting, context, "base_url", address)
