"""Hamcrest matchers for the lists the API answers, whose mismatch says what the list held, in words."""

from hamcrest.core.base_matcher import BaseMatcher
from .matchers import _user_problems, differences, same
from ..user_fields import value_at

SHOWN = 5  # items named in a mismatch before "and N more"


def counted(count, kind):
    """A count of a kind of thing, in words: "1 user", "10 users"."""
    return f"{count} {kind[:-1] if count == 1 and kind.endswith('s') else kind}"


def label(item):
    """An item of an answer in a few words: a user by name, anything else by id and title."""
    if isinstance(item, dict) and "name" in item:
        return str(item["name"])
    if isinstance(item, dict) and "id" in item:
        return f"#{item['id']} {str(item.get('title', ''))[:30]}".strip()
    return repr(item)[:40]


def listing(items):
    """A list's items named, the first few only: 'Leanne Graham, Ervin Howell and 8 more'."""
    names = [label(item) for item in items[:SHOWN]]
    more = f" and {len(items) - SHOWN} more" if len(items) > SHOWN else ""
    return ", ".join(names) + more


class ListOf(BaseMatcher):
    """Matches a list of exactly that many items; the mismatch counts and names what came."""

    def __init__(self, count, kind):
        self.count, self.kind = count, kind

    def _matches(self, item):
        return isinstance(item, list) and len(item) == self.count

    def describe_to(self, description):
        description.append_text(counted(self.count, self.kind) if self.count else f"no {self.kind}")

    def describe_mismatch(self, item, mismatch_description):
        if not isinstance(item, list):
            mismatch_description.append_text(f"the answer was not a list but {label(item)}")
        else:
            names = f": {listing(item)}" if item else ""
            mismatch_description.append_text(f"there {'was' if len(item) == 1 else 'were'} {len(item)}{names}")


def a_list_of(count, kind):
    """A matcher for a list of exactly count items, named kind ('users', 'posts') in messages."""
    return ListOf(count, kind)


class UsersNamed(BaseMatcher):
    """Matches a list of users with exactly these names, in this order."""

    def __init__(self, names):
        self.names = list(names)

    def _matches(self, item):
        return isinstance(item, list) and [u.get("name") if isinstance(u, dict) else None for u in item] == self.names

    def describe_to(self, description):
        description.append_text("only " + ", ".join(self.names) if self.names else "no users")

    def describe_mismatch(self, item, mismatch_description):
        got = f"the users were {listing(item)}" if isinstance(item, list) and item else "no users came back"
        mismatch_description.append_text(got)


def users_named(*names):
    """A matcher for a list of users with exactly these names, in order."""
    return UsersNamed(names)


class AllBelongTo(BaseMatcher):
    """Matches a non-empty list whose every item points at one owner; the mismatch names the others' items."""

    def __init__(self, owner, number):
        self.owner, self.number, self.key = owner, number, f"{owner}Id"

    def _others(self, item):
        return [x for x in item if not isinstance(x, dict) or x.get(self.key) != self.number]

    def _matches(self, item):
        return isinstance(item, list) and bool(item) and not self._others(item)

    def describe_to(self, description):
        description.append_text(f"records all belonging to {self.owner} {self.number}")

    def describe_mismatch(self, item, mismatch_description):
        if not isinstance(item, list) or not item:
            mismatch_description.append_text(f"there were none: {label(item)}")
            return
        others = self._others(item)[:SHOWN]
        mismatch_description.append_text("; ".join(
            f"{label(x)} belongs to {self.owner} {x.get(self.key) if isinstance(x, dict) else '?'}" for x in others))


def all_belonging_to(owner, number):
    """A matcher for a non-empty list of records that all point at one user, post or album."""
    return AllBelongTo(owner, number)


class EveryUser(BaseMatcher):
    """Matches a non-empty list of users (as the USERS reading gives them) that each pass a check; the mismatch names
    each user and what it lacks."""

    def __init__(self, problems, words):
        self.problems, self.words = problems, words  # problems(user) -> list of phrases; words: what every user has

    def _faults(self, item):
        return [f"user {u.get('id') if isinstance(u, dict) else '?'}: " + "; ".join(self.problems(u))
                for u in item if self.problems(u)]

    def _matches(self, item):
        return bool(item) and not self._faults(item)

    def describe_to(self, description):
        description.append_text(f"users that each have {self.words}")

    def describe_mismatch(self, item, mismatch_description):
        mismatch_description.append_text(" | ".join(self._faults(item)) if item else "no users came back")


def complete_users():
    """A matcher for a non-empty list in which every user has a complete record."""
    return EveryUser(_user_problems, "a complete record (id, name, username, email, address, phone, website, company)")


def users_having(path, words):
    """A matcher for a non-empty list in which every user has a non-empty value at the path."""
    def problems(user):
        value = value_at(user, path) if isinstance(user, dict) else None
        return [] if isinstance(value, (str, int, float)) and value != "" else [f"its {words} is {value!r}"]
    return EveryUser(problems, f"a {words}")


class UsersLike(BaseMatcher):
    """Matches a list of users that equal a table's rows ({path: value}), one for one, in order; the mismatch names
    every row that differs from the user in its place, whatever the count, and the users past the table's end."""

    def __init__(self, rows):
        self.rows = rows

    def _wrong(self, item):
        """Each row that differs from the user in its place, as "row 2: user 2's city should be 'X'; it was 'Y'"."""
        wrong = []
        for number, row in enumerate(self.rows, 1):
            if number > len(item):
                wrong.append(f"row {number}: no user came back in its place")
            elif not isinstance(item[number - 1], dict):
                wrong.append(f"row {number}: in its place came {label(item[number - 1])}, not a user")
            elif found := _unlike(item[number - 1], row):
                wrong.append(f"row {number}: " + "; ".join(differences(item[number - 1], found)))
        return wrong

    def _matches(self, item):
        return isinstance(item, list) and len(item) == len(self.rows) and not self._wrong(item)

    def describe_to(self, description):
        description.append_text(f"{counted(len(self.rows), 'users')}, as the table's rows say, in that order")

    def describe_mismatch(self, item, mismatch_description):
        if not isinstance(item, list) or not item:
            mismatch_description.append_text("no users came back" if item == [] else f"the answer was {label(item)}")
            return
        found = [] if len(item) == len(self.rows) else \
            [f"{counted(len(item), 'users')} came back, the table has {counted(len(self.rows), 'rows')}"]
        found += self._wrong(item)
        if len(item) > len(self.rows):
            found.append(f"past the table's end came {listing(item[len(self.rows):])}")
        mismatch_description.append_text(" | ".join(found))


def users_like(rows):
    """A matcher for a list of users equal to the table's rows, in order."""
    return UsersLike(rows)


class UsersIncluding(BaseMatcher):
    """Matches a list of users among which each of a table's rows is a user of its own, every cell equal (in any
    order; other users may have come too); the mismatch names each row not found, with the closest user's
    differences."""

    def __init__(self, rows):
        self.rows = rows

    def _missing(self, item):
        """Each row that no user (not taken by an earlier row) equals, in words."""
        taken, missing = set(), []
        users = [user for user in item if isinstance(user, dict)]
        for number, row in enumerate(self.rows, 1):
            equal = [n for n, user in enumerate(users) if not _unlike(user, row)]
            free = [n for n in equal if n not in taken]
            if free:
                taken.add(free[0])
            elif equal:
                missing.append(f"row {number}: it is {label(users[equal[0]])}, whom an earlier row describes already")
            elif users:
                closest = min(users, key=lambda user: len(_unlike(user, row)))
                missing.append(f"row {number}: no user that came back is like it; the closest, {label(closest)}: "
                               + "; ".join(differences(closest, _unlike(closest, row))))
            else:
                missing.append(f"row {number}: no user came back")
        return missing

    def _matches(self, item):
        return isinstance(item, list) and not self._missing(item)

    def describe_to(self, description):
        description.append_text(f"users including the table's {counted(len(self.rows), 'rows')}, each a user of "
                                "its own with every cell as written")

    def describe_mismatch(self, item, mismatch_description):
        if not isinstance(item, list):
            mismatch_description.append_text(f"the answer was {label(item)}")
            return
        came = f"{counted(len(item), 'users')} came back: {listing(item)}" if item else "no users came back"
        mismatch_description.append_text(" | ".join([*self._missing(item), came]))


def users_including(rows):
    """A matcher for a list of users that includes each of the table's rows (in any order)."""
    return UsersIncluding(rows)


def _unlike(user, row):
    """(path, expected, actual) for each cell of a row that the user's value does not equal."""
    return [(path, value, value_at(user, path)) for path, value in row.items() if not same(value_at(user, path), value)]


def the_one(users, who):
    """The user named (by id, username or name) among those that came back; fails naming who came instead."""
    how, key = who
    found = [u for u in users if (u.get("id") == key if how == "id" else key in (u.get("username"), u.get("name")))]
    named = f"user {key}" if how == "id" else f'a user named "{key}" (username or name)'
    if len(found) != 1:
        came = f"the users that came back were {listing(users)}" if users else "no users came back"
        raise AssertionError(f"{named} is not among the users that came back: {came}" if not found
                             else f'{len(found)} users that came back are named "{key}": {listing(found)}')
    return found[0]
