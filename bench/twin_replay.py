"""The twin's one step body (bench/twin.py): send again the requests the real run's step sent, to the twin's mock."""

import base64
import http.client
import json

import requests

from .twin import APP_AGENT, HOP_BY_HOP, scenario_key

TIMEOUT = 5.0  # seconds; the mock answers in milliseconds, so this only keeps a broken replay from hanging
_state = {"scenarios": {}, "cursors": {}, "files": {}, "session": None, "sent": 0, "failed": 0, "unplanned": 0, "summary": None}


def start(plan_path, summary_path=None):
    """Read the plan (bodies decoded once) and open the session the app's requests go through."""
    plan = json.loads(open(plan_path, encoding="utf-8").read())
    for steps in plan["scenarios"].values():
        for step in steps:
            for request in step:
                request["body"] = base64.b64decode(request["body"])
    session = requests.Session()
    session.trust_env = False  # as the app's client talks to a mock on loopback: no proxy settings read per request
    _state.update(scenarios=plan["scenarios"], session=session, summary=summary_path)


def stop():
    """Close the session; write how many requests were sent again, failed, or found no step of the plan."""
    _state["session"].close()
    if _state["summary"]:
        counts = {name: _state[name] for name in ("sent", "failed", "unplanned")}
        open(_state["summary"], "w", encoding="utf-8").write(json.dumps(counts))


def replay(context):
    """Send the requests of this step of this scenario, in their order, and read each answer whole."""
    location = context.scenario.location
    real = _state["files"].get(location.filename)
    if real is None:
        real = _state["files"][location.filename] = scenario_key(location).rsplit(":", 1)[0]
    key = f"{real}:{location.line}"
    index = _state["cursors"].get(key, 0)
    _state["cursors"][key] = index + 1
    steps = _state["scenarios"].get(key)
    if steps is None or index >= len(steps):
        _state["unplanned"] += 1
        return
    for request in steps[index]:
        try:
            _send(context.mock, request)
            _state["sent"] += 1
        except (OSError, requests.RequestException, http.client.HTTPException, ValueError):
            _state["failed"] += 1


class _Padded:
    """A body of `length` bytes, its recorded beginning then spaces, sent 64 KiB at a time (as the suite streams)."""

    def __init__(self, beginning, length):
        self.beginning, self.length = beginning, length

    def __len__(self):
        return self.length

    def __iter__(self):
        yield self.beginning
        left, piece = self.length - len(self.beginning), b" " * 65536
        while left > 0:
            yield piece[:left]
            left -= len(piece)


def _send(mock, request):
    """One request: through the session when the app's client sent it (keep-alive), else as a raw client does."""
    headers = dict(request["headers"])
    body = request["body"]
    if len(body) < request["length"]:  # the journal kept only the beginning of an oversized body: stream it
        body = _Padded(body, request["length"])
    if headers.get("user-agent", "").startswith(APP_AGENT):
        sent = {name: value for name, value in headers.items() if name not in HOP_BY_HOP}
        response = _state["session"].request(request["method"], mock.base_url + request["target"], headers=sent,
                                             data=body or None, timeout=TIMEOUT, allow_redirects=False)
        response.close()
        return
    connection = http.client.HTTPConnection(mock.host, mock.port, timeout=TIMEOUT)
    try:
        connection.putrequest(request["method"], request["target"], skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            if name not in ("content-length", "transfer-encoding"):
                connection.putheader(name, value)
        if body:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body or None)
        connection.getresponse().read()
    finally:
        connection.close()
