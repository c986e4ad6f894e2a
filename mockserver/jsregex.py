"""`new RegExp(value, 'i')` for the `_like` filter: JavaScript syntax translated to Python's `re`."""

import functools
import re

from . import nodeerrors

_PY_ESCAPES = set("bBdDfnrsStvwW0123456789")
_DIGIT, _WORD = "0-9", "A-Za-z0-9_"
_MESSAGES = (
    ("missing ), unterminated subpattern", "Unterminated group"),
    ("unbalanced parenthesis", "Unmatched ')'"),
    ("nothing to repeat", "Nothing to repeat"),
    ("multiple repeat", "Nothing to repeat"),
    ("unterminated character set", "Unterminated character class"),
    ("bad escape (end of pattern)", "\\ at end of pattern"),
    ("min repeat greater than max repeat", "numbers out of order in {} quantifier"),
    ("bad character range", "Range out of order in character class"),
    ("unknown extension", "Invalid group"),
    ("missing group name", "Invalid capture group name"),
    ("bad character in group name", "Invalid capture group name"),
)


def _escape(pattern, i, in_class):
    """Translate the escape at pattern[i] (a backslash); returns (python text, next index)."""
    if i + 1 >= len(pattern):
        return "\\", i + 1
    char = pattern[i + 1]
    if char == "d":
        return (_DIGIT if in_class else f"[{_DIGIT}]"), i + 2
    if char == "w":
        return (_WORD if in_class else f"[{_WORD}]"), i + 2
    if char == "D" and not in_class:
        return f"[^{_DIGIT}]", i + 2
    if char == "W" and not in_class:
        return f"[^{_WORD}]", i + 2
    if char == "k" and pattern[i + 2:i + 3] == "<" and ">" in pattern[i + 3:]:
        end = pattern.index(">", i + 3)
        return f"(?P={pattern[i + 3:end]})", end + 1
    if char == "x" and re.fullmatch(r"[0-9A-Fa-f]{2}", pattern[i + 2:i + 4]):
        return pattern[i:i + 4], i + 4
    if char == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", pattern[i + 2:i + 6]):
        return pattern[i:i + 6], i + 6
    if char == "c" and re.fullmatch(r"[A-Za-z]", pattern[i + 2:i + 3]):
        return re.escape(chr(ord(pattern[i + 2]) % 32)), i + 3
    if char.isalpha() and char not in _PY_ESCAPES:
        return char, i + 2
    return pattern[i:i + 2], i + 2


def translate(pattern):
    """A Python pattern that matches what the JavaScript pattern (without the `u` flag) matches."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            text, i = _escape(pattern, i, in_class)
            out.append(text)
            continue
        if in_class:
            in_class = char != "]"
            out.append("\\[" if char == "[" else char)
        elif char == "[":
            if pattern.startswith("[]", i):
                out.append("(?!)")
                i += 2
                continue
            if pattern.startswith("[^]", i):
                out.append("[\\s\\S]")
                i += 3
                continue
            in_class = True
            out.append(char)
        elif char == "$":
            out.append("(?!(?s:.))")
        elif char == "{" and pattern.startswith("{,", i):
            out.append("\\{")
        elif pattern.startswith("(?<", i) and pattern[i + 3:i + 4] not in ("=", "!"):
            out.append("(?P<")
            i += 3
            continue
        else:
            out.append(char)
        i += 1
    return "".join(out)


@functools.lru_cache(maxsize=256)
def compile_like(pattern):
    """The compiled case-insensitive pattern, or the SyntaxError V8 throws for it."""
    try:
        return re.compile(translate(pattern), re.IGNORECASE)
    except re.error as exc:
        reason = next((js for py, js in _MESSAGES if exc.msg.startswith(py)), exc.msg[:1].upper() + exc.msg[1:])
        raise nodeerrors.invalid_regex(pattern, reason) from None
