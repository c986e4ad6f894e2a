"""`_sort`, `_order` and `q` given twice or with brackets (arrays and objects for qs) beside filters that fail.

json-server 0.16.0's list route (router/plural.js) builds a lowdb (lodash) chain: its filters, the `_like`
RegExp among them, run only when the chain is read (chain.size() for X-Total-Count, chain.value()). What
runs at once, in order, is q.toLowerCase(), then _sort.split(','), then (_order || '').split(','): so
`?_sort=id&_sort=name&name_like=(` fails first with `TypeError: _sort.split is not a function`, not with
the pattern's SyntaxError.
"""

from fidelity.cases import get

FAMILY = "sort_arrays"
SORTS = ("", "_sort=id", "_sort=id&_sort=name", "_sort[]=id", "_sort[a]=id", "_sort=&_sort=", "_sort=id,name")
ORDERS = ("", "_order=desc", "_order=asc&_order=desc", "_order[]=asc", "_order[x]=asc", "_order=&_order=")
QS = ("", "q=a", "q=a&q=b", "q[x]=a", "q[]=a")
FILTERS = ("", "name_like=(", "name_like=[", "name_like=a", "name_like=(&name_like=a", "id=1", "name_like=*",
           "address.city_like=(")
EXTRAS = ("", "_page=1", "_limit=2", "_end=3", "_embed=posts", "_page=1&_limit=2")
TARGETS = ("/users", "/users/1/posts", "/posts", "/comments")


def cases(rng):
    """The combinations that matter in full on /users, then random ones across routes."""
    for sort in SORTS:
        for order in ORDERS:
            for like in ("", "name_like=("):
                yield _get("/users", sort, order, like)
    for q in QS:
        for sort in ("", "_sort=id&_sort=name"):
            yield _get("/users", q, sort, "name_like=(")
    for _ in range(220):
        target = rng.choice(TARGETS)
        parts = [rng.choice(SORTS), rng.choice(ORDERS), rng.choice(QS), rng.choice(FILTERS), rng.choice(EXTRAS)]
        if target != "/users":
            parts = [part.replace("name_like", "title_like" if target != "/comments" else "body_like") for part in parts]
        rng.shuffle(parts)
        yield _get(target, *parts)


def _get(target, *parts):
    """A GET of the target with the non-empty parts as its query."""
    query = "&".join(part for part in parts if part)
    return get(FAMILY, f"{target}?{query}" if query else target)
