"""Random regular expressions from V8's grammar (no `u` flag): what the differential tester and the corpus send.

Valid and invalid on purpose: atoms, classes, escapes, groups, lookarounds, named groups, back references,
quantifiers, assertions and Annex B's oddities (octal and identity escapes, `\\c`, lone `{`, `}` and `]`,
quantified lookaheads), with characters whose case V8 folds differently from Python (`ſ`, `K`, `İ`, `ı`).
"""

LETTERS = "aAbBcCeEiIkKlLnNsSxXyYzZ"
ODD_CHARACTERS = ("ſ", "\u212a", "\u0130", "\u0131", "é", "É", "ß", "µ", "μ", "Μ", "Σ", "σ", "ς", "ǅ", "ÿ", "Ÿ",
                  "\u1e9e", "\u2126", "ω", "\u00a0", "\u2028", "\ufeff", "\U0001f600", "\u0000", "\n", " ", "-",
                  "/", ",", "@", ".", "'", "_", "$", "}", "]", "{", "😀")
ESCAPES = ("\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "\\n", "\\t", "\\r", "\\f", "\\v", "\\0", "\\00", "\\012",
           "\\101", "\\377", "\\400", "\\8", "\\9", "\\18", "\\cA", "\\cz", "\\cJ", "\\c1", "\\c_", "\\c", "\\c-",
           "\\x41", "\\x6b", "\\x4", "\\x", "\\xg1", "\\u0041", "\\u017f", "\\u212a", "\\u004", "\\u", "\\u{41}",
           "\\u{1F600}", "\\ud83d\\ude00", "\\ud83d", "\\p{L}", "\\P{Lu}", "\\p", "\\k", "\\k<", "\\.", "\\*",
           "\\/", "\\-", "\\$", "\\^", "\\(", "\\)", "\\[", "\\]", "\\{", "\\}", "\\|", "\\\\", "\\a", "\\e", "\\y",
           "\\z", "\\Z", "\\A", "\\q", "\\i", "\\K", "\\S", "\\_", "\\ ", "\\é", "\\ſ")
CLASS_ITEMS = ("a", "z", "A", "Z", "k", "s", "0", "9", "_", "-", "^", "]", "[", ".", "$", " ", "ſ", "\u212a",
               "\u0130", "\u0131", "é", "\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "\\b", "\\B", "\\-", "\\]",
               "\\\\", "\\cA", "\\c1", "\\c_", "\\c", "\\x41", "\\u0061", "\\0", "\\12", "\\8", "\\k", "\\n", "\\.",
               "a-z", "A-Z", "0-9", "a-f", "K-k", "s-t", "\\d-z", "a-\\w", "\\x41-\\x5a", "z-a", "\\w-\\d", "é-ü",
               "\u017f-\u0180", "\u212a-\u212b", "\\0-\\x1f", "!-/", "\\cA-\\cZ", "\\c-a", "--", "-a")
QUANTIFIERS = ("*", "+", "?", "*?", "+?", "??", "{2}", "{0}", "{1,}", "{1,3}", "{0,1}", "{,2}", "{2,}?", "{1,2}?",
               "{", "{a}", "{1", "{1,", "{2147483648}", "{99999}", "{1000,}", "{0,2000}", "{3}?")
BAD_QUANTIFIERS = ("**", "*+", "+*", "{2}{2}", "{3,1}", "?+")
NAMES = ("a", "b", "x1", "$", "_n", "\u00e9", "n\\u0061", "\\u{61}", "𝒜", "a\u200d", "\\u{1d49c}", "ab")
BAD_NAMES = ("1a", "a-b", "", "a\\", "\\u{110000}", "a b")
OPENERS = ("(", "(", "(", "(?:", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?<{}>", "(?<{}>")
BAD_OPENERS = ("(?i)", "(?i:", "(?P<n>", "(?#", "(?>", "(?", "(?<", "(?-i:", "(?<{}>")


def pattern(rng, depth=0):
    """A random pattern: a disjunction of sequences of terms."""
    alternatives = [_sequence(rng, depth) for _ in range(1 if rng.random() < 0.8 else rng.randint(2, 3))]
    text = "|".join(alternatives)
    if depth == 0 and rng.random() < 0.02:  # unbalanced on purpose
        text = rng.choice(("(", ")", "[", "(?")) + text if rng.random() < 0.5 else text + rng.choice(("(", ")", "\\"))
    return text


def _sequence(rng, depth):
    terms = []
    for _ in range(rng.randint(1, 4 if depth else 5)):
        term = _term(rng, depth)
        if rng.random() < 0.3 and (term not in ("^", "$", "\\b", "\\B") or rng.random() < 0.1):
            term += rng.choice(QUANTIFIERS if rng.random() < 0.95 else BAD_QUANTIFIERS)
        terms.append(term)
    return "".join(terms)


def _term(rng, depth):
    roll = rng.random()
    if roll < 0.3:
        return rng.choice(LETTERS) * rng.randint(1, 2)
    if roll < 0.36:
        return rng.choice(ODD_CHARACTERS)
    if roll < 0.5:
        return rng.choice(ESCAPES)
    if roll < 0.62:
        return _class(rng)
    if roll < 0.7:
        return rng.choice(("^", "$", "\\b", "\\B", "."))
    if roll < 0.78:
        return _reference(rng)
    if depth < 3:
        return _group(rng, depth)
    return rng.choice(LETTERS)


def _class(rng):
    items = "".join(rng.choice(CLASS_ITEMS) for _ in range(rng.randint(0, 3)))
    closing = "]" if rng.random() < 0.99 else ""
    return ("[^" if rng.random() < 0.25 else "[") + items + closing


def _reference(rng):
    if rng.random() < 0.6:
        return f"\\{rng.randint(1, 4)}" if rng.random() < 0.9 else f"\\{rng.randint(10, 12)}"
    return f"\\k<{rng.choice(NAMES)}>" if rng.random() < 0.95 else "\\k" + rng.choice(("", "<a", "a>"))


def _group(rng, depth):
    bad = rng.random() < 0.05
    opener = rng.choice(BAD_OPENERS if bad else OPENERS)
    if "{}" in opener:
        opener = opener.format(rng.choice(BAD_NAMES if bad else NAMES))
    body = pattern(rng, depth + 1) if rng.random() < 0.9 else ""
    return opener + body + (")" if rng.random() < 0.99 else "")


def catastrophic():
    """Patterns that backtrack for ever on a long enough subject (the live engine would never answer)."""
    return ("^(x+x+)+y", "^([a-z\\s]|[a-z\\s])*!", "(a*)*b", "^(\\w+\\s?)*$!", "(.*a){20}", "^(a|a)*$!")


def small(rng, depth=0):
    """A valid-looking pattern over a, b and A: groups, lookarounds, repeats and back references that interact."""
    alternatives = []
    for _ in range(1 if rng.random() < 0.7 else 2):
        terms = []
        for _ in range(rng.randint(1, 3)):
            roll = rng.random()
            if roll < 0.35 or depth >= 3:
                term = rng.choice(("a", "b", "A", ".", "[ab]", "[^a]", "a", "b"))
            elif roll < 0.5:
                term = f"\\{rng.randint(1, 3)}"
            elif roll < 0.58:
                term = rng.choice(("^", "$", "\\b", "\\B"))
            else:
                opener = rng.choice(("(", "(", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?<n>"))
                term = opener + small(rng, depth + 1) + ")"
            if term not in ("^", "$", "\\b", "\\B") and not term.startswith("(?<") and rng.random() < 0.4:
                term += rng.choice(("*", "+", "?", "{2}", "{0,2}", "*?", "+?", "??", "{1,}"))
            terms.append(term)
        alternatives.append("".join(terms))
    return "|".join(alternatives)
