"""Steps that judge how the app is told the users service misbehaved: a typed error, in bounded time."""

import failures  # noqa: F401  (registers the {failure:Failure} field)
from behave import then
from hamcrest import assert_that, equal_to, less_than
from request_matchers import a_service_error

import services


@then("I am told the users service is unavailable")
def told_unavailable(context):
    """The call failed with the client's 'unavailable' error (refused, hung up, reset), not a timeout."""
    expected = a_service_error(services.ApiUnavailable, but_not=services.ApiTimeout, at=services.settings.base_url)
    assert_that(context.error, expected, "calling a service that cannot be reached")


@then("I am told the users service is too slow")
def told_too_slow(context):
    """The call failed with the client's timeout error (no answer, or not all of it, in time)."""
    expected = a_service_error(services.ApiTimeout, at=services.settings.base_url)
    assert_that(context.error, expected, "calling a slow service")


@then("I am told the users service is busy")
def told_busy(context):
    """The call failed with the client's rate-limited error (429 Too Many Requests)."""
    expected = a_service_error(services.RateLimited, status=429, at=services.settings.base_url)
    assert_that(context.error, expected, "calling a service that is rate limiting")


@then("I am told to try again in {seconds:d} seconds")
def told_when_to_retry(context, seconds):
    """The rate-limited error carries the pause the service asked for (its Retry-After)."""
    assert_that(getattr(context.error, "retry_after", None), equal_to(seconds), "the pause the service asked for")


@then("I am told the users service failed with {failure:Failure}")
def told_failed(context, failure):
    """The call failed with the client's server error, carrying the failure's status (500, 502, 503)."""
    expected = a_service_error(services.ServerError, status=failure, at=services.settings.base_url)
    assert_that(context.error, expected, "calling a failing service")


@then("I am told the answer was cut short")
def told_truncated(context):
    """The call failed with the client's truncated-body error (the answer itself was 200)."""
    expected = a_service_error(services.TruncatedBody, status=200, at=services.settings.base_url)
    assert_that(context.error, expected, "an answer that stopped half way")


@then("I am told the answer was not JSON")
def told_not_json(context):
    """The call failed with the client's not-JSON error (written or labelled as something else)."""
    expected = a_service_error(services.NotJson, status=200, at=services.settings.base_url, but_not=services.EmptyBody)
    assert_that(context.error, expected, "an answer that is not JSON")


@then("I am told the answer was empty")
def told_empty(context):
    """The call failed with the client's empty-body error."""
    expected = a_service_error(services.EmptyBody, status=200, at=services.settings.base_url)
    assert_that(context.error, expected, "an empty answer")


@then("I was told in under {seconds:g} second")
@then("I was told in under {seconds:g} seconds")
def told_in_time(context, seconds):
    """The last call answered or gave up within that many seconds."""
    assert_that(context.elapsed, less_than(seconds), "seconds the app took to tell")
