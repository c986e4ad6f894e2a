"""The client code under test: calls to the JSONPlaceholder users endpoint, with typed errors."""

from .client import Answer, UsersClient
from .config import DEFAULT_URL, Settings, settings
from .errors import (
    ApiTimeout,
    ApiUnavailable,
    BadChunk,
    BadEncoding,
    BadFraming,
    BadRedirect,
    BodyTooLarge,
    ConflictingLengths,
    EmptyBody,
    HeadTooLarge,
    InvalidBody,
    InvalidLength,
    LengthWithChunks,
    MalformedAnswer,
    NotHttp,
    NotJson,
    RateLimited,
    RedirectedWrite,
    RedirectElsewhere,
    RedirectLoop,
    ServerError,
    TruncatedBody,
    UnexpectedResponse,
    UserNotFound,
    UsersApiError,
    WriteRefused,
    WrongShape,
)

_clients = {}


def default_client():
    """The shared client, configured by `services.settings` (the hooks point that at the mock)."""
    if "default" not in _clients:
        _clients["default"] = UsersClient(settings)
    return _clients["default"]


def close():
    """Close the shared client's connections (the hooks call this after the run); a later call opens new ones."""
    client = _clients.get("default")
    if client is not None:
        client.close()


def exchange(method, path, **options):
    """Any request, answered as it came (for steps that document the HTTP contract)."""
    return default_client().exchange(method, path, **options)


def get_users():
    """Every user (the tutorial's call)."""
    return default_client().get_users()


def get_user(user_id):
    """One user by id."""
    return default_client().get_user(user_id)


def find_users(filters=None, **fields):
    """Users whose fields equal the given values."""
    return default_client().find_users(filters, **fields)


def get_user_posts(user_id):
    """A user's posts."""
    return default_client().get_user_posts(user_id)


def get_user_todos(user_id):
    """A user's todos."""
    return default_client().get_user_todos(user_id)


def get_user_albums(user_id):
    """A user's albums."""
    return default_client().get_user_albums(user_id)


def create_user(user):
    """Create a user (faked by the API: nothing is kept)."""
    return default_client().create_user(user)


def replace_user(user_id, user):
    """Replace a user (PUT)."""
    return default_client().replace_user(user_id, user)


def update_user(user_id, changes):
    """Change some of a user's fields (PATCH)."""
    return default_client().update_user(user_id, changes)


def delete_user(user_id):
    """Delete a user."""
    return default_client().delete_user(user_id)


__all__ = [
    "Answer", "exchange", "ApiTimeout", "ApiUnavailable", "BadChunk", "BadEncoding", "BadFraming", "BadRedirect", "BodyTooLarge", "ConflictingLengths", "DEFAULT_URL",
    "EmptyBody", "HeadTooLarge", "InvalidBody", "InvalidLength", "LengthWithChunks",
    "MalformedAnswer", "NotHttp", "NotJson", "RateLimited",
    "RedirectedWrite", "RedirectElsewhere", "RedirectLoop", "ServerError",
    "Settings", "TruncatedBody", "UnexpectedResponse", "UserNotFound", "UsersApiError", "UsersClient",
    "WriteRefused", "WrongShape", "close", "create_user", "default_client", "delete_user", "find_users",
    "get_user", "get_user_albums", "get_user_posts", "get_user_todos", "get_users", "replace_user",
    "settings", "update_user",
]
