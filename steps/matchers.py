"""Hamcrest matchers for users and API errors, whose mismatch names the field that is wrong."""

from hamcrest.core.base_matcher import BaseMatcher

USER_FIELDS = {
    "id": int, "name": str, "username": str, "email": str, "address": dict, "phone": str,
    "website": str, "company": dict,
}
ADDRESS_FIELDS = ("street", "suite", "city", "zipcode", "geo")
COMPANY_FIELDS = ("name", "catchPhrase", "bs")


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


class CompleteUser(BaseMatcher):
    """Matches a user record with every field the API documents, each of the right type."""

    def _matches(self, item):
        return not _user_problems(item)

    def describe_to(self, description):
        description.append_text("a complete user (id, name, username, email, address, phone, website, company)")

    def describe_mismatch(self, item, mismatch_description):
        who = f"user {item.get('id')}" if isinstance(item, dict) else "the answer"
        mismatch_description.append_text(f"{who}: " + "; ".join(_user_problems(item)))


def a_complete_user():
    """A matcher for a complete user record."""
    return CompleteUser()


class UserWith(BaseMatcher):
    """Matches a user whose named fields have the given values; the mismatch names each field that differs."""

    def __init__(self, **expected):
        self.expected = expected

    def _differences(self, item):
        """(field, expected, actual) for each field that differs."""
        return [(field, value, item.get(field, "(missing)")) for field, value in self.expected.items()
                if item.get(field) != value]

    def _matches(self, item):
        return isinstance(item, dict) and not self._differences(item)

    def describe_to(self, description):
        description.append_text("a user with " + ", ".join(f"{k} {v!r}" for k, v in self.expected.items()))

    def describe_mismatch(self, item, mismatch_description):
        if not isinstance(item, dict):
            mismatch_description.append_text(f"the answer was {_summary(item)}, not a user")
            return
        mismatch_description.append_text("; ".join(f"{_whose(item, field)} {field} should be {value!r}; it was {actual!r}"
                                                   for field, value, actual in self._differences(item)))


def _whose(user, field):
    """Whose field it is: "user 3's", but "the user's" for a wrong id ("user 12's id should be 11" misleads)."""
    return f"user {user['id']}'s" if field != "id" and "id" in user else "the user's"


def a_user_with(**expected):
    """A matcher for a user whose fields equal the given values."""
    return UserWith(**expected)


class RaisedError(BaseMatcher):
    """Matches the error a When step stored, by class and optional attributes."""

    def __init__(self, kind, **attributes):
        self.kind, self.attributes = kind, attributes

    def _matches(self, item):
        return isinstance(item, self.kind) and all(getattr(item, k, None) == v for k, v in self.attributes.items())

    def describe_to(self, description):
        extra = "".join(f", {k} {v!r}" for k, v in self.attributes.items())
        description.append_text(f"a {self.kind.__name__} error{extra}")

    def describe_mismatch(self, item, mismatch_description):
        if item is None:
            mismatch_description.append_text("the call succeeded and raised nothing")
        elif not isinstance(item, BaseException):
            mismatch_description.append_text(f"the call succeeded and answered {_summary(item)}")
        elif not isinstance(item, self.kind):
            mismatch_description.append_text(f"it raised {type(item).__name__}: {item}")
        else:
            wrong = {k: getattr(item, k, None) for k, v in self.attributes.items() if getattr(item, k, None) != v}
            mismatch_description.append_text(f"it raised {type(item).__name__} with {wrong}")


def _summary(value):
    """What a successful call answered, in a few words: a user by id and name, a list by its length."""
    if isinstance(value, dict) and "name" in value:
        return f"user {value.get('id')} ({value['name']})"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return repr(value)[:80]


def an_error(kind, **attributes):
    """A matcher for a stored error of the given class (and attribute values)."""
    return RaisedError(kind, **attributes)
