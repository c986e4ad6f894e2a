"""The corpus sent to the mock and to the engine many cases at a time; what waited out the clock asked again.

Each case is a fresh connection to each server and neither server keeps state from one request to the next (the
engine restores its data before each request, the mock's writes are fake), so the cases can run side by side. Only
the clock can tell them apart: an answer that did not come within the timeout (or a close that did not) may be the
case itself (a request left unfinished keeps both servers waiting) or the load of the cases beside it. So a case
that waited out the clock on both servers is sent again beside only such cases, and a case that waited on one
server only is sent again alone, to the mock and then to the engine, as one case at a time would be: a difference
is reported only when it stays with nothing else running.
"""

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor

from fidelity import rawwire

WORKERS = 16  # exchanges in flight at once (a case sends to the mock and to the engine at the same time)
LARGE = 32 * 1024  # a request of more bytes goes to each server one at a time (the mock parses large bodies in turn)
WAITERS = 64  # exchanges in flight at once when sent again for waiting on both servers (they wait, they do not work)


def exchanges(pool, sends):
    """rawwire.exchange() for each (port, case, timeout), through the pool, answers in the same order. A large
    request to a server waits for the one before it to be answered, so its clock does not run while the server works
    on another."""
    turns = {port: threading.Lock() for port, _, _ in sends}

    def exchange(send):
        port, case, timeout = send
        with turns[port] if len(case.data) > LARGE else contextlib.nullcontext():
            return rawwire.exchange(port, case.data, case.method, timeout)

    return list(pool.map(exchange, sends))


def _side_by_side(pool, cases, ports, timeout):
    """[(mock's answer, engine's answer)] for the cases, every exchange through the pool."""
    answers = iter(exchanges(pool, [(port, case, timeout) for case in cases for port in ports]))
    return [(next(answers), next(answers)) for _ in cases]


def _alone(case, ports, timeout):
    """(mock's answer, engine's answer) for one case, one after the other with nothing else in flight."""
    return tuple(rawwire.exchange(port, case.data, case.method, timeout) for port in ports)


class Sender:
    """Sends cases to the mock and to the engine; counts what it had to ask again."""

    def __init__(self, mock_port, engine_port, timeout, workers=WORKERS):
        self.ports, self.timeout = (mock_port, engine_port), timeout
        self.pool = ThreadPoolExecutor(workers, thread_name_prefix="fidelity")
        self.again = self.alone = 0  # cases sent a second time; of them, sent a third time alone

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.pool.shutdown(wait=True, cancel_futures=True)

    def answers(self, cases):
        """[(mock's answer, engine's answer)], one pair per case, in the cases' order (rawwire.WireAnswer each)."""
        pairs = _side_by_side(self.pool, cases, self.ports, self.timeout)
        both = [at for at, (mine, theirs) in enumerate(pairs) if mine.late and theirs.late]
        if both:
            with ThreadPoolExecutor(min(2 * len(both), WAITERS), thread_name_prefix="fidelity-again") as waiters:
                for at, pair in zip(both, _side_by_side(waiters, [cases[at] for at in both], self.ports, self.timeout),
                                    strict=True):
                    pairs[at] = pair
        alone = [at for at, (mine, theirs) in enumerate(pairs) if mine.late != theirs.late]
        for at in alone:
            pairs[at] = _alone(cases[at], self.ports, self.timeout)
        self.again += len(both) + len(set(alone) - set(both))
        self.alone += len(alone)
        return pairs
