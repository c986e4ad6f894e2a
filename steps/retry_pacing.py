"""Steps about how the app paces its tries: the pauses it takes, and how it reads a service asking it to wait."""

import email.utils
import time

from steps.support import parse_types  # noqa: F401  (registers the {seconds:Duration} field)
from behave import given, register_type, then, use_fixture
from client_settings import client_setting
from hamcrest import assert_that, close_to, contains_exactly, empty, none
from steps.support.judging import APP_TOLD, judges
from steps.support.matching.matchers import a_service_error
from steps.support.parse_types import parse_duration
from steps.support.pauses import PAUSES, pauses_noted

import services

HTTP_DATE_SLACK = 2.0  # seconds: an HTTP date counts whole seconds, and the call takes a moment


def parse_pauses(text):
    """pauses in order: "10 ms", "10 ms, then 20 ms"."""
    return [parse_duration(part) for part in text.split(", then ")]


parse_pauses.pattern = parse_types.parse_duration.pattern + r"(?:, then " + parse_types.parse_duration.pattern + ")*"
register_type(Pauses=parse_pauses)


@given("the app pauses {seconds:Duration} before asking again the first time")
def first_pause(context, seconds):
    """The client's first pause between tries (doubled for each further one); its pauses are noted."""
    use_fixture(client_setting, context, "retry_backoff", seconds)
    use_fixture(pauses_noted, context)


@given("the app pauses at most {seconds:Duration} between tries")
def longest_pause(context, seconds):
    """The client's longest pause: a service asking for longer is reported at once."""
    use_fixture(client_setting, context, "retry_max_wait", seconds)


@given("the users service is rate limiting until {minutes:d} minutes from now")
def rate_limiting_until_later(context, minutes):
    """Every request gets 429 with a Retry-After that is an HTTP date that many minutes from now."""
    context.mock.faults.status(429, retry_after=_http_date(60 * minutes))


@given("the users service was rate limiting until {minutes:d} minutes ago")
def rate_limiting_until_past(context, minutes):
    """The first request gets 429 with a Retry-After that is an HTTP date already past; later ones are answered."""
    context.mock.faults.status(429, retry_after=_http_date(-60 * minutes), times=1)


@given("the users service is rate limiting, asking the app to wait until {minutes:d} minutes ago")
def rate_limiting_with_past_date(context, minutes):
    """Every request gets 429 with a Retry-After that is an HTTP date already past."""
    context.mock.faults.status(429, retry_after=_http_date(-60 * minutes))


def _http_date(seconds):
    """The HTTP date that many seconds from now (before now, if negative)."""
    return email.utils.formatdate(time.time() + seconds, usegmt=True)


@given('the users service is rate limiting and says to come back "{when}"')
def rate_limiting_vaguely(context, when):
    """Every request gets 429 with a Retry-After that is neither seconds nor a date."""
    context.mock.faults.status(429, retry_after=when)


@then("the app paused {pauses:Pauses} before asking again")
@judges(PAUSES)
def paused(context, pauses):
    """The client took exactly these pauses between its tries, in this order."""
    taken = PAUSES(context)
    assert_that(taken, contains_exactly(*(close_to(p, 1e-9) for p in pauses)),
                "the pauses the app took between its tries, in seconds")


@then("the app did not pause")
@judges(PAUSES)
def did_not_pause(context):
    """The client took no pause: it asked once, or gave up at once."""
    assert_that(PAUSES(context), empty(), "the pauses the app took between its tries, in seconds")


@then("I am told to try again in about {seconds:Duration}")
@judges(APP_TOLD)
def told_to_retry_in_about(context, seconds):
    """The app was told it is rate limited, and after about how long to try again (an HTTP date, read as seconds)."""
    came = APP_TOLD(context)
    assert_that(came, a_service_error(services.RateLimited, status=429),
                "what the app was told by a service that is rate limiting")
    assert_that(came.error.retry_after, close_to(seconds, HTTP_DATE_SLACK),
                "the seconds the service asked the app to wait, as the app read them")


@then("I am told the users service is busy, but not for how long")
@judges(APP_TOLD)
def told_busy_not_how_long(context):
    """The app was told it is rate limited, with no pause it could read from the service's answer."""
    came = APP_TOLD(context)
    assert_that(came, a_service_error(services.RateLimited, status=429),
                "what the app was told by a service that is rate limiting")
    assert_that(came.error.retry_after, none(),
                "the seconds the service asked the app to wait, as the app read them")
