"""qs 6.7.0's parse as Express 4.17.1 calls it for req.query (the "extended" parser: allowPrototypes, nothing else).

`?id[]=1&id[]=2` is an array, `?address[city]=x` an object, `?[id]=1` the key `id` (a group before any name
is the first segment), `?id[=1` the key `id[` (a bracket never closed is part of the name), `?a[21]=x` the
object `{21: "x"}` (indexes above 20 are keys), `?a[b]=1&a=2` the object `{2: true, b: "1"}`, `?__proto__=x`
nothing, `?a[__proto__][b]=1` an object whose prototype is `{b: "1"}`, and `?%63allback=cb` the key
`callback`. The functions follow qs's lib/parse.js and lib/utils.js step by step. Objects are dicts (in
JavaScript's key order once parsed), arrays lists; a sparse array holds HOLE until `compact` drops the holes
it can reach through own properties (an array that became a prototype keeps them, as in Node).
"""

import re

from ..node import jsobjects, jsrt
from ..node.jsobjects import HOLE, JsObject
from .urlparams import URIError, decode_uri_component

ARRAY_LIMIT = 20  # qs's default, which Express 4.17.1 keeps: `a[20]` is an array, `a[21]` an object's key
DEPTH = 5
PARAMETER_LIMIT = 1000
_GROUP = re.compile(r"\[[^[\]]*\]")  # qs's `brackets` and `child`: a group with no bracket inside
_INDEX_KEY = re.compile(r"0|[1-9][0-9]{0,9}")


def parse(query):
    """req.query for a query string (without the '?')."""
    if not query:
        return {}
    flat = _parse_values(query)
    result = {}
    for key in js_keys(flat):
        result = _merge(result, _parse_keys(key, flat[key]))
    return _compact(result)


def js_keys(obj):
    """Object.keys: array-index keys first, ascending, then the others in insertion order."""
    keys = [str(i) for i, item in enumerate(obj) if item is not HOLE] if isinstance(obj, list) else list(obj)
    indexes = sorted((k for k in keys if _INDEX_KEY.fullmatch(k) and int(k) < 2**32 - 1), key=int)
    if not indexes:
        return keys
    chosen = set(indexes)
    return indexes + [k for k in keys if k not in chosen]


def _decode(text):
    """qs's utils.decode: '+' is a space; a malformed escape leaves the text as it is."""
    text = text.replace("+", " ")
    if "%" not in text:
        return text
    try:
        return decode_uri_component(text)
    except URIError:
        return text


def _parse_values(query):
    """parseValues: the flat {key: value} of the parts, repeated keys combined ([].concat)."""
    flat = {}
    for part in query.split("&")[:PARAMETER_LIMIT]:
        bracket_equals = part.find("]=")
        position = part.find("=") if bracket_equals == -1 else bracket_equals + 1
        if position == -1:
            key, value = _decode(part), ""
        else:
            key, value = _decode(part[:position]), _decode(part[position + 1:])
        if key == "__proto__":
            continue  # obj.__proto__ = "a string" changes nothing, and the key never becomes an own property
        flat[key] = _concat(flat[key], value) if key in flat else value
    return flat


def _segments(key):
    """parseKeys' chain: the parent (text before the first group), up to DEPTH groups, the rest in one group."""
    groups = list(_GROUP.finditer(key))
    parent = key[:groups[0].start()] if groups else key
    chain = [parent] if parent else []
    chain += [group.group() for group in groups[:DEPTH]]
    if len(groups) > DEPTH:
        chain.append("[" + key[groups[DEPTH].start():] + "]")
    return chain


def _parse_keys(key, value):
    """parseKeys + parseObject: the value nested under the key's segments (None for an empty key)."""
    if not key:
        return None
    leaf = value
    for root in reversed(_segments(key)):
        if root == "[]":
            leaf = _concat([], leaf)
            continue
        clean = root[1:-1] if root[:1] == "[" and root[-1:] == "]" else root
        number = jsrt.parse_int(clean)
        if (number == number and root != clean and jsrt.number_to_string(number) == clean and 0 <= number <= ARRAY_LIMIT):
            leaf = [HOLE] * int(number) + [leaf]
        elif clean == "__proto__":  # obj.__proto__ = leaf: an object becomes the prototype, anything else is lost
            leaf = JsObject(proto=leaf) if jsobjects.is_object(leaf) else {}
        else:
            leaf = {clean: leaf}
    return leaf


def _concat(left, right):
    """[].concat(left, right): arrays contribute their elements (holes kept), anything else itself."""
    return (list(left) if isinstance(left, list) else [left]) + (list(right) if isinstance(right, list) else [right])


def _own_items(source):
    """(key, value) for Object.keys(source), in that order."""
    if isinstance(source, list):
        return [(str(i), item) for i, item in enumerate(source) if item is not HOLE]
    return [(key, source[key]) for key in js_keys(source)]


def _merge(target, source):
    """utils.merge as qs 6.7.0 has it (allowPrototypes): parse folds each key's object into the result."""
    if not jsrt.truthy(source):
        return target
    if not jsobjects.is_object(source):
        if isinstance(target, list):
            target.append(source)
        elif jsobjects.is_object(target):
            if source != "__proto__":  # target.__proto__ = true changes nothing
                target[source] = True
        else:
            return [target, source]
        return target
    if not jsobjects.is_object(target):
        return _concat([target], source)
    if isinstance(target, list) and isinstance(source, list):
        for index, item in enumerate(source):
            if item is HOLE:
                continue
            if index < len(target) and target[index] is not HOLE:
                if jsobjects.is_object(target[index]) and jsrt.truthy(item) and jsobjects.is_object(item):
                    target[index] = _merge(target[index], item)
                else:
                    target.append(item)
            else:
                target.extend([HOLE] * (index + 1 - len(target)))
                target[index] = item
        return target
    accumulator = target
    if isinstance(target, list):  # utils.arrayToObject
        accumulator = {str(i): item for i, item in enumerate(target) if item is not HOLE}
    for key, value in _own_items(source):
        accumulator[key] = _merge(accumulator[key], value) if key in accumulator else value
    return accumulator


def _compact(value):
    """utils.compact: holes dropped from every array reached through own properties; objects in JavaScript's
    key order (a prototype, and whatever is reached only through it, left as it is)."""
    if isinstance(value, list):
        return [_compact(item) for item in value if item is not HOLE]
    if isinstance(value, dict):
        pairs = [(key, _compact(value[key])) for key in js_keys(value)]
        return JsObject(pairs, proto=value.proto) if isinstance(value, JsObject) else dict(pairs)
    return value
