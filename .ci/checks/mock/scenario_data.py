"""A scenario's own data and answers follow the data, last one scenario, and are bounded.

Proves, on one mock as the suite uses it (reset between "scenarios"):
- every answer follows the data it is asked over: the live set's answers, kept by its engine, are never
  served over a scenario's users, nor a scenario's over the live set, fingerprints and 304s included;
- reset() puts the live set's engine back, its kept answers with it (the same engine, at no cost);
- a scenario's records are not remembered for good: after ROUNDS scenarios of SIZE users each, the seed
  JSON kept by jsrt has not grown by one entry, and the memory traced has not grown past LEAK_LIMIT;
- custom answers are journaled as "custom", cleared by reset(), and refused past their bounds (the number
  of answers, the size of one, the users a scenario may give), each with its reason.

    PYTHONPATH=. python .ci/checks/mock/scenario_data.py
"""

import gc
import statistics
import sys
import time
import tracemalloc

import requests

from mockserver import MockServer
from mockserver.node import jsrt
from mockserver.controls.datasets import MAX_USERS, BadData, generated_users
from mockserver.controls.stubs import MAX_BODY, MAX_STUBS, BadStub

ROUNDS, SIZE = 100, 1_000
LEAK_LIMIT = 512 * 1024  # bytes the traced memory may grow by over all the rounds (their data is ~100 MB in all)
PEOPLE = [{"id": 1, "name": "Zoë Ärger", "username": "zoe", "email": "zoe@example.de", "address": {"city": "Köln"}}]


def check(problems, ok, what):
    """Note a problem unless ok; print the line either way."""
    print(f"  {'ok  ' if ok else 'FAIL'} {what}")
    if not ok:
        problems.append(what)


def follows_the_data(mock, http, problems):
    """Answers kept for the live set are not served over a scenario's users, nor the other way round."""
    url = mock.base_url
    live = http.get(f"{url}/users/1")
    live_engine = mock.app
    mock.use_users(PEOPLE)
    custom = http.get(f"{url}/users/1")
    check(problems, custom.json()["name"] == "Zoë Ärger", "a scenario's user 1, not the live one kept before")
    check(problems, custom.headers["ETag"] != live.headers["ETag"], "its fingerprint is its own")
    stale = http.get(f"{url}/users/1", headers={"If-None-Match": live.headers["ETag"]})
    check(problems, stale.status_code == 200, "the live fingerprint gets the scenario's user in full, not a 304")
    again = http.get(f"{url}/users/1", headers={"If-None-Match": custom.headers["ETag"]})
    check(problems, again.status_code == 304, "the scenario's fingerprint gets a 304")
    mock.reset()
    back = http.get(f"{url}/users/1")
    check(problems, mock.app is live_engine, "reset() puts the live set's engine back (its kept answers too)")
    check(problems, back.content == live.content and back.headers["ETag"] == live.headers["ETag"],
          "after reset(), the live user 1 again, byte for byte, not the scenario's kept answer")
    mock.use_users(PEOPLE)
    check(problems, http.get(f"{url}/users").json() == PEOPLE, "a scenario's users again, after the live set's")
    mock.reset()


def custom_answers(mock, http, problems):
    """A custom answer is journaled as such and lasts until reset()."""
    mock.stubs.answer("/users/3", json='{"id": 3, "name": "Zoë Ärger"}')
    http.get(f"{mock.base_url}/users/3")
    http.get(f"{mock.base_url}/users/4")
    kinds = [(entry.path, entry.fault) for entry in mock.journal.entries()]
    check(problems, kinds == [("/users/3", "custom"), ("/users/4", "")],
          f"the journal marks the custom answer, and only it: {kinds}")
    mock.reset()
    check(problems, http.get(f"{mock.base_url}/users/3").json().get("name") == "Clementine Bauch",
          "after reset(), the API's own answer again")


def forgotten(mock, http, problems):
    """ROUNDS scenarios of SIZE users each leave the seed JSON and the memory as they were."""
    for _ in range(3):  # warm up: the live set's answers kept, the client's connection open
        mock.use_users(generated_users(SIZE))
        http.get(f"{mock.base_url}/users?_page=2")
        mock.reset()
    gc.collect()
    seeds = len(jsrt._SEED)
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for _ in range(ROUNDS):
        mock.use_users(generated_users(SIZE))
        http.get(f"{mock.base_url}/users?_page=2")
        http.get(f"{mock.base_url}/users/7")
        mock.reset()
        http.get(f"{mock.base_url}/users/1")
    gc.collect()
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    check(problems, len(jsrt._SEED) == seeds, f"the seed JSON kept: {seeds} entries before, {len(jsrt._SEED)} after "
          f"{ROUNDS} scenarios of {SIZE:,} users")
    check(problems, grown < LEAK_LIMIT, f"memory traced grew by {grown / 1024:.0f} KiB over the {ROUNDS} scenarios "
          f"(limit {LEAK_LIMIT // 1024} KiB)")



def at_once(mock, http, problems):
    """reset() costs no more after a scenario's users than after none: the live set's engine is put back as it is."""
    plain, swapped = [], []
    for _ in range(50):
        http.get(f"{mock.base_url}/users/1")
        began = time.perf_counter()
        mock.reset()
        plain.append(time.perf_counter() - began)
        mock.use_users(PEOPLE)
        http.get(f"{mock.base_url}/users/1")
        began = time.perf_counter()
        mock.reset()
        swapped.append(time.perf_counter() - began)
    plain, swapped = statistics.median(plain) * 1e6, statistics.median(swapped) * 1e6
    check(problems, swapped < 1000, f"reset(): median {plain:.0f} us after a scenario of the live set's, "
          f"{swapped:.0f} us after one of its own users")


def bounded(mock, problems):
    """The bounds: users a scenario may give, custom answers, the size of one; each refused with its reason."""
    refusals = []
    try:
        mock.use_users([{"id": n} for n in range(MAX_USERS + 1)])
    except BadData as refused:
        refusals.append(str(refused))
    try:
        mock.stubs.answer("/users/1", json="[" + ",".join(['"' + "x" * 1000 + '"'] * (MAX_BODY // 1000)) + "]")
    except BadStub as refused:
        refusals.append(str(refused))
    try:
        for n in range(MAX_STUBS + 1):
            mock.stubs.answer(f"/users/{n}", json="{}")
    except BadStub as refused:
        refusals.append(str(refused))
    mock.reset()
    for refusal in refusals:
        print(f"       refused: {refusal}")
    check(problems, len(refusals) == 3 and "10,001 users are more than a scenario may give (10,000)" in refusals[0]
          and "more than a custom answer may be" in refusals[1] and "at most 1,000 custom answers" in refusals[2],
          "more users, a larger answer and more answers than the bounds are refused, each saying so")


def main():
    """Run the checks on one mock; exit 1 on any problem."""
    problems = []
    with MockServer() as mock, requests.Session() as http:
        follows_the_data(mock, http, problems)
        custom_answers(mock, http, problems)
        forgotten(mock, http, problems)
        at_once(mock, http, problems)
        bounded(mock, problems)
    print(f"scenario data: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
