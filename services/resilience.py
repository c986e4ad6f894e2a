"""How the client copes with a misbehaving API: a deadline for a whole call, retries for reads, a bounded body read."""

import time

import urllib3

from . import errors

RETRY_STATUSES = (429, 503)  # "slow down" and "not now": asking again later can help
RETRIED_METHODS = ("GET", "HEAD")  # idempotent reads only: a write is never sent twice
READ_SIZE = 64 * 1024


class Deadline:
    """The moment by which a whole call (every attempt, every pause, every body) must be over."""

    def __init__(self, seconds):
        self.seconds = seconds
        self._ends = time.monotonic() + seconds

    def remaining(self):
        """Seconds left, never below 0."""
        return max(0.0, self._ends - time.monotonic())

    def timeout(self, settings):
        """The (connect, read) timeout for the next attempt: the configured pair, cut to what is left."""
        left = max(self.remaining(), 0.001)
        return (min(settings.connect_timeout, left), min(settings.read_timeout, left))


def pause_before_retry(settings, method, status, asked, retries_done, deadline):
    """Seconds to wait before asking again (honouring Retry-After: `asked`), or None to give up now."""
    if method not in RETRIED_METHODS or status not in RETRY_STATUSES or retries_done >= settings.retries:
        return None
    if asked is not None and asked > settings.retry_max_wait:
        return None  # the API asks for a longer pause than the client may take: never retry sooner than asked
    pause = min(max(settings.retry_backoff * 2**retries_done, asked or 0.0), settings.retry_max_wait)
    return pause if pause < deadline.remaining() else None


def read_body(response, deadline):
    """Read the whole body as it arrives, so a trickle cannot outlast the deadline; typed errors on failure."""
    url, status = response.url, response.status_code
    context = {"url": url, "status": status, "response": response}
    parts = []
    try:
        while True:
            part = response.raw.read1(READ_SIZE, decode_content=True)
            if not part:
                break
            parts.append(part)
            if deadline.remaining() <= 0:
                raise errors.ApiTimeout(f"{url} was still sending its answer after {deadline.seconds} s", **context)
    except urllib3.exceptions.ReadTimeoutError as exc:
        raise errors.ApiTimeout(f"{url} stopped sending its answer part way (read timeout)", **context) from exc
    except (urllib3.exceptions.ProtocolError, urllib3.exceptions.DecodeError) as exc:
        raise errors.TruncatedBody(f"{url} closed the connection before the whole body arrived ({status})",
                                   **context) from exc
    except urllib3.exceptions.HTTPError as exc:
        raise errors.UsersApiError(f"reading the answer of {url} failed: {exc}", **context) from exc
    # What Response.content would have read: set it so .json() and .text work as usual.
    response._content, response._content_consumed = b"".join(parts), True
    return response
