"""Steps that judge which of the app's patiences ran out: connecting, waiting for an answer, or the whole call."""

import re

from steps.support import parse_types  # noqa: F401  (registers the {seconds:Duration} field)
from behave import then
from hamcrest import all_of, assert_that, contains_string, greater_than, is_not, less_than_or_equal_to
from steps.support.judging import APP_TOLD, judges
from steps.support.matching.matchers import a_service_error

import services


def _told(context, kind, why, saying, **expected):
    """The app was told an error of that kind, at the service, saying these words."""
    matcher = a_service_error(kind, at=services.settings.base_url, saying=saying, **expected)
    assert_that(APP_TOLD(context), matcher, why)


@then("I am told the users service did not take the call within {seconds:Duration}")
@judges(APP_TOLD)
def told_not_connected(context, seconds):
    """The app was told the service cannot be reached: it did not accept a connection in that time (or in what was
    left of the whole call's time, a little less)."""
    _told(context, services.ApiUnavailable, "what the app was told of a service that never takes the call",
          ("did not accept a connection in",), but_not=services.ApiTimeout)
    waited = re.search(r"did not accept a connection in ([0-9.e-]+) s", str(APP_TOLD(context).error))
    assert_that(float(waited.group(1)), all_of(less_than_or_equal_to(seconds), greater_than(0)),
                "the seconds the app waited to connect (the whole call's time left, if less)")


@then("I am told the users service did not answer within {seconds:Duration}")
@judges(APP_TOLD)
def told_no_answer_in(context, seconds):
    """The app was told the service is too slow: no answer began within its time to wait for one."""
    _told(context, services.ApiTimeout, "what the app was told of a service slower than the app waits",
          (f"did not answer in {seconds:g} s",))


@then("I am told the users service had not answered when the whole call's {seconds:Duration} ran out")
@judges(APP_TOLD)
def told_no_answer_by_deadline(context, seconds):
    """The app was told the service is too slow: no answer had come when the call's whole time ran out (or it ran
    out before the app could even ask, on a busy machine: the same rule)."""
    _told(context, services.ApiTimeout, "what the app was told of a service slower than the whole call may take",
          (f"the call's total timeout of {seconds:g} s passed",))


@then("I am told the users service was still sending its answer when the whole call's {seconds:Duration} ran out")
@judges(APP_TOLD)
def told_still_sending(context, seconds):
    """The app was told the service is too slow: the answer had begun, but was not whole when the time ran out."""
    _told(context, services.ApiTimeout, "what the app was told of an answer slower than the whole call may take",
          ("sending its answer", f"after {seconds:g} s"), status=200)


@then("I am told the users service stopped sending its answer part way")
@judges(APP_TOLD)
def told_stopped_part_way(context):
    """The app was told the service is too slow: its answer began, then paused longer than the app waits for more."""
    _told(context, services.ApiTimeout, "what the app was told of an answer that stopped part way",
          ("stopped sending its answer part way",), status=200)


@then("I am told the users service refused the connection")
@judges(APP_TOLD)
def told_refused(context):
    """The app was told the service cannot be reached, in the system's words: a new connection was refused."""
    _told(context, services.ApiUnavailable, "what the app was told of a service that refuses connections",
          ("cannot be reached: Failed to establish a new connection", "Connection refused"), but_not=services.ApiTimeout)
    assert_that(str(APP_TOLD(context).error), is_not(contains_string("HTTPConnection(")),
                "the reason in a few words, without the HTTP library's own wrapping")
