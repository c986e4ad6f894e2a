"""Small routing corners: encoded path segments, case, pluralize's singular, nested rewrites, methods on routes.

The home page (a path of `/`) is left out: the mock serves a page of its own there on purpose (docs/mock-server.md).
"""

from fidelity.cases import Case, get, json_write, request

FAMILY = "routing"
TARGETS = ("/users/1/posts%20", "/index.html", "/users/1/POSTS", "/USERS/1/posts", "/users%2F1", "/users/1%2Fposts",
           "/users//1", "/users/1/posts/1", "/users/1/unknown", "/db/", "/DB", "/users/1/", "/users/ 1", "/users/+1",
           "/users/1e0", "/users/0x1", "/posts/1/comments?_limit=1", "/comments/1/posts", "/todos/1/users",
           "/favicon.ico", "/users;x=1", "/users?", "/users#frag", "/users/%31")
SEGMENTS = ("posts", "POSTS", "posts%20", "%20posts", "posts%09", "posts%2F1", "posts%2F1%2Fcomments", "posts%3Fx=1",
            "posts%23x", "posts%3F_limit=2", "posts.json", "posts%2E", "po%73ts", "posts%00", "posts%C5%BF", "po%C5%BFts",
            "todos%2F", "%2Fposts", "posts%5C1", "posts%20%20", "posts%0A", "todos%3F", "albums%23", "%252F", "posts%FF",
            "users", "comments", "db", "%2E%2E", "photos%2F1")
PARENTS = ("users", "USERS", "Users", "posts", "people", "person", "status", "todos", "albums", "children", "knives",
           "data", "series", "us%65rs", "users%2F1", "%FF", "x", "USER", "mice", "wolves", "quizzes", "buses")
PATHS = ("/users", "/users/", "/users//", "/users/1", "/users/1/", "/users/1//", "//users", "/users.json", "/users/1.json",
         "/users/1/posts", "/users/1/posts/", "/users/1/posts//", "/users/1/posts/1", "/db", "/db/1", "/db.json",
         "/unknown", "/users/%31", "/users/%FF", "/users/%FF/posts", "/users/1/%FF", "/%FF/1/posts", "/users/1%3F",
         "/users\\1#x", "/users/1#x", "/users#/1", "/users/1?x#y", "/Users/1/Posts", "/posts/1/COMMENTS", "/users/1/posts.",
         "/users/1/posts%2E", "/users/%2E%2E", "/users/..", "/users/./1", "/users;1", "/users,1", "/users/1,2")
DOT_PATHS = ("/users/..", "/a/b/../..", "/.", "/%2e", "/%2E%2E", "/users/..%2F", "//users/..", "/users/../", "/users/..?x=1",
             "/users/..#x", "/users/..?a={}", "/x/..", "/users/../db", "/users/../users", "/..", "/../users", "/.git/..",
             "/users/%FF/..", "/users/%00/..", "/users/.%2e", "/" + "a" * 900 + "/..",
             # serve-static 1.14.1's page links the new address, escaped as HTML; encodeurl 1.0.2 writes it
             "/users/..?x=%zz", "/users/..?x=%4", "/users/..?x=%%41", "/users/..?x=|^`", "/users/..?x=\"<>'&",
             "/users/..?x=$#y", "/users/..#a|b", "/%7C/..", "/a%zz/..", "/users/..?x=%E2%82%AC", "/a{b}/..", "/a'b/..")
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "TRACE", "PROPFIND", "LOCK", "SEARCH", "PURGE")
ABSOLUTE = ("http://other.example/users/1", "http://other.example/users/1/posts", "HTTP://X/USERS", "http://x/db",
            "http://x/users/1/posts%20", "http://x/users?_limit=1", "http://x:80/todos/1", "http://user@x/users/2")


def _hint(method):
    """How the answer is framed: no body for HEAD."""
    return "HEAD" if method == "HEAD" else method


def cases(rng):
    """The issue's examples and neighbours, then nested rewrites, parents, paths under every method, random mixes."""
    for target in TARGETS:
        yield get(FAMILY, target)
    for target in ("/USERS/1/posts", "/Users/1/posts", "/users/1/posts", "/posts/1/comments", "/albums/2/photos",
                   "/people/1/posts", "/status/1/todos"):
        yield json_write(FAMILY, "POST", target, '{"title": "x"}')
    for segment in SEGMENTS:
        yield get(FAMILY, f"/users/1/{segment}")
        yield json_write(FAMILY, "POST", f"/users/2/{segment}", '{"title": "x"}')
    for parent in PARENTS:
        yield get(FAMILY, f"/{parent}/1/todos")
        yield json_write(FAMILY, "POST", f"/{parent}/3/todos", "{}")
    for path in PATHS:
        for method in METHODS:
            body = "{}" if method in ("POST", "PUT", "PATCH") else ""
            headers = [("Content-Type", "application/json")] if body else []
            yield Case(FAMILY, f"{method} {path}", request(method, path, headers, body), _hint(method))
    for path in DOT_PATHS:  # express.static's folder: a path naming it (without a trailing slash) is redirected
        for method in ("GET", "HEAD", "POST"):
            yield Case(FAMILY, f"{method} {path[:60]}", request(method, path, [("Accept-Encoding", "gzip")]), _hint(method))
    for target in ABSOLUTE:
        yield get(FAMILY, target, name=f"absolute-form GET {target}")
        yield Case(FAMILY, f"absolute-form POST {target}", request("POST", target, [("Content-Length", "0")]), "POST")
    for _ in range(150):
        parent, segment = rng.choice(PARENTS), rng.choice(SEGMENTS)
        method = rng.choice(("GET", "POST", "PUT", "DELETE", "HEAD"))
        target = rng.choice((f"/{parent}/{rng.randint(0, 12)}/{segment}", f"/{segment}/{rng.randint(0, 3)}",
                             f"/{parent}/{segment}", f"/{segment}"))
        body = '{"name": "x"}' if method in ("POST", "PUT") else ""
        headers = [("Content-Type", "application/json")] if body else []
        yield Case(FAMILY, f"{method} {target}", request(method, target, headers, body), _hint(method))
