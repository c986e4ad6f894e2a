"""JavaScript property lookup on the API's JSON values: own properties first, then the prototype chain.

lodash's `_.get` reads `record.toString`, `record.constructor.name` or `name.length` as JavaScript does,
so a filter or a sort key may name an inherited property. Records are plain objects (dict), arrays are
lists (HOLE where a sparse one lacks an element), strings index by UTF-16 code units; built-in functions and
prototypes are the singletons below, and a JsObject is an object with a prototype of its own (qs makes them).
Making an object a primitive (String(x), x <= y) follows the toString it has or inherits.
"""

from dataclasses import dataclass

from . import jsrt
from .jsrt import UNDEFINED

_OBJECT = ("constructor:1 __defineGetter__:2 __defineSetter__:2 hasOwnProperty:1 __lookupGetter__:1 "
           "__lookupSetter__:1 isPrototypeOf:1 propertyIsEnumerable:1 toString:0 valueOf:0 toLocaleString:0")
_ARRAY = ("constructor:1 at:1 concat:1 copyWithin:2 fill:1 find:1 findIndex:1 findLast:1 findLastIndex:1 "
          "lastIndexOf:1 pop:0 push:1 reverse:0 shift:0 unshift:1 slice:2 sort:1 splice:2 includes:1 indexOf:1 "
          "join:1 keys:0 entries:0 values:0 forEach:1 filter:1 flat:0 flatMap:1 map:1 every:1 some:1 reduce:1 "
          "reduceRight:1 toLocaleString:0 toString:0 toReversed:0 toSorted:1 toSpliced:2 with:2")
_STRING = ("constructor:1 anchor:1 at:1 big:0 blink:0 bold:0 charAt:1 charCodeAt:1 codePointAt:1 concat:1 "
           "endsWith:1 fontcolor:1 fontsize:1 fixed:0 includes:1 indexOf:1 isWellFormed:0 italics:0 lastIndexOf:1 "
           "link:1 localeCompare:1 match:1 matchAll:1 normalize:0 padEnd:1 padStart:1 repeat:1 replace:2 "
           "replaceAll:2 search:1 slice:2 small:0 split:2 strike:0 sub:0 substr:2 substring:2 sup:0 startsWith:1 "
           "toString:0 toWellFormed:0 trim:0 trimStart:0 trimLeft:0 trimEnd:0 trimRight:0 toLocaleLowerCase:0 "
           "toLocaleUpperCase:0 toLowerCase:0 toUpperCase:0 valueOf:0")
_NUMBER = "constructor:1 toExponential:1 toFixed:1 toPrecision:1 toString:1 valueOf:0 toLocaleString:0"
_BOOLEAN = "constructor:1 toString:0 valueOf:0"
_FUNCTION = "constructor:1 apply:2 bind:1 call:1 toString:0"
_STATICS = {
    "Object": "assign:2 getOwnPropertyDescriptor:2 getOwnPropertyDescriptors:1 getOwnPropertyNames:1 "
              "getOwnPropertySymbols:1 hasOwn:2 is:2 preventExtensions:1 seal:1 create:2 defineProperties:2 "
              "defineProperty:3 freeze:1 getPrototypeOf:1 setPrototypeOf:2 isExtensible:1 isFrozen:1 isSealed:1 "
              "keys:1 entries:1 fromEntries:1 values:1",
    "Array": "isArray:1 from:1 of:0",
    "String": "fromCharCode:1 fromCodePoint:1 raw:1",
    "Number": "isFinite:1 isInteger:1 isNaN:1 isSafeInteger:1 parseFloat:1 parseInt:2",
    "Boolean": "",
    "Function": "",
}
_NUMBER_CONSTANTS = {"MAX_VALUE": 1.7976931348623157e308, "MIN_VALUE": 5e-324, "NaN": float("nan"),
                     "NEGATIVE_INFINITY": float("-inf"), "POSITIVE_INFINITY": float("inf"),
                     "MAX_SAFE_INTEGER": 2**53 - 1, "MIN_SAFE_INTEGER": -(2**53 - 1), "EPSILON": 2.220446049250313e-16}


class JsError(Exception):
    """JavaScript throws here: `name` is the error's class (TypeError, RangeError), the message is V8's."""
    name = "Error"


class JsTypeError(JsError):
    """Reading this property, or making this object a primitive, throws a TypeError in JavaScript."""
    name = "TypeError"


class JsRangeError(JsError):
    """A string would pass the length this mock builds (see `MAX_JOINED`): V8's RangeError at its own limit."""
    name = "RangeError"


class JsObject(dict):
    """An object whose [[Prototype]] is another object (qs makes `a` of `a[__proto__][b]=1`: it inherits `b`)."""

    def __init__(self, pairs=(), proto=None):
        super().__init__(pairs)
        self.proto = proto


HOLE = type("Hole", (), {"__repr__": lambda self: "<hole>"})()  # an element a sparse array lacks
MAX_JOINED = 1 << 16  # characters: Array.prototype.join past this fails (V8's own limit is 2**29 - 24)


@dataclass(eq=False)
class JsFunction:
    """A built-in function: its own `length` and `name` (and `prototype` and statics for a constructor)."""

    name: str
    length: int
    own: dict = None

    def __repr__(self):
        return f"function {self.name}() {{ [native code] }}"


@dataclass(eq=False)
class JsPrototype:
    """A built-in prototype object, with its methods as own properties and the primitive it stands for."""

    kind: str
    own: dict
    primitive: object  # what ToPrimitive and String() make of it: "[object Object]", "", 0, false...
    parent: object = None


def _methods(spec):
    """{name: JsFunction} from 'name:length name:length ...'."""
    return {name: JsFunction(name, int(length)) for name, length in (item.split(":") for item in spec.split())}


OBJECT_PROTOTYPE = JsPrototype("Object", _methods(_OBJECT), "[object Object]")
FUNCTION_PROTOTYPE = JsPrototype("Function", {"length": 0, "name": "", "arguments": None, "caller": None,
                                              **_methods(_FUNCTION)},
                                 "function () { [native code] }", OBJECT_PROTOTYPE)
ARRAY_PROTOTYPE = JsPrototype("Array", {"length": 0, **_methods(_ARRAY)}, "", OBJECT_PROTOTYPE)
STRING_PROTOTYPE = JsPrototype("String", {"length": 0, **_methods(_STRING)}, "", OBJECT_PROTOTYPE)
NUMBER_PROTOTYPE = JsPrototype("Number", _methods(_NUMBER), 0, OBJECT_PROTOTYPE)
BOOLEAN_PROTOTYPE = JsPrototype("Boolean", _methods(_BOOLEAN), False, OBJECT_PROTOTYPE)
_PROTOTYPES = {p.kind: p for p in (OBJECT_PROTOTYPE, FUNCTION_PROTOTYPE, ARRAY_PROTOTYPE, STRING_PROTOTYPE,
                                   NUMBER_PROTOTYPE, BOOLEAN_PROTOTYPE)}
for _kind, _prototype in _PROTOTYPES.items():  # each prototype's constructor: Object, Array, ...
    _constructor = _prototype.own["constructor"]
    _constructor.name = _kind
    _constructor.own = {"prototype": _prototype, **_methods(_STATICS[_kind])}
    if _kind == "Number":
        _constructor.own.update(_NUMBER_CONSTANTS)
_RESTRICTED = ("caller", "arguments")  # Function.prototype's poisoned accessors


def prototype_of(value):
    """The [[Prototype]] of a value (null for Object.prototype); None for null and undefined."""
    if isinstance(value, JsPrototype):
        return value.parent
    if isinstance(value, JsFunction):
        return FUNCTION_PROTOTYPE
    if isinstance(value, JsObject):
        return value.proto
    if isinstance(value, dict):
        return OBJECT_PROTOTYPE
    if isinstance(value, list):
        return ARRAY_PROTOTYPE
    if isinstance(value, str):
        return STRING_PROTOTYPE
    if isinstance(value, bool):
        return BOOLEAN_PROTOTYPE
    if isinstance(value, (int, float)):
        return NUMBER_PROTOTYPE
    return None


def _units(text):
    """A string's UTF-16 code units (JavaScript indexes and counts these)."""
    data = text.encode("utf-16-le", "surrogatepass")
    return [data[i:i + 2].decode("utf-16-le", "surrogatepass") for i in range(0, len(data), 2)]


def _index(key, length):
    """The array index a property key names, or None (canonical non-negative integers only)."""
    if key.isdigit() and key.isascii() and (key == "0" or key[0] != "0"):
        number = int(key)
        return number if number < length else None
    return None


def own_property(value, key):
    """(True, the value) when `key` is an own property of Object(value), else (False, undefined)."""
    if isinstance(value, dict):
        return (True, value[key]) if key in value else (False, UNDEFINED)
    if isinstance(value, (list, str)):
        items = value if isinstance(value, list) else _units(value)
        if key == "length":
            return True, len(items)
        index = _index(key, len(items))
        return (True, items[index]) if index is not None and items[index] is not HOLE else (False, UNDEFINED)
    if isinstance(value, JsFunction):
        own = {"length": value.length, "name": value.name, **(value.own or {})}
        return (True, own[key]) if key in own else (False, UNDEFINED)
    if isinstance(value, JsPrototype):
        if key == "__proto__" and value is OBJECT_PROTOTYPE:
            return True, None
        return (True, value.own[key]) if key in value.own else (False, UNDEFINED)
    return False, UNDEFINED


def get(value, key):
    """`value[key]` for a value that is not null or undefined: own, then inherited (`__proto__` too)."""
    holder = value
    while holder is not None:
        found, result = own_property(holder, key)
        if found:
            if holder is OBJECT_PROTOTYPE and key == "__proto__":
                return prototype_of(value)
            if holder is FUNCTION_PROTOTYPE and key in _RESTRICTED:
                raise JsTypeError("'caller', 'callee', and 'arguments' properties may not be accessed on strict "
                                  "mode functions or the arguments objects for calls to them")
            return result
        holder = prototype_of(holder)
    return UNDEFINED


def has_own(value, key):
    """hasOwnProperty.call(value, key)."""
    return own_property(value, key)[0]


def has(value, key):
    """`key in Object(value)`: an own or an inherited property."""
    holder = value
    while holder is not None:
        if own_property(holder, key)[0]:
            return True
        holder = prototype_of(holder)
    return False


def is_object(value):
    """Whether a value is an object (not a primitive, null or undefined)."""
    return isinstance(value, (dict, list, JsFunction, JsPrototype))


def primitive(value):
    """ToPrimitive: a built-in's primitive, an object's through the toString it has or inherits (no valueOf
    these objects can reach returns a primitive); TypeError when it has none that can be called."""
    if isinstance(value, JsPrototype):
        return value.primitive
    if isinstance(value, JsFunction):
        return repr(value)
    if type(value) is dict and "toString" not in value:
        return "[object Object]"  # the common cases, made quick
    if type(value) is list and HOLE not in value:
        return ",".join("" if item is None or item is UNDEFINED else to_string(item) for item in value)
    if not isinstance(value, (dict, list)):
        return value
    method = get(value, "toString")
    if method is ARRAY_PROTOTYPE.own["toString"] and isinstance(get(value, "join"), JsFunction):
        return _join(value)
    if isinstance(method, JsFunction):  # Object.prototype.toString, or Array's without a join to call
        return "[object Array]" if isinstance(value, list) else "[object Object]"
    raise JsTypeError("Cannot convert object to primitive value")


def _join(value):
    """Array.prototype.join with ',' on an array, or on an object that inherits from one: its length read as
    ToLength, the elements it has (own or inherited) as strings, '' for the rest; bounded by MAX_JOINED."""
    length = get(value, "length")
    length = max(jsrt.to_integer(jsrt.to_number(primitive(length))), 0) if length is not UNDEFINED else 0
    if length - 1 > MAX_JOINED:
        raise JsRangeError("Invalid string length")
    present, holder = set(), value
    while holder is not None:
        keys = range(len(holder)) if isinstance(holder, list) else holder if isinstance(holder, dict) else ()
        present.update(int(k) for k in keys if _index(str(k), length) is not None and has_own(holder, str(k)))
        holder = prototype_of(holder)
    pieces, last, size = [], 0, max(length - 1, 0)
    for index in sorted(present):
        item = get(value, str(index))
        text = "" if item is None or item is UNDEFINED else to_string(item)
        size += len(text)
        if size > MAX_JOINED:
            raise JsRangeError("Invalid string length")
        pieces.append("," * (index - last) + text)
        last = index
    return "".join(pieces) + "," * (length - 1 - last if length else 0)


def to_string(value):
    """String(value), built-ins and objects included."""
    return jsrt.to_string(primitive(value))
