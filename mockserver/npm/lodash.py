"""lodash 4.17.21 as json-server uses it: property paths (castPath, _.get, _.has) and _.orderBy.

A filter key, a sort key or an embedded collection's name is a lodash path: `address.city`, `a[0]`,
`['a.b']`, but also `.id` (the keys '' and 'id'), `address..city` (an empty key in the middle) or
`toString` (an inherited property, found on every record). These functions follow lodash's source
line by line; property reads go through `jsobjects`, so inherited properties answer as in Node.
"""

import functools
import re

from ..node import jsobjects, jsrt
from ..node.jsrt import UNDEFINED

_IS_DEEP_PROP = re.compile(r"""\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\[^\n\r\u2028\u2029])*?\1)\]""")
_IS_PLAIN_PROP = re.compile(r"[A-Za-z0-9_]*")
_PROP_NAME = re.compile(r"""[^.[\]]+|\[(?:(-?[0-9]+(?:\.[0-9]+)?)|(["'])((?:(?!\2)[^\\]|\\[^\n\r\u2028\u2029])*?)\2)\]"""
                        r"""|(?=(?:\.|\[\])(?:\.|\[\]|\Z))""")
_ESCAPE_CHAR = re.compile(r"\\(\\)?")


def _to_string(value):
    """lodash toString: '' for null and undefined, the string of anything else."""
    return "" if value is None or value is UNDEFINED else jsobjects.to_string(value)


def to_key(value):
    """lodash toKey: a property key from a path element."""
    return value if isinstance(value, str) else jsobjects.to_string(value)


def is_key(value, obj=UNDEFINED):
    """lodash isKey: whether a value names one property rather than a path."""
    if isinstance(value, list):
        return False
    if value is None or value is UNDEFINED or isinstance(value, (bool, int, float)):
        return True
    text = jsobjects.to_string(value)
    return (_IS_PLAIN_PROP.fullmatch(text) is not None or _IS_DEEP_PROP.search(text) is None
            or (obj is not None and obj is not UNDEFINED and jsobjects.has(obj, text)))


def string_to_path(string):
    """lodash stringToPath: the keys of a path string, as String.prototype.replace walks rePropName."""
    result = [""] if string.startswith(".") else []
    position = 0
    while position <= len(string):
        match = _PROP_NAME.search(string, position)
        if match is None:
            break
        number, quote, sub_string = match.group(1), match.group(2), match.group(3)
        result.append(_ESCAPE_CHAR.sub(lambda m: m.group(1) or "", sub_string) if quote else (number or match.group()))
        position = match.end() + (1 if match.end() == match.start() else 0)  # JavaScript steps past an empty match
    return result


def cast_path(value, obj=UNDEFINED):
    """lodash castPath: a list of keys."""
    if isinstance(value, list):
        return value
    return [value] if is_key(value, obj) else string_to_path(_to_string(value))


def get(obj, path):
    """_.get(obj, path): the value at the path, or undefined (inherited properties included)."""
    if obj is None or obj is UNDEFINED:
        return UNDEFINED
    if isinstance(obj, dict) and isinstance(path, str) and path in obj:
        return obj[path]  # castPath gives [path] for a key the object has: the common case, made quick
    keys = cast_path(path, obj)
    index = 0
    while obj is not None and obj is not UNDEFINED and index < len(keys):
        obj = jsobjects.get(obj, to_key(keys[index]))
        index += 1
    return obj if index and index == len(keys) else UNDEFINED


def has(obj, path):
    """_.has(obj, path): whether every key along the path is an own property."""
    if obj is None or obj is UNDEFINED:
        return False
    if isinstance(obj, dict) and isinstance(path, str) and path in obj:
        return True  # as above: an own key of the object
    keys = cast_path(path, obj)
    result, key, index = False, None, 0
    while index < len(keys):
        key = to_key(keys[index])
        result = obj is not None and obj is not UNDEFINED and jsobjects.has_own(obj, key)
        if not result:
            break
        obj = jsobjects.get(obj, key)
        index += 1
    if result or index + 1 != len(keys):
        return result
    length = jsobjects.get(obj, "length") if obj is not None and obj is not UNDEFINED else 0
    return (isinstance(obj, list) and isinstance(length, int) and length > 0
            and re.fullmatch(r"0|[1-9][0-9]*", key) is not None and int(key) < length)


def _property(path):
    """lodash's iteratee for a string: a shallow property, or a deep path read with baseGet."""
    if is_key(path):
        key = to_key(path)
        return lambda obj: UNDEFINED if obj is None or obj is UNDEFINED else jsobjects.get(obj, key)
    return lambda obj: get(obj, path)


def compare_ascending(value, other):
    """lodash compareAscending: undefined last, null after values, JavaScript's < and > otherwise."""
    if value is other or (not jsobjects.is_object(value) and type(value) is type(other) and value == other):
        return 0
    val_defined, oth_defined = value is not UNDEFINED, other is not UNDEFINED
    left, right = jsobjects.primitive(value), jsobjects.primitive(other)
    if (other is not None and jsrt.less_than(right, left)) or (value is None and oth_defined) or not val_defined:
        return 1
    if (value is not None and jsrt.less_than(left, right)) or (other is None and val_defined) or not oth_defined:
        return -1
    return 0


def order_by(items, keys, orders):
    """_.orderBy(items, keys, orders): a stable sort on several paths, each ascending unless 'desc'."""
    getters = [_property(key) for key in keys]
    criteria = [[getter(item) for getter in getters] for item in items]

    def compare(left, right):
        for index, (a, b) in enumerate(zip(criteria[left], criteria[right], strict=True)):
            result = compare_ascending(a, b)
            if result:
                return result if index >= len(orders) else result * (-1 if orders[index] == "desc" else 1)
        return left - right

    return [items[i] for i in sorted(range(len(items)), key=functools.cmp_to_key(compare))]
