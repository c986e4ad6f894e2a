"""qs 6.16's parse as Express 4.22 sets it up for req.query ("extended": allowPrototypes, arrayLimit 1000).

`?id[]=1&id[]=2` is an array, `?address[city]=x` an object, `?[id]=1` the key `id`, `?id[=1` the object
`{id: {"[": "1"}}`, `?__proto__=x` nothing at all, `?%63allback=cb` the key `callback`. The functions below
follow qs's lib/parse.js and lib/utils.js step by step. Objects are dicts (in JavaScript's key order once
parsed), arrays lists; a sparse array holds HOLE until `compact` drops the holes, as qs does.
"""

import re

from . import jsrt
from .urlparams import URIError, decode_uri_component

ARRAY_LIMIT = 1000  # Express 4.22's arrayLimit; qs's own default is 20
DEPTH = 5
PARAMETER_LIMIT = 1000
HOLE = type("Hole", (), {"__repr__": lambda self: "<hole>"})()
_INDEX_KEY = re.compile(r"0|[1-9][0-9]{0,9}")


def parse(query):
    """req.query for a query string (without the '?')."""
    if not query:
        return {}
    marks = _Marks()
    flat = _parse_values(query, marks)
    result = {}
    for key in js_keys(flat):
        result = _merge(result, _parse_keys(key, flat[key], marks), marks)
    return _compact(result)


def js_keys(obj):
    """Object.keys: array-index keys first, ascending, then the others in insertion order."""
    keys = [str(i) for i, item in enumerate(obj) if item is not HOLE] if isinstance(obj, list) else list(obj)
    indexes = sorted((k for k in keys if _INDEX_KEY.fullmatch(k) and int(k) < 2**32 - 1), key=int)
    if not indexes:
        return keys
    chosen = set(indexes)
    return indexes + [k for k in keys if k not in chosen]


class _Marks:
    """qs's side channels: containers that overflowed arrayLimit, and pairs made by a merge conflict."""

    def __init__(self):
        self.overflow, self.conflict = {}, {}

    def mark(self, table, obj, index):
        table[id(obj)] = (obj, index)
        return obj

    def index(self, table, obj):
        entry = table.get(id(obj))
        return entry[1] if entry is not None and entry[0] is obj else None


def _decode(text):
    """qs's utils.decode: '+' is a space; a malformed escape leaves the text as it is."""
    text = text.replace("+", " ")
    if "%" not in text:
        return text
    try:
        return decode_uri_component(text)
    except URIError:
        return text


def _parse_values(query, marks):
    """parseValues: the flat {key: value} of the parts, repeated keys combined."""
    clean = re.sub("%5D", "]", re.sub("%5B", "[", query, flags=re.I), flags=re.I)
    flat = {}
    for part in clean.split("&")[:PARAMETER_LIMIT]:
        bracket_equals = part.find("]=")
        position = part.find("=") if bracket_equals == -1 else bracket_equals + 1
        if position == -1:
            key, value = _decode(part), ""
        else:
            key, value = _decode(part[:position]), _decode(part[position + 1:])
        flat[key] = _combine(flat[key], value, marks) if key in flat else value
    return flat


def _split_key(key):
    """splitKeyIntoSegments: 'a[b][c[]]' -> ['a', '[b]', '[c[]]'], at most DEPTH groups, the rest in one."""
    segments = []
    first = key.find("[")
    parent = key[:first] if first >= 0 else key
    if parent:
        segments.append(parent)
    opening, collected = first, 0
    while opening >= 0 and collected < DEPTH:
        level, position, closing = 1, opening + 1, -1
        while position < len(key) and closing < 0:
            if key[position] == "[":
                level += 1
            elif key[position] == "]":
                level -= 1
                if level == 0:
                    closing = position
            position += 1
        if closing < 0:
            segments.append("[" + key[opening:] + "]")
            return segments
        segments.append(key[opening:closing + 1])
        collected += 1
        opening = key.find("[", closing + 1)
    if opening >= 0:
        segments.append("[" + key[opening:] + "]")
    return segments


def _parse_keys(key, value, marks):
    """parseKeys + parseObject: the value nested under the key's segments (None for an empty key)."""
    if not key:
        return None
    leaf = value
    for root in reversed(_split_key(key)):
        if root == "[]":
            leaf = leaf if marks.index(marks.overflow, leaf) is not None else _combine([], leaf, marks)
            continue
        clean = root[1:-1] if root[:1] == "[" and root[-1:] == "]" else root
        number = jsrt.parse_int(clean)
        is_index = (number == number and root != clean and jsrt.number_to_string(number) == clean and number >= 0)
        if is_index and number < ARRAY_LIMIT:
            leaf = [HOLE] * int(number) + [leaf]
        elif is_index:
            leaf = marks.mark(marks.overflow, {jsrt.number_to_string(number): leaf}, int(number))
        elif clean != "__proto__":
            leaf = {clean: leaf}
        else:
            leaf = {}
    return leaf


def _array_to_object(items):
    """utils.arrayToObject: an array's elements under their indexes (holes left out)."""
    return {str(i): item for i, item in enumerate(items) if item is not HOLE}


def _overflowed(items, marks):
    """An array past arrayLimit becomes an object marked as overflowed."""
    return marks.mark(marks.overflow, _array_to_object(items), len(items) - 1)


def _combine(left, right, marks):
    """utils.combine: [].concat(left, right), an object once past arrayLimit."""
    top = marks.index(marks.overflow, left)
    if top is not None:
        for item in right if isinstance(right, list) else [right]:
            top += 1
            left[str(top)] = item
        return marks.mark(marks.overflow, left, top)
    result = (left if isinstance(left, list) else [left]) + (right if isinstance(right, list) else [right])
    return _overflowed(result, marks) if len(result) > ARRAY_LIMIT else result


def _is_container(value):
    """Whether a value is an object or an array."""
    return isinstance(value, (dict, list))


def _merge(target, source, marks):
    """utils.merge with strictMerge, as parse folds each key's object into the result."""
    if source is None or not jsrt.truthy(source):
        return target
    if not _is_container(source):
        return _merge_primitive(target, source, marks)
    if not _is_container(target):
        top = marks.index(marks.overflow, source)
        if top is not None:
            shifted = {"0": target, **{str(int(k) + 1): v for k, v in source.items()}}
            return marks.mark(marks.overflow, shifted, top + 1)
        combined = [target] + (source if isinstance(source, list) else [source])
        return _overflowed(combined, marks) if len(combined) > ARRAY_LIMIT else combined
    if isinstance(target, list) and isinstance(source, list):
        return _merge_arrays(target, source, marks)
    accumulator = target
    if isinstance(target, list):
        accumulator = _array_to_object(target)
        if marks.index(marks.conflict, target) is not None:
            marks.mark(marks.conflict, accumulator, len(target) - 1)
    source_top = marks.index(marks.overflow, source)
    for key in js_keys(source):
        value = source[int(key)] if isinstance(source, list) else source[key]
        accumulator[key] = _merge(accumulator[key], value, marks) if key in accumulator else value
        _count_index(accumulator, key, source_top, marks)
    return accumulator


def _count_index(accumulator, key, source_top, marks):
    """Keep an overflowed or conflict object's highest numeric index current."""
    if source_top is not None and marks.index(marks.overflow, accumulator) is None:
        numbers = [int(k) for k in accumulator if _INDEX_KEY.fullmatch(k)]
        marks.mark(marks.overflow, accumulator, max([source_top, *numbers]))
    number = int(key) if _INDEX_KEY.fullmatch(key) else None
    for table in (marks.overflow, marks.conflict):
        top = marks.index(table, accumulator)
        if top is not None and number is not None and number > top:
            marks.mark(table, accumulator, number)


def _merge_primitive(target, source, marks):
    """merge() of a string into what is there: appended to an array, paired with anything else."""
    if isinstance(target, list):
        if len(target) >= ARRAY_LIMIT:
            return marks.mark(marks.overflow, _array_to_object(target + [source]), len(target))
        target.append(source)
        return target
    if isinstance(target, dict):
        for table in (marks.overflow, marks.conflict):
            top = marks.index(table, target)
            if top is not None:
                target[str(top + 1)] = source
                return marks.mark(table, target, top + 1)
    pair = [target, source]
    return marks.mark(marks.conflict, pair, 1) if isinstance(target, dict) else pair


def _merge_arrays(target, source, marks):
    """merge() of two arrays: element by element, objects merged, other clashes appended."""
    for index, item in enumerate(source):
        if item is HOLE:
            continue
        if index < len(target) and target[index] is not HOLE:
            if _is_container(target[index]) and _is_container(item):
                target[index] = _merge(target[index], item, marks)
            else:
                target.append(item)
        else:
            target.extend([HOLE] * (index + 1 - len(target)))
            target[index] = item
    return _overflowed(target, marks) if len(target) > ARRAY_LIMIT else target


def _compact(value):
    """utils.compact: holes dropped from every array; objects put in JavaScript's key order."""
    if isinstance(value, list):
        return [_compact(item) for item in value if item is not HOLE]
    if isinstance(value, dict):
        return {key: _compact(value[key]) for key in js_keys(value)}
    return value
