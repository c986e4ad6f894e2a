"""How the features name failures: the service's failures by status, and the client's errors in the Thens' words."""

from behave import register_type

import services

# The one place where a failure named in the features becomes a status.
FAILURES = {"an internal error": 500, "a bad gateway": 502, "a maintenance break": 503}

# The client's errors in the words of the Then that expects each (`Then I am told ...`), most specific first:
# the class, its words, and (for some) its words for one error. A class added to services later is told in
# the words of the nearest class it derives from.
TOLD = (
    (services.UserNotFound, "the user does not exist", lambda e: f"user {e.user_id} does not exist"),
    (services.WriteRefused, "the service does not accept changes", None),
    (services.RateLimited, "the users service is busy", None),
    (services.ServerError, "the users service failed",
     lambda e: f"the users service failed with {failure_words(e.status)}"),
    (services.ApiTimeout, "the users service is too slow", None),
    (services.ApiUnavailable, "the users service is unavailable", None),
    (services.EmptyBody, "the answer was empty", None),
    (services.NotJson, "the answer was not JSON", None),
    (services.TruncatedBody, "the answer was cut short", None),
    (services.WrongShape, "the answer was not what the app expects", None),
    (services.InvalidBody, "the answer could not be used", None),
    (services.BadFraming, "where the answer ends was in doubt", None),
    (services.UnexpectedResponse, "the API answered a status the app does not expect",
     lambda e: f"the API answered {e.status}"),
    (BaseException, "the call failed", None),
)


def parse_failure(text):
    """one of: an internal error (500), a bad gateway (502) or a maintenance break (503)."""
    return FAILURES[text]


parse_failure.pattern = "|".join(FAILURES)
register_type(Failure=parse_failure)


def failure_words(status):
    """A failing status in the features' words: "a maintenance break" for 503, "a 504 error" for others."""
    named = {code: words for words, code in FAILURES.items()}
    return named.get(status, f"a {status} error")


def told(error, detail=True):
    """An error of the client in the words a Then uses ("the users service is too slow"), with its message."""
    words = next(say(error) if say else words for kind, words, say in TOLD if isinstance(error, kind))
    message = str(error)
    if not detail or not message:
        return words
    return message if message.startswith(words) else f"{words} ({message})"


def told_of(kind):
    """What the Thens call a class of errors ("the users service is too slow" for ApiTimeout)."""
    return next(words for known, words, _ in TOLD if issubclass(kind, known))
