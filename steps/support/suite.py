"""The run's own guards, for environment.py's hooks: the settings read from userdata and checked, the live API's
probe, the scenario's deadline, and what the mock saw that no step asked for."""

import ctypes
import dataclasses
import functools
import re
import signal
import sys
import threading

import requests
from behave.matchers import ParseMatcher

import services
from services.client import on_loopback

TARGETS = ("default", "mock", "live")
MOCK_ONLY_TAGS = frozenset({"mock_only", "read_only_mock"})
PROBE_TIMEOUT = (3.05, 5)
# The client's settings a run may set with -D name=value, each with its kind; the two timeouts and the positive
# ones must be more than 0 (0 would make every call fail), the others 0 or more.
CLIENT_USERDATA = {"connect_timeout": float, "read_timeout": float, "total_timeout": float, "retries": int,
                   "retry_backoff": float, "retry_max_wait": float, "max_body_bytes": int}
POSITIVE_USERDATA = frozenset({"connect_timeout", "read_timeout", "total_timeout", "max_body_bytes"})


@dataclasses.dataclass
class Run:
    """What the whole run knows, kept on the context in before_all (attributes set later, inside a scenario's
    layer, vanish with the scenario: this object is mutated instead)."""

    target: str = "default"
    live_url: str = services.DEFAULT_URL
    robustness: bool = False
    scenario_deadline: float = 0.0
    executed: int = 0
    live_problem: str | None = None  # None: not probed yet; "": reachable; else why not
    live_reported: bool = False
    coverage: object = None  # livedocs.api_coverage.Coverage with -D api_coverage=on
    scenario: object = None
    current_step: object = None  # the step that runs: named when the scenario passes its deadline
    alarm: object = None

    @classmethod
    def from_userdata(cls, userdata):
        """The run's settings from behave's userdata, each checked; the client's settings are set on the way."""
        target = userdata.get("target", "default")
        if target not in TARGETS:
            raise ValueError(f"-D target={target} is not one of {', '.join(TARGETS)}")
        configure_client(userdata)
        deadline = userdata.getfloat("scenario_deadline", 0.0)
        if deadline < 0:
            raise ValueError(f"-D scenario_deadline={deadline} must be 0 (none) or more seconds")
        return cls(target=target, live_url=userdata.get("live_url", services.DEFAULT_URL).rstrip("/"),
                   robustness=userdata.getbool("robustness", False), scenario_deadline=deadline)

    def is_live(self, tags):
        """Whether a scenario with these tags talks to the live API in this run."""
        return self.target == "live" or ("real" in tags and self.target == "default")


def configure_client(userdata):
    """Set the client's timeouts, retry settings and body limit from userdata, each checked."""
    for name, kind in CLIENT_USERDATA.items():
        raw = userdata.get(name, getattr(services.settings, name))
        try:
            value = kind(raw)
        except ValueError:
            raise ValueError(f"-D {name}={raw} must be a {'whole ' if kind is int else ''}number") from None
        if value < 0 or (name in POSITIVE_USERDATA and value == 0):
            if name in ("connect_timeout", "read_timeout"):
                raise ValueError(f"-D {name}={value} must be more than 0 seconds")
            raise ValueError(f"-D {name}={raw} must be {'more than 0' if name in POSITIVE_USERDATA else '0 or more'}")
        setattr(services.settings, name, value)


def one_malloc_arena():
    """With glibc, each thread that allocates while another does may get a heap (an arena) of its own, and memory freed
    in one is not reused by the others: the mock's threads render /db and /photos in theirs, the steps read them in
    the main one, so the process kept both (+2 MiB at its peak). Under the GIL, threads seldom allocate at the same
    time, so one shared heap costs nothing measurable (mallopt(3) M_ARENA_MAX; elsewhere this does nothing)."""
    try:
        ctypes.CDLL(None).mallopt(-8, 1)  # M_ARENA_MAX: set before any mock starts a thread
    except (OSError, AttributeError):
        pass


# -- the live API ---------------------------------------------------------------------------------------------


def live_scenarios_selected(run, features, selected):
    """Whether this run will send a scenario to the live API (an @real one, or any with -D target=live)."""
    if run.target == "mock":
        return False
    for feature in features:
        for scenario in feature.walk_scenarios():
            tags = set(scenario.effective_tags)
            live = "real" in tags if run.target == "default" else not tags & MOCK_ONLY_TAGS
            if live and selected(tags):
                return True
    return False


def probe_live_api(run):
    """Ask the live API for user 1 once; if it cannot be reached, say so in one line, then the cause."""
    try:
        with requests.Session() as session:  # through the environment's proxy, unless to this machine
            session.trust_env = not on_loopback(run.live_url)
            session.get(run.live_url + "/users/1", timeout=PROBE_TIMEOUT).close()
        run.live_problem = ""
    except requests.RequestException as exc:
        run.live_problem = f"{type(exc).__name__}: {_root_cause(exc)}"
        print(f"{unreachable(run)}\n  (cause: {run.live_problem})", file=sys.stderr, flush=True)


def require_live_api(run, scenario):
    """The first live scenario fails with the advice if the live API cannot be reached; the rest skip."""
    if run.live_problem is None:
        probe_live_api(run)
    if run.live_problem and not run.live_reported:
        run.live_reported = True
        raise ConnectionError(f"{unreachable(run)}\n(cause: {run.live_problem})")
    if run.live_problem:
        scenario.skip(f"the live API at {run.live_url} cannot be reached (see the first @real failure)")


def unreachable(run):
    """The one line of advice when the live API cannot be reached."""
    return (f"The live API at {run.live_url} cannot be reached: run offline with --tags=-real, "
            "point -D live_url= at a reachable deployment, or run @real against the mock with -D target=mock.")


def _root_cause(exc):
    """The innermost reason of a requests error, in one line (not urllib3's nested repr)."""
    while exc.__context__ is not None or getattr(exc, "reason", None) is not None:
        inner = getattr(exc, "reason", None) or exc.__context__
        if inner is None or inner is exc:
            break
        exc = inner
    return str(exc).split("): ", 1)[-1].strip("()\"' ")[:200]


# -- the scenario's deadline ----------------------------------------------------------------------------------


class ScenarioDeadlinePassed(AssertionError):
    """A scenario ran longer than -D scenario_deadline: it fails, naming the step it was stuck in."""


def arm_deadline(run, scenario):
    """Start the scenario's clock: SIGALRM after scenario_deadline seconds fails the step that is running."""
    if not run.scenario_deadline or threading.current_thread() is not threading.main_thread():
        return
    run.scenario, run.current_step = scenario, None
    if run.alarm is not signal.getsignal(signal.SIGALRM):  # installed once, not per scenario
        run.alarm = functools.partial(_deadline_passed, run)
        signal.signal(signal.SIGALRM, run.alarm)
    signal.setitimer(signal.ITIMER_REAL, run.scenario_deadline)


def disarm_deadline():
    """Stop the scenario's clock."""
    if threading.current_thread() is threading.main_thread():
        signal.setitimer(signal.ITIMER_REAL, 0)


def _deadline_passed(run, signum, frame):
    """Interrupt whatever the main thread is blocked in (a socket read, a wait) with a failure naming the step."""
    step = run.current_step
    where = f"{step.keyword} {step.name} ({step.location})" if step is not None else "its before-scenario hooks"
    raise ScenarioDeadlinePassed(f"scenario {run.scenario.name!r} passed its deadline of {run.scenario_deadline:g} s "
                                 f"(-D scenario_deadline) while in step {where}")


# -- what a step takes, and what the mock saw ------------------------------------------------------------------


def refuse_unread(step, definition):
    """Fail a step given a table or docstring its definition does not declare it takes (steps/support/tables.py)."""
    if definition is None:
        return  # an undefined step: behave says so
    takes = getattr(definition.func, "takes", (None,))[0]  # "table", "docstring", or None
    given = "table" if step.table is not None else "docstring"
    if takes != given:
        what = f"a {takes}" if takes else "neither a table nor a docstring"
        raise AssertionError(f'"{step.keyword} {step.name}" takes {what}, but was given a {given}: it would ignore it')


def mock_problems(context):
    """What fails a scenario after it ran: the mock raised while answering, or got requests no route matches
    (except those the scenario asked for by address, steps/api_contract.py); None when all is well."""
    errors = context.mock.take_errors()
    if errors:
        return "the mock server failed while answering this scenario:\n" + "\n".join(errors)
    if getattr(context, "api_url", None) != context.mock.base_url:
        return None  # a live scenario: the mock's journal is not this scenario's
    unrouted = [e for e in context.mock.journal.entries() if not e.routed]
    asked = set(getattr(context, "asked_explicitly", ()))
    unasked = [f"{e.method} {e.path} (a wrong address built by the app?)" for e in unrouted
               if (e.method, e.path) not in asked]
    if unasked:
        return "the app sent requests that no route of the API matches:\n" + "\n".join(unasked)
    return None


def remember_matches(registry):
    """behave finds a step's definition by trying each in turn (about a hundred per line here), every time the line
    runs; remember which definition each line matched, and match only that one again (fresh arguments each time).
    The registry is complete before the first scenario, so the first match found is always the same."""
    matches = Matches(registry)
    registry.find_match = matches.find_match
    return matches


class Matches:
    """The definition each step line matched, found once, and what its converters refused in it (None: nothing). A line
    is tried only against the definitions whose fixed words it starts with (literal_start): no other can match it.
    The typed fields' converters are functions of the text alone, so a line they refuse once they always refuse."""

    def __init__(self, registry):
        self.registry = registry
        self.found = {}  # (step type, line) -> (definition or None, the converters' error or None)
        self.fresh = {}  # (step type, line) -> the match found while looking the line up, not yet handed to behave
        self.starts = {}  # step type -> [(literal start, definition)], in the order behave tries them

    def find_match(self, step):
        """behave's StepRegistry.find_match, from the definition the line matched (None: undefined)."""
        definition = self.definition_of(step)
        if definition is None:
            return None
        fresh = self.fresh.pop((step.step_type, step.name), None)  # its arguments never used: as good as a new one
        return fresh if fresh is not None else definition.match(step.name)

    def definition_of(self, step):
        """The definition a step line matches, or None."""
        return self._lookup(step)[0]

    def refusal_of(self, step):
        """What a typed field's converter raised on the line (behave's MatchWithError keeps it), or None."""
        return self._lookup(step)[1]

    def _lookup(self, step):
        """(definition, converter's error) for a line, tried once."""
        key = (step.step_type, step.name)
        known = self.found.get(key)
        if known is None:
            definition, match = self._first_match(step.step_type, step.name)
            known = self.found[key] = (definition, getattr(match, "stored_error", None))
            if match is not None:
                self.fresh[key] = match
        return known

    def _first_match(self, step_type, name):
        """behave's rule: the first definition in its order that matches the line (its own type's, then @step's), and
        the match; (None, None) if none does."""
        if step_type not in self.starts:
            steps = self.registry.steps
            candidates = steps[step_type] + (steps["step"] if step_type != "step" else [])
            self.starts[step_type] = [(literal_start(d), d) for d in candidates]
        for start, definition in self.starts[step_type]:
            if name.startswith(start):
                match = definition.match(name)
                if match:
                    return definition, match
        return None, None


def literal_start(definition):
    """The text every line a definition matches starts with: a parse pattern's words before its first field (behave's
    parse matcher is case-sensitive and matches from the start); "" for any other matcher (a regular expression)."""
    if not (isinstance(definition, ParseMatcher) and definition.CASE_SENSITIVE):
        return ""
    return re.split(r"[{}]", definition.pattern, maxsplit=1)[0]


# -- API coverage, with -D api_coverage=on ----------------------------------------------------------------------


def start_api_coverage(run, userdata):
    """Start counting what the scenarios ask of the API, if -D api_coverage=on."""
    if userdata.getbool("api_coverage", False):
        from livedocs.api_coverage import Coverage  # only when asked for: the everyday run does not pay for it

        run.coverage = Coverage()


def note_api_coverage(context, scenario):
    """Count the requests the mock received in this scenario (none for a live scenario: not the mock's)."""
    if context.run.coverage is not None and getattr(context, "api_url", None) == context.mock.base_url:
        context.run.coverage.add((str(scenario.location), scenario.name), context.mock.journal.entries())


def finish_api_coverage(run, formatters):
    """Hand the coverage to the HTML report and print its summary line after the run's output."""
    if run.coverage is None:
        return
    takers = [f for f in formatters if callable(getattr(f, "set_api_coverage", None))]
    for formatter in takers:
        formatter.set_api_coverage(run.coverage)
    where = f" (the table: {takers[0].stream_opener.name}#api-coverage)" if takers else ""
    sys.__stdout__.write(run.coverage.summary() + where + "\n")  # behave captures sys.stdout inside hooks


def threads_left():
    """The names of the threads still running besides the main one."""
    return [t.name for t in threading.enumerate() if t is not threading.main_thread()]
