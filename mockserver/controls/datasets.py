"""Data sets for one scenario: the live set with other users, checked as json-server checks the data it is given.

json-server 0.16 takes any object whose properties hold arrays or plain objects (its validate-data and
router): it checks no ids, so two records with one id are served as they are (a lookup finds the first) and
a new record gets the largest number id plus one. The mock serves such data exactly as the engine would;
what a scenario may say about its users (ids of their own, a bound on how many) is the steps' rule.
"""

MAX_USERS = 10_000  # users a scenario may give or generate: enough to page through, small enough to stay fast
_JS_TYPES = {bool: "boolean", int: "number", float: "number", str: "string", type(None): "object"}


class BadData(ValueError):
    """A data set json-server would refuse to start with: the message is its own."""


def validate(data):
    """Refuse what json-server refuses: data that is not an object, a key with '/', a value not an array or object."""
    if not isinstance(data, dict):
        found = _JS_TYPES.get(type(data), "object")
        raise BadData(f"Data must be an object. Found {found}.See https://github.com/typicode/json-server for example.")
    for key, value in data.items():
        if "/" in key:
            raise BadData(f"Oops, found / character in database property '{key}'.")
        if not isinstance(value, (list, dict)):
            raise BadData(f'Type of "{key}" ({_JS_TYPES.get(type(value), "object")})  is not supported. '
                          "Use objects or arrays of objects.")
    return data


def with_users(data, users):
    """The data set with its users replaced (every other collection keeps its records, and the order of the keys)."""
    if len(users) > MAX_USERS:
        raise BadData(f"{len(users):,} users are more than a scenario may give ({MAX_USERS:,})")
    replaced = {key: (list(users) if key == "users" else value) for key, value in data.items()}
    if "users" not in replaced:
        replaced["users"] = list(users)
    return validate(replaced)


def generated_users(count, first_id=1):
    """count users named predictably, numbered from first_id: user 7 is "User 7", username "user7",
    email "user7@example.com" (no address, phone, website or company)."""
    if not isinstance(count, int) or not 0 <= count <= MAX_USERS:
        raise BadData(f"a scenario may generate from 0 to {MAX_USERS:,} users, not {count!r}")
    return [{"id": n, "name": f"User {n}", "username": f"user{n}", "email": f"user{n}@example.com"}
            for n in range(first_id, first_id + count)]
