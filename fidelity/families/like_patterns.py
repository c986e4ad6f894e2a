"""`?field_like=` is V8's `new RegExp(value, 'i')`: its syntax, its errors word for word, its case folding."""

from fidelity.cases import get, query_value

FAMILY = "like_patterns"
EXAMPLES = ("a*+", "(?i)a", "\\1", "\\c", "(?<a>x)\\k<a>", "[b-\\d]", "(?<=a)b", "(?", "^(a|b)*$", "ſ", "K",
            "İ", "ı", "\\u0041", "\\x41", "[^]", "[]", "a{,2}", "a{2,1}", "\\k", "(?P<n>a)", "\\Z", "\\A")


def cases(rng):
    """The issue's examples on names, then random patterns built from V8's syntax."""
    for pattern in EXAMPLES:
        yield get(FAMILY, f"/users?name_like={query_value(pattern)}")
    atoms = ("a", "e", "\\d", "\\w", "\\s", ".", "[a-c]", "[^x]", "(a|e)", "(?:l)", "\\b", "^", "$", "\\.", "\\1",
             "(?=e)", "(?!e)", "\\u0065", "\\x65", "\\cA", "[\\w-]", "\\k<n>", "(?<n>e)")
    quantifiers = ("", "", "*", "+", "?", "{2}", "{1,}", "*?", "{,3}")
    for _ in range(200):
        pattern = "".join(rng.choice(atoms) + rng.choice(quantifiers) for _ in range(rng.randint(1, 4)))
        field = rng.choice(("name", "username", "email", "address.street", "phone"))
        yield get(FAMILY, f"/users?{field}_like={query_value(pattern)}")
