"""Accept-Encoding as the compression middleware reads it: negotiator 0.6.4's preferredEncodings.

`gzip;q=-1` and `gzip;q=abc` refuse gzip (a q that is not above 0 is no q), `*` stands for any coding,
identity is acceptable unless refused, and among equal q values compression's preference (br, then
gzip) wins over the header's order. The steps follow negotiator/lib/encoding.js.
"""

import functools
import math
import re

from .jsrt import _JS_WS

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


def preferred_encoding(header, available, preferred):
    """negotiator.encoding(available, preferred): the coding to use, or None when none is acceptable."""
    accepts = _parse(header or "")
    candidates = [(coding, _priority(coding, accepts, index)) for index, coding in enumerate(available)]
    candidates = [c for c in candidates if c[1]["q"] > 0]

    def compare(a, b):
        (name_a, spec_a), (name_b, spec_b) = a, b
        if spec_a["q"] != spec_b["q"]:
            return -1 if spec_b["q"] < spec_a["q"] else 1
        rank_a = preferred.index(name_a) if name_a in preferred else -1
        rank_b = preferred.index(name_b) if name_b in preferred else -1
        if rank_a == -1 and rank_b == -1:
            return (spec_b["s"] - spec_a["s"]) or (spec_a["o"] - spec_b["o"]) or (spec_a["i"] - spec_b["i"])
        if rank_a != -1 and rank_b != -1:
            return rank_a - rank_b
        return 1 if rank_a == -1 else -1

    ranked = sorted(candidates, key=functools.cmp_to_key(compare))
    return ranked[0][0] if ranked else None
