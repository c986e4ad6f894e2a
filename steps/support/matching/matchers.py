"""Hamcrest matchers for users and for the app's errors, whose mismatch names the field that is wrong, in words."""

from ..failures import told, told_of
from hamcrest import all_of, contains_string, not_
from hamcrest.core.base_matcher import BaseMatcher
from ..user_fields import field_words, value_at

USER_FIELDS = {
    "id": int, "name": str, "username": str, "email": str, "address": dict, "phone": str,
    "website": str, "company": dict,
}
ADDRESS_FIELDS = ("street", "suite", "city", "zipcode", "geo")
COMPANY_FIELDS = ("name", "catchPhrase", "bs")
SHOWN_CHARS = 200  # characters of a value quoted in a mismatch: a failure never quotes a whole megabyte


def brief(value):
    """A value's repr, cut to SHOWN_CHARS characters with the rest counted."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else f"{text[:SHOWN_CHARS]}... ({len(text) - SHOWN_CHARS} more characters)"


def same(actual, expected):
    """Equal and of the same JSON type, all the way down: the API's 3.0 or true is not the 3 or 1 a scenario wrote
    (Python's 3.0 == 3 and True == 1 would let them pass)."""
    if isinstance(expected, (list, tuple)) and isinstance(actual, (list, tuple)):
        return len(actual) == len(expected) and all(same(a, e) for a, e in zip(actual, expected, strict=True))
    if isinstance(expected, dict) and isinstance(actual, dict):
        return actual.keys() == expected.keys() and all(same(actual[k], expected[k]) for k in expected)
    return type(actual) is type(expected) and actual == expected or (actual is None and expected is None)


class Equals(BaseMatcher):
    """Matches a value equal to the expected one, of the same type; expected and actual are quoted briefly (brief)."""

    def __init__(self, expected):
        self.expected = expected

    def _matches(self, item):
        return same(item, self.expected)

    def describe_to(self, description):
        description.append_text(brief(self.expected))

    def describe_mismatch(self, item, mismatch_description):
        mismatch_description.append_text(f"was {brief(item)}")


def equals(expected):
    """A matcher for a value equal to the expected one, quoting both briefly (hamcrest's equal_to quotes all)."""
    return Equals(expected)


def _user_problems(user):
    """What keeps a value from being a complete user record, as short phrases."""
    if not isinstance(user, dict):
        return [f"it is {type(user).__name__}, not a user object"]
    problems = []
    for field, kind in USER_FIELDS.items():
        if field not in user:
            problems.append(f"{field} is missing")
        elif not isinstance(user[field], kind) or user[field] in ("", {}):
            problems.append(f"{field} is {user[field]!r}")
    for group, fields in (("address", ADDRESS_FIELDS), ("company", COMPANY_FIELDS)):
        if isinstance(user.get(group), dict):
            problems.extend(f"{group}.{f} is missing" for f in fields if f not in user[group])
    return problems


class UserWith(BaseMatcher):
    """Matches a user whose fields (paths such as address.city) have the given values; names each that differs."""

    def __init__(self, expected):
        self.expected = expected

    def _differences(self, item):
        """(path, expected, actual) for each field that differs."""
        return [(path, value, value_at(item, path)) for path, value in self.expected.items()
                if not same(value_at(item, path), value)]

    def _matches(self, item):
        return isinstance(item, dict) and not self._differences(item)

    def describe_to(self, description):
        description.append_text("a user with " + ", ".join(f"{field_words(k)} {v!r}" for k, v in self.expected.items()))

    def describe_mismatch(self, item, mismatch_description):
        if not isinstance(item, dict):
            mismatch_description.append_text(f"the answer was {item!r:.80}, not a user")
            return
        mismatch_description.append_text("; ".join(differences(item, self._differences(item))))


def differences(user, found):
    """Each (path, expected, actual) as "user 3's city should be 'X'; it was 'Y'"."""
    return [f"{_whose(user, path)} {field_words(path)} should be {value!r}; it was {actual!r}"
            for path, value, actual in found]


def _whose(user, path):
    """Whose field it is: "user 3's", but "the user's" for a wrong id ("user 12's id should be 11" misleads)."""
    return f"user {user['id']}'s" if path != "id" and "id" in user else "the user's"


def a_user_with(fields=None, **expected):
    """A matcher for a user whose fields equal the given values (keywords, or a dict of paths such as address.city)."""
    return UserWith({**(fields or {}), **expected})


class Told(BaseMatcher):
    """Matches the error the app was told: its class (not but_not), status and URL; described in the Thens' words."""

    def __init__(self, kind, attributes, at="", but_not=None, saying=()):
        self.kind, self.attributes, self.at, self.but_not, self.saying = kind, attributes, at, but_not, tuple(saying)

    def _problems(self, item):
        error = getattr(item, "error", item) if hasattr(item, "said") else item  # a CameBack, or an error
        if not isinstance(error, BaseException):
            return [f"the call succeeded and {item.said()}" if hasattr(item, "said") else
                    f"the call succeeded and got {item!r:.80}"]
        if not isinstance(error, self.kind) or (self.but_not and isinstance(error, self.but_not)):
            return [f"it was told {told(error)}"]
        problems = [f"its {k} was {getattr(error, k, None)!r}" for k, v in self.attributes.items()
                    if getattr(error, k, None) != v]
        if not str(error.url or "").startswith(self.at):
            problems.append(f"its URL was {error.url!r}")
        problems += [f"its message does not say {text!r}: {error}" for text in self.saying if text not in str(error)]
        return problems

    def _matches(self, item):
        return not self._problems(item)

    def describe_to(self, description):
        extra = "".join(f", {k} {v!r}" for k, v in self.attributes.items())
        where = f", naming a URL at {self.at}" if self.at else ""
        saying = "".join(f", saying {text!r}" for text in self.saying)
        description.append_text(f"to be told {told_of(self.kind)}{extra}{where}{saying}")

    def describe_mismatch(self, item, mismatch_description):
        mismatch_description.append_text("; ".join(self._problems(item)))


def an_error(kind, **attributes):
    """A matcher for the app's error of the given class (and attribute values such as status=404)."""
    return Told(kind, attributes)


ANY_STATUS = object()


def a_service_error(kind, *, status=ANY_STATUS, at="", but_not=None, saying=()):
    """A matcher for the app's error: its class (not but_not), status (None: no status), URL start, words it says."""
    return Told(kind, {} if status is ANY_STATUS else {"status": status}, at, but_not, saying)


def shows_no_python():
    """A matcher for a body with nothing of the mock's own Python in it (a traceback, a file and line), also where
    the body is JSON and its strings escape the quotes (`.py\\", line`)."""
    return all_of(not_(contains_string("Traceback (most recent call last)")), not_(contains_string('.py", line')),
                  not_(contains_string('.py\\", line')))
