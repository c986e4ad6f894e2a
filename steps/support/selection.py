"""Which scenarios a run takes, and where they may run: @wip left out unless asked for, mock-only Givens kept off live.

behave's `default_tags` (behave.ini: `not @wip`) applies only when the command line gives no --tags at all, so
`behave --tags=-real` would run work in progress; `keep_wip_out` puts the rule back into any tag expression that
does not name @wip itself. A Given marked `mock_only` arranges something only the mock can do (a fault, the
scenario's own users or answers, a mock of its own, a hostile server): a scenario that would talk to the live API
and uses one is skipped before it starts, with the Given's reason, whatever its tags.
"""

import re

WIP = "wip"


def asks_for_wip(tag_text):
    """Whether a tag expression as written (behave's --tags, one string or several) names @wip itself."""
    texts = [tag_text] if isinstance(tag_text, str) else list(tag_text or ())
    return any(re.search(r"(?<!\w)@?wip(?![\w-])", text) for text in texts)


def in_everyday_run(tags):
    """Whether a scenario with these (effective) tags belongs to a run that does not ask for @wip."""
    return WIP not in set(tags)


class WithoutWip:
    """A tag expression that also leaves @wip scenarios out (behave reads only its check and its text)."""

    def __init__(self, expression):
        self.expression = expression

    def check(self, tags):
        """True for tags the expression selects, unless they hold @wip."""
        return in_everyday_run(tags) and self.expression.check(tags)

    def to_string(self):
        """The expression as behave prints it, with the rule added."""
        return f"({self.expression}) and not @wip"

    __str__ = to_string


def keep_wip_out(config):
    """Leave @wip scenarios out of this run unless its tag expression names @wip (behave.ini's default_tags may
    have been replaced by --tags); the run's other selection stays as it was."""
    if not asks_for_wip(config.tags) and not isinstance(config.tag_expression, WithoutWip):
        config.tag_expression = WithoutWip(config.tag_expression)


def mock_only(reason):
    """Mark a Given that can only be arranged on the mock: on the live API the scenario is skipped with `reason`."""
    def marked(func):
        func.mock_only = reason
        return func
    return marked


def mock_only_step(registry, scenario):
    """The first Given of a scenario (its Background's included) only the mock can arrange, and why: (step, reason),
    or None."""
    for step in scenario.all_steps:
        match = registry.find_match(step) if step.step_type == "given" else None
        reason = getattr(getattr(match, "func", None), "mock_only", None)
        if reason:
            return step, reason
    return None


def mock_only_given(registry, scenario):
    """Why a scenario cannot run on the live API, in one line, if a Given of it is mock-only; else None."""
    found = mock_only_step(registry, scenario)
    return f'mock-only: "Given {found[0].name}" (line {found[0].line}): {found[1]}' if found else None
