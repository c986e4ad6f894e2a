"""The seed's largest replies kept on disk from one process to the next: /db and /photos are rendered and compressed
in 30-60 ms, and every run of the suite asks for them again, over a data set that never changes.

A reply is stored only when its body is large (MIN_STORED), under a name made from what shapes it (the app's reply
key), and it is taken back only if it is proven current: its file holds the fingerprint of everything that could
change it (the content of every file of the mock, its code and its data, and the versions of Python and zlib) and
that key, and the body's length and digest, all checked against this process before the reply is used. Anything
else (no file, another fingerprint, a torn or foreign file, a disk that cannot be read or written) is a miss, and
the reply is computed as it always is. The folder holds at most MAX_FILES replies, the oldest removed first
(two processes writing at the same moment may each add one more).
"""

import hashlib
import json
import os
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

from ..node.messages import Reply
from .app import _reply_size

MIN_STORED = 64 * 1024  # bytes of body: a smaller reply costs less to compute again than to keep on disk
MAX_FILES = 64  # replies kept (a mock asked for ever new large reads stays bounded on disk)
PACKAGE = Path(__file__).resolve().parent.parent  # mockserver/: its code and data make the fingerprint
PART_LIFETIME = 60  # seconds after which a half-written file is a dead process's, removed
FORMAT = 1
READ_SIZE = 64 * 1024
MAX_HEAD = 64 * 1024  # bytes of a file's first line (its fingerprint, key, headers): longer, and it is not a reply's
MAX_BODY = 64 * 1024 * 1024  # bytes of a kept body: a file that claims more is not read (the data set's /db is 1.4 MB)


def default_folder():
    """Where the replies are kept: the user's cache folder ($XDG_CACHE_HOME, else ~/.cache), jsonplaceholder-mock."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jsonplaceholder-mock" / "replies"


class StoredReplies:
    """The seed app's replies cache (a ByteLRU), backed by a folder: get() looks on disk for what the process has
    not computed yet, put() also writes a large reply there."""

    def __init__(self, replies, folder=None, size_of=_reply_size):
        self.replies = replies  # the in-process cache, which is always asked first
        self.folder = Path(folder) if folder is not None else default_folder()
        self.size_of = size_of  # (key, reply) -> the bytes the in-process cache charges
        self._fingerprint = None
        self._lock = threading.Lock()
        self._writing = threading.Lock()

    def get(self, key):
        """The reply for key from memory, else from disk if stored and current (then kept in memory), else None."""
        reply = self.replies.get(key)
        if reply is None:
            reply = self._read(key)
            if reply is not None and self.size_of is not None:
                self.replies.put(key, reply, self.size_of(key, reply))
        return reply

    def put(self, key, reply, size):
        """Keep the reply in memory, and on disk when its body is large and nothing of it depends on the moment."""
        self.replies.put(key, reply, size)
        if len(reply.body) >= MIN_STORED and not reply.cut_off:
            self.write(key, reply)

    def clear(self):
        """Forget what is kept in memory (the disk's replies stay: they are proven current when read)."""
        self.replies.clear()

    def __len__(self):
        return len(self.replies)

    # -- the files ----------------------------------------------------------------------------------

    def fingerprint(self):
        """A digest of every file of the mock (code and data) and of the Python and zlib that run it: any change to
        what could shape a reply changes it."""
        with self._lock:
            if self._fingerprint is None:
                digest = hashlib.sha256(f"{FORMAT}|{sys.version}|{zlib.ZLIB_RUNTIME_VERSION}".encode())
                for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
                    digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0")
                    with open(path, "rb") as stream:  # a piece at a time: the data set alone is 1.4 MB
                        while piece := stream.read(READ_SIZE):
                            digest.update(piece)
                    digest.update(b"\0")
                self._fingerprint = digest.hexdigest()
            return self._fingerprint

    def path_of(self, key):
        """The file a key's reply is kept in (one per checkout of the mock, so that two checkouts on one machine do
        not take each other's place)."""
        return self.folder / (hashlib.sha256(f"{PACKAGE}|{key!r}".encode()).hexdigest()[:40] + ".reply")

    def _read(self, key):
        """The stored reply for key if its file is whole and current, else None."""
        try:
            with open(self.path_of(key), "rb") as stream:
                line = stream.readline(MAX_HEAD)
                if not line.endswith(b"\n"):
                    return None  # a first line without its end within MAX_HEAD: torn, or not a reply's file
                head = json.loads(line)
                if head.get("fingerprint") != self.fingerprint() or head.get("key") != repr(key):
                    return None
                if not 0 <= head["length"] <= MAX_BODY:
                    return None
                body = stream.read(head["length"] + 1)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if len(body) != head["length"] or hashlib.sha256(body).hexdigest() != head["digest"]:
            return None
        return Reply(head["status"], [tuple(pair) for pair in head["headers"]], body, routed=head["routed"],
                     delay=head["delay"])

    def write(self, key, reply):
        """Write the reply's file in one step (a reader sees the old file or the whole new one); errors ignored."""
        head = {"fingerprint": self.fingerprint(), "key": repr(key), "status": reply.status,
                "headers": [list(pair) for pair in reply.headers], "routed": reply.routed, "delay": reply.delay,
                "length": len(reply.body), "digest": hashlib.sha256(reply.body).hexdigest()}
        try:
            with self._writing:  # the threads of one process keep the bound between them (processes, nearly)
                self._write_file(key, head, reply.body)
        except (OSError, TypeError, ValueError):
            pass

    def _write_file(self, key, head, body):
        """Make room, then write the file whole under a temporary name and move it into place."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._keep_bounded()
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(json.dumps(head).encode() + b"\n" + body)
            os.replace(temporary, self.path_of(key))
        except BaseException:
            os.unlink(temporary)
            raise

    def _keep_bounded(self):
        """Remove the oldest files (stale fingerprints, other keys) until there is room for one more, and what a
        process that died while writing left behind."""
        files = sorted(self.folder.glob("*.reply"), key=lambda p: p.stat().st_mtime_ns)
        for path in files[:max(0, len(files) - MAX_FILES + 1)]:
            path.unlink(missing_ok=True)
        for path in self.folder.glob("*.part"):
            if time.time() - path.stat().st_mtime > PART_LIFETIME:
                path.unlink(missing_ok=True)
