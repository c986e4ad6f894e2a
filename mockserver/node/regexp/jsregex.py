"""`new RegExp(value, 'i').test(text)` for the `_like` filter: V8's syntax and matching, bounded in time and memory.

The pattern is parsed as V8 parses it (regexp/parser: the same errors, word for word) and translated to the
`regex` package's syntax (regexp/emit). `regex` matches with a timeout and releases the GIL meanwhile, so a
pattern that backtracks for ever (the live engine would hang on it) is cut off at the request's time limit
while every other connection goes on being served. Compiled patterns are kept, a bounded number of them.
"""

import collections
import contextlib
import threading
import time

import regex

from .. import nodeerrors
from .emit import TooLarge, translate
from .parser import SyntaxFault, parse
from .tree import TOO_DEEP
from .unicode import canonical

TIME_LIMIT = 1.0  # seconds the `_like` patterns of one request may take in all (wall clock)
PROBE_CPU = 0.02  # CPU seconds of a match's first attempt; later ones double it (see _search)
SHORTEST_BUCKET = 1024  # subjects up to this many code units share one translation (the data set's longest: 263)
# Compiled patterns kept: how many, and their `regex` pieces in all. A piece costs `regex` 250 to 750 bytes once
# compiled and used (the most with many capture groups: 1,000 of them, 2,001 pieces, 1.45 MB traced), so 20,000
# pieces hold at most about 15 MB; the 256 patterns fill up first for any pattern under 78 pieces (most are under 20).
MAX_KEPT, MAX_KEPT_COST = 256, 20_000
_FRAMES = ("RegExp.test (<anonymous>)", "/app/node_modules/json-server/lib/server/router/plural.js:124:52")


class PatternCutOff(nodeerrors.NodeError):
    """A pattern still matching when the request's time limit ran out; `pattern` names it (for the journal)."""

    def __init__(self, pattern, seconds):
        super().__init__("Error", f"Regular expression /{pattern}/i cut off after {seconds:g} s: the mock's time "
                                  "limit for the patterns of one request (the live API would never answer)", _FRAMES)
        self.pattern = pattern


_local = threading.local()  # the running request's deadline (time.monotonic()) and limit


@contextlib.contextmanager
def time_limit(seconds=TIME_LIMIT):
    """Within this block (one request), the patterns tested may take `seconds` in all."""
    saved = getattr(_local, "deadline", None), getattr(_local, "seconds", None)
    _local.deadline, _local.seconds = time.monotonic() + seconds, seconds
    try:
        yield
    finally:
        _local.deadline, _local.seconds = saved


def test(pattern, text):
    """RegExp.prototype.test with the `i` flag; raises NodeError as V8 throws (or PatternCutOff past the limit)."""
    units = canonical(code_units(text))
    compiled = _compiled(pattern, len(units))
    deadline, seconds = getattr(_local, "deadline", None), getattr(_local, "seconds", None)
    if deadline is None:
        deadline, seconds = time.monotonic() + TIME_LIMIT, TIME_LIMIT
    try:
        return _search(compiled, units, deadline) is not None
    except TimeoutError:
        raise PatternCutOff(pattern, seconds) from None


def _search(compiled, units, deadline):
    """compiled.search(units), cut off (TimeoutError) once the clock passes the deadline (time.monotonic()).

    `regex` measures its timeout in CPU time of the whole process (C's clock()), checked every 256 steps: on a
    busy machine a second of it can take several seconds. So a match runs in attempts of doubling CPU time, from
    PROBE_CPU; each that runs out tells the rate at which the process gets CPU time (its CPU time over the wall
    time it took), and the last is given the wall time left at that rate. Every ordinary match ends within the
    first attempt, which keeps the GIL (a few microseconds saved per record); longer ones release it.
    """
    budget, concurrent = PROBE_CPU, False
    while True:
        started = time.monotonic()
        remaining = deadline - started
        if remaining <= 0:
            raise TimeoutError()
        timeout = budget if budget < remaining else remaining
        try:
            return compiled.search(units, timeout=timeout, concurrent=concurrent)
        except TimeoutError:
            pass
        elapsed = time.monotonic() - started
        rate = timeout / elapsed if elapsed > 0 else 1.0  # CPU seconds the process got per second meanwhile
        budget, concurrent = min(budget * 2, max((deadline - time.monotonic()) * rate, 0.001)), True


def code_units(text):
    """The string as JavaScript holds it: characters beyond U+FFFF as two surrogate code units."""
    if text.isascii() or max(text) <= "\uffff":
        return text
    return "".join(_split(char) for char in text)


def _split(char):
    point = ord(char)
    if point <= 0xFFFF:
        return char
    point -= 0x10000
    return chr(0xD800 + (point >> 10)) + chr(0xDC00 + (point & 0x3FF))


# -- compiling, and the bounded store of compiled patterns -----------------------------------------------

_kept = collections.OrderedDict()  # (pattern, bucket or None) -> (compiled pattern or NodeError, cost)
_kept_cost = 0
_kept_lock = threading.Lock()


def _bucket(length):
    """The translation a subject of this length uses: the smallest power of two, from 1024, above it."""
    bucket = SHORTEST_BUCKET
    while bucket <= length:
        bucket *= 2
    return bucket


def _compiled(pattern, length):
    """The compiled translation for subjects of this length; raises V8's SyntaxError for an invalid pattern."""
    bucket = _bucket(length)
    last = getattr(_local, "last", None)  # a filter tests one pattern on record after record
    if last is not None and last[0] == pattern and last[1] in (None, bucket):
        found = last[2]
    else:
        key = (pattern, None)
        found = _lookup(key)
        if found is None:
            key = (pattern, bucket)
            found = _lookup(key)
        if found is None:
            found, depends, cost = _compile(pattern, bucket)
            key = (pattern, bucket if depends else None)
            _keep(key, found, cost)
        _local.last = (pattern, key[1], found)
    if isinstance(found, nodeerrors.NodeError):
        raise found
    return found


def _compile(pattern, bucket):
    """(compiled pattern or the error to throw, whether it depends on the bucket, its cost)."""
    try:
        tree, _ = parse([ord(unit) for unit in code_units(pattern)])
        text, depends, cost = translate(tree, bucket - 1)
        return regex.compile(text, cache_pattern=False), depends, cost  # kept in our bounded store only
    except SyntaxFault as fault:
        return nodeerrors.invalid_regex(pattern, fault.args[0]), False, 1
    except TooLarge:
        return nodeerrors.invalid_regex(pattern, "Regular expression too large"), True, 1
    except RecursionError:  # a safety net: MAX_DEPTH keeps the translation and regex's parser well inside the limit
        return nodeerrors.invalid_regex(pattern, TOO_DEEP), False, 1


def _lookup(key):
    with _kept_lock:
        found = _kept.get(key)
        if found is None:
            return None
        _kept.move_to_end(key)
        return found[0]


def _keep(key, value, cost):
    """Keep a compiled pattern; the least recently used go first once MAX_KEPT or MAX_KEPT_COST is passed."""
    global _kept_cost
    if cost > MAX_KEPT_COST:
        return
    with _kept_lock:
        if key in _kept:
            return
        _kept[key] = (value, cost)
        _kept_cost += cost
        while len(_kept) > MAX_KEPT or _kept_cost > MAX_KEPT_COST:
            _, (_, old_cost) = _kept.popitem(last=False)
            _kept_cost -= old_cost


def kept():
    """(number of compiled patterns kept, their cost in all): for checks of the bounds."""
    with _kept_lock:
        return len(_kept), _kept_cost
