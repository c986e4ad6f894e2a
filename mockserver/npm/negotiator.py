"""Accept-Encoding as the compression middleware reads it: negotiator 0.6.2's preferredEncodings.

`gzip;q=-1` and `gzip;q=abc` refuse gzip (a q that is not above 0 is no q), `*` stands for any coding,
identity is acceptable unless refused; among equal q values the more specific entry, then the earlier
one in the header, then the earlier one offered wins. The steps follow negotiator/lib/encoding.js.
"""

import functools
import math
import re

from ..node.jsrt import _JS_WS

_SIMPLE_ENCODING = re.compile(rf"^[{_JS_WS}]*([^{_JS_WS};]+)[{_JS_WS}]*(?:;([^\n\r\u2028\u2029]*))?\Z")
_FLOAT = re.compile(r"[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")


def _parse_float(text):
    """parseFloat: the longest decimal prefix after leading white space, else NaN."""
    if text is None:
        return math.nan
    match = _FLOAT.match(text.lstrip(_JS_WS))
    return float(match.group().replace("Infinity", "inf")) if match else math.nan


def _parse(header):
    """parseAcceptEncoding: [(coding, q, position)], identity added at the lowest q unless named."""
    accepts, has_identity, min_quality = [], False, 1.0
    parts = header.split(",")
    for position, part in enumerate(parts):
        match = _SIMPLE_ENCODING.match(part.strip(_JS_WS))
        if not match:
            continue
        q = 1.0
        if match.group(2):
            for param in match.group(2).split(";"):
                pair = param.strip(_JS_WS).split("=")
                if pair[0] == "q":
                    q = _parse_float(pair[1] if len(pair) > 1 else None)
                    break
        accepts.append((match.group(1), q, position))
        has_identity = has_identity or match.group(1).lower() == "identity" or match.group(1) == "*"
        min_quality = min(min_quality, q if q and not math.isnan(q) else 1.0)
    if not has_identity:
        accepts.append(("identity", min_quality, len(parts)))
    return accepts


def _first_truthy(*numbers):
    """`a || b || c` on numbers: the first that is neither 0 nor NaN, else the last."""
    return next((n for n in numbers if n and not math.isnan(n)), numbers[-1])


def _priority(coding, accepts, index):
    """getEncodingPriority: the most specific, then best, then earliest entry that names the coding or *."""
    best = {"q": 0.0, "s": 0, "o": -1, "i": index}
    for name, q, position in accepts:
        if name.lower() == coding.lower():
            spec = {"q": q, "s": 1, "o": position, "i": index}
        elif name == "*":
            spec = {"q": q, "s": 0, "o": position, "i": index}
        else:
            continue
        if _first_truthy(best["s"] - spec["s"], best["q"] - spec["q"], best["o"] - spec["o"]) < 0:
            best = spec
    return best


def preferred_encoding(header, available):
    """negotiator.encoding(available): the coding to use, or None when none is acceptable."""
    accepts = _parse(header or "")
    candidates = [(coding, _priority(coding, accepts, index)) for index, coding in enumerate(available)]
    candidates = [c for c in candidates if c[1]["q"] > 0]

    def compare(a, b):
        """compareSpecs: q descending, then specificity, then order in the header, then order offered."""
        spec_a, spec_b = a[1], b[1]
        return _first_truthy(spec_b["q"] - spec_a["q"], spec_b["s"] - spec_a["s"], spec_a["o"] - spec_b["o"],
                             spec_a["i"] - spec_b["i"], 0)

    ranked = sorted(candidates, key=functools.cmp_to_key(compare))
    return ranked[0][0] if ranked else None
