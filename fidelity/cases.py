"""A request of the corpus: raw bytes for both servers, and the helpers families build them with."""

from dataclasses import dataclass
from urllib.parse import quote

HOST = "jsonplaceholder.test"  # the Host both servers are sent, so Link and Location compare equal


@dataclass(frozen=True)
class Case:
    """One request of a family: its bytes, and the method whose answer framing the reader expects."""

    family: str
    name: str
    data: bytes
    method: str = "GET"


def request(method, target, headers=(), body=b"", *, host=HOST, version="HTTP/1.1"):
    """The bytes of a request: the request line, Host (unless None), the headers, Content-Length for a body."""
    lines = [f"{method} {target} {version}"]
    if host is not None:
        lines.append(f"Host: {host}")
    names = {name.lower() for name, _ in headers}
    lines += [f"{name}: {value}" for name, value in headers]
    if body and "content-length" not in names and "transfer-encoding" not in names:
        lines.append(f"Content-Length: {len(body)}")
    head = "\r\n".join(lines) + "\r\n\r\n"
    return head.encode("latin-1") + (body.encode("utf-8") if isinstance(body, str) else body)


def get(family, target, headers=(), *, name=None):
    """A GET case for a target (written as is: encode it first where needed)."""
    return Case(family, name or f"GET {target}", request("GET", target, headers))


def json_write(family, method, target, body, headers=(), *, name=None):
    """A write with a JSON content type (the body as given, valid JSON or not)."""
    all_headers = [("Content-Type", "application/json"), *headers]
    label = body if isinstance(body, str) else repr(body[:40])
    return Case(family, name or f"{method} {target} {label[:60]}", request(method, target, all_headers, body), method)


def query_value(text):
    """A query value percent-encoded as a browser's URLSearchParams would send it."""
    return quote(text, safe="")


def mutated(rng, valid, pieces, shortest=0):
    """One of the valid texts with one to three characters inserted or deleted, or cut (to `shortest` at least)."""
    text = list(rng.choice(valid))
    for _ in range(rng.randint(1, 3)):
        at, roll = rng.randrange(len(text) + 1), rng.random()
        if roll < 0.4 and text:
            del text[min(at, len(text) - 1)]
        elif roll < 0.8:
            text.insert(at, rng.choice(pieces))
        else:
            text = text[:max(at, shortest)]
    return "".join(text)
