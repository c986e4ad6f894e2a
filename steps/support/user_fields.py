"""A user's fields in the words of a profile page, mapped to the paths of the data: the one table every step uses."""

from .parse_types import WHOLE  # a whole number as JSON writes it: "3", never "03", " 3" or "3.0"

# words -> (path in a user record, type of its value). Each path may also be written as it is ("address.geo.lat").
FIELDS = {
    "id": ("id", int),
    "name": ("name", str),
    "username": ("username", str),
    "email": ("email", str),
    "phone": ("phone", str),
    "website": ("website", str),
    "street": ("address.street", str),
    "suite": ("address.suite", str),
    "city": ("address.city", str),
    "zip code": ("address.zipcode", str),
    "latitude": ("address.geo.lat", str),
    "longitude": ("address.geo.lng", str),
    "company": ("company.name", str),
    "catch phrase": ("company.catchPhrase", str),
    "business": ("company.bs", str),
}
SYNONYMS = {"email address": "email", "phone number": "phone", "bs": "business", "zipcode": "zip code"}
PATHS = {path: words for words, (path, _) in FIELDS.items()}
MISSING = type("Missing", (), {"__repr__": lambda self: "(missing)"})()


class UnknownField(AssertionError, ValueError):
    """A field named in a step that no user has: the message names the fields there are."""


def field_path(words, role="field", verb="check"):
    """The path of a field named in words ("zip code", "phone number") or as a path ("address.zipcode")."""
    if words in PATHS:
        return words
    said = " ".join(words.lower().split())
    said = SYNONYMS.get(said, said)
    if said in FIELDS:
        return FIELDS[said][0]
    raise UnknownField(f'the {role} "{words}" is not one I can {verb}; I can {verb}: {", ".join(FIELDS)} '
                       f'(or the path of a field in the data, such as address.geo.lat)')


def field_words(path):
    """A path in a profile page's words ("address.city": "city")."""
    return PATHS.get(path, path)


def value_at(record, path):
    """The value at a dotted path of a record, or MISSING."""
    value = record
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            return MISSING
        value = value[key]
    return value


def typed(path, text):
    """A value written in a scenario, as the field holds it (id is a number, written as JSON writes it); fails naming
    the field."""
    kind = FIELDS[PATHS[path]][1] if path in PATHS else str
    if kind is int:
        if not text.strip().lstrip("-").isdigit():
            raise UnknownField(f'{field_words(path)} is a whole number, not "{text}"')
        if not WHOLE.fullmatch(text):
            raise UnknownField(f'{field_words(path)} is a whole number written as the API writes it, '
                               f'{int(text)}, not "{text}"')
        return int(text)
    return text


def as_written(path, text):
    """A value a Then compares with the API's: as the field holds it when written as the API writes it ("3" for id
    3), else the text itself, which then differs from the API's value and the failure shows that ("03", "3.0")."""
    try:
        return typed(path, text)
    except UnknownField:
        return text


# The order of the fields in the API's user records, so that a user a scenario gives reads like the live ones.
RECORD_ORDER = ("id", "name", "username", "email", "address.street", "address.suite", "address.city",
                "address.zipcode", "address.geo.lat", "address.geo.lng", "phone", "website", "company.name",
                "company.catchPhrase", "company.bs")


def a_record(values):
    """A user record from {path: value}, its fields in the order of the API's records."""
    return nested({path: values[path] for path in sorted(values, key=RECORD_ORDER.index)})


def nested(values):
    """A record from {path: value}: {"address.city": "X"} becomes {"address": {"city": "X"}}."""
    record = {}
    for path, value in values.items():
        *groups, last = path.split(".")
        place = record
        for group in groups:
            place = place.setdefault(group, {})
        place[last] = value
    return record
