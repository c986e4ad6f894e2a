"""Waits before an answer (json-server's `?_delay=`, the delay and trickle faults) that end when the client leaves.

A wait ends at the first of: its time is up; the scenario ended or the mock is stopping (its cancel Event is
set); the client hung up. Node closes a connection whose client sent its end (FIN) without answering it, so
the wait watches the socket for exactly that with poll(POLLRDHUP), which a request the client pipelined behind
this one does not trigger. Nothing polls in a loop: the thread sleeps in one poll() until one of the three.
"""

import select
import socket
import threading
import time

_HUNG_UP = getattr(select, "POLLRDHUP", 0) | select.POLLHUP | select.POLLERR
_PEEK_NEEDED = not hasattr(select, "POLLRDHUP")  # e.g. macOS: only a readable socket shows an end
_MAX_POLL_MS = 2**31 - 1  # poll() takes a C int: about 24.8 days, json-server's own longest `_delay`


class Waits:
    """The connections whose answers are waiting now, so that cut_short() can end their waits at once."""

    def __init__(self):
        self._waiting = {}  # socket -> the cancel Event of its wait
        self._lock = threading.Lock()

    def wait(self, cancelled, connection, seconds):
        """Wait up to seconds; True when cut short (cancelled or the client hung up): close, do not answer."""
        sock = getattr(connection, "connection", None)
        if sock is None or not hasattr(select, "poll"):
            return cancelled.wait(seconds)
        with self._lock:
            self._waiting[sock] = cancelled
        try:
            if cancelled.is_set():
                return True
            poller = select.poll()
            poller.register(sock, _HUNG_UP | (select.POLLIN if _PEEK_NEEDED else 0))
            began = time.monotonic()
            if poller.poll(min(seconds * 1000, _MAX_POLL_MS)):  # a pipelined request, where only POLLIN is known: wait on the Event
                return cancelled.is_set() or _hung_up(sock) or cancelled.wait(seconds - (time.monotonic() - began))
            return cancelled.is_set()
        except (OSError, ValueError):
            return True  # the socket was closed under us (the mock is stopping)
        finally:
            with self._lock:
                self._waiting.pop(sock, None)

    def cut_short(self):
        """End every wait whose cancel Event is set, by shutting its connection down (its answer is not sent)."""
        with self._lock:
            cancelled = [sock for sock, event in self._waiting.items() if event.is_set()]
        for sock in cancelled:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def bound(self, cancelled, connection):
        """This registry's wait for one request, shaped like its cancel Event (wait(seconds), is_set())."""
        return _Wait(self, cancelled, connection)


class _Wait:
    """An Event-like view of one request's waits, handed to the fault replies in place of the cancel Event."""

    def __init__(self, waits, cancelled, connection):
        self._waits, self._cancelled, self._connection = waits, cancelled, connection
        self.client_left = False  # a wait ended because the client hung up

    def wait(self, seconds):
        """True when cut short: the mock is stopping, the scenario ended, or the client hung up."""
        cut = self._waits.wait(self._cancelled, self._connection, seconds)
        self.client_left = self.client_left or (cut and not self._cancelled.is_set())
        return cut

    def is_set(self):
        """Whether the wait was cancelled (the client's leaving is only seen by wait())."""
        return self._cancelled.is_set()


def client_gone(connection):
    """Whether the client has hung up already (its FIN, a reset): one poll() that does not wait, so a request it
    sent before it left is not answered (Node aborts it: its answer would go nowhere)."""
    sock = getattr(connection, "connection", None)
    if sock is None or not hasattr(select, "poll"):
        return False
    try:
        poller = select.poll()
        poller.register(sock, _HUNG_UP | (select.POLLIN if _PEEK_NEEDED else 0))
        return bool(poller.poll(0)) and _hung_up(sock)
    except (OSError, ValueError):
        return True  # the socket was closed under us (the mock is stopping)


def _hung_up(sock):
    """Whether the client's end (FIN) or an error is what made the socket ready."""
    if not _PEEK_NEEDED:
        return True  # poll() was asked only about hang-ups
    try:
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
