"""lodash's _.get and inherited properties, qs 6.7.0's bracket syntax, query keys decoded before they are read."""

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
# lodash paths: inherited properties of objects, strings, numbers and functions; odd separators and quotes
PATHS = ("constructor.name", "toString.length", "__proto__.constructor.name", "name.constructor.name", "id.toFixed",
         "address.geo.lat.length", "name[0]", "name.0", "['name']", '["address"]["city"]', "address['city']",
         "company.name.length", "email.length", "id.constructor", "address.__proto__", "hasOwnProperty.name",
         "name.toUpperCase.length", "address.city.", ".address.city", "address..city", "address[city", "address]city",
         "['a.b']", "[\"id\"]", "[-1]", "name[1.5]", "valueOf.call", "constructor.prototype", "username.__proto__",
         "id.__proto__", "phone.split", "website.length", "address.geo", "company", "address.zipcode.length",
         "toString.call.apply", "__proto__.__proto__", "constructor.keys", "name.at")
VALUES = ("1", "x", "Bret", "13", "", "Gwenborough", "[object Object]", "Object", "0", "function toString() { [native code] }",
          "5", "-37.3159", "Leanne Graham", "String", "function")
# qs: brackets, depth, array indexes around arrayLimit (20), prototype names, escapes of the brackets themselves
QS_KEYS = ("id[]", "id[0]", "id[1]", "id[999]", "id[1000]", "id[a]", "id[][]", "[id]", "[id][]", "id]", "id[[]",
           "id[]]", "id[a][b][c][d][e][f]", "__proto__[id]", "id[__proto__]", "%5Bid%5D", "id%5B%5D", "id%5b0%5d",
           "address[city]", "address[geo][lat]", "address[city][]", "[address][city]", "id[ 1]", "id[01]", "id[-1]")
# parameters json-server reads as strings, given arrays and objects instead
SHAPES = ("q[]=Bret", "q[a]=Bret", "q[]=&q[]=Bret", "q=&q=Bret", "_sort[]=name", "_sort[a]=id", "_order[]=desc&_sort=id",
          "_order[a]=desc&_sort=id", "_limit[]=2", "_limit[a]=2", "_start[]=1&_end=3", "_end[]=3", "_page[]=2",
          "_page[a]=2&_limit=3", "_limit=2&_limit=3", "_page=2&_page=3&_limit=2", "callback[]=cb", "callback[a]=cb",
          "callback=cb&callback=dd", "callback=", "callback=a.b[0]$_", "callback=a-b()", "callback=%E2%80%A8",
          "_embed[]=posts&_embed[]=albums", "_embed[0]=posts", "_embed[a][b]=posts", "_expand[]=user",
          "_expand[0]=user", "_=1&callback=cb", "%63allback=cb&callback=dd", "c%61llback=cb", "%71=Bret",
          "_l%69mit=2", "_s%6Frt=name&_order=desc", "%5Fpage=2&_limit=3", "id=1%26id%3D2", "id=1&id=1", "q=%FF",
          "%FF=1", "name_like=%5B", "id%3D1", "=1", "&&id=1&&", "id", "id=", "a=1&a[b]=2&a[c]=3", "id[b]=1&id=2")
# qs 6.7.0 as Express 4.17.1 calls it: a parent met as a value and as fields (`true` values), text between and
# after groups, groups past the depth, `]=`, `[__proto__]` giving a value a prototype, names ToString reads
QS67 = ("id[b]=1&id=2", "id=2&id[b]=1", "id[]=1&id[b]=2", "id[0]=1&id[b]=2", "id=&id[b]=1", "id[]=1&id=", "id[]=1&id=2",
        "id[0]=1&id[0]=2", "id[0][a]=1&id[0][b]=2", "id[1]=2&id[0]=1", "id[20]=1", "id[19]=1&id[20]=2", "id[21]=1",
        "id[0]x=1", "id[a]x[b]=1", "address[city]x=Gwenborough", "id]=1", "id[a]=b]=c", "id[=]=1", "a[b][c][d][e][f][g]=1",
        "id[__proto__][]=1", "id[__proto__][0]=1", "id_gte[__proto__][]=9", "id_lte[__proto__][0]=2", "name_like[__proto__][]=^C",
        "_page[__proto__][]=2&_limit=3", "_limit[__proto__][]=2", "_start[__proto__][]=1&_end=3", "_end[__proto__][]=3",
        "_embed[__proto__][]=posts", "_expand[__proto__][]=user", "q[__proto__][]=Bret", "callback[__proto__][]=cb",
        "_sort[__proto__][]=name", "_order[__proto__][]=desc&_sort=id", "name_like[toString]=x", "id_gte[valueOf]=1",
        "id_gte[toString]=1", "_page[toString]=2", "_limit[__proto__][toString]=1", "name_like[__proto__][toString]=x",
        "id_like[__proto__][]=1&id_like[length]=3", "name_like[__proto__][]=e&name_like[length]=900",
        "_page[__proto__][]=2&_page[join]=x&_limit=3",
        "_page[__proto__][__proto__][]=3&_limit=2", "_delay[__proto__][toString]=1", "_delay[toString]=1",
        "_embed[toString]=posts", "_expand[toString]=user", "id_ne[toString]=1", "id[toString]=1", "q[toString]=x",
        "id_like[b]=1&id_like=2", "_embed[b]=x&_embed=posts", "_limit[]=2&_limit=3", "__proto__[id]=1", "__proto__=1&id=1",
        "0[]=a&0=b", "id[__proto__]=1", "name_like=e&name_like[__proto__][]=x", "id_gte[__proto__][]=9&id_gte[b]=1")
QS67_KEYS = ("id", "id_gte", "id_lte", "id_ne", "name_like", "name", "_page", "_limit", "_start", "_end", "_sort", "_order",
             "q", "_embed", "_expand", "callback", "address.city", "username")
QS67_GROUPS = ("", "", "[]", "[0]", "[1]", "[20]", "[21]", "[__proto__]", "[toString]", "[valueOf]", "[join]", "[length]", "[b]")
QS67_VALUES = {"id": ("1", "9", "x", ""), "name": ("^C", "e", "Leanne+Graham", ""), "_page": ("2", "3", ""),
               "_limit": ("2", "3"), "_start": ("1", "8"), "_end": ("3",), "_sort": ("name", "id"), "_order": ("desc",),
               "q": ("Bret", "lebsack"), "_embed": ("posts", "albums"), "_expand": ("user",), "callback": ("cb",),
               "address.city": ("Gwenborough",), "username": ("Bret",)}
EMBEDS = ("posts", "albums", "todos", "comments", "__proto__", "constructor", "toString", "length", "posts.0", "users",
          "POSTS", "post", "", "db", "[0]", "posts[0]")
EXPANDS = ("user", "users", "USER", "User", "post", "album", "person", "constructor", "__proto__", "", "todo", "length")


def cases(rng):
    """The issue's examples; then odd and inherited paths, qs shapes, embed and expand names, random mixes."""
    for target in TARGETS:
        yield get(FAMILY, target)
    for path in PATHS:
        yield get(FAMILY, f"/users?{path}={rng.choice(VALUES)}")
        yield get(FAMILY, f"/users?{path}{rng.choice(OPS[1:])}={rng.choice(VALUES)}")
        yield get(FAMILY, f"/users?_sort={path}&_order={rng.choice(('asc', 'desc', 'DESC'))}")
    for key in QS_KEYS:
        yield get(FAMILY, f"/users?{key}={rng.choice(('1', '2', 'Gwenborough', '-37.3159'))}")
    for shape in SHAPES:
        yield get(FAMILY, f"/users?{shape}")
    for name in EMBEDS:
        yield get(FAMILY, f"/users/1?_embed={name}")
        yield get(FAMILY, f"/users?_limit=2&_embed={name}")
    for name in EXPANDS:
        yield get(FAMILY, f"/posts/1?_expand={name}")
        yield get(FAMILY, f"/todos?_limit=2&_expand={name}")
    for _ in range(200):
        key = rng.choice(KEYS) + rng.choice(OPS)
        value = rng.choice(("1", "x", "Bret", "13", "", "Gwenborough", "[object Object]"))
        extra = rng.choice(("", "&_sort=" + rng.choice(KEYS), "&_limit=2", "&_embed=" + rng.choice(KEYS)))
        yield get(FAMILY, f"/users?{key}={value}{extra}")
    for query in QS67:
        yield get(FAMILY, f"/users?{query}")
    for _ in range(300):
        yield get(FAMILY, f"/{rng.choice(('users', 'users', 'posts', 'users/1'))}?{_qs67_query(rng)}")
    for _ in range(150):
        parts = [f"{rng.choice(PATHS + KEYS)}{rng.choice(OPS)}={rng.choice(VALUES)}" for _ in range(rng.randint(1, 2))]
        parts.append(rng.choice(SHAPES + ("_sort=" + ",".join(rng.sample(PATHS, 2)), "")))
        resource = rng.choice(("users", "posts", "todos", "albums"))
        yield get(FAMILY, f"/{resource}?{'&'.join(p for p in parts if p)}")


def _qs67_query(rng):
    """1-4 parameters json-server reads, their keys nesting groups qs 6.7.0 treats apart, with plausible values."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        key = rng.choice(QS67_KEYS)
        groups = "".join(rng.choice(QS67_GROUPS) for _ in range(rng.randint(0, 3)))
        base = key.split("_")[0] if key.startswith(("id", "name")) else key
        parts.append(f"{key}{groups}={rng.choice(QS67_VALUES.get(base, ('1',)))}")
    return "&".join(parts)
