"""The client's errors: one root, one class per way a call can fail, each carrying URL, status and response."""


class UsersApiError(Exception):
    """Root of every error the users API client raises."""

    def __init__(self, message, *, url=None, status=None, response=None):
        super().__init__(message)
        self.url, self.status, self.response = url, status, response


class UserNotFound(UsersApiError):
    """Raised when the API answers 404 for a user that does not exist."""

    def __init__(self, user_id, *, url=None, response=None):
        super().__init__(f"user {user_id} does not exist ({url} answered 404)", url=url, status=404, response=response)
        self.user_id = user_id


class ApiUnavailable(UsersApiError):
    """Raised when the API cannot be reached: refused, reset, no route, no DNS."""


class ApiTimeout(ApiUnavailable):
    """Raised when the API accepted the connection but did not answer within the read timeout or total_timeout."""


class UnexpectedResponse(UsersApiError):
    """Raised when the API answers with a status the call does not expect."""


class WriteRefused(UnexpectedResponse):
    """Raised when the API refuses a write with 405 Method Not Allowed (the read-only mock does)."""

    def __init__(self, message, *, allowed=(), **kwargs):
        super().__init__(message, **kwargs)
        self.allowed = tuple(allowed)


class ServerError(UnexpectedResponse):
    """Raised when the API answers with a 5xx status."""


class RateLimited(UnexpectedResponse):
    """Raised when the API answers 429 Too Many Requests; retry_after is in seconds, or None."""

    def __init__(self, message, *, retry_after=None, **kwargs):
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class InvalidBody(UnexpectedResponse):
    """Raised when a successful answer's body cannot be used: not JSON, cut short, too large, badly packed, wrong shape."""


class NotJson(InvalidBody):
    """Raised when the body is not JSON (or not declared as JSON)."""


class EmptyBody(NotJson):
    """Raised when a successful answer that should hold JSON has an empty body."""


class TruncatedBody(InvalidBody):
    """Raised when the connection ended before the whole body arrived."""


class BodyTooLarge(InvalidBody):
    """Raised when a body, unpacked, grows past the client's max_body_bytes: reading stops there; limit is that cap."""

    def __init__(self, message, *, limit=None, **kwargs):
        super().__init__(message, **kwargs)
        self.limit = limit


class BadEncoding(InvalidBody):
    """Raised when a body cannot be unpacked as its Content-Encoding says (a broken gzip or deflate stream)."""


class WrongShape(InvalidBody):
    """Raised when the body is JSON but not the shape the call expects (a list of users, a user...)."""


class MalformedAnswer(UsersApiError):
    """Raised when what came back is not a well-formed HTTP answer, so it has no status to judge."""


class NotHttp(MalformedAnswer):
    """Raised when the answer has no HTTP status line: a bare body as HTTP/0.9 sent it, or bytes that are not HTTP."""


class HeadTooLarge(MalformedAnswer):
    """Raised when an answer's head has more header lines (99) or a longer line (64 KB) than the client reads."""


class BadFraming(MalformedAnswer):
    """Raised when where an answer's body ends is in doubt (RFC 9112 section 6.3): nothing of that body is used."""


class InvalidLength(BadFraming):
    """Raised when an answer's Content-Length is not a whole number of bytes (-1, 1.5, 12abc)."""


class ConflictingLengths(BadFraming):
    """Raised when an answer carries two different Content-Length values."""


class LengthWithChunks(BadFraming):
    """Raised when an answer carries both a Content-Length and a Transfer-Encoding: one of them is lying."""


class BadChunk(BadFraming):
    """Raised when a chunk of an answer's body is not followed by CRLF: its size line lied about its length."""


class BadRedirect(UnexpectedResponse):
    """Raised when the API answers with a redirect (3xx) the client does not follow; location is where it pointed."""

    def __init__(self, message, *, location=None, **kwargs):
        super().__init__(message, **kwargs)
        self.location = location


class RedirectElsewhere(BadRedirect):
    """Raised when a redirect points to another origin (scheme, host or port): the client never leaves its API."""


class RedirectedWrite(BadRedirect):
    """Raised when a write (POST, PUT, PATCH, DELETE) is redirected: a change is never sent again, anywhere."""


class RedirectLoop(BadRedirect):
    """Raised when redirects lead back to an address already visited, or go on past the client's limit; urls: the way."""

    def __init__(self, message, *, urls=(), **kwargs):
        super().__init__(message, **kwargs)
        self.urls = tuple(urls)
