"""Typed fields the steps share: whole numbers as the API writes them, kinds of records, owners, lists of record
numbers, durations."""

import re

from behave import register_type

# A whole number as JSON writes it: no sign but "-", no leading zero, no other base. parse's own {n:d} takes "03",
# "+3", " 3" and "0x3" for 3, so "Then I get 03 users" would pass for three users; here every {n:d} of every step
# takes only the canonical form, and any other fails the step before it runs, saying so (refuse_miswritten).
WHOLE = re.compile(r"-?(?:0|[1-9][0-9]*)")
DECIMAL = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?")  # a decimal as JSON writes it: "0.5", not "00.5", "1.0"
PARSE_D = r"[-+ ]?[0-9]+|[-+ ]?0[xX][0-9a-fA-F]+|[-+ ]?0[bB][01]+|[-+ ]?0[oO][0-7]+"  # what parse's {n:d} matches

KINDS = ("users", "posts", "comments", "albums", "photos", "todos")
OWNER_KEYS = {"user": "userId", "post": "postId", "album": "albumId"}
UNITS = {"ms": 0.001, "millisecond": 0.001, "milliseconds": 0.001, "s": 1.0, "second": 1.0, "seconds": 1.0,
         "min": 60.0, "minute": 60.0, "minutes": 60.0}


def parse_whole(text):
    """a whole number as the API writes it: 3, 10, -1 (not 03, +3 or 0x3)."""
    if not WHOLE.fullmatch(text):
        raise ValueError(f'"{text}" is not a whole number as the API writes one (such as 3, 10 or -1): '
                         "a number is compared with the API's as it writes it")
    return int(text)


parse_whole.pattern = PARSE_D


def refuse_miswritten(step, error):
    """Fail a step whose numbers are not written as the API writes them, in one sentence, before it runs (behave
    would report the converter's ValueError with two tracebacks). environment.py calls it before every step, with
    what the converters of the line's definition raised on it (suite.Matches.refusal_of), or None."""
    if isinstance(error, ValueError):
        raise AssertionError(f'"{step.keyword} {step.name}": {error}')


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
        first, last = (parse_whole(n) for n in text.split(" to "))
        return list(range(first, last + 1))
    return [parse_whole(n) for n in re.split(r", | and ", text)]


parse_ids.pattern = r"\d+(?: to \d+|(?:(?:, | and )\d+)*)"


def parse_duration(text):
    """a duration with its unit, as people write it: "1 second", "2 seconds", "0.5 s", "500 ms", "2 minutes"."""
    number, unit = re.fullmatch(r"(\d+(?:\.\d+)?) ?([a-z]+)", text).groups()
    if not DECIMAL.fullmatch(number):
        raise ValueError(f'"{number}" is not a number as the API writes one (such as 3, 0.5 or 120): '
                         "a duration is compared with the API's as it writes it")
    return float(number) * UNITS[unit]


parse_duration.pattern = r"\d+(?:\.\d+)? ?(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")\b"

register_type(d=parse_whole)  # before behave loads any step module: environment.py imports this module
register_type(Kind=parse_kind, Content=parse_kind, Owner=parse_owner, Ids=parse_ids, Duration=parse_duration)
