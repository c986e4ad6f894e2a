"""How the client copes with a misbehaving API: a deadline for a whole call, retries for reads, a bounded body read."""

import http.client
import time

import urllib3

from . import errors
from .transport import bad_framing

RETRY_STATUSES = (429, 503)  # "slow down" and "not now": asking again later can help
RETRIED_METHODS = ("GET", "HEAD")  # idempotent reads only: a write is never sent twice
READ_SIZE = 65536  # bytes: a read never asks for more (64 KiB)


class Deadline:
    """The moment by which a whole call (every attempt, every pause, every body) must be over."""

    def __init__(self, seconds):
        self.seconds = seconds
        self._ends = time.monotonic() + seconds

    def remaining(self):
        """Seconds left (0 or less once the moment has come)."""
        return self._ends - time.monotonic()

    def passed(self):
        """Whether the moment has come."""
        return time.monotonic() >= self._ends

    def timeout(self, settings):
        """The (connect, read) timeout for the next attempt: connecting cut to what is left (some is); each read is
        cut to what is left when it begins, by the transport (services/transport.py)."""
        return (min(settings.connect_timeout, self.remaining()), settings.read_timeout)


def pause_before_retry(settings, method, status, asked, retries_done, deadline):
    """Seconds to wait before asking again (honouring Retry-After: `asked`), or None to give up now."""
    if method not in RETRIED_METHODS or status not in RETRY_STATUSES or retries_done >= settings.retries:
        return None
    if asked is not None and asked > settings.retry_max_wait:
        return None  # the API asks for a longer pause than the client may take: never retry sooner than asked
    pause = settings.retry_backoff * 2**retries_done
    if asked is not None:
        pause = max(pause, asked)
    pause = min(pause, settings.retry_max_wait)
    return pause if pause < deadline.remaining() else None


def read_body(response, deadline, limit):
    """Read the whole body as it arrives, unpacked, within the deadline and at most `limit` bytes; typed errors.

    urllib3 unpacks gzip and deflate a piece at a time (never more than READ_SIZE per read), so a small body
    that unpacks to a gigabyte is stopped at the limit, as is an answer that never ends.
    """
    parts = []
    try:
        _read_parts(response, deadline, limit, parts)
    except BaseException:
        response.raw.close()  # the rest is never read: the connection must not go back to the pool
        _keep(response, parts[:1])  # for the report: the beginning of what came, never all of it
        raise
    _keep(response, parts)
    return response


def _read_parts(response, deadline, limit, parts):
    """Append the body's unpacked pieces to parts until it ends; typed errors for every way it can fail."""
    url, status = response.url, response.status_code
    context = {"url": url, "status": status, "response": response}
    size = 0
    try:
        while part := response.raw.read1(READ_SIZE, decode_content=True):
            size += len(part)
            if size > limit:
                raise errors.BodyTooLarge(f"{url} sent a body larger than the client's limit of {limit:,} bytes "
                                          "(max_body_bytes); reading stopped there", limit=limit, **context)
            parts.append(part)
            if deadline.passed():
                raise errors.ApiTimeout(f"{url} was still sending its answer after {deadline.seconds:g} s", **context)
    except urllib3.exceptions.ReadTimeoutError as exc:
        when = f"after {deadline.seconds:g} s (total timeout)" if deadline.passed() else "part way (read timeout)"
        raise errors.ApiTimeout(f"{url} stopped sending its answer {when}", **context) from exc
    except urllib3.exceptions.DecodeError as exc:
        coding = response.headers.get("Content-Encoding")
        raise errors.BadEncoding(f"{url} sent a body labelled Content-Encoding: {coding} that cannot be unpacked "
                                 f"as {coding}", **context) from exc
    except (urllib3.exceptions.ProtocolError, http.client.HTTPException) as exc:
        misframed = bad_framing(exc, url, response)
        if misframed is not None:
            raise misframed from exc
        raise errors.TruncatedBody(f"{url} closed the connection before the whole body arrived ({status})",
                                   **context) from exc
    except urllib3.exceptions.HTTPError as exc:
        raise errors.UsersApiError(f"reading the answer of {url} failed: {exc}", **context) from exc


def _keep(response, parts):
    """Set what Response.content would have read, so .json(), .text and the report work as usual."""
    response._content = b"".join(parts)  # Response.content then marks it consumed itself
