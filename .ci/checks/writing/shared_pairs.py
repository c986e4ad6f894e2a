"""Every Then after one run of a When, as if each pair had run alone: the pairings check's work in a behave process.

pairings.py runs each distinct When line once, as a scenario of its own, with the project's hooks. After one that is
kept (the first of its When step and shape of what came back), every Then line runs, one after the other, on what
that one run left: each Then through behave's own Step.run (the project's before_step and after_step hooks around it,
its status, exception and message as in any scenario), in a context layer of its own that holds a deep copy of
everything the When set on the context (so that no Then sees what another Then changed there), followed by the
project's after_scenario check (what the mock raised, requests no route matches), and its own clean-ups.

What a Then may see besides the context is made what it would have been in a pair of its own:

- after a settled When (one that left nothing running: no connection kept, no fixture of its own, no clients hung
  up, no search in the background, nothing of the mock's own lifecycle), the mock's journal and errors are put back
  as the When left them after each Then, so a Then that asks the mock again, or reads its journal, sees what it
  would see right after the When;
- after any other When, what goes on after it (its sockets, threads and mocks) differs from one moment to the
  next: a Then that touches a socket, a thread or a mock there is stopped before it does, and its pair is run
  afresh, When and Then, as a scenario of its own (pairings.py writes those pairs for a second behave run).

A settled When whose Then changed the mock in a way this cannot put back (its data, limits, faults, custom
answers) has that pair and every later one of it run afresh too.
"""

import copy
import io
import json
import os
import pickle
import socket
import sys
import threading
from pathlib import Path

from behave.parser import parse_file

import pairings
import services
from mockserver import MockServer
from mockserver.node.regexp import jsregex
from steps.support import suite

SETTLED_VIAS = ("nothing", "the app", "an address", "a raw client", "the app's settings")


class Touched(BaseException):
    """A Then touched what goes on after an unsettled When (a socket, a thread, a mock): its pair runs afresh.

    A BaseException, so that neither behave's step nor hook runner, nor a step's own `except Exception`, takes it
    for the Then's verdict."""


class _Guard:
    """Stops the main thread's socket, thread and mock calls while armed (the mock's own threads go on as ever)."""

    armed = False

    def check(self, what):
        """Raise Touched when armed, on the main thread."""
        if self.armed and threading.current_thread() is threading.main_thread():
            raise Touched(what)


GUARD = _Guard()
SOCKET_CALLS = ("accept", "bind", "close", "connect", "connect_ex", "detach", "listen", "makefile", "recv",
                "recv_into", "recvfrom", "recvfrom_into", "send", "sendall", "sendto", "setblocking", "settimeout",
                "shutdown")


def _guarded(owner, name, what):
    """Replace owner.name by a version that first asks the guard."""
    original = getattr(owner, name)

    def guarded(*args, **kwargs):
        GUARD.check(what)
        return original(*args, **kwargs)

    guarded.__name__, guarded.__doc__ = name, original.__doc__
    setattr(owner, name, guarded)


def install_guard():
    """The guard's hooks into sockets, threads and mocks (each asks it before doing anything)."""
    for name in SOCKET_CALLS:
        _guarded(socket.socket, name, f"a socket ({name})")
    for name in ("join", "is_alive"):
        _guarded(threading.Thread, name, f"a thread ({name})")
    _guarded(threading, "enumerate", "the threads (enumerate)")
    _guarded(threading, "active_count", "the threads (active_count)")
    # A deep copy of the context keeps sockets, threads and mocks themselves (they are not the When's to copy).
    for kind in (socket.socket, threading.Thread, MockServer, threading.Event):
        kind.__deepcopy__ = _itself_method


def _itself_method(self, memo):
    """The object itself, as its deep copy."""
    return self


class MockOutOfReach:
    """Stands for the scenario's mock while a Then runs after an unsettled When: any use of it stops the Then."""

    def __getattr__(self, name):
        raise Touched(f"the scenario's mock ({name})")


class Shared:
    """The state of the check in one behave process: its When lines, its Then steps, what it writes."""

    def __init__(self, directory):
        directory = Path(directory)
        plan = json.loads((directory / "plan.json").read_text(encoding="utf-8"))
        self.patterns = {int(n): pattern for n, pattern in plan["patterns"].items()}
        self.background, self.one_each = set(plan["background"]), plan["one_each"]
        self.thens = [step for scenario in parse_file(str(directory / "thens.feature")).walk_scenarios()
                      for step in scenario.steps]
        self.kept = set()  # (When step pattern, shape) already kept in this process
        self.pending = None  # the Then outcomes of the kept When that runs now, written once it has ended
        self.out = open(os.environ["PAIRINGS_OUT"], "a", encoding="utf-8")  # noqa: SIM115 (closed in after_all)
        self.running = False
        install_guard()

    def when_ran(self, context, step, shape):
        """After a When line's step and hooks: if its step pattern and shape are new here, run every Then after it
        (after running it again on the short limits of its pair, for a raw client or a search left running)."""
        n = int(context.scenario.name.split()[1])
        key = (self.patterns[n], json.dumps(shape)) if self.one_each else n
        if key in self.kept:
            return
        self.kept.add(key)
        tags = (["short_idle"] if (shape or [None])[0] == "a raw client" else []) + (
            ["short_search"] if self.patterns[n] in self.background else [])
        self.pending = {"n": n, "tags": " ".join("@" + tag for tag in tags), "outcomes": [], "when": None}
        self.running = True
        try:
            if tags:
                self.again(context, step, n, tags)
            elif step.status.name == "passed":  # else every pair of it ends at the When, as its scenario does
                self.every_then(context, settled(context, self.patterns[n] in self.background))
        finally:
            self.running = False

    def again(self, context, step, n, tags):
        """The When run again as its pairs run it (a scenario of their own, on short limits), every Then after it;
        then the When's own scenario as it was (its journal and the mock's errors)."""
        mock = context.mock
        journal, errors = journal_now(mock), list(mock.errors)
        pair = PairScenario(f"pair {n}", tags)
        context._push(layer="pair's When")
        try:
            context._runner.hooks["before_scenario"](context, pair)
            when = copy.copy(step)
            with context._use_with_behave_mode():
                when.run(context._runner, quiet=True, capture=False)
            self.pending["when"] = when
            if when.status.name == "passed":
                self.every_then(context, settled(context, "short_search" in tags), "short_idle" in tags)
            else:
                self.pending["ended"] = after_pair(context)
        finally:
            try:
                own_limits_back(context, tags)
            finally:
                context._pop()
                put_back(mock, journal, errors)

    def every_then(self, context, settled, short_idle=False):
        """Each Then after the When, in a layer of its own over what the When left; the pairs to run afresh noted."""
        layer = {k: v for k, v in context._stack[0].items() if not k.startswith("@")}
        mock = context.mock
        journal, errors, marks = journal_now(mock), list(mock.errors), mock_marks(mock)
        outcomes = self.pending["outcomes"]
        keep_exceptions()
        snapshot = Snapshot(layer, module_objects())
        for t, then in enumerate(self.thens):
            context._push(layer="pair")
            top, ended = context._stack[0], None
            try:
                top.update(snapshot.copy())
                if not settled:
                    top["mock"] = MockOutOfReach()
                suite.arm_deadline(context.run, context.scenario)  # each pair its own -D scenario_deadline
                if short_idle:  # as in a pair of its own: no connection of the app's left idle from another Then
                    services.default_client().session.close()
                GUARD.armed = not settled
                try:
                    with context._use_with_behave_mode():  # as behave runs a step of a scenario
                        then.run(context._runner, quiet=True, capture=False)
                finally:
                    GUARD.armed = False
                top.pop("mock", None)
                ended = (after_pair(context), False)  # (the after_scenario check failed, a clean-up failed)
            except Touched:
                pass
            finally:
                GUARD.armed = False
                try:
                    context._pop()  # the Then's own clean-ups
                except Exception:  # noqa: BLE001 (a clean-up failed: it would have ended its own scenario so)
                    ended = None if ended is None else (ended[0], True)
            outcomes.append(None if ended is None else (then_outcome(then), ended))
            then.reset()  # its exception and traceback let go: they hold what this Then was handed
            put_back(mock, journal, errors)
            if settled and mock_marks(mock) != marks:  # changed beyond what can be put back: the rest run afresh
                outcomes.extend([None] * (len(self.thens) - t - 1))
                break
        suite.arm_deadline(context.run, context.scenario)  # the rest of the When's own scenario: a deadline anew

    def scenario_ended(self, scenario):
        """Once the kept When's scenario has ended: write its pairs, with the When's outcome, and those to run
        afresh."""
        pending, self.pending = self.pending, None
        if pending is None or not scenario.steps:
            return
        when = pending["when"] or scenario.steps[0]
        first = then_outcome(when)
        if pending["when"] is None:  # the When's own scenario: its status and hooks, as a pair's ending at the When
            ended_at_when = (scenario.status.name, bool(scenario.hook_failed))
        else:
            hook_failed = pending.get("ended", False)
            ended_at_when = ("hook_error" if hook_failed else "error" if when.status.name in ("undefined", "pending")
                             else when.status.name, hook_failed)
        n, lines = pending["n"], [{"kept": pending["n"]}]
        for t in range(len(self.thens)):
            if when.status.name != "passed":  # the pair ends at its When
                lines.append({"name": f"pair {n}.{t}", "status": ended_at_when[0], "hook_failed": ended_at_when[1],
                              "steps": [first, ["skipped", "", "", 0]]})
                continue
            found = pending["outcomes"][t]
            if found is None:
                lines.append({"afresh": [n, t, pending["tags"]]})
                continue
            then, (hook_failed, cleanup_failed) = found
            status = "cleanup_error" if cleanup_failed else "hook_error" if hook_failed else then[0]
            lines.append({"name": f"pair {n}.{t}", "status": status, "hook_failed": hook_failed,
                          "steps": [first, then]})
        self.out.write("".join(json.dumps(line) + "\n" for line in lines))
        self.out.flush()

    def close(self):
        """Close the outcomes' file."""
        self.out.close()


SHARED_TEXT = 1024  # characters or bytes from which a text is handed to each Then as it is, not copied
PROJECT_PACKAGES = frozenset({"steps", "services", "mockserver", "livedocs"})
REFERENCED = frozenset({"scenario", "tags", "table", "text"})  # behave's own, on every scenario's layer


class Snapshot:
    """What the When set on the context, handed to each Then as a copy of its own (a deep copy: what two attributes
    share, their copies share). Kept as they are: behave's own attributes, the project's module-level objects (a
    sentinel such as NOT_JSON is compared with `is`), exceptions, sockets, threads, events and mocks, and texts and
    bytes of SHARED_TEXT or more (they cannot be changed: 16 MiB bodies are not copied 159 times). Pickled once and
    unpickled for each Then (ten times faster than copy.deepcopy); copied with copy.deepcopy if it cannot be."""

    KEPT_KINDS = (BaseException, socket.socket, threading.Thread, threading.Event, MockServer)

    def __init__(self, layer, kept):
        self.kept, self.own = kept, {}
        self.referenced = {k: v for k, v in layer.items() if k in REFERENCED}
        self.copied = {k: v for k, v in layer.items() if k not in REFERENCED}
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = self._kept_id
        try:
            pickler.dump(self.copied)
            self.pickled = buffer.getvalue()
            self._unpickled()
        except Exception:  # noqa: BLE001 (anything pickle cannot take: copy.deepcopy it is)
            self.pickled = None

    def _kept_id(self, value):
        """The id of a value kept as it is (None: pickle it)."""
        if self.kept.get(id(value), self) is value:
            return id(value)
        if isinstance(value, self.KEPT_KINDS) or (isinstance(value, (str, bytes)) and len(value) >= SHARED_TEXT):
            self.own[id(value)] = value
            return id(value)
        return None

    def _unpickled(self):
        """The attributes, unpickled."""
        unpickler = pickle.Unpickler(io.BytesIO(self.pickled))
        unpickler.persistent_load = lambda key: self.kept[key] if key in self.kept else self.own[key]
        return unpickler.load()

    def copy(self):
        """A copy of the attributes, for one Then."""
        if self.pickled is not None:
            return {**self._unpickled(), **self.referenced}
        return {**copy.deepcopy(self.copied, dict(self.kept)), **self.referenced}


def module_objects():
    """The objects the project's modules hold at module level, by id: a copy keeps them as they are (a sentinel
    such as NOT_JSON is compared with `is`; a module's settings are the module's, not the When's)."""
    return {id(value): value for name, module in list(sys.modules.items())
            if name.split(".")[0] in PROJECT_PACKAGES for value in vars(module).values()}


def keep_exceptions():
    """Exceptions are kept as they are by a deep copy (a copy would lose its cause, context and traceback, and an
    exception whose constructor takes other arguments than its args cannot be copied at all)."""
    kinds, seen = [BaseException], set()
    while kinds:
        kind = kinds.pop()
        if kind not in seen:
            seen.add(kind)
            copy._deepcopy_dispatch.setdefault(kind, _itself)
            kinds.extend(kind.__subclasses__())


def _itself(value, memo):
    """The value itself, as its deep copy."""
    return value


class PairScenario:
    """What the hooks read of a pair's scenario, for a When run again as its pairs run it."""

    def __init__(self, name, tags):
        self.name, self.tags, self.effective_tags = name, list(tags), list(tags)

    def skip(self, reason):
        """A pair is never skipped: its When ran alone."""
        raise RuntimeError(f"{self.name} would be skipped: {reason}")


LIMITS = []  # the mock's own limits, while a raw client's pair runs with short ones


def short_limits(context, tags):
    """For a raw client's When, a mock that drops a silent client after pairings.IDLE s (the app's pooled
    connections closed first); for a search left running, one that cuts its patterns off after
    pairings.PATTERN_LIMIT s."""
    if "short_idle" in tags:
        services.default_client().session.close()  # no pooled connection of the app's is left idle
        LIMITS[:] = [context.mock.idle_timeout, context.mock.request_deadline]
        context.mock.idle_timeout = context.mock.request_deadline = pairings.IDLE
    if "short_search" in tags:
        context.mock.app.pattern_time_limit = pairings.PATTERN_LIMIT


def own_limits_back(context, tags):
    """The mock's own limits back, and the app's connections made under them closed."""
    if "short_search" in tags:
        context.mock.app.pattern_time_limit = jsregex.TIME_LIMIT
    if "short_idle" in tags:
        context.mock.idle_timeout, context.mock.request_deadline = LIMITS
        services.default_client().session.close()


def settled(context, background):
    """Whether nothing the When started goes on after it: no connection kept, no fixture's clean-up waiting, no
    clients hung up, no search in the background, nothing of the mock's own lifecycle, the mock as reset() left it."""
    came = getattr(context, "came_back", None)
    mock = context.mock
    return (not background and not context._stack[0].get("@cleanups")
            and (came is None or (came.via.value in SETTLED_VIAS and came.connection is None
                                  and not came.measured.their_threads))
            and mock_marks(mock) == mock_marks_after_reset(mock))


def mock_marks(mock):
    """What of the mock's state a Then cannot be undone: its app (data), limits, faults and custom answers."""
    return (id(mock.app), mock.read_only, mock.idle_timeout, mock.request_deadline, mock.app.pattern_time_limit,
            mock.faults.planned, mock.stubs.planned)


def mock_marks_after_reset(mock):
    """The marks of the mock as reset() leaves it (its seed app, writes allowed): what a settled When leaves."""
    marks = list(mock_marks(mock))
    marks[0], marks[1], marks[5], marks[6] = id(mock._seed_app), False, False, False
    return tuple(marks)


def journal_now(mock):
    """The journal's entries as they are (the entries themselves, and the bytes they are charged)."""
    return mock.journal.snapshot()


def put_back(mock, journal, errors):
    """The journal's entries and the mock's errors as they were after the When."""
    mock.journal.restore(journal)
    with mock._errors_lock:
        mock.errors[:] = errors


def after_pair(context):
    """The project's after_scenario check of the pair: True if it failed it with a sentence (a HOOK-ERROR line is
    printed either way, as behave does)."""
    try:
        problem = suite.mock_problems(context)
    except Exception as error:  # noqa: BLE001 (behave's own hook runner does the same)
        print(f"HOOK-ERROR in after_scenario: {type(error).__name__}: {error}")
        return True
    if problem:
        print(f"HOOK-ERROR in after_scenario: AssertionError: {problem.splitlines()[0]}")
        return True
    return False


def then_outcome(step):
    """A Then's outcome as the pairings' formatter writes it: status, exception, message (its ends, if long), seconds."""
    return [step.status.name, type(step.exception).__name__ if step.exception else "",
            pairings.ends(step.error_message or ""), step.duration]
