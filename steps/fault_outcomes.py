"""Steps that judge how the app is told the users service misbehaved: a typed error, in bounded time."""

from steps.support import failures  # noqa: F401  (registers the {failure:Failure} field)
from steps.support import parse_types  # noqa: F401  (registers the {seconds:Duration} field)
from behave import then
from hamcrest import assert_that, less_than
from steps.support.judging import APP_TOLD, TIMING, judges
from steps.support.matching.matchers import a_service_error, equals

import services


def _told(context, kind, why, **expected):
    """The app was told an error of that kind (status and the rest as given), naming a URL at the service."""
    expected = a_service_error(kind, at=services.settings.base_url, **expected)
    assert_that(APP_TOLD(context), expected, why)


@then("I am told the users service is unavailable")
@judges(APP_TOLD)
def told_unavailable(context):
    """The app was told the service cannot be reached (refused, hung up, reset), not that it was too slow."""
    _told(context, services.ApiUnavailable, "calling a service that cannot be reached", but_not=services.ApiTimeout)


@then("I am told the users service is too slow")
@judges(APP_TOLD)
def told_too_slow(context):
    """The app was told the service took too long (no answer, or not all of it, in time)."""
    _told(context, services.ApiTimeout, "calling a slow service")


@then("I am told the users service is busy")
@judges(APP_TOLD)
def told_busy(context):
    """The app was told the service is rate limiting (429 Too Many Requests)."""
    _told(context, services.RateLimited, "calling a service that is rate limiting", status=429)


@then("I am told to try again in {seconds:Duration}")
@judges(APP_TOLD)
def told_when_to_retry(context, seconds):
    """The app was told it is rate limited, and after how long to try again (the service's Retry-After)."""
    _told(context, services.RateLimited, "calling a service that is rate limiting", status=429)
    assert_that(APP_TOLD(context).error.retry_after, equals(seconds), "seconds the service asked the app to wait")


@then("I am told the users service failed with {failure:Failure}")
@judges(APP_TOLD)
def told_failed(context, failure):
    """The app was told the service failed with that failure's status (500, 502, 503)."""
    _told(context, services.ServerError, "calling a failing service", status=failure)


@then("I am told the API answered {status:d}, a status the app does not expect")
@judges(APP_TOLD)
def told_unexpected_status(context, status):
    """The app was told the API answered that status, which it has no meaning for (not busy, failing or missing)."""
    _told(context, services.UnexpectedResponse, "an answer with a status the app does not expect", status=status,
          but_not=(services.ServerError, services.RateLimited, services.WriteRefused, services.BadRedirect,
                   services.InvalidBody))


@then("I am told the answer was cut short")
@judges(APP_TOLD)
def told_truncated(context):
    """The app was told the answer (itself a 200) stopped half way."""
    _told(context, services.TruncatedBody, "an answer that stopped half way", status=200)


@then("I am told the answer was not JSON")
@judges(APP_TOLD)
def told_not_json(context):
    """The app was told the answer (a 200) was not JSON: written or labelled as something else, but not empty."""
    _told(context, services.NotJson, "an answer that is not JSON", status=200, but_not=services.EmptyBody)


@then("I am told the answer was empty")
@judges(APP_TOLD)
def told_empty(context):
    """The app was told the answer (a 200) had an empty body."""
    _told(context, services.EmptyBody, "an empty answer", status=200)


@then("I was told in under {seconds:Duration}")
@judges(TIMING)
def told_in_time(context, seconds):
    """The last When got its answer, or gave up, within that time."""
    assert_that(TIMING(context).elapsed, less_than(seconds), "seconds the When took")
