"""What browsers and caches rely on: fingerprints (ETag) and 304, CORS, compression, HEAD and JSONP."""

import json
import re

from behave import then
from hamcrest import assert_that, contains_string, has_entries, has_item
from steps.support.judging import ANSWER, Reading, judges
from steps.support.matching.matchers import equals
from steps.support.tables import StepMisread
from steps.support.outcome import asked_again

import services

FROM_A_PAGE = Reading("the answer to a page from another origin", "'When a page from \"...\" asks the API for ...'",
                      lambda context, came: came if came.status is not None and "Origin" in came.sent_headers else None)
PREFLIGHT = Reading("the answer to a browser's preflight", "'When a page from \"...\" asks whether it may send ...'",
                    lambda context, came: came if came.status is not None
                    and "Access-Control-Request-Method" in came.sent_headers else None)


@then("the answer carries the fingerprint {fingerprint}")
@judges(ANSWER)
def fingerprint_is(context, fingerprint):
    """The ETag is this one: the live API's, so the body is byte for byte the live API's."""
    came = ANSWER(context)
    assert_that(came.headers.get("ETag"), equals(fingerprint), f"the ETag of {came.where}")


@then("I am told it has not changed")
@judges(ANSWER)
def not_modified(context):
    """304 Not Modified, with no body: the cached copy is still good."""
    came = ANSWER(context)
    assert_that((came.status, came.text), equals((304, "")), came.where)


@then("I get the full answer again")
@judges(ANSWER)
def full_again(context):
    """200 with the whole body, as a plain request for the same address gets it (the fingerprint did not match)."""
    came = ANSWER(context)
    assert_that(came.status, equals(200), f"the status of the answer: {came.said()}")
    plain = asked_again(services.exchange, "GET", came.address)
    assert_that(came.text, equals(plain.text), f"the body, against {came.address} asked for without a fingerprint")


@then("the answer must not be reused without asking again")
@judges(ANSWER)
def no_reuse(context):
    """Pragma: no-cache and Expires: -1, as the API sends on every JSON answer."""
    assert_that(ANSWER(context).headers, has_entries({"Pragma": "no-cache", "Expires": "-1"}), "the answer's cache headers")


@then("the page may read the answer, credentials included")
@judges(FROM_A_PAGE)
def page_may_read(context):
    """Access-Control-Allow-Origin echoes the page's origin, with credentials allowed."""
    came = FROM_A_PAGE(context)
    expected = {"Access-Control-Allow-Origin": came.sent_headers["Origin"], "Access-Control-Allow-Credentials": "true"}
    assert_that(came.headers, has_entries(expected), "the CORS headers")


@then("the answer names no origin that may read it")
@judges(ANSWER)
def no_origin(context):
    """No Access-Control-Allow-Origin when the request came with no Origin."""
    assert_that(ANSWER(context).headers.get("Access-Control-Allow-Origin"), equals(None), "the CORS grant")


@then("the page may send it")
@judges(PREFLIGHT)
def page_may_send(context):
    """204 to the preflight, the origin echoed, the method allowed, the asked-for header allowed."""
    came = PREFLIGHT(context)
    asked = came.sent_headers
    assert_that(came.status, equals(204), f"the preflight to {came.where}")
    expected = {"Access-Control-Allow-Origin": asked["Origin"],
                "Access-Control-Allow-Headers": asked.get("Access-Control-Request-Headers")}
    assert_that(came.headers, has_entries(expected), "the preflight's CORS headers")
    allowed = came.headers.get("Access-Control-Allow-Methods", "").split(",")
    assert_that(allowed, has_item(asked["Access-Control-Request-Method"]), "the allowed methods")


@then('the client is told the methods "{methods}" and nothing else')
@judges(ANSWER)
def told_methods(context, methods):
    """204, Access-Control-Allow-Methods lists the methods, no Allow header and no body."""
    came = ANSWER(context)
    told = (came.status, came.headers.get("Access-Control-Allow-Methods"), came.headers.get("Allow"), came.text)
    assert_that(told, equals((204, methods, None, "")), f"OPTIONS {came.where}")


@then("the answer comes compressed with {coding:w}")
@judges(ANSWER)
def compressed(context, coding):
    """Content-Encoding: gzip or deflate, the ones the API compresses with (the client has already unpacked it)."""
    if coding not in ("gzip", "deflate"):
        raise StepMisread(f'the API compresses with gzip or deflate, not "{coding}"')
    assert_that(ANSWER(context).headers, has_entries({"Content-Encoding": coding}), "the answer's encoding")


@then("the answer comes uncompressed")
@judges(ANSWER)
def uncompressed(context):
    """No Content-Encoding."""
    assert_that(ANSWER(context).headers.get("Content-Encoding"), equals(None), "the answer's encoding")


@then("I am told the answer would be {length:d} bytes, and get no body")
@judges(ANSWER)
def head_only(context, length):
    """Content-Length of the full answer, but no body."""
    came = ANSWER(context)
    assert_that((came.headers.get("Content-Length"), came.text), equals((str(length), "")), came.where)


@then('the answer is a script that hands user {number:d} to "{callback}"')
@judges(ANSWER)
def jsonp(context, number, callback):
    """JavaScript (JSONP): the callback is called with the user, if it is a function."""
    came = ANSWER(context)
    assert_that(came.headers.get("Content-Type"), equals("text/javascript; charset=utf-8"), "the script's type")
    prefix = f"/**/ typeof {callback} === 'function' && {callback}("
    assert_that(came.text, contains_string(prefix), "the script")
    body = re.sub(r"\);$", "", came.text[len(prefix):])
    try:
        handed = json.loads(body)
    except ValueError:
        raise AssertionError(f"the script hands the callback something that is not JSON: {body[:80]!r}") from None
    assert_that(handed, has_entries(id=number), "the user handed to the callback")


@then("the answer is JSON in UTF-8, not to be sniffed as anything else")
@judges(ANSWER)
def json_nosniff(context):
    """Content-Type application/json; charset=utf-8 and X-Content-Type-Options: nosniff."""
    expected = {"Content-Type": "application/json; charset=utf-8", "X-Content-Type-Options": "nosniff"}
    assert_that(ANSWER(context).headers, has_entries(expected), "the content headers")


@then('caches are told the answer varies with "{headers}"')
@judges(ANSWER)
def varies_with(context, headers):
    """The Vary header lists exactly these request headers."""
    assert_that(ANSWER(context).headers.get("Vary"), equals(headers), "the Vary header")
