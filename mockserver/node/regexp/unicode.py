"""V8's Unicode data for regular expressions: case-insensitive classes without the `u` flag, identifier characters.

Taken from V8 itself (node 20, ICU) by `python -m fidelity.regex_diff --write-tables` into
data/v8_regexp_unicode.json, so the mock folds case exactly as the live engine: by ECMA-262's Canonicalize
(toUpperCase, a single code unit, never from beyond ASCII into it). So `ſ` and `K` (Kelvin) match only themselves,
`İ` and `ı` neither `i` nor `I`, where Python's case folding would match them all.
"""

import bisect
import functools
import json
from importlib import resources


@functools.cache
def _tables():
    with resources.files("mockserver").joinpath("data/v8_regexp_unicode.json").open("rb") as stream:
        data = json.load(stream)
    fold = {}
    for members in data["case_classes"]:
        for unit in members:
            fold[unit] = tuple(members)
    starts = [first for first, _ in data["identifier_start"]], data["identifier_start"]
    parts = [first for first, _ in data["identifier_part"]], data["identifier_part"]
    return fold, sorted(fold), starts, parts


def _in_ranges(table, code_point):
    firsts, ranges = table
    index = bisect.bisect_right(firsts, code_point) - 1
    return index >= 0 and ranges[index][1] >= code_point


def is_identifier_start(code_point):
    """Whether V8 accepts the code point first in a group name (ID_Start, `$`, `_`)."""
    return _in_ranges(_tables()[2], code_point)


def is_identifier_part(code_point):
    """Whether V8 accepts the code point later in a group name (ID_Continue, `$`, ZWNJ, ZWJ)."""
    return _in_ranges(_tables()[3], code_point)


def canonical(text):
    """The code units with each replaced by its case class's first member (for ASCII: the capital letter).

    Subjects are matched in this form, so that a back reference compares text as V8 does, by Canonicalize (`ſ`
    matches no `s` there, though `regex`'s own case folding would say it does).
    """
    if text.isascii():
        return text.upper()
    return text.translate(_translation())


@functools.cache
def _translation():
    return {unit: members[0] for unit, members in _tables()[0].items() if unit != members[0]}


def case_variants(unit):
    """The code units a case-insensitive pattern matches for this one (itself included), in order."""
    return _tables()[0].get(unit, (unit,))


def close_over_case(ranges):
    """Sorted, merged ranges of code units: the given ones and every code unit that matches one of them ignoring case."""
    fold, folding_units, _, _ = _tables()
    merged = normalise(ranges)
    extra = []
    position = 0
    for first, last in merged:  # both sorted: one pass over the units that have case variants
        position = bisect.bisect_left(folding_units, first, position)
        while position < len(folding_units) and folding_units[position] <= last:
            extra.extend((unit, unit) for unit in fold[folding_units[position]])
            position += 1
    return normalise(merged + extra) if extra else merged


def normalise(ranges):
    """Ranges sorted and merged where they overlap or touch."""
    result = []
    for first, last in sorted(ranges):
        if result and first <= result[-1][1] + 1:
            if last > result[-1][1]:
                result[-1] = (result[-1][0], last)
        else:
            result.append((first, last))
    return result
