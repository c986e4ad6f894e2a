"""`new RegExp(value, 'i')` for the `_like` filter: JavaScript syntax translated to Python's `re`."""

import contextlib
import re
import sys
import threading

from . import nodeerrors
from .lru import ByteLRU

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


# Compiled patterns, bounded by bytes (issue 11, item 3): a 16 KB pattern of `\w` compiles to about 2.6 MB.
COMPILED_BYTES = 8 * 1024 * 1024
_COMPILED = ByteLRU(COMPILED_BYTES, max_item=COMPILED_BYTES)
_LIBRARY_KEEPS = 16 * 1024  # re keeps its last 512 patterns too: a bigger one is cleared from there at once
_COMPILING = threading.Lock()  # one long pattern compiled at a time: each takes ~25 MB of small objects for a moment
_IN_USE = threading.local()  # each thread's last few patterns: a filter asks for its pattern once per record,
_IN_USE_MAX = 4  # and a request must not lose it to other threads' patterns halfway through the records


def compile_like(pattern):
    """The compiled case-insensitive pattern, or the SyntaxError V8 throws for it."""
    in_use = getattr(_IN_USE, "patterns", None)
    if in_use is None:
        in_use = _IN_USE.patterns = {}
    compiled = in_use.get(pattern)
    if compiled is None:
        compiled = _COMPILED.get(pattern)
        if compiled is None:
            with _COMPILING if len(pattern) > 1024 else contextlib.nullcontext():
                compiled = _COMPILED.get(pattern) or _compile(pattern)
            size = sys.getsizeof(compiled)  # the compiled code's size, for re's patterns
            if size > _LIBRARY_KEEPS:
                re.purge()
            _COMPILED.put(pattern, compiled, size + 4 * len(pattern) + 1024)  # + the pattern, given and translated
        if len(in_use) >= _IN_USE_MAX:
            in_use.clear()
        in_use[pattern] = compiled
    return compiled


def _compile(pattern):
    """compile_like's work, uncached."""
    try:
        return re.compile(translate(pattern), re.IGNORECASE)
    except re.error as exc:
        reason = next((js for py, js in _MESSAGES if exc.msg.startswith(py)), exc.msg[:1].upper() + exc.msg[1:])
        raise nodeerrors.invalid_regex(pattern, reason) from None
