"""lodash's _.get and inherited properties, qs's bracket syntax, query keys decoded before they are read."""

from fidelity.cases import get

FAMILY = "paths_and_queries"
TARGETS = ("/users?toString_ne=x", "/users?id.=1", "/users?.id=1", "/users?_sort=address..city", "/users?id[=1",
           "/users?[id]=1", "/users/1?_embed[a]=posts", "/posts/1?_expand[a]=user", "/users/1?_embed=__proto__",
           "/users?%63allback=cb", "/users?constructor=x", "/users?__proto__=x", "/users?hasOwnProperty_ne=1",
           "/users?address[city]=Gwenborough", "/users?id[]=1&id[]=2", "/users?_sort=constructor",
           "/users?name.length=13", "/users?address.geo.lat_gte=0", "/users?%5Fsort=name", "/users?id%5B%5D=1")
KEYS = ("id", "name", "address.city", "address[city]", "toString", "valueOf", "__proto__", "constructor",
        "length", "name.length", "[0]", "a..b", ".", "..", "address.", "company.name", "id[", "id]", "%69d")
OPS = ("", "_ne", "_like", "_gte", "_lte")


def cases(rng):
    """The issue's examples, then random keys (odd paths, inherited names, brackets) with operators."""
    for target in TARGETS:
        yield get(FAMILY, target)
    for _ in range(200):
        key = rng.choice(KEYS) + rng.choice(OPS)
        value = rng.choice(("1", "x", "Bret", "13", "", "Gwenborough", "[object Object]"))
        extra = rng.choice(("", "&_sort=" + rng.choice(KEYS), "&_limit=2", "&_embed=" + rng.choice(KEYS)))
        yield get(FAMILY, f"/users?{key}={value}{extra}")
