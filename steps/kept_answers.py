"""Steps for the mock's largest answers kept on disk between runs (mockserver/jsonserver/stored.py)."""

import json
import shutil
import tempfile
import time
from pathlib import Path

from behave import given, then, when
from hamcrest import assert_that, greater_than_or_equal_to, has_item

import services
from mockserver.jsonserver.app import App, Reply, Request, _reply_key, new_caches
from mockserver.jsonserver.stored import MIN_STORED, StoredReplies
from mockserver.server import seed_data
from steps.support.judging import KEPT_ON_DISK, judges
from steps.support.matching.matchers import equals
from steps.support.outcome import Measured, Via, record
from steps.support.selection import mock_only

KEPT = "the answers a mock keeps on disk are the mock's, not the live API's"
# What a stale or altered file holds instead of the answer: no records, well formed, so a mock that served it would be
# caught by what the Then checks, not by a broken answer. The mock writes only its largest answers to disk, but takes
# any it finds there through the same checks, so a small answer (and a small run) proves them as well as /db would.
STALE_BODY = json.dumps([]).encode()
UNPACKED = {"Accept-Encoding": "identity"}  # every comment unpacked is about 150 KB: each such answer is a large one


@given("the mock keeps answers on disk, in a folder of its own")
@mock_only(KEPT)
def kept_in_own_folder(context):
    """The scenario's mock keeps its large answers in a folder of the scenario's own, empty to begin with."""
    _kept_in_own_folder(context)


@when("the API is asked for {count:d} different large answers")
def asked_for_large_answers(context, count):
    """Ask for every comment, unpacked, under count different addresses (each a large answer, none kept before)."""
    store = getattr(context, "kept_store", None)
    if store is None:
        raise AssertionError(f'"When the API is asked for {count} different large answers" needs the Given "the mock '
                             'keeps answers on disk, in a folder of its own" before it: it counts what that folder keeps')
    started, path, answer = time.monotonic(), None, None
    for n in range(count):
        path = f"/comments?_={n}"
        answer = services.exchange("GET", path, headers=UNPACKED)
        assert_that(answer.status, equals(200), f"the status of {path}")
        assert_that(len(answer.text.encode()), greater_than_or_equal_to(MIN_STORED),
                    f"the size of {path} (an answer the mock keeps on disk is one of {MIN_STORED:,} bytes or more)")
    kept = tuple(sorted(store.folder.glob("*.reply")))
    last = store.path_of(_reply_key(Request("GET", path, {"accept-encoding": UNPACKED["Accept-Encoding"]})))
    record(context, via=Via.ADDRESS, method="GET", address=path, status=answer and answer.status,
           elapsed=time.monotonic() - started, where=f"the mock at {context.mock.base_url}",
           measured=Measured(kept_on_disk=(kept, last), said=f"asked for {count} different large answers"))


@then("the mock keeps {kept:d} answers on disk, the last one asked for among them")
@judges(KEPT_ON_DISK)
def keeps_answers_on_disk(context, kept):
    """The mock's folder of kept answers holds that many replies, the last one asked for among them."""
    files, last = KEPT_ON_DISK(context)
    assert_that(len(files), equals(kept), "the answers the mock keeps on disk")
    assert_that([Path(f).name for f in files], has_item(Path(last).name),
                "the answers the mock keeps on disk (the last one asked for must be among them)")


@given('the mock keeps answers on disk, where "{address}" was kept by another version of the mock')
@mock_only(KEPT)
def kept_by_another_version(context, address):
    """The mock's kept answers: for the address, another answer under another mock's fingerprint (not to be used)."""
    path = _kept_otherwise(context, address)
    head, _, body = path.read_bytes().partition(b"\n")
    head = {**json.loads(head), "fingerprint": "0" * 64}
    path.write_bytes(json.dumps(head).encode() + b"\n" + body)


@given('the mock keeps answers on disk, where "{address}" was altered after it was written')
@mock_only(KEPT)
def kept_then_altered(context, address):
    """The mock's kept answers: for the address, an answer kept by this mock, then one bit changed (not to be used)."""
    path = _kept_otherwise(context, address)
    data = path.read_bytes()
    path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))


def _kept_in_own_folder(context):
    """Give the scenario's mock a seed app whose answers are kept in a folder of the scenario's own (removed after
    it); the folder's store."""
    folder = tempfile.mkdtemp(prefix="kept-answers-")
    context.add_cleanup(shutil.rmtree, folder, True)
    rendered, replies = new_caches()
    context.kept_store = store = StoredReplies(replies, folder)
    context.mock.app = App(seed_data(), caches=(rendered, store))  # until the next scenario's reset()
    return store


def _kept_otherwise(context, address):
    """Give the scenario's mock a seed app whose answers are kept in a folder of the scenario's own, holding for the
    app's read of address a file with another answer; the file's path."""
    store = _kept_in_own_folder(context)
    accept = services.default_client().session.headers.get("Accept-Encoding")
    key = _reply_key(Request("GET", address, {"accept-encoding": accept} if accept else {}))
    store.write(key, Reply(200, [("Content-Type", "application/json; charset=utf-8"),
                                  ("Content-Length", str(len(STALE_BODY)))], STALE_BODY))
    return store.path_of(key)
