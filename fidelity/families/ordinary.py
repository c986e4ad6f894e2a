"""Requests every front end sends, with the values the data holds: they agree today and must keep agreeing."""

from fidelity.cases import Case, get, json_write, query_value, request

FAMILY = "ordinary"
RESOURCES = ("users", "posts", "comments", "albums", "photos", "todos")
FIELDS = {"users": ("name", "username", "email", "address.city", "company.name", "id", "website"),
          "posts": ("title", "userId", "id"), "comments": ("email", "postId", "name"),
          "albums": ("title", "userId"), "photos": ("albumId", "title"), "todos": ("completed", "userId", "title")}
WORDS = ("a", "e", "qui", "sunt", "Bret", "Leanne", "Gwenborough", "true", "1", "10", "-37", "est", "ZZZ")


def cases(rng):
    """Lists, records, filters, operators, sorting, paging, nested routes, embedding, writes."""
    for name in RESOURCES:
        yield get(FAMILY, f"/{name}")
        yield get(FAMILY, f"/{name}/{rng.randint(0, 12)}")
        yield get(FAMILY, f"/{name}/1", [("Accept-Encoding", "gzip, deflate, br")])
    for _ in range(150):
        name = rng.choice(RESOURCES)
        field = rng.choice(FIELDS[name])
        op = rng.choice(("", "_like", "_ne", "_gte", "_lte"))
        value = query_value(rng.choice(WORDS))
        extra = rng.choice(("", "&_sort=id&_order=desc", f"&_page={rng.randint(1, 4)}", "&_limit=3",
                            "&_start=2&_end=5", f"&q={rng.choice(WORDS)}", "&_embed=posts", "&_expand=user"))
        yield get(FAMILY, f"/{name}?{field}{op}={value}{extra}")
    for user in (1, 3, 11):
        for child in ("posts", "todos", "albums"):
            yield get(FAMILY, f"/users/{user}/{child}")
    yield get(FAMILY, "/posts/1/comments")
    yield get(FAMILY, "/db")
    for method in ("POST", "PUT", "PATCH"):
        yield json_write(FAMILY, method, "/users" if method == "POST" else "/users/1",
                         '{"name": "Jane Doe", "username": "jdoe"}')
    yield Case(FAMILY, "DELETE /users/1", request("DELETE", "/users/1"), "DELETE")
    yield Case(FAMILY, "OPTIONS preflight", request("OPTIONS", "/users", [
        ("Origin", "http://app.example"), ("Access-Control-Request-Method", "PUT")]), "OPTIONS")
    yield Case(FAMILY, "HEAD /users", request("HEAD", "/users"), "HEAD")
    yield get(FAMILY, "/users/1", [("If-None-Match", 'W/"1fd-+2Y3G3w049iSZtw5t1mzSnunngE"')])
