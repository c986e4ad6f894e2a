"""behave hooks: a fresh mock per feature, the client pointed at it (or at the live API for @real)."""

import ctypes
import functools
import importlib
import signal
import sys
import threading
from pathlib import Path

import requests
from behave import fixture, runner_util, use_fixture

import services
from services.client import on_loopback
from livedocs import console, exchanges, suggest
from mockserver import MockServer

suggest.install()  # an undefined step is shown with the closest existing steps (docs/steps.md)


def _import_step_modules():
    """behave compiles and runs every file of steps/ on every run, and a helper that other step modules import
    (outcome.py, judging.py...) runs twice; import them instead: each runs once, compiled once and cached as any
    module is. A file whose name another module already holds is left to behave."""
    exec_file, steps = runner_util.exec_file, Path(__file__).resolve().parent / "steps"

    def load(filename, globals_=None, locals_=None):
        """behave's exec_file, for any file but a module of steps/ (behave puts steps/ on sys.path meanwhile)."""
        path = Path(filename).resolve()
        known = sys.modules.get(path.stem)
        if path.parent == steps and path.suffix == ".py" and (known is None or getattr(known, "__file__", None)
                                                              and Path(known.__file__).resolve() == path):
            importlib.import_module(path.stem)
            return
        exec_file(filename, globals_, locals_)

    runner_util.exec_file = load


_import_step_modules()

TARGETS = ("default", "mock", "live")
MOCK_ONLY_TAGS = {"mock_only", "read_only_mock"}
PROBE_TIMEOUT = (3.05, 5)


# -- fixtures ---------------------------------------------------------------------------------------


@fixture
def mock_api(context):
    """A fresh mock server for the feature; stopped (threads joined, sockets closed) after it."""
    context.mock = MockServer().start()
    try:
        yield context.mock
    finally:
        context.mock.stop()


@fixture
def client_pointed_at(context, url):
    """The services' base URL set to url for one scenario, and restored after it."""
    saved = services.settings.base_url
    services.settings.base_url = url
    context.api_url = url
    try:
        yield url
    finally:
        services.settings.base_url = saved


@fixture
def http_exchanges(context):
    """Record every answer the client's session gets, for the report; unhook after the run."""
    context.exchanges = exchanges.Recorder()
    hooks = services.default_client().session.hooks["response"]
    hooks.append(context.exchanges.record)
    try:
        yield context.exchanges
    finally:
        if context.exchanges.record in hooks:
            hooks.remove(context.exchanges.record)


# -- hooks ------------------------------------------------------------------------------------------


def before_all(context):
    """Read and check the userdata; configure the client's timeouts."""
    _one_malloc_arena()
    userdata = context.config.userdata
    context.target = userdata.get("target", "default")
    if context.target not in TARGETS:
        raise ValueError(f"-D target={context.target} is not one of {', '.join(TARGETS)}")
    context.live_url = userdata.get("live_url", services.DEFAULT_URL).rstrip("/")
    for name in ("connect_timeout", "read_timeout"):
        value = userdata.getfloat(name, getattr(services.settings, name))
        if value <= 0:
            raise ValueError(f"-D {name}={value} must be more than 0 seconds")
        setattr(services.settings, name, value)
    # Mutable, because attributes set inside a scenario's hooks vanish with the scenario's layer.
    context.run = {"executed": 0, "live_problem": None, "robustness": userdata.getbool("robustness", False)}
    _configure_resilience(context)
    _remember_matches(context._runner.step_registry)
    if exchanges.embedders(context):
        use_fixture(http_exchanges, context)  # living documentation: each step's HTTP exchanges
    else:  # no formatter takes them (the everyday run): none recorded, and behave calls no after_step of ours
        context.exchanges = exchanges.Recorder()
        if context._runner.hooks.get("after_step") is after_step:  # a wrapper's own after_step (CI's checks) stays
            del context._runner.hooks["after_step"]
    _start_api_coverage(context)  # reports (issue 14): API coverage, with -D api_coverage=on
    _add_last_words(context)
    if _live_scenarios_selected(context):
        _probe_live_api(context)  # offline, the one line of advice comes first, before any feature


def before_feature(context, feature):
    """Every feature gets its own mock on its own port, and the client pointed at it (a live scenario points it
    elsewhere for itself)."""
    use_fixture(mock_api, context)
    use_fixture(client_pointed_at, context, context.mock.base_url)


def before_scenario(context, scenario):
    """Point the client at the mock (reset to the seed) or, for @real and target=live, at the live API."""
    _arm_deadline(context, scenario)
    tags = set(scenario.effective_tags)
    if "robustness" in tags and not context.run["robustness"]:
        scenario.skip("the mock's robustness battery waits out timeouts: run it with -D robustness=on (CI does)")
        return
    if context.target == "live" and tags & MOCK_ONLY_TAGS:
        scenario.skip("mock-only: the live API cannot be made to do this")
        return
    if context.target == "live" or ("real" in tags and context.target == "default"):
        _require_live_api(context, scenario)
        use_fixture(client_pointed_at, context, context.live_url)
        return
    context.mock.reset()  # the client stays pointed at it (before_feature)
    context.mock.read_only = "read_only_mock" in tags


def before_step(context, step):
    """Remember the step that runs (a scenario past its deadline names it); drop exchanges made outside steps."""
    context.run["current_step"] = step  # named if the scenario passes its deadline; a When's words (steps/support/outcome.py)
    context.exchanges.take()
    if step.table is not None or step.text is not None:
        _refuse_unread(context, step)


def after_scenario(context, scenario):
    """Count what ran; fail the scenario if the mock raised while answering it, or got requests it does not route."""
    _disarm_deadline()
    if scenario.status.name == "skipped":
        return  # nothing ran: the mock's journal still holds the last scenario's requests (reset() comes next)
    context.run["executed"] += 1
    _note_api_coverage(context, scenario)  # reports (issue 14), before anything here can fail the scenario
    errors = context.mock.take_errors()
    if errors:
        raise AssertionError("the mock server failed while answering this scenario:\n" + "\n".join(errors))
    unrouted = _unasked_unrouted(context)
    if unrouted:
        raise AssertionError("the app sent requests that no route of the API matches:\n" + "\n".join(unrouted))


def after_all(context):
    """Close the client; fail a run that ran no scenario, or that left a thread of ours running."""
    services.close()
    _finish_api_coverage(context)  # reports (issue 14)
    if context.run["executed"] == 0 and not context.config.dry_run:
        raise RuntimeError("no scenario was executed: check the --tags expression (behave 1.3: --tags=-real)")
    leftover = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    if leftover:
        raise RuntimeError(f"threads still running after the run: {', '.join(leftover)}")


def _own_line(hook):
    """A hook whose error behave prints on a line of its own: behave prints it where the output stands, which may be
    the end of a feature's prose or a line of progress dots, so end that line first."""

    @functools.wraps(hook)
    def run(context, *args):
        """The hook; on an error, a line break on stdout before behave prints the error."""
        try:
            return hook(context, *args)
        except Exception:
            print(flush=True)
            raise

    return run


before_scenario, before_step, after_scenario = map(_own_line, (before_scenario, before_step, after_scenario))
# The hooks run for every scenario and step print nothing, so behave need not capture their output (its per-hook
# switch): a failing hook is still reported with its error; about 0.1 ms less per scenario (docs/benchmark.md).
before_scenario.capture = before_step.capture = after_scenario.capture = False


# -- hooks: living documentation (each step's HTTP exchanges, embedded in the HTML report) ----------


def after_step(context, step):
    """Embed the step's HTTP exchanges, labelled mock or live, in the report's formatters."""
    exchanges.embed_all(context, context.exchanges.take(), context.mock.base_url)  # only when a formatter embeds


# -- helpers ----------------------------------------------------------------------------------------


def _live_scenarios_selected(context):
    """Whether this run will send a scenario to the live API (an @real one, or any with -D target=live)."""
    if context.target == "mock":
        return False
    selected = context.config.tag_expression.check
    for feature in context._runner.features:
        for scenario in feature.walk_scenarios():
            tags = set(scenario.effective_tags)
            live = "real" in tags if context.target == "default" else not tags & MOCK_ONLY_TAGS
            if live and selected(tags):
                return True
    return False


def _probe_live_api(context):
    """Ask the live API for user 1 once; if it cannot be reached, say so in one line, then the cause."""
    try:
        with requests.Session() as session:  # through the environment's proxy, unless to this machine
            session.trust_env = not on_loopback(context.live_url)
            session.get(context.live_url + "/users/1", timeout=PROBE_TIMEOUT).close()
        context.run["live_problem"] = ""
    except requests.RequestException as exc:
        context.run["live_problem"] = f"{type(exc).__name__}: {_root_cause(exc)}"
        print(f"{_unreachable(context)}\n  (cause: {context.run['live_problem']})", file=sys.stderr, flush=True)


def _unreachable(context):
    """The one line of advice when the live API cannot be reached."""
    return (f"The live API at {context.live_url} cannot be reached: run offline with --tags=-real, "
            "point -D live_url= at a reachable deployment, or run @real against the mock with -D target=mock.")


def _root_cause(exc):
    """The innermost reason of a requests error, in one line (not urllib3's nested repr)."""
    while exc.__context__ is not None or getattr(exc, "reason", None) is not None:
        inner = getattr(exc, "reason", None) or exc.__context__
        if inner is None or inner is exc:
            break
        exc = inner
    return str(exc).split("): ", 1)[-1].strip("()\"' ")[:200]


def _refuse_unread(context, step):
    """Fail a step given a table or docstring it does not declare it takes (steps/support/tables.py): it would ignore it."""
    match = context._runner.step_registry.find_match(step)  # the runner's registry: the one its steps are in
    if match is None:
        return  # an undefined step: behave says so
    takes = getattr(match.func, "takes", (None,))[0]  # "table", "docstring", or None
    given = "table" if step.table is not None else "docstring"
    if takes != given:
        what = f"a {takes}" if takes else "neither a table nor a docstring"
        raise AssertionError(f'"{step.keyword} {step.name}" takes {what}, but was given a {given}: it would ignore it')


def _require_live_api(context, scenario):
    """The first live scenario fails with the advice if the live API cannot be reached; the rest skip."""
    if context.run["live_problem"] is None:
        _probe_live_api(context)
        if context.run["live_problem"]:
            context.run["live_reported"] = False
    problem = context.run["live_problem"]
    if problem and not context.run.get("live_reported"):
        context.run["live_reported"] = True
        raise ConnectionError(f"{_unreachable(context)}\n(cause: {problem})")
    if problem:
        scenario.skip(f"the live API at {context.live_url} cannot be reached (see the first @real failure)")


def _add_last_words(context):
    """The run's last words (livedocs.console): each failing scenario with its reason just above the summary, and
    the offline advice below it when the live API could not be reached. They go with the summary (not with
    --no-summary, as CI's checks that run thousands of failing pairs ask)."""
    reporters = context.config.reporters
    if context.config.summary and not any(isinstance(r, console.FailureReasons) for r in reporters):
        reporters.insert(0, console.FailureReasons(context.config))
        reporters.append(console.BottomLine(context.config,
                                            lambda: _unreachable(context) if context.run["live_problem"] else None))


def _one_malloc_arena():
    """With glibc, each thread that allocates while another does may get a heap (an arena) of its own, and memory freed
    in one is not reused by the others: the mock's threads render /db and /photos in theirs, the steps read them in
    the main one, so the process kept both (+2 MiB at its peak). Under the GIL, threads seldom allocate at the same
    time, so one shared heap costs nothing measurable (mallopt(3) M_ARENA_MAX; elsewhere this does nothing)."""
    try:
        ctypes.CDLL(None).mallopt(-8, 1)  # M_ARENA_MAX: set before any mock starts a thread
    except (OSError, AttributeError):
        pass


def _remember_matches(registry):
    """behave finds a step's definition by trying each in turn (about a hundred per line here), every time the line
    runs; remember which definition each line matched, and match only that one again (fresh arguments each time).
    The registry is complete before the first scenario, so the first match found is always the same."""
    found = {}

    def find_match(step):
        """behave's StepRegistry.find_match, remembering the definition a line matched (None: undefined)."""
        key = (step.step_type, step.name)
        definition = found.get(key, False)
        if definition is False:
            candidates = registry.steps[step.step_type] + (registry.steps["step"] if step.step_type != "step" else [])
            definition = found[key] = next((d for d in candidates if d.match(step.name)), None)
        return definition.match(step.name) if definition is not None else None

    registry.find_match = find_match


# -- faults and verification (issue 4): retry settings, the scenario deadline, unrouted requests ---------

RESILIENCE_USERDATA = {"total_timeout": float, "retries": int, "retry_backoff": float, "retry_max_wait": float,
                       "max_body_bytes": int}
POSITIVE_USERDATA = ("total_timeout", "max_body_bytes")  # 0 would make every call fail


class ScenarioDeadlinePassed(AssertionError):
    """A scenario ran longer than -D scenario_deadline: it fails, naming the step it was stuck in."""


def _configure_resilience(context):
    """Read the client's retry settings, body limit and the scenario deadline from userdata (each checked)."""
    userdata = context.config.userdata
    for name, kind in RESILIENCE_USERDATA.items():
        raw = userdata.get(name, getattr(services.settings, name))
        try:
            value = kind(raw)
        except ValueError:
            raise ValueError(f"-D {name}={raw} must be a {'whole ' if kind is int else ''}number") from None
        if value < 0 or (name in POSITIVE_USERDATA and value == 0):
            raise ValueError(f"-D {name}={raw} must be {'more than 0' if name in POSITIVE_USERDATA else '0 or more'}")
        setattr(services.settings, name, value)
    context.scenario_deadline = userdata.getfloat("scenario_deadline", 0.0)
    if context.scenario_deadline < 0:
        raise ValueError(f"-D scenario_deadline={context.scenario_deadline} must be 0 (none) or more seconds")


def _arm_deadline(context, scenario):
    """Start the scenario's clock: SIGALRM after scenario_deadline seconds fails the step that is running."""
    if not context.scenario_deadline or threading.current_thread() is not threading.main_thread():
        return
    run = context.run
    run["scenario"], run["current_step"] = scenario, None
    if run.get("alarm") is not signal.getsignal(signal.SIGALRM):  # installed once, not per scenario
        run["alarm"] = functools.partial(_deadline_passed, run, context.scenario_deadline)
        signal.signal(signal.SIGALRM, run["alarm"])
    signal.setitimer(signal.ITIMER_REAL, context.scenario_deadline)


def _deadline_passed(run, seconds, signum, frame):
    """Interrupt whatever the main thread is blocked in (a socket read, a wait) with a failure naming the step."""
    step = run.get("current_step")
    where = f"{step.keyword} {step.name} ({step.location})" if step is not None else "its before-scenario hooks"
    raise ScenarioDeadlinePassed(f"scenario {run['scenario'].name!r} passed its deadline of {seconds:g} s "
                                 f"(-D scenario_deadline) while in step {where}")


def _disarm_deadline():
    """Stop the scenario's clock."""
    if threading.current_thread() is threading.main_thread():
        signal.setitimer(signal.ITIMER_REAL, 0)


def _unasked_unrouted(context):
    """Requests no route of the API matched, except those the scenario asked for by address (api_contract.py)."""
    if getattr(context, "api_url", None) != context.mock.base_url:
        return []  # a live scenario: the mock's journal is not this scenario's
    unrouted = [e for e in context.mock.journal.entries() if not e.routed]
    if not unrouted:
        return []
    asked = set(getattr(context, "asked_explicitly", ()))
    return [f"{e.method} {e.path} (a wrong address built by the app?)" for e in unrouted if (e.method, e.path) not in asked]


# -- reports (issue 14): API coverage from the mock's journal, with -D api_coverage=on -----------------


def _start_api_coverage(context):
    """Start counting what the scenarios ask of the API, if -D api_coverage=on."""
    context.run["coverage"] = None
    if context.config.userdata.getbool("api_coverage", False):
        from livedocs.api_coverage import Coverage  # only when asked for: the everyday run does not pay for it

        context.run["coverage"] = Coverage()


def _note_api_coverage(context, scenario):
    """Count the requests the mock received in this scenario (none for a live scenario: not the mock's)."""
    coverage = context.run.get("coverage")
    if coverage is not None and getattr(context, "api_url", None) == context.mock.base_url:
        coverage.add((str(scenario.location), scenario.name), context.mock.journal.entries())


def _finish_api_coverage(context):
    """Hand the coverage to the HTML report and print its summary line after the run's output."""
    coverage = context.run.get("coverage")
    if coverage is None:
        return
    takers = [f for f in context._runner.formatters if callable(getattr(f, "set_api_coverage", None))]
    for formatter in takers:
        formatter.set_api_coverage(coverage)
    where = f" (the table: {takers[0].stream_opener.name}#api-coverage)" if takers else ""
    sys.__stdout__.write(coverage.summary() + where + "\n")  # behave captures sys.stdout inside hooks
