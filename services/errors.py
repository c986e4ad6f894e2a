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
    """Raised when the API accepted the connection but did not answer within the read timeout."""


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
    """Raised when a successful answer's body cannot be used: not JSON, cut short, or the wrong shape."""


class NotJson(InvalidBody):
    """Raised when the body is not JSON (or not declared as JSON)."""


class EmptyBody(NotJson):
    """Raised when a successful answer that should hold JSON has an empty body."""


class TruncatedBody(InvalidBody):
    """Raised when the connection ended before the whole body arrived."""


class WrongShape(InvalidBody):
    """Raised when the body is JSON but not the shape the call expects (a list of users, a user...)."""
