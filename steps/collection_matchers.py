"""Hamcrest matchers for the lists the API answers, whose mismatch says what the list held, in words."""

from hamcrest.core.base_matcher import BaseMatcher

from matchers import _user_problems

SHOWN = 5  # items named in a mismatch before "and N more"


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
        description.append_text(f"{self.count} {self.kind}" if self.count else f"no {self.kind}")

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
        return isinstance(item, list) and [u.get("name") for u in item if isinstance(u, dict)] == self.names \
            and len(item) == len(self.names)

    def describe_to(self, description):
        description.append_text("only " + ", ".join(self.names) if self.names else "no users")

    def describe_mismatch(self, item, mismatch_description):
        got = listing(item) if isinstance(item, list) and item else "nobody"
        mismatch_description.append_text(f"the users were {got}")


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


class CompleteUsers(BaseMatcher):
    """Matches a list of complete user records; the mismatch names each user and what it lacks."""

    def _faults(self, item):
        return [f"user {u.get('id') if isinstance(u, dict) else '?'}: " + "; ".join(_user_problems(u))
                for u in item if _user_problems(u)]

    def _matches(self, item):
        return isinstance(item, list) and not self._faults(item)

    def describe_to(self, description):
        description.append_text("users with complete records (id, name, username, email, address, phone, "
                                "website, company)")

    def describe_mismatch(self, item, mismatch_description):
        text = " | ".join(self._faults(item)) if isinstance(item, list) else f"the answer was {label(item)}"
        mismatch_description.append_text(text)


def complete_users():
    """A matcher for a list in which every user has a complete record."""
    return CompleteUsers()
