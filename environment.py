"""behave hooks: a fresh mock per feature, the client pointed at it (or at the live API for @real)."""

import signal
import threading

import requests
from behave import fixture, use_fixture

import services
from services.client import on_loopback
from livedocs import exchanges
from mockserver import MockServer

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
    context.run = {"executed": 0, "live_problem": None}
    _configure_resilience(context)
    use_fixture(http_exchanges, context)  # living documentation: each step's HTTP exchanges


def before_feature(context, feature):
    """Every feature gets its own mock on its own port."""
    use_fixture(mock_api, context)


def before_scenario(context, scenario):
    """Point the client at the mock (reset to the seed) or, for @real and target=live, at the live API."""
    _arm_deadline(context, scenario)
    tags = set(scenario.effective_tags)
    if "robustness" in tags and not context.config.userdata.getbool("robustness", False):
        scenario.skip("the mock's robustness battery waits out timeouts: run it with -D robustness=on (CI does)")
        return
    if context.target == "live" and tags & MOCK_ONLY_TAGS:
        scenario.skip("mock-only: the live API cannot be made to do this")
        return
    if context.target == "live" or ("real" in tags and context.target == "default"):
        _require_live_api(context, scenario)
        use_fixture(client_pointed_at, context, context.live_url)
        return
    context.mock.reset()
    context.mock.read_only = "read_only_mock" in tags
    use_fixture(client_pointed_at, context, context.mock.base_url)


def before_step(context, step):
    """Remember the step that runs (a scenario past its deadline names it); drop exchanges made outside steps."""
    context.run["step"] = f"{step.keyword} {step.name} ({step.location})"
    context.run["current_step"] = step  # what came back is recorded with the When's words (steps/outcome.py)
    context.exchanges.take()
    if step.table is not None or step.text is not None:
        _refuse_unread(context, step)


def after_scenario(context, scenario):
    """Count what ran; fail the scenario if the mock raised while answering it, or got requests it does not route."""
    _disarm_deadline()
    if scenario.status.name != "skipped":
        context.run["executed"] += 1
    errors = context.mock.take_errors()
    if errors:
        raise AssertionError("the mock server failed while answering this scenario:\n" + "\n".join(errors))
    unrouted = _unasked_unrouted(context)
    if unrouted:
        raise AssertionError("the app sent requests that no route of the API matches:\n" + "\n".join(unrouted))


def after_all(context):
    """Close the client; fail a run that ran no scenario, or that left a thread of ours running."""
    services.close()
    if context.run["executed"] == 0 and not context.config.dry_run:
        raise RuntimeError("no scenario was executed: check the --tags expression (behave 1.3: --tags=-real)")
    leftover = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    if leftover:
        raise RuntimeError(f"threads still running after the run: {', '.join(leftover)}")


# -- hooks: living documentation (each step's HTTP exchanges, embedded in the HTML report) ----------


def after_step(context, step):
    """Embed the step's HTTP exchanges, labelled mock or live, in the report's formatters."""
    exchanges.embed_all(context, context.exchanges.take(), context.mock.base_url)


# -- helpers ----------------------------------------------------------------------------------------


def _refuse_unread(context, step):
    """Fail a step given a table or docstring it does not declare it takes (steps/tables.py): it would ignore it."""
    match = context._runner.step_registry.find_match(step)  # the runner's registry: the one its steps are in
    if match is None:
        return  # an undefined step: behave says so
    takes = getattr(match.func, "takes", (None,))[0]  # "table", "docstring", or None
    given = "table" if step.table is not None else "docstring"
    if takes != given:
        what = f"a {takes}" if takes else "neither a table nor a docstring"
        raise AssertionError(f'"{step.keyword} {step.name}" takes {what}, but was given a {given}: it would ignore it')


def _require_live_api(context, scenario):
    """Check once that the live API answers; the first live scenario fails with the reason, the rest skip."""
    if context.run["live_problem"] is None:
        try:
            with requests.Session() as session:  # through the environment's proxy, unless to this machine
                session.trust_env = not on_loopback(context.live_url)
                session.get(context.live_url + "/users/1", timeout=PROBE_TIMEOUT).close()
            context.run["live_problem"] = ""
        except requests.RequestException as exc:
            context.run["live_problem"] = str(exc)
            raise ConnectionError(
                f"the live API at {context.live_url} cannot be reached ({exc}).\n"
                "Run offline with --tags=-real, point -D live_url= at a reachable deployment, "
                "or run @real against the mock with -D target=mock."
            ) from None
    elif context.run["live_problem"]:
        scenario.skip(f"the live API at {context.live_url} cannot be reached (see the first @real failure)")


# -- faults and verification (issue 4): retry settings, the scenario deadline, unrouted requests ---------

RESILIENCE_USERDATA = {"total_timeout": float, "retries": int, "retry_backoff": float, "retry_max_wait": float}


class ScenarioDeadlinePassed(AssertionError):
    """A scenario ran longer than -D scenario_deadline: it fails, naming the step it was stuck in."""


def _configure_resilience(context):
    """Read the client's retry settings and the scenario deadline from userdata (each checked)."""
    userdata = context.config.userdata
    for name, kind in RESILIENCE_USERDATA.items():
        raw = userdata.get(name, getattr(services.settings, name))
        try:
            value = kind(raw)
        except ValueError:
            raise ValueError(f"-D {name}={raw} must be a {'whole ' if kind is int else ''}number") from None
        if value < 0 or (name == "total_timeout" and value == 0):
            raise ValueError(f"-D {name}={raw} must be {'more than 0' if name == 'total_timeout' else '0 or more'}")
        setattr(services.settings, name, value)
    context.scenario_deadline = userdata.getfloat("scenario_deadline", 0.0)
    if context.scenario_deadline < 0:
        raise ValueError(f"-D scenario_deadline={context.scenario_deadline} must be 0 (none) or more seconds")


def _arm_deadline(context, scenario):
    """Start the scenario's clock: SIGALRM after scenario_deadline seconds fails the step that is running."""
    if not context.scenario_deadline or threading.current_thread() is not threading.main_thread():
        return
    context.run["step"] = "its before-scenario hooks"
    seconds = context.scenario_deadline

    def deadline_passed(signum, frame):
        """Interrupt whatever the main thread is blocked in (a socket read, a wait) with a failure."""
        raise ScenarioDeadlinePassed(
            f"scenario {scenario.name!r} passed its deadline of {seconds:g} s (-D scenario_deadline) "
            f"while in step {context.run['step']}")

    signal.signal(signal.SIGALRM, deadline_passed)
    signal.setitimer(signal.ITIMER_REAL, seconds)


def _disarm_deadline():
    """Stop the scenario's clock."""
    if threading.current_thread() is threading.main_thread():
        signal.setitimer(signal.ITIMER_REAL, 0)


def _unasked_unrouted(context):
    """Requests no route of the API matched, except those the scenario asked for by address (api_contract.py)."""
    if getattr(context, "api_url", None) != context.mock.base_url:
        return []  # a live scenario: the mock's journal is not this scenario's
    asked = set(getattr(context, "asked_explicitly", ()))
    return [f"{e.method} {e.path} (a wrong address built by the app?)"
            for e in context.mock.journal.entries() if not e.routed and (e.method, e.path) not in asked]
