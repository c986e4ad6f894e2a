"""Paths that name json-server's front folder through dot segments, in origin form and as absolute URLs.

express.static (serve-static 1.14.1 over send 0.17.1) takes the pathname from parseurl, which reads an
absolute target (`GET http://host/users/.. HTTP/1.1`) as url.parse does; when the path, normalized, is
the folder itself and has no trailing slash, it answers 301 to the same URL with one, written back by
url.format: protocol and host in lower case, the user info and a non-empty port kept. Anything else
falls through to the router (404 `{}` for `/users/../`, `/..`, `/users/...`).
"""

from fidelity.cases import Case, request

FAMILY = "dot_segments"
PATHS = ("/users/..", "/users/../", "/users/.", "/users/...", "/..", "/.", "/./", "/./.", "/a/./..", "/a/../.",
         "/a/b/../..", "/users/../..", "/users//..", "//..", "/users/%2e%2e", "/users/.%2e", "/users/%2E%2E", "/%2e",
         "/%2e%2e", "/a/..%2f", "/users%2f..", "/users%5c..", "/users\\..", "/users/..;", "/users/..?x=1",
         "/users/..#f", "/users/..?_sort=id", "/posts/..")
ORIGINS = ("http://x", "http://jsonplaceholder.test", "HTTP://X", "https://y:8080", "http://x:", "http://user:pw@x",
           "ftp://x", "http://[::1]", "http://x:80")
OTHER_FORMS = ("http:/a/..", "//x/a/..", "x:/a/..", "http://x", "http://x/", "http://x/index.html", "http://x/users/1",
               "http://x/users/..%00", "http://x/a/.. /")


def cases(rng):
    """Every dot path in origin form and behind each origin, GET and HEAD; other absolute forms; random mixes."""
    for path in PATHS:
        for method in ("GET", "HEAD"):
            yield Case(FAMILY, f"{method} {path}", request(method, path), method)
        for origin in ORIGINS:
            yield Case(FAMILY, f"GET {origin}{path}", request("GET", origin + path))
    for target in OTHER_FORMS:
        yield Case(FAMILY, f"GET {target}", request("GET", target))
    yield Case(FAMILY, "POST http://x/users/..", request("POST", "http://x/users/..", [("Content-Length", "0")]), "POST")
    for _ in range(60):
        segments = [rng.choice(("users", "a", ".", "..", "%2e", "%2E%2e", "", "x.y")) for _ in range(rng.randint(1, 4))]
        target = rng.choice(("",) + ORIGINS) + "/" + "/".join(segments) + rng.choice(("", "?a=1", "#f", "?b#c"))
        yield Case(FAMILY, f"GET {target}", request("GET", target))
