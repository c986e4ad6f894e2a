"""Typed fields the steps share: kinds of records, owners, lists of record numbers, durations."""

import re

from behave import register_type

KINDS = ("users", "posts", "comments", "albums", "photos", "todos")
OWNER_KEYS = {"user": "userId", "post": "postId", "album": "albumId"}
UNITS = {"ms": 0.001, "millisecond": 0.001, "milliseconds": 0.001, "s": 1.0, "second": 1.0, "seconds": 1.0,
         "min": 60.0, "minute": 60.0, "minutes": 60.0}


def parse_kind(text):
    """one of: users, posts, comments, albums, photos or todos."""
    return text


parse_kind.pattern = "|".join(KINDS)


def parse_owner(text):
    """one of: user, post or album (whose records point back at them)."""
    return text


parse_owner.pattern = "|".join(OWNER_KEYS)


def parse_ids(text):
    """record numbers: "3", "4, 5 and 6" or "1 to 10"."""
    if " to " in text:
        first, last = (int(n) for n in text.split(" to "))
        return list(range(first, last + 1))
    return [int(n) for n in re.split(r", | and ", text)]


parse_ids.pattern = r"\d+(?: to \d+|(?:(?:, | and )\d+)*)"


def parse_duration(text):
    """a duration with its unit, as people write it: "1 second", "2 seconds", "0.5 s", "500 ms", "2 minutes"."""
    number, unit = re.fullmatch(r"(\d+(?:\.\d+)?) ?([a-z]+)", text).groups()
    return float(number) * UNITS[unit]


parse_duration.pattern = r"\d+(?:\.\d+)? ?(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")\b"

register_type(Kind=parse_kind, Content=parse_kind, Owner=parse_owner, Ids=parse_ids, Duration=parse_duration)
