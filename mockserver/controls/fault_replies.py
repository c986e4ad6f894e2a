"""How each fault shapes an answer: what is sent instead, or how the bytes go out on the wire."""

import dataclasses
import http
import socket
import struct

from ..node.messages import Reply
from .faults import HOSTILE_KINDS
from .hostile_replies import hostile_reply

NOT_JSON_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Application Error</title></head>\n"
    b"<body><p>An error occurred in the application and your page could not be served.</p></body></html>\n"
)


@dataclasses.dataclass
class ShapedReply(Reply):
    """A reply whose bytes a fault sends itself: deliver(wfile, blob, keep_alive) -> keep the connection?"""

    deliver: object = None


def answer_with_fault(fault, cancelled, request, answer, connection):
    """The reply for a request a fault hits (None: close the connection without answering)."""
    if fault.kind in HOSTILE_KINDS:
        return hostile_reply(fault, cancelled, request, answer)
    if fault.kind == "delay":
        return None if cancelled.wait(fault.seconds) else answer(request)
    if fault.kind == "status":
        return forced_status(fault.status, fault.retry_after)
    if fault.kind in ("drop", "reset"):
        if fault.kind == "reset":
            _reset(connection)
        return None
    if fault.kind == "not_json":
        return _reply(200, "application/json; charset=utf-8", NOT_JSON_PAGE)
    if fault.kind == "empty":
        return _reply(200, "application/json; charset=utf-8", b"")
    if fault.kind == "wrong_type":
        reply = answer(request)
        headers = [(k, "text/html; charset=utf-8" if k.lower() == "content-type" else v) for k, v in reply.headers]
        return dataclasses.replace(reply, headers=headers)
    plain = answer(_identity(request))  # with a Content-Length, so a cut-short body is detectable
    fields = {f.name: getattr(plain, f.name) for f in dataclasses.fields(Reply) if f.init}
    if fault.kind == "truncate":
        return ShapedReply(**fields, deliver=_send_half)
    return ShapedReply(**fields, deliver=lambda wfile, blob, keep: _trickle(wfile, blob, keep, fault, cancelled))


def forced_status(status, retry_after=None):
    """A short plain-text answer with the given error status (and Retry-After header)."""
    reply = _reply(status, "text/plain; charset=utf-8", f"{http.HTTPStatus(status).phrase}\n".encode("ascii"))
    if retry_after is not None:
        reply.headers.append(("Retry-After", str(retry_after)))
    return reply


def _reply(status, content_type, body):
    """A reply with just Content-Type and Content-Length."""
    return Reply(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))], body)


def _identity(request):
    """The request without Accept-Encoding, so the answer is sent as is (no gzip, no chunks)."""
    headers = {k: v for k, v in request.headers.items() if k != "accept-encoding"}
    return dataclasses.replace(request, headers=headers)


def _reset(connection):
    """Make closing the connection send a TCP reset instead of a clean end."""
    sock = connection.connection
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()  # the real close (and the reset) happens as soon as the transport drops its file objects


def _send_half(wfile, blob, keep_alive):
    """Send the head and half the body that the Content-Length announces, then close."""
    head = blob.index(b"\r\n\r\n") + 4
    wfile.write(blob[: head + (len(blob) - head) // 2])
    return False


def _trickle(wfile, blob, keep_alive, fault, cancelled):
    """Send the head, then the body a piece at a time with a pause between; close if cut short."""
    head = blob.index(b"\r\n\r\n") + 4
    wfile.write(blob[:head])
    for start in range(head, len(blob), fault.piece):
        if cancelled.wait(fault.seconds):
            return False
        wfile.write(blob[start : start + fault.piece])
    return keep_alive
