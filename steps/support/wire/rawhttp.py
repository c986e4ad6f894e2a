"""A raw HTTP client for the robustness steps: exact bytes out, the answer or a closed connection back."""

import select
import socket
import threading
import time
from dataclasses import dataclass, field

TIMEOUT = 5.0  # every socket read waits at most this long: nothing here can hang
ANSWER_BYTES = 64 * 1024 * 1024  # the most of one answer a raw client reads: a server that never stops is told
ANSWER_SECONDS = 60.0  # the longest one answer may take to arrive, however it trickles


class EndlessAnswer(TimeoutError):
    """An answer that did not end within ANSWER_BYTES or ANSWER_SECONDS: the raw client stopped reading it."""


@dataclass
class RawAnswer:
    """What came back on a raw connection: the status (None if nothing), headers, body, and whether it closed."""

    status: int = None
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    closed: bool = False

    def __str__(self):
        closed = ", connection closed" if self.closed else ""
        return f"{self.status} {self.headers} {self.body[:120]!r}{closed}"


def connect(port, timeout=TIMEOUT):
    """A TCP connection to the mock on loopback, with a timeout on every operation."""
    return socket.create_connection(("127.0.0.1", port), timeout=timeout)


def send(port, data):
    """Send the bytes on a new connection and read the answer; the connection is closed afterwards."""
    with connect(port) as sock:
        try:
            sock.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may refuse before the client has finished sending: read what it said
        return read_answer(sock)


def get_now(port, path):
    """A GET a Then sends to see the mock as it is now; a connection that fails is the Then's failure, in words."""
    try:
        return send(port, get(path, port))
    except OSError as error:
        raise AssertionError(f"asking the mock on port {port} for {path} again, the client got no answer: "
                             f"{type(error).__name__}: {error}") from None


def read_answer(sock):
    """One answer from the socket; when it says Connection: close, also whether the server did close."""
    data = _read_until(sock, lambda d: b"\r\n\r\n" in d)
    if not data:
        return RawAnswer(closed=True)
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    if headers.get("transfer-encoding") == "chunked":
        body = _dechunk(sock, body)
    else:
        length = int(headers.get("content-length", "0"))
        body += _read_until(sock, lambda d: len(body) + len(d) >= length) if len(body) < length else b""
    answer = RawAnswer(int(lines[0].split(" ")[1]), headers, body)
    if headers.get("connection", "").lower() == "close":
        answer.closed = closes(sock)
    return answer


def _dechunk(sock, data):
    """A chunked body: read up to its last chunk, return the chunks' data joined."""
    data += _read_until(sock, lambda d: b"0\r\n\r\n" in data + d) if b"0\r\n\r\n" not in data else b""
    body = b""
    while True:
        size_line, _, data = data.partition(b"\r\n")
        size = int(size_line.split(b";")[0] or b"0", 16)
        if size == 0:
            return body
        body, data = body + data[:size], data[size + 2:]


def send_after_continue(port, head, body):
    """Send the head, wait up to a second for `100 Continue`, then the body: (was it told to go on?, the answer)."""
    with connect(port) as sock:
        sock.sendall(head)
        readable, _, _ = select.select([sock], [], [], 1.0)
        interim = _read_until(sock, lambda d: b"\r\n\r\n" in d) if readable else b""
        sock.sendall(body)
        return interim == b"HTTP/1.1 100 Continue\r\n\r\n", read_answer(sock)


def closes(sock):
    """Whether the server closes the connection (reads and discards until the end; False on a timeout)."""
    try:
        while sock.recv(65536):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        pass
    return True


def _read_until(sock, done):
    """Bytes from the socket until done(bytes) or the server closes (a reset counts as a close)."""
    data, deadline = b"", time.monotonic() + ANSWER_SECONDS
    while not done(data):
        if len(data) > ANSWER_BYTES or time.monotonic() > deadline:
            raise EndlessAnswer(f"the answer did not end within {ANSWER_BYTES >> 20} MiB or {ANSWER_SECONDS:g} s "
                                f"({len(data):,} bytes read)")
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    return data


def get(path, port):
    """The bytes of a keep-alive GET for the path."""
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode("ascii")


def hammer(port, paths, clients, rounds):
    """Clients on their own threads and keep-alive connections, each asking for every path `rounds` times."""
    results = [[] for _ in range(clients)]
    threads = [threading.Thread(target=_keep_asking, args=(port, paths, rounds, out), name="raw-client")
               for out in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT * 4)
    stuck = sum(thread.is_alive() for thread in threads)
    return [answer for out in results for answer in out] + [("(a client still waiting)", None)] * stuck


def _keep_asking(port, paths, rounds, out):
    """One client's share of hammer(): (path, answer or None) for every request it sent."""
    try:
        with connect(port) as sock:
            for _ in range(rounds):
                for path in paths:
                    sock.sendall(get(path, port))
                    out.append((path, read_answer(sock)))
    except OSError as error:
        out.append((f"(failed: {error})", None))


def trickle(sock, start, count, pause):
    """Send start, then one byte every pause seconds; True as soon as the server has closed the connection."""
    sock.sendall(start)
    for _ in range(count):
        readable, _, _ = select.select([sock], [], [], pause)
        if readable:
            return closes(sock)
        try:
            sock.sendall(b"a")
        except (BrokenPipeError, ConnectionResetError):
            return True
    return False
