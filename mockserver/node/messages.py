"""HTTP messages as the live stack holds them: the request the transport read, the reply, response headers."""

import base64
import hashlib
from dataclasses import dataclass, field
from email.utils import formatdate


@dataclass
class Request:
    """One HTTP request as the transport read it."""

    method: str
    target: str
    headers: dict = field(default_factory=dict)  # lower-case names; repeated headers joined by ", "
    body: bytes = b""
    has_body: bool = False  # a Content-Length or Transfer-Encoding was sent
    declared_length: int = 0  # the Content-Length, or the bytes seen of a chunked body
    truncated: bool = False  # the transport stopped reading an oversized body


@dataclass
class Reply:
    """One HTTP answer: status, ordered headers and body bytes (empty for HEAD and 304)."""

    status: int
    headers: list
    body: bytes = b""
    routed: bool = True  # False when no route of the API matched (the 404 `{}` for unknown paths)
    delay: float = 0.0  # seconds to wait before answering: json-server's `?_delay=<ms>` on resource routes
    cut_off: str = ""  # the `_like` pattern cut off at the request's time limit (mockserver/node/regexp/jsregex.py), if any
    wire: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # encoded bytes, by the transport


class ResponseHeaders:
    """Response headers as Node keeps them: insertion order, case-insensitive names."""

    def __init__(self):
        self._items = {}

    def set(self, name, value):
        key = name.lower()
        self._items[key] = (self._items[key][0] if key in self._items else name, value)

    def get(self, name):
        item = self._items.get(name.lower())
        return item[1] if item else None

    def remove(self, name):
        self._items.pop(name.lower(), None)

    def vary(self, token):
        current = self.get("Vary")
        if current is None:
            self.set("Vary", token)
        elif token.lower() not in [t.strip().lower() for t in current.split(",")]:
            self.set("Vary", f"{current}, {token}")

    def items(self):
        return list(self._items.values())


def etag(body):
    """Express's weak ETag: W/"<length in hex>-<first 27 characters of the base64 SHA-1>"."""
    digest = base64.b64encode(hashlib.sha1(body).digest()).decode("ascii")[:27]
    return f'W/"{len(body):x}-{digest}"'


def http_date(when=None):
    """The Date header value, for now or for `when` (seconds since the epoch)."""
    return formatdate(when, usegmt=True)

