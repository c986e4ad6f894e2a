"""What browsers and caches rely on: fingerprints (ETag) and 304, CORS, compression, HEAD and JSONP."""

import json
import re

from behave import then
from hamcrest import assert_that, contains_string, equal_to, has_entries, is_not, has_key, has_item
from outcome import answer_of


@then("the answer carries the fingerprint {fingerprint}")
def fingerprint_is(context, fingerprint):
    """The ETag is this one: the live API's, so the body is byte for byte the live API's."""
    answer = answer_of(context)
    assert_that(answer.headers.get("ETag"), equal_to(fingerprint), f"the ETag of {answer.url}")


@then("I am told it has not changed")
def not_modified(context):
    """304 Not Modified, with no body: the cached copy is still good."""
    answer = answer_of(context)
    assert_that((answer.status, answer.text), equal_to((304, "")), answer.url)


@then("I get the full answer again")
def full_again(context):
    """200 with the whole body (the fingerprint sent did not match)."""
    answer = answer_of(context)
    assert_that((answer.status, len(answer.text) > 2), equal_to((200, True)), answer.url)


@then("the answer must not be reused without asking again")
def no_reuse(context):
    """Pragma: no-cache and Expires: -1, as the API sends on every JSON answer."""
    assert_that(answer_of(context).headers, has_entries({"Pragma": "no-cache", "Expires": "-1"}), "cache headers")


@then("the page may read the answer, credentials included")
def page_may_read(context):
    """Access-Control-Allow-Origin echoes the page's origin, with credentials allowed."""
    expected = {"Access-Control-Allow-Origin": context.origin, "Access-Control-Allow-Credentials": "true"}
    assert_that(answer_of(context).headers, has_entries(expected), "the CORS headers")


@then("the answer names no origin that may read it")
def no_origin(context):
    """No Access-Control-Allow-Origin when the request came with no Origin."""
    assert_that(answer_of(context).headers, is_not(has_key("Access-Control-Allow-Origin")), "the CORS headers")


@then("the page may send it")
def page_may_send(context):
    """204 to the preflight, the origin echoed, the method allowed, the asked-for header allowed."""
    answer = answer_of(context)
    assert_that(answer.status, equal_to(204), f"the preflight to {answer.url}")
    expected = {"Access-Control-Allow-Origin": context.origin, "Access-Control-Allow-Headers": context.header}
    assert_that(answer.headers, has_entries(expected), "the preflight's CORS headers")
    allowed = answer.headers.get("Access-Control-Allow-Methods", "").split(",")
    assert_that(allowed, has_item(context.method), "the allowed methods")


@then('the client is told the methods "{methods}" and nothing else')
def told_methods(context, methods):
    """204, Access-Control-Allow-Methods lists the methods, no Allow header and no body."""
    answer = answer_of(context)
    told = (answer.status, answer.headers.get("Access-Control-Allow-Methods"), answer.headers.get("Allow"), answer.text)
    assert_that(told, equal_to((204, methods, None, "")), f"OPTIONS {answer.url}")


@then("the answer comes compressed with {coding:w}")
def compressed(context, coding):
    """Content-Encoding: gzip or deflate (the client has already unpacked it)."""
    assert_that(answer_of(context).headers, has_entries({"Content-Encoding": coding}), "the answer's encoding")


@then("the answer comes uncompressed")
def uncompressed(context):
    """No Content-Encoding."""
    assert_that(answer_of(context).headers, is_not(has_key("Content-Encoding")), "the answer's encoding")


@then("I am told the answer would be {length:d} bytes, and get no body")
def head_only(context, length):
    """Content-Length of the full answer, but no body."""
    answer = answer_of(context)
    assert_that((answer.headers.get("Content-Length"), answer.text), equal_to((str(length), "")), answer.url)


@then('the answer is a script that hands user {number:d} to "{callback}"')
def jsonp(context, number, callback):
    """JavaScript (JSONP): the callback is called with the user, if it is a function."""
    answer = answer_of(context)
    assert_that(answer.headers.get("Content-Type"), equal_to("text/javascript; charset=utf-8"), "the script's type")
    prefix = f"/**/ typeof {callback} === 'function' && {callback}("
    assert_that(answer.text, contains_string(prefix), "the script")
    body = re.sub(r"\);$", "", answer.text[len(prefix):])
    assert_that(json.loads(body), has_entries(id=number), "the user handed to the callback")


@then("the answer is JSON in UTF-8, not to be sniffed as anything else")
def json_nosniff(context):
    """Content-Type application/json; charset=utf-8 and X-Content-Type-Options: nosniff."""
    expected = {"Content-Type": "application/json; charset=utf-8", "X-Content-Type-Options": "nosniff"}
    assert_that(answer_of(context).headers, has_entries(expected), "the content headers")


@then('caches are told the answer varies with "{headers}"')
def varies_with(context, headers):
    """The Vary header lists exactly these request headers."""
    assert_that(answer_of(context).headers.get("Vary"), equal_to(headers), "the Vary header")
