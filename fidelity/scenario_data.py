"""python -m fidelity.scenario_data: the mock over a scenario's own users against the live API's engine over the same.

Each data set a scenario may give (users with accents and missing fields, ids of their own, 25 generated
users, none, the live ten and one more) is written to a file the engine (fidelity/engine, json-server
0.16.0; `npm ci --prefix fidelity/engine` first) starts on, and given to the mock with use_data(), as the
steps do. The same reads and writes go to both (filters, q, _like, sorting, paging with its headers,
nested routes, _embed/_expand, /db, compression, the ETag of user 1 and a 304, fake writes); every answer
must be equal but for its Date. Exit 1 on any difference.
"""

import json
import sys
import tempfile
from pathlib import Path

from fidelity import rawwire
from fidelity.__main__ import describe, normal, start_engine
from fidelity.cases import Case, get, request
from mockserver import MockServer, seed_data
from mockserver.controls.datasets import generated_users, with_users

PEOPLE = [
    {"id": 1, "name": "Zoë Ärger", "username": "zoe", "email": "zoe@example.de", "address": {"city": "Köln"},
     "company": {"name": "Bäckerei Ärger"}},
    {"id": 2, "name": "Ana Núñez", "username": "ana", "email": "ana@example.es", "address": {"city": "León"}},
    {"id": 3, "name": "François Côté", "username": "fcote", "email": "francois@example.fr",
     "address": {"city": "Québec"}},
]
TARGETS = (
    "/users", "/users/1", "/users/2", "/users/3", "/users/7", "/users/11", "/users/25", "/users?q=k%C3%B6ln",
    "/users?q=QU%C3%89BEC", "/users?name_like=%C3%B1", "/users?name_like=^a", "/users?_sort=name&_order=desc",
    "/users?_sort=name", "/users?_page=2", "/users?_page=3", "/users?_page=2&_limit=3", "/users?_start=20&_end=22",
    "/users?_limit=2", "/users/1/posts", "/users/11/posts", "/users/3/todos", "/posts/1?_expand=user",
    "/users?_embed=posts", "/users/1?_embed=albums", "/users?address.city=K%C3%B6ln",
    "/users?company.name=B%C3%A4ckerei%20%C3%84rger", "/users?id_gte=5", "/users?id_ne=1", "/users?email_like=example",
    "/db", "/users?company.name_like=.", "/users?username=zoe&username=ana", "/todos?userId=1&_expand=user&_limit=1",
)
WRITES = (("POST", "/users"), ("POST", "/users/1/posts"), ("PUT", "/users/1"), ("PUT", "/users/99"),
          ("PATCH", "/users/2"), ("DELETE", "/users/2"))


def data_sets():
    """{name: data set}: what the scenario-data steps can give the mock."""
    live = seed_data()
    return {
        "accents and missing fields": with_users(live, PEOPLE),
        "ids of their own (7, 3)": with_users(live, [{"id": 7, "name": "Zoë Ärger"}, {"id": 3, "name": "Ana Núñez"}]),
        "25 generated users": with_users(live, generated_users(25)),
        "no users": with_users(live, []),
        "the live ten and one more": with_users(live, [*live["users"], dict(PEOPLE[0], id=11)]),
    }


def cases(engine_port):
    """Every request of the comparison (the 304 asks with the engine's own ETag for user 1)."""
    for target in TARGETS:
        yield get("scenario data", target)
        yield get("scenario data", target, [("Accept-Encoding", "gzip")])
    for method, target in WRITES:
        body = request(method, target, [("Content-Type", "application/json")], b'{"name": "X"}')
        yield Case("scenario data", f"{method} {target}", body, method)
    tag = rawwire.exchange(engine_port, get("scenario data", "/users/1").data).header("ETag")
    yield get("scenario data", "/users/1", [("If-None-Match", tag)], name="GET /users/1 with its ETag")


def compare(name, data, folder):
    """(agreeing, total, differences) for one data set."""
    path = Path(folder) / "data.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    process, port = start_engine(path)
    agree, total, diffs = 0, 0, []
    try:
        with MockServer() as mock:
            mock.use_data(data)
            for case in cases(port):
                theirs = normal(rawwire.exchange(port, case.data, case.method), case)
                mine = normal(rawwire.exchange(mock.port, case.data, case.method), case)
                total, agree = total + 1, agree + (theirs == mine)
                if theirs != mine:
                    diffs.append(describe(case, theirs, mine))
    finally:
        process.terminate()
        process.wait(5)
    return agree, total, diffs


def main():
    """Compare every data set; print each one's agreement and differences; exit 1 on any difference."""
    agree_all = total_all = 0
    with tempfile.TemporaryDirectory(prefix="scenario-data-") as folder:
        for name, data in data_sets().items():
            agree, total, diffs = compare(name, data, folder)
            agree_all, total_all = agree_all + agree, total_all + total
            print(f"{name:28} {agree:4} of {total:4} agree")
            for diff in diffs:
                print(diff)
    print(f"scenario data: {agree_all} of {total_all} answers equal to the engine's")
    return 0 if agree_all == total_all else 1


if __name__ == "__main__":
    sys.exit(main())
