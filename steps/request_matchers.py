"""Hamcrest matchers for a misbehaving service's errors and for the requests the mock's journal holds."""

from hamcrest.core.base_matcher import BaseMatcher

ANY_STATUS = object()


class ServiceError(BaseMatcher):
    """Matches a stored client error of one kind (and not of a narrower one), with its status, naming a URL at the API."""

    def __init__(self, kind, status, at, but_not, saying=()):
        self.kind, self.status, self.at, self.but_not, self.saying = kind, status, at, but_not, tuple(saying)

    def _problems(self, error):
        if error is None:
            return ["the call succeeded and raised nothing"]
        if not isinstance(error, BaseException):
            return [f"the call succeeded and answered {type(error).__name__} {str(error)[:60]}"]
        if not isinstance(error, self.kind) or (self.but_not and isinstance(error, self.but_not)):
            return [f"it raised {type(error).__name__}: {error}"]
        problems = [] if self.status in (ANY_STATUS, error.status) else [f"its status was {error.status!r}"]
        if not str(error.url or "").startswith(self.at):
            problems.append(f"its URL was {error.url!r}")
        problems += [f"its message does not say {text!r}: {error}" for text in self.saying if text not in str(error)]
        return problems

    def _matches(self, item):
        return not self._problems(item)

    def describe_to(self, description):
        status = "" if self.status is ANY_STATUS else f" with status {self.status}"
        saying = "".join(f", saying {text!r}" for text in self.saying)
        description.append_text(f"a {self.kind.__name__} error{status} naming a URL at {self.at}{saying}")

    def describe_mismatch(self, item, mismatch_description):
        mismatch_description.append_text("; ".join(self._problems(item)))


def a_service_error(kind, *, status=ANY_STATUS, at="", but_not=None, saying=()):
    """A matcher for the error a When step stored: its class (not but_not), status, URL prefix, words of its message."""
    return ServiceError(kind, status, at, but_not, saying)


class JsonRequest(BaseMatcher):
    """Matches a journal entry whose body was declared and written as a JSON object with the given fields."""

    def __init__(self, expected):
        self.expected = expected

    def _problems(self, entry):
        if "json" not in entry.headers.get("content-type", ""):
            return [f"its Content-Type was {entry.headers.get('content-type')!r}"]
        if not isinstance(entry.json, dict):
            return [f"its body was {entry.body[:80]!r}, not a JSON object"]
        return [f"{k} was {entry.json.get(k, '(missing)')!r}, not {v!r}"
                for k, v in self.expected.items() if entry.json.get(k) != v]

    def _matches(self, item):
        return not self._problems(item)

    def describe_to(self, description):
        description.append_text("a JSON object with " + ", ".join(f"{k} {v!r}" for k, v in self.expected.items()))

    def describe_mismatch(self, item, mismatch_description):
        mismatch_description.append_text(f"{item.method} {item.path}: " + "; ".join(self._problems(item)))


def a_json_request(**expected):
    """A matcher for a journal entry that sent these fields as JSON."""
    return JsonRequest(expected)
