"""Steps for the mock's largest answers kept on disk between runs (mockserver/jsonserver/stored.py)."""

import json
import shutil
import tempfile

from behave import given

import services
from mockserver.jsonserver.app import App, Reply, Request, _reply_key, new_caches
from mockserver.jsonserver.stored import StoredReplies
from mockserver.server import seed_data
from steps.support.selection import mock_only

KEPT = "the answers a mock keeps on disk are the mock's, not the live API's"
# What a stale or altered file holds instead of the answer: no records, well formed, so a mock that served it would be
# caught by what the Then checks, not by a broken answer. The mock writes only its largest answers to disk, but takes
# any it finds there through the same checks, so a small answer (and a small run) proves them as well as /db would.
STALE_BODY = json.dumps([]).encode()


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


def _kept_otherwise(context, address):
    """Give the scenario's mock a seed app whose answers are kept in a folder of the scenario's own (removed
    after it), holding for the app's read of address a file with another answer; the file's path."""
    folder = tempfile.mkdtemp(prefix="kept-answers-")
    context.add_cleanup(shutil.rmtree, folder, True)
    rendered, replies = new_caches()
    store = StoredReplies(replies, folder)
    context.mock.app = App(seed_data(), caches=(rendered, store))  # until the next scenario's reset()
    accept = services.default_client().session.headers.get("Accept-Encoding")
    key = _reply_key(Request("GET", address, {"accept-encoding": accept} if accept else {}))
    store.write(key, Reply(200, [("Content-Type", "application/json; charset=utf-8"),
                                  ("Content-Length", str(len(STALE_BODY)))], STALE_BODY))
    return store.path_of(key)
