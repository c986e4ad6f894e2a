"""Small routing corners: encoded path segments, case, pluralize's singular, the home page's headers."""

from fidelity.cases import Case, get, json_write

FAMILY = "routing"
TARGETS = ("/users/1/posts%20", "/index.html", "/users/1/POSTS", "/USERS/1/posts", "/users%2F1", "/users/1%2Fposts",
           "/users//1", "/users/1/posts/1", "/users/1/unknown", "/db/", "/DB", "/users/1/", "/users/ 1", "/users/+1",
           "/users/1e0", "/users/0x1", "/posts/1/comments?_limit=1", "/comments/1/posts", "/todos/1/users",
           "/favicon.ico", "/users;x=1", "/users?", "/users#frag", "/users/%31")


def cases(rng):
    """The issue's examples and neighbours, then nested writes whose parent key pluralize names."""
    for target in TARGETS:
        yield get(FAMILY, target)
    for target in ("/USERS/1/posts", "/Users/1/posts", "/users/1/posts", "/posts/1/comments", "/albums/2/photos",
                   "/people/1/posts", "/status/1/todos"):
        yield json_write(FAMILY, "POST", target, '{"title": "x"}')
    yield Case(FAMILY, "home page headers", b"GET / HTTP/1.1\r\nHost: jsonplaceholder.test\r\n\r\n")
