"""Typed fields the steps share: kinds of records, owners, and lists of record numbers."""

import re

from behave import register_type

KINDS = ("users", "posts", "comments", "albums", "photos", "todos")
OWNER_KEYS = {"user": "userId", "post": "postId", "album": "albumId"}


def parse_kind(text):
    """users, posts, comments, albums, photos or todos."""
    return text


parse_kind.pattern = "|".join(KINDS)


def parse_owner(text):
    """user, post or album: whose records point back at them."""
    return text


parse_owner.pattern = "|".join(OWNER_KEYS)


def parse_ids(text):
    """'4, 5 and 6' or '1 to 10' (or '3') as a list of numbers."""
    if " to " in text:
        first, last = (int(n) for n in text.split(" to "))
        return list(range(first, last + 1))
    return [int(n) for n in re.split(r", | and ", text)]


parse_ids.pattern = r"\d+(?: to \d+|(?:(?:, | and )\d+)*)"

register_type(Kind=parse_kind, Content=parse_kind, Owner=parse_owner, Ids=parse_ids)
