"""Steps that send the app elsewhere: a users address redirected, within the service or away from it (the mock only)."""

from behave import given, register_type, then
from hamcrest import assert_that, contains_string
from steps.support.judging import APP_TOLD, judges
from steps.support.matching.matchers import a_service_error, equals

import services

REDIRECTS = {"moved permanently": 301, "found": 302, "see other": 303, "temporary redirect": 307,
             "permanent redirect": 308, "multiple choices": 300}
# Where a redirect may point, in words: the address it names, from the mock's own (scheme, host, port, path).
PLACES = {
    "itself": lambda mock, user_id: f"/users/{user_id}",
    "the same address on another port": lambda mock, user_id: f"http://127.0.0.1:9/users/{user_id}",
    "the same address over https": lambda mock, user_id: f"https://{mock.base_url.split('://')[1]}/users/{user_id}",
    "an address whose port is not a number": lambda mock, user_id: f"http://127.0.0.1:http/users/{user_id}",
    "an address with no server": lambda mock, user_id: f"http://:8080/users/{user_id}",
    "an address with a broken IPv6 server": lambda mock, user_id: f"http://[::1/users/{user_id}",
    "its own server on another port": lambda mock, user_id: f"{_own()}:8080/users/{user_id}",
}



def _own():
    """The app's base URL, naming a server without a port (the app reaches it through a proxy)."""
    if services.settings.base_url.count(":") > 1:
        raise AssertionError(f"the app's address {services.settings.base_url} names a port: point it at a server by "
                             "name first")
    return services.settings.base_url


def parse_place(text):
    """where a redirect points, in words: itself, the same address on another port or over https, or no address."""
    return text


parse_place.pattern = "|".join(PLACES)
register_type(Place=parse_place)


def _redirect(context, user_id, status, location):
    """Reads of the user's address get that redirect (an empty JSON body, as a redirect's body is never read)."""
    context.mock.stubs.answer(f"/users/{user_id}", json="{}", status=status, headers=[("Location", location)])


def _status(kind):
    """The status of a redirect named by its reason phrase, or a failure listing the ones known."""
    if kind not in REDIRECTS:
        raise AssertionError(f'"{kind}" is not a redirect I know; I know: {", ".join(REDIRECTS)}')
    return REDIRECTS[kind]


@given('the users service redirects user {user_id:d} to user {other:d} with "{kind}"')
def redirects_user(context, user_id, other, kind):
    """Reads of the user's address get a redirect of that kind (301, 302...) to the other user's address."""
    _redirect(context, user_id, _status(kind), f"/users/{other}")


@given('the users service redirects user {user_id:d} to {place:Place} with "{kind}"')
def redirects_user_to_place(context, user_id, place, kind):
    """Reads of the user's address get a redirect of that kind to a place named in words (itself, another port...)."""
    if place not in PLACES:
        raise AssertionError(f'"{place}" is not a place I can redirect to; I can: {", ".join(PLACES)}')
    _redirect(context, user_id, _status(kind), PLACES[place](context.mock, user_id))


@given('the users service redirects user {user_id:d} to user {other:d}, naming the standard port, with "{kind}"')
def redirects_user_to_standard_port(context, user_id, other, kind):
    """Reads of the user's address get a redirect to the other user's full address, its port (80, 443) written out."""
    _redirect(context, user_id, _status(kind), f"{_own()}:{'443' if _own().startswith('https') else '80'}/users/{other}")


@given('the users service answers user {user_id:d} with "{kind}" but says not where to')
def redirect_without_location(context, user_id, kind):
    """Reads of the user's address get a redirect status with no Location header."""
    context.mock.stubs.answer(f"/users/{user_id}", json="{}", status=_status(kind))


@given("the users service redirects the app {count:d} times before answering user {user_id:d}")
def redirects_many_times(context, count, user_id):
    """The user's address redirects (302) to another address of the service, which redirects again, count times."""
    context.mock.faults.redirect_chain(method="GET", path=f"/users/{user_id}", times=count)


@given("the users service redirects every change of user {user_id:d} within the service")
def redirects_changes(context, user_id):
    """Replacing or changing the user gets a redirect (302) to another address of the service."""
    for method in ("PUT", "PATCH"):
        context.mock.faults.redirect_chain(method=method, path=f"/users/{user_id}")


@then("I am told the users service sent the app to something that is not an address")
@judges(APP_TOLD)
def told_not_an_address(context):
    """The call failed with the client's bad-redirect error (not a loop, not elsewhere), quoting what it was sent."""
    came = APP_TOLD(context)
    expected = a_service_error(services.BadRedirect, at=services.settings.base_url, saying=("not an address",),
                               but_not=(services.RedirectElsewhere, services.RedirectLoop, services.RedirectedWrite))
    assert_that(came, expected, "what the app was told of a redirect to something that is not an address")
    assert_that(came.error.location, equals(None), "where the app was sent, which must be nowhere it could go")


@then("I am told the users service sent the app to another server, naming the app's own")
@judges(APP_TOLD)
def told_elsewhere_naming_origin(context):
    """The call failed with the client's redirect-elsewhere error, naming both servers (scheme, host and port)."""
    came = APP_TOLD(context)
    assert_that(came, a_service_error(services.RedirectElsewhere, at=services.settings.base_url,
                                      saying=("another server",)), "what the app was told of a redirect to another server")
    assert_that(str(came.error), contains_string(came.error.location), "the message names where the app was sent")
    own = services.settings.base_url
    own = own if own.count(":") == 2 else own + (":443" if own.startswith("https") else ":80")
    assert_that(str(came.error), contains_string(f"only within {own}"), "the message names the app's own server")
