"""The parts of an answer as the one record keeps them, from whichever client got it: requests, Answer or raw."""

import json
from urllib.parse import urlsplit

from .parse_types import KINDS
from requests.structures import CaseInsensitiveDict

NOT_JSON = type("NotJson", (), {"__repr__": lambda self: "NOT_JSON"})()  # compared with `is`, never read as true
SENT_SHOWN = 200  # bytes of a request body kept in the record (an upload of 11 MB is not kept whole)


def from_response(response):
    """Status, headers, body text and the request of a requests response; its body only if the client read it."""
    read = isinstance(vars(response).get("_content"), bytes)  # the client reads bodies against its deadline
    # requests' own case-insensitive headers, kept as they are: the response is the When's alone, never changed
    return {"status": response.status_code, "headers": response.headers,
            "text": response.text if read else None, "method": response.request.method,
            "address": path_of(response.request.url), "sent_headers": response.request.headers}


def from_parts(status, headers, text):
    """Status, headers (looked up in any case) and body text."""
    return {"status": status, "headers": CaseInsensitiveDict(headers or {}), "text": text}


def json_of(headers, text):
    """The body read as JSON where it is declared and written as JSON, else NOT_JSON."""
    if not text or "json" not in headers.get("Content-Type", ""):
        return NOT_JSON
    try:
        return json.loads(text)
    except ValueError:
        return NOT_JSON


def records_in(status, document):
    """What a successful answer holds: a JSON object (one record) or a list of objects; else None."""
    if status is None or not 200 <= status < 300:
        return None
    if isinstance(document, dict) or (isinstance(document, list) and all(isinstance(r, dict) for r in document)):
        return document
    return None


def kind_of(address):
    """What an address lists or holds: the last collection named in its path ("/users/1/posts": posts)."""
    named = [s for s in urlsplit(address or "").path.lower().split("/") if s in KINDS]
    return named[-1] if named else None


def path_of(url):
    """The path and query of a URL (None for none)."""
    if not url:
        return None
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def body_sent(options):
    """The body an address was sent (shortened), or the JSON it was sent, or None."""
    body = options.get("data", options.get("json"))
    if hasattr(body, "beginning"):  # a body sent a piece at a time (api_requests.LargeDocument)
        return body.beginning(SENT_SHOWN)
    return body[:SENT_SHOWN] if isinstance(body, (bytes, str)) else body


def request_line(data):
    """The method and address of raw request bytes, where their first line reads as a request line."""
    words = bytes(data[:SENT_SHOWN]).partition(b"\r\n")[0].decode("latin-1").split(" ")
    return (words[0], words[1]) if len(words) >= 2 and words[1].startswith("/") else (None, None)
