"""Steps about how the app is configured: its built-in settings and the environment variables that change them."""

import requests
from behave import given, then, when
from hamcrest import assert_that
from steps.support.app_settings import (REFUSAL, SETTINGS, SETTINGS_READ, VARIABLES, setting_named, value_in_words,
                                        variable_named)
from steps.support.judging import judges
from steps.support.matching.matchers import equals
from steps.support.outcome import Measured, Via, attempt, record
from steps.support.tables import rows_of, takes

import services

from steps.support import parse_types  # noqa: F401  (registers the {seconds:Duration} field)


def _environment(context):
    """The environment the scenario gives the app (starts empty: none of the app's variables set)."""
    if not hasattr(context, "app_environment"):
        context.app_environment = {}
    return context.app_environment


@given("the environment sets none of the app's settings")
def environment_sets_nothing(context):
    """None of the JSONPLACEHOLDER_* variables is set: the app starts with its built-in settings."""
    _environment(context).clear()


@given('the environment sets every one of the app\'s settings to ""')
def environment_sets_all_empty(context):
    """Every JSONPLACEHOLDER_* variable is set, to the empty text."""
    _environment(context).update(dict.fromkeys(VARIABLES, ""))


@given('the environment sets {variable} to "{text}"')
def environment_sets(context, variable, text):
    """One JSONPLACEHOLDER_* variable is set to that text (the others are not set)."""
    variable_named(variable)
    _environment(context)[variable] = text


@when("the app reads its settings")
def app_reads_settings(context):
    """The app's settings are read from the scenario's environment (services.Settings.from_env), or refused."""
    try:
        settings = services.Settings.from_env(environ=dict(_environment(context)))
    except ValueError as refused:
        record(context, via=Via.APP_SETTINGS, measured=Measured(refused=str(refused), said=f"was refused: {refused}"))
    else:
        record(context, via=Via.APP_SETTINGS, measured=Measured(settings=settings, said="read its settings"))


@when("an app with settings of its own, waiting at most {seconds:Duration} for an answer, looks up user {user_id:d}")
def own_app_looks_up_user(context, seconds, user_id):
    """A client made with its own settings (the service's address, that read timeout) looks up the user, then closes."""
    own = services.Settings(base_url=services.settings.base_url, read_timeout=seconds)
    session = requests.Session()
    session.hooks = services.default_client().session.hooks  # what comes back is recorded as for the app's calls
    client = services.UsersClient(settings=own, session=session)
    try:
        attempt(context, client.get_user, user_id)
    finally:
        client.close()


@then("the app's settings are")
@then("the app's settings are:")
@takes("table", "setting", "value")
@judges(SETTINGS_READ)
def settings_are(context):
    """Each setting named in the table has that value (a duration, a number, an address)."""
    settings = SETTINGS_READ(context)
    for row in rows_of(context, "setting", "value"):
        setting = setting_named(row["setting"])
        expected = value_in_words(setting, row["value"])
        assert_that(getattr(settings, setting.attribute), equals(expected),
                    f"the value the app read for its {row['setting']}")


@then("the app's settings are the ones it starts with")
@judges(SETTINGS_READ)
def settings_are_built_in(context):
    """Every setting has its built-in value (services.Settings as it comes), as if no variable were set."""
    settings, built_in = SETTINGS_READ(context), services.Settings()
    for words, setting in SETTINGS.items():
        assert_that(getattr(settings, setting.attribute), equals(getattr(built_in, setting.attribute)),
                    f"the value the app read for its {words}")


@then("the app's {words} is {value}")
@judges(SETTINGS_READ)
def setting_is(context, words, value):
    """One setting has that value (a duration, a number, an address)."""
    setting = setting_named(words)
    expected = value_in_words(setting, value)
    assert_that(getattr(SETTINGS_READ(context), setting.attribute), equals(expected),
                f"the value the app read for its {words}")


@then("the app refuses {variable}: it must be {rule}")
@judges(REFUSAL)
def refuses_variable(context, variable, rule):
    """The settings were refused with a message naming the variable, the rule and the text the scenario set."""
    variable_named(variable)
    text = _environment(context).get(variable)
    if text is None:
        raise AssertionError(f"the scenario did not set {variable}: say 'Given the environment sets {variable} to ...'")
    expected = f"{variable} must be {rule}, not {text!r}"
    assert_that(REFUSAL(context), equals(expected), "why the app refused its settings")
