"""Answers a hostile server sends, to prove the client stands up to them: bombs, endless streams, broken heads, redirects."""

import dataclasses
import functools
import urllib.parse
import zlib

from ..node.messages import Reply

JSON_TYPE = ("Content-Type", "application/json; charset=utf-8")
BOMB_BLOCK = 1 << 20  # a gzip bomb is made of blocks that each unpack to 1 MiB of spaces
ENDLESS_CHUNK = b'  {"id": 1, "name": "Leanne Graham"},\n' * 400  # 15 KB of an array that never closes
PADDING_HEADERS = 150  # many_headers: more than the 100 a client's parser reads
DEEP_LEVELS = 100_000  # deep_json: arrays nested this deep


@dataclasses.dataclass
class HostileReply(Reply):
    """A reply whose bytes the fault sends itself: deliver(wfile, blob, keep_alive) -> keep the connection?"""

    deliver: object = None


def hostile_reply(fault, cancelled, request, answer):
    """The reply for a request a hostile fault hits (its kind is one of faults.HOSTILE_KINDS)."""
    if fault.kind.startswith("redirect_"):
        return _redirect(fault, cancelled, request)
    if fault.kind == "endless":
        reply = Reply(200, [JSON_TYPE, ("Transfer-Encoding", "chunked")])
        return _deliver(reply, lambda wfile, blob, keep: _endless(wfile, blob, fault, cancelled))
    if fault.kind == "gzip_bomb":
        blocks = max(1, -(-fault.size // BOMB_BLOCK))
        headers = [JSON_TYPE, ("Content-Encoding", "gzip"), ("Content-Length", str(_bomb_length(blocks)))]
        return _deliver(Reply(200, headers), lambda wfile, blob, keep: _bomb(wfile, blob, blocks, cancelled))
    if fault.kind == "endless_continue":
        return _deliver(Reply(200, [JSON_TYPE]), lambda wfile, blob, keep: _continue(wfile, fault, cancelled))
    if fault.kind == "deep_json":
        return _plain(200, b"[" * DEEP_LEVELS + b"]" * DEEP_LEVELS)
    plain = answer(_identity(request))  # with a Content-Length, as the bytes below are sent as they are
    if fault.kind == "bad_gzip":
        packed = zlib.compressobj(6, zlib.DEFLATED, 31).compress(plain.body) + b"\xff" * 16  # no valid deflate block
        headers = [(k, v) for k, v in plain.headers if k.lower() != "content-length"]
        return dataclasses.replace(plain, headers=[*headers, ("Content-Encoding", "gzip"),
                                                   ("Content-Length", str(len(packed)))], body=packed)
    if fault.kind == "many_headers" and fault.lines is not None:
        return _deliver(plain, lambda wfile, blob, keep: _exact_head(wfile, plain.body, fault.lines))
    if fault.kind == "many_headers":
        padding = [(f"X-Padding-{n}", "1") for n in range(PADDING_HEADERS)]
        return dataclasses.replace(plain, headers=[*plain.headers, *padding])
    if fault.kind == "http09":
        return _deliver(plain, _body_only)
    if fault.kind in MISFRAMED:
        return _deliver(plain, lambda wfile, blob, keep: _misframed(wfile, blob, fault.kind))
    return _deliver(plain, lambda wfile, blob, keep: _slow_head(wfile, blob, keep, fault, cancelled))  # slow_head


def _deliver(reply, deliver):
    """The reply, its bytes sent by deliver."""
    fields = {f.name: getattr(reply, f.name) for f in dataclasses.fields(Reply) if f.init}
    return HostileReply(**fields, deliver=deliver)


def _plain(status, body, *headers):
    """A JSON reply with a Content-Length."""
    return Reply(status, [JSON_TYPE, ("Content-Length", str(len(body))), *headers], body)


def _identity(request):
    """The request without Accept-Encoding, so the answer is sent as is (no gzip, no chunks)."""
    headers = {k: v for k, v in request.headers.items() if k != "accept-encoding"}
    return dataclasses.replace(request, headers=headers)


def _head(blob):
    """The status line and headers of an encoded reply."""
    return blob[: blob.index(b"\r\n\r\n") + 4]


# -- the ways the bytes go out -------------------------------------------------------------------------


def _endless(wfile, blob, fault, cancelled):
    """The head, then chunks of a JSON array that never closes, until the client leaves or the fault is cleared."""
    wfile.write(_head(blob) + b"1\r\n[\r\n")
    chunk = b"%x\r\n%s\r\n" % (len(ENDLESS_CHUNK), ENDLESS_CHUNK)
    while not (cancelled.wait(fault.seconds) if fault.seconds else cancelled.is_set()):
        wfile.write(chunk)  # fails (and so ends) once the client has hung up
    return False


@functools.lru_cache(maxsize=1)
def _bomb_blocks():
    """(the gzip header and first block, the block repeated after it, the empty last block): spaces, packed."""
    spaces, packer = b" " * BOMB_BLOCK, zlib.compressobj(9, zlib.DEFLATED, 31)
    first = packer.compress(spaces) + packer.flush(zlib.Z_FULL_FLUSH)  # a full flush: each block stands alone,
    block = packer.compress(spaces) + packer.flush(zlib.Z_FULL_FLUSH)  # so the same bytes can be sent again
    return first, block, packer.flush(zlib.Z_FINISH)[:-8]  # the trailer (CRC, size) is the bomb's own


def _bomb_length(blocks):
    """The packed length of a bomb of that many blocks."""
    first, block, last = _bomb_blocks()
    return len(first) + (blocks - 1) * len(block) + len(last) + 8


def _bomb(wfile, blob, blocks, cancelled):
    """The head, then a valid gzip stream that unpacks to blocks MiB of spaces (about 1 KB sent per MiB)."""
    first, block, last = _bomb_blocks()
    wfile.write(_head(blob) + first)
    for _ in range(blocks - 1):
        if cancelled.is_set():
            return False
        wfile.write(block)
    crc, spaces = 0, b" " * BOMB_BLOCK
    for _ in range(blocks):  # only a client that unpacks the whole bomb gets here
        crc = zlib.crc32(spaces, crc)
    wfile.write(last + crc.to_bytes(4, "little") + (blocks * BOMB_BLOCK % 2**32).to_bytes(4, "little"))
    return False


def _continue(wfile, fault, cancelled):
    """`100 Continue` interim answers, one every fault.seconds, and never the answer itself."""
    while not cancelled.wait(fault.seconds):
        wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
    return False


def _exact_head(wfile, body, lines):
    """A 200 whose head has exactly `lines` header lines (padding after the three it needs), the body, then close."""
    head = ["HTTP/1.1 200 OK", JSON_TYPE[0] + ": " + JSON_TYPE[1], f"Content-Length: {len(body)}", "Connection: close"]
    head += [f"X-Padding-{n}: 1" for n in range(lines - 3)]
    wfile.write(("\r\n".join(head) + "\r\n\r\n").encode("ascii") + body)
    return False


def _body_only(wfile, blob, keep_alive):
    """The body with no status line and no headers, as HTTP/0.9 answered; then close."""
    wfile.write(blob[len(_head(blob)):])
    return False


MISFRAMED = ("negative_length", "two_lengths", "length_and_chunks", "chunk_overrun")


def _misframed(wfile, blob, kind):
    """The head with its framing made doubtful as `kind` says, then the body, then close."""
    head, body = _head(blob), blob[len(_head(blob)):]
    lines = [line for line in head[:-4].split(b"\r\n")
             if not line.lower().startswith((b"content-length:", b"connection:", b"keep-alive:"))]
    lines.append(b"Connection: close")
    length = b"Content-Length: %d" % len(body)
    if kind == "negative_length":
        lines.append(b"Content-Length: -" + b"1" * 60)  # longer than the client quotes
    elif kind == "two_lengths":
        lines += [length, b"Content-Length: %d" % (len(body) + 1)]
    else:
        lines += [length, b"Transfer-Encoding: chunked"] if kind == "length_and_chunks" else [b"Transfer-Encoding: chunked"]
        body = b"%x\r\n%s%s0\r\n\r\n" % (len(body), body, b"\r\n" if kind == "length_and_chunks" else b"\n\n")  # bare line feeds: a careless proxy's
    wfile.write(b"\r\n".join(lines) + b"\r\n\r\n" + body)
    return False


def _slow_head(wfile, blob, keep_alive, fault, cancelled):
    """The head fault.piece bytes at a time, fault.seconds apart, then the body at once."""
    head = _head(blob)
    for start in range(0, len(head), fault.piece):
        wfile.write(head[start : start + fault.piece])
        if cancelled.wait(fault.seconds):
            return False
    wfile.write(blob[len(head):])
    return keep_alive


def _redirect(fault, cancelled, request):
    """A redirect: to another origin (away), back to the address asked (loop), or on to the next one (chain)."""
    path, _, query = request.target.partition("?")
    if fault.kind == "redirect_away":  # the same mock under another name: a followed redirect shows in its journal
        host, _, port = request.headers.get("host", "127.0.0.1").partition(":")
        other = "localhost" if host != "localhost" else "127.0.0.1"
        status, location = 307, f"http://{other}{':' + port if port else ''}{request.target}"
    elif fault.kind == "redirect_loop":
        status, location = 302, request.target
    else:  # redirect_chain: `_` is the one parameter json-server ignores everywhere (a cache buster)
        hop = urllib.parse.parse_qs(query).get("_", ["0"])[-1]
        status, location = 302, f"{path}?_={int(hop) + 1 if hop.isdigit() else 1}"
        if cancelled.wait(fault.seconds):
            return None
    body = f"Found. Redirecting to {location}".encode()
    return Reply(status, [("Location", location), ("Content-Type", "text/plain; charset=utf-8"),
                          ("Content-Length", str(len(body)))], body)
