"""Steps that judge how the app is told a hostile answer came: a typed error that says what happened."""

from behave import then
from hamcrest import assert_that, contains_string, has_item, has_length
from steps.support.judging import APP_TOLD, judges
from steps.support.matching.matchers import a_service_error

import services
from services.redirects import MAX_REDIRECTS


def _error_at_api(kind, *saying, status=200):
    """A matcher for an error of that kind naming a URL at the API the scenario talks to."""
    return a_service_error(kind, status=status, at=services.settings.base_url, saying=saying)


@then("I am told the answer was too large")
@judges(APP_TOLD)
def told_too_large(context):
    """The call failed with the client's body-too-large error, naming the limit the app set."""
    limit = f"{services.settings.max_body_bytes:,} bytes"
    assert_that(APP_TOLD(context), _error_at_api(services.BodyTooLarge, limit), "an answer larger than the app takes")


@then("I am told the answer could not be unpacked")
@judges(APP_TOLD)
def told_bad_encoding(context):
    """The call failed with the client's bad-encoding error, naming the packing that failed."""
    assert_that(APP_TOLD(context), _error_at_api(services.BadEncoding, "gzip"), "an answer packed wrongly")


@then("I am told the answer was nested too deeply to read")
@judges(APP_TOLD)
def told_too_deep(context):
    """The call failed with the client's not-JSON error, saying the JSON was nested too deeply."""
    expected = _error_at_api(services.NotJson, "nested too deeply")
    assert_that(APP_TOLD(context), expected, "JSON nested deeper than the app reads")


@then("I am told the answer was not HTTP")
@judges(APP_TOLD)
def told_not_http(context):
    """The call failed with the client's not-HTTP error (no status line), not as 'unavailable'."""
    expected = _error_at_api(services.NotHttp, "not HTTP", status=None)
    assert_that(APP_TOLD(context), expected, "an answer with no status line")


@then("I am told the answer had more headers than the app reads")
@judges(APP_TOLD)
def told_head_too_large(context):
    """The call failed with the client's head-too-large error, naming the 99 header lines it reads."""
    expected = _error_at_api(services.HeadTooLarge, "more than 99 header lines", status=None)
    assert_that(APP_TOLD(context), expected, "an answer with too many headers")


@then("I am told the users service sent the app to another server")
@judges(APP_TOLD)
def told_sent_elsewhere(context):
    """The call failed with the client's redirect-elsewhere error, naming the other server's address."""
    came = APP_TOLD(context)
    assert_that(came, _error_at_api(services.RedirectElsewhere, "another server", status=307), "a redirect away")
    error = came.error
    assert_that(str(error), contains_string(error.location), "the message names where the app was sent")


@then("I am told a change is never sent again on a redirect")
@judges(APP_TOLD)
def told_write_redirected(context):
    """The call failed with the client's redirected-write error: the change went once, and nowhere else."""
    expected = _error_at_api(services.RedirectedWrite, "never sends a change again", status=302)
    assert_that(APP_TOLD(context), expected, "a change that was redirected")


@then("I am told the redirects went round in a loop, naming the addresses")
@judges(APP_TOLD)
def told_redirect_loop(context):
    """The call failed with the client's redirect-loop error as soon as the loop closed; its message names every
    address of the loop."""
    came = APP_TOLD(context)
    assert_that(came, _error_at_api(services.RedirectLoop, "loop", status=302), "redirects in a loop")
    error = came.error
    assert_that(error.urls[:-1], has_item(error.urls[-1]), "the addresses before the one the loop leads back to")
    assert_that(error.urls[:-1], has_length(len(set(error.urls[:-1]))),
                "the addresses before it, each once: the loop is named as soon as it closes")
    for url in error.urls:
        assert_that(str(error), contains_string(url), "the message names each address of the loop")


@then("I am told the app was redirected too many times, naming the addresses")
@judges(APP_TOLD)
def told_too_many_redirects(context):
    """The call failed with the client's redirect-loop error after its limit of redirects, naming each address."""
    came = APP_TOLD(context)
    expected = _error_at_api(services.RedirectLoop, f"more than {MAX_REDIRECTS} times", status=302)
    assert_that(came, expected, "redirects that never end")
    error = came.error
    assert_that(error.urls, has_length(MAX_REDIRECTS + 2), "the addresses: the one asked, each redirect, the next")
    for url in error.urls:
        assert_that(str(error), contains_string(url), "the message names each address")



def _told_misframed(context, kind, words, why):
    """The call failed with that framing error of the client, status 200, saying what was wrong and that none was used."""
    expected = _error_at_api(kind, words, "where its body ends is in doubt")
    assert_that(APP_TOLD(context), expected, f"what the app was told of {why}")


@then("I am told the answer's length was not a number of bytes")
@judges(APP_TOLD)
def told_invalid_length(context):
    """The call failed with the client's invalid-length error, quoting the length the service gave."""
    # the client quotes the first 40 characters of a bad value: the minus sign and 39 of the service's 60 ones
    _told_misframed(context, services.InvalidLength, "Content-Length: '-" + "1" * 39 + "',",
                    "an answer with a negative length")


@then("I am told the answer gave two different lengths")
@judges(APP_TOLD)
def told_conflicting_lengths(context):
    """The call failed with the client's conflicting-lengths error."""
    _told_misframed(context, services.ConflictingLengths, "two different Content-Length values", "an answer with two different lengths")


@then("I am told the answer gave both a length and chunks")
@judges(APP_TOLD)
def told_length_with_chunks(context):
    """The call failed with the client's length-with-chunks error, naming the transfer coding."""
    _told_misframed(context, services.LengthWithChunks, "Transfer-Encoding: chunked", "an answer with a length and chunks")


@then("I am told a chunk of the answer was longer than its size said")
@judges(APP_TOLD)
def told_bad_chunk(context):
    """The call failed with the client's bad-chunk error, quoting the bytes where CRLF should have been."""
    _told_misframed(context, services.BadChunk, "a chunk followed by b'\\n\\n', not CRLF",
                    "an answer with a chunk longer than its size")


@then("I am told the answer had a header line longer than the app reads")
@judges(APP_TOLD)
def told_header_line_too_long(context):
    """The call failed with the client's head-too-large error, naming the 64 KB line it reads (not as not-HTTP)."""
    expected = _error_at_api(services.HeadTooLarge, "a header line over 64 KB", status=None)
    assert_that(APP_TOLD(context), expected, "what the app was told of an answer with a header line too long")


@then("I am told the users service had not taken all the app sent when its time ran out")
@judges(APP_TOLD)
def told_upload_unfinished(context):
    """The call failed with ApiTimeout saying the service had not taken the whole request by the call's deadline
    (not that a single send waited too long, nor that the answer was slow)."""
    expected = _error_at_api(services.ApiTimeout, "had not taken the whole request when the call's total timeout",
                             status=None)
    assert_that(APP_TOLD(context), expected, "what the app was told of a service that stopped taking its request")
