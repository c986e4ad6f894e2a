"""JavaScript value semantics the live API (Node + lodash) applies, so the mock compares as it does."""

import json
import math
import re
import threading
from decimal import Decimal

_ARRAY_INDEX = re.compile(r"0|[1-9][0-9]{0,9}")
_JS_WS = " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_DECIMAL_LITERAL = re.compile(r"[+-]?(Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class Undefined:
    """JavaScript's `undefined`: a missing property, distinct from `null` (None)."""

    def __repr__(self):
        return "undefined"

    def __bool__(self):
        return False


UNDEFINED = Undefined()


def number_to_string(value):
    """Number::toString as ECMAScript defines it (1 -> "1", 1e21 -> "1e+21", 1e-7 -> "1e-7")."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and -(2**53) < value < 2**53:
        return str(value)
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    digits, exponent = _shortest_digits(abs(value))
    k, n = len(digits), len(digits) + exponent
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
        text = f"{mantissa}e{'+' if e >= 0 else '-'}{abs(e)}"
    return sign + text


def _shortest_digits(value):
    """The shortest round-trip decimal digits of a positive float and their exponent."""
    sign, digit_tuple, exponent = Decimal(repr(value)).as_tuple()
    digits = "".join(map(str, digit_tuple)).rstrip("0") or "0"
    exponent += len(digit_tuple) - len(digits)
    stripped = digits.lstrip("0")
    return stripped, exponent


def to_string(value):
    """String(value) for the JSON-shaped values the API holds."""
    if isinstance(value, str):
        return value
    if value is None:
        return "null"
    if value is UNDEFINED:
        return "undefined"
    if isinstance(value, (bool, int, float)):
        return number_to_string(value)
    if isinstance(value, list):
        return ",".join("" if item is None or item is UNDEFINED else to_string(item) for item in value)
    return "[object Object]"


def to_number(value):
    """ToNumber(value): strings are parsed as JavaScript does, objects go through their string."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    if value is None:
        return 0.0
    if value is UNDEFINED:
        return math.nan
    if not isinstance(value, str):
        value = to_string(value)
    text = value.strip(_JS_WS)
    if not text:
        return 0.0
    if re.fullmatch(r"0[xX][0-9a-fA-F]+", text):
        return float(int(text[2:], 16))
    if re.fullmatch(r"0[oO][0-7]+", text):
        return float(int(text[2:], 8))
    if re.fullmatch(r"0[bB][01]+", text):
        return float(int(text[2:], 2))
    if not _DECIMAL_LITERAL.fullmatch(text):
        return math.nan
    return float(text.replace("Infinity", "inf"))


def _primitive(value):
    """ToPrimitive with the default hint, for the values JSON holds."""
    if isinstance(value, (dict, list)):
        return to_string(value)
    return value


def _utf16(text):
    """A key that orders strings by UTF-16 code units, as JavaScript compares them."""
    return text.encode("utf-16-be", "surrogatepass")


def less_than(left, right):
    """The abstract relational comparison `left < right`; None where JavaScript gives undefined (NaN)."""
    left, right = _primitive(left), _primitive(right)
    if isinstance(left, str) and isinstance(right, str):
        return _utf16(left) < _utf16(right)
    left, right = to_number(left), to_number(right)
    if math.isnan(left) or math.isnan(right):
        return None
    return left < right


def less_or_equal(left, right):
    """`left <= right` as JavaScript evaluates it (false when either side is NaN)."""
    result = less_than(right, left)
    return result is False


def parse_int(value):
    """parseInt(String(value), 10): a float, NaN when no digits lead."""
    if isinstance(value, list):
        value = to_string(value)
    elif not isinstance(value, str):
        value = to_string(value)
    match = re.match(r"[+-]?\d+", value.lstrip(_JS_WS))
    return float(int(match.group())) if match else math.nan


def to_integer(value):
    """lodash toInteger: NaN is 0, infinities clamp, fractions truncate."""
    if math.isnan(value):
        return 0
    if math.isinf(value):
        return 2**53 if value > 0 else -(2**53)
    return int(value)


def truthy(value):
    """JavaScript truthiness."""
    if value is None or value is UNDEFINED or value is False:
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value != 0 and not math.isnan(value)
    if isinstance(value, str):
        return value != ""
    return True


def js_object(pairs):
    """A JSON object as JavaScript orders it: array-index keys first, ascending, then insertion order."""
    obj = dict(pairs)
    if any(_ARRAY_INDEX.fullmatch(key) and int(key) < 2**32 - 1 for key in obj):
        indexes = sorted((k for k in obj if _ARRAY_INDEX.fullmatch(k) and int(k) < 2**32 - 1), key=int)
        rest = [k for k in obj if k not in set(indexes)]
        obj = {k: obj[k] for k in indexes + rest}
    return obj


def spread(*parts):
    """Object spread `{...a, ...b}`: arrays contribute their indexes, the rest their own keys."""
    merged = {}
    for part in parts:
        if isinstance(part, list):
            merged.update((str(i), item) for i, item in enumerate(part))
        elif isinstance(part, dict):
            merged.update(part)
        elif isinstance(part, str):
            merged.update((str(i), char) for i, char in enumerate(part))
    return js_object(merged.items())


_ENCODE_STRING = json.encoder.encode_basestring  # the C version where available; no ASCII escaping
_SEED = {}  # id(record) -> its JSON at the top level, None until first written: the records of a seed never change
_SEED_SETS = {}  # id(data set) -> the data set (which keeps its records, so their ids), least recently remembered first
MAX_SEED_SETS = 4  # a process that makes mocks of ever new data sets keeps the JSON of the last few
_SEED_LOCK = threading.Lock()
_NOT_SEED = object()


def remember_seed(data):
    """Mark a data set's records as never changing, so each one's JSON is written once per process."""
    with _SEED_LOCK:
        if _SEED_SETS.pop(id(data), None) is not data:
            for record in _records(data):
                _SEED.setdefault(id(record), None)
        _SEED_SETS[id(data)] = data  # now the most recent
        if len(_SEED_SETS) > MAX_SEED_SETS:
            evicted = _SEED_SETS.pop(next(iter(_SEED_SETS)))
            kept = {id(record) for kept_set in _SEED_SETS.values() for record in _records(kept_set)}
            for record in _records(evicted):  # forgotten while the records still live: no id is reused meanwhile
                if id(record) not in kept:
                    _SEED.pop(id(record), None)


def _records(data):
    """The records of a data set (the items of its lists)."""
    return (record for value in data.values() if isinstance(value, list) for record in value)


def _encode(value, level):
    """JSON.stringify(value, null, 2) of one value, nested `level` deep."""
    if isinstance(value, str):
        return _ENCODE_STRING(value)
    if value is None or value is UNDEFINED:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return "null" if isinstance(value, float) and not math.isfinite(value) else number_to_string(value)
    if isinstance(value, dict):
        text = _SEED.get(id(value), _NOT_SEED)  # a live record's id is in _SEED only while that record is a seed's
        if text is _NOT_SEED:
            return _encode_object(value, level)
        if text is None:
            text = _encode_object(value, 0)
            if id(value) in _SEED:  # not forgotten meanwhile (remember_seed)
                _SEED[id(value)] = text
        return text.replace("\n", "\n" + "  " * level) if level else text
    if isinstance(value, list):
        if not value:
            return "[]"
        pad = "\n" + "  " * (level + 1)
        return "[" + pad + ("," + pad).join(_encode(item, level + 1) for item in value) + "\n" + "  " * level + "]"
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _encode_object(value, level):
    """An object's JSON; undefined properties are left out, as JSON.stringify does."""
    items = [(key, item) for key, item in value.items() if item is not UNDEFINED]
    if not items:
        return "{}"
    pad = "\n" + "  " * (level + 1)
    members = ("," + pad).join(f"{_ENCODE_STRING(key)}: {_encode(item, level + 1)}" for key, item in items)
    return "{" + pad + members + "\n" + "  " * level + "}"


def _big_ints_as_floats(value):
    """Integers beyond 2**53 lose precision in JavaScript; make them the double JavaScript holds."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value if -(2**53) < value < 2**53 else float(value)
    if isinstance(value, list):
        return [_big_ints_as_floats(item) for item in value]
    if isinstance(value, dict):
        return {key: _big_ints_as_floats(item) for key, item in value.items()}
    return value


STRINGIFY_DEPTH = 4180  # objects and arrays nested in an answer that V8 gets through in Express's res.json (measured)


class StackOverflow(Exception):
    """V8's JSON.stringify ran out of stack: the value is nested deeper than STRINGIFY_DEPTH."""


def stringify(value):
    """JSON.stringify(value, null, 2) as Express's res.json writes it, as a str; StackOverflow when too deep."""
    if value is UNDEFINED:
        return ""
    try:
        text = _encode(value, 0)
    except RecursionError:  # deeper than Python recurses: the same text without recursion, and V8's limit
        text = _encode_deep(value)
    if _LONE_SURROGATE.search(text):
        text = _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def _encode_deep(value):
    """_encode(value, 0) with an explicit stack; StackOverflow past STRINGIFY_DEPTH levels of objects and arrays."""
    parts, stack = [], []

    def enter(item, level):
        if not isinstance(item, (dict, list)):
            parts.append(_encode(item, level))
            return
        if level >= STRINGIFY_DEPTH:
            raise StackOverflow()
        members = [(k, v) for k, v in item.items() if v is not UNDEFINED] if isinstance(item, dict) else item
        if not members:
            parts.append("{}" if isinstance(item, dict) else "[]")
            return
        parts.append("{" if isinstance(item, dict) else "[")
        stack.append([iter(members), isinstance(item, dict), level, True])

    enter(value, 0)
    while stack:
        frame = stack[-1]
        iterator, is_object, level, first = frame
        member = next(iterator, _END)
        if member is _END:
            stack.pop()
            parts.append("\n" + "  " * level + ("}" if is_object else "]"))
            continue
        frame[3] = False
        parts.append(("\n" if first else ",\n") + "  " * (level + 1))
        if is_object:
            parts.append(f"{_ENCODE_STRING(member[0])}: ")
            member = member[1]
        enter(member, level + 1)
    return "".join(parts)


_END = object()


def _reject_constant(name):
    """JSON.parse knows no NaN or Infinity."""
    raise ValueError(name)


def _json_integer(text):
    """An integer literal as V8 reads it: the nearest double (Infinity past the largest), kept as an int while exact.

    float() of the digits rounds as V8's StringToDouble does, at any length (no int() of 310 or 5,000 digits).
    """
    value = float(text)
    return int(text) if -(2**53) < value < 2**53 else value


def parse_json(text):
    """JSON.parse(text) into Python values with JavaScript's key order and number model."""
    return json.loads(
        text,
        object_pairs_hook=js_object,
        parse_int=_json_integer,
        parse_float=float,
        parse_constant=_reject_constant,
    )
