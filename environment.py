"""behave hooks: a fresh mock per feature, the client pointed at it (or at the live API for @real).

The fixtures come first, then the hooks in the order behave calls them; what they check and guard lives in
steps/support/suite.py.
"""

from behave import fixture, use_fixture

import services
from livedocs import console, exchanges, suggest
from mockserver import MockServer
from steps.support import parse_types, selection, suite

suggest.install()  # an undefined step is shown with the closest existing steps (docs/steps.md)


# -- fixtures ---------------------------------------------------------------------------------------------------


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
    services.settings.base_url = context.api_url = url
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


# -- hooks ------------------------------------------------------------------------------------------------------


def before_all(context):
    """Read and check the userdata and set the client from it; probe the live API if a scenario will use it."""
    suite.one_malloc_arena()
    selection.keep_wip_out(context.config)  # @wip stays out unless --tags names it (steps/support/selection.py)
    runner = context._runner  # behave hands its features, formatters and step registry to hooks only here
    context.run = suite.Run.from_userdata(context.config.userdata)
    context.matches = suite.remember_matches(runner.step_registry)
    context.embedding = bool(exchanges.embedders(context))
    if context.embedding:
        use_fixture(http_exchanges, context)  # living documentation: each step's HTTP exchanges
    else:
        context.exchanges = exchanges.Recorder()
    suite.start_api_coverage(context.run, context.config.userdata)
    run = context.run
    console.add_last_words(context.config, lambda: suite.unreachable(run) if run.live_problem else None)
    if suite.live_scenarios_selected(context.run, runner.features, context.config.tag_expression.check):
        suite.probe_live_api(context.run)  # offline, the one line of advice comes first, before any feature


def before_feature(context, feature):
    """Every feature gets its own mock on its own port, and the client pointed at it."""
    use_fixture(mock_api, context)
    use_fixture(client_pointed_at, context, context.mock.base_url)


def before_scenario(context, scenario):
    """Point the client at the mock (reset to the seed) or, for @real and target=live, at the live API."""
    run, tags = context.run, set(scenario.effective_tags)
    suite.arm_deadline(run, scenario)
    if "robustness" in tags and not run.robustness:
        scenario.skip("the mock's robustness battery waits out timeouts: run it with -D robustness=on (CI does)")
    elif run.target == "live" and tags & suite.MOCK_ONLY_TAGS:
        scenario.skip("mock-only: the live API cannot be made to do this")
    elif run.is_live(tags) and (reason := selection.mock_only_given(context._runner.step_registry, scenario)):
        scenario.skip(reason)  # before any request: the live API cannot be arranged so
    elif run.is_live(tags):
        suite.require_live_api(run, scenario)
        use_fixture(client_pointed_at, context, run.live_url)
    else:
        context.mock.reset()  # the client stays pointed at it (before_feature)
        context.mock.read_only = "read_only_mock" in tags


def before_step(context, step):
    """Remember the step that runs (a When's words, the deadline's message); refuse a table or docstring it ignores."""
    context.run.current_step = step
    context.exchanges.take()  # exchanges made outside steps are not the step's
    parse_types.refuse_miswritten(step, context.matches.refusal_of(step))  # "Then I get 03 users" fails, saying why
    if step.table is not None or step.text is not None:
        suite.refuse_unread(step, context.matches.definition_of(step))


def after_step(context, step):
    """Embed the step's HTTP exchanges, labelled mock or live, in the report's formatters (when one takes them)."""
    if context.embedding:
        exchanges.embed_all(context, context.exchanges.take(), context.mock.base_url)


def after_scenario(context, scenario):
    """Count what ran; fail the scenario if the mock raised while answering it, or got requests it does not route."""
    suite.disarm_deadline()
    if scenario.status.name == "skipped":
        return  # nothing ran: the mock's journal still holds the last scenario's requests (reset() comes next)
    context.run.executed += 1
    suite.note_api_coverage(context, scenario)  # before anything here can fail the scenario
    problem = suite.mock_problems(context)
    if problem:
        raise AssertionError(problem)


def after_all(context):
    """Close the client; fail a run that ran no scenario, or that left a thread of ours running."""
    services.close()
    suite.finish_api_coverage(context.run, context._runner.formatters)
    if context.run.executed == 0 and not context.config.dry_run:
        raise RuntimeError("no scenario was executed: check the --tags expression (behave 1.3: --tags=-real)")
    leftover = suite.threads_left()
    if leftover:
        raise RuntimeError(f"threads still running after the run: {', '.join(leftover)}")


# A failing hook's error is printed on a line of its own, not glued to a feature's prose or a line of dots.
before_scenario, before_step, after_step, after_scenario = map(
    console.own_line, (before_scenario, before_step, after_step, after_scenario))
# The hooks run for every scenario and step print nothing, so behave need not capture their output (its per-hook
# switch): a failing hook is still reported with its error; about 0.1 ms less per scenario (docs/benchmark.md).
before_scenario.capture = before_step.capture = after_step.capture = after_scenario.capture = False
