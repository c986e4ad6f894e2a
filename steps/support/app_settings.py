"""The app's settings in a scenario's words: each one's name, the variable that sets it, and how its value reads."""

from dataclasses import dataclass

from .judging import Reading
from .parse_types import parse_duration


@dataclass(frozen=True)
class Setting:
    """One setting of the app: its attribute in services.Settings, its environment variable, how its value reads."""

    attribute: str
    variable: str
    unit: str  # "address", "seconds", "times" or "bytes"


SETTINGS = {
    "users service": Setting("base_url", "JSONPLACEHOLDER_URL", "address"),
    "time to connect": Setting("connect_timeout", "JSONPLACEHOLDER_CONNECT_TIMEOUT", "seconds"),
    "time to wait for an answer": Setting("read_timeout", "JSONPLACEHOLDER_READ_TIMEOUT", "seconds"),
    "time for a whole call": Setting("total_timeout", "JSONPLACEHOLDER_TOTAL_TIMEOUT", "seconds"),
    "retries of a read": Setting("retries", "JSONPLACEHOLDER_RETRIES", "times"),
    "first pause before asking again": Setting("retry_backoff", "JSONPLACEHOLDER_RETRY_BACKOFF", "seconds"),
    "longest pause before asking again": Setting("retry_max_wait", "JSONPLACEHOLDER_RETRY_MAX_WAIT", "seconds"),
    "largest answer": Setting("max_body_bytes", "JSONPLACEHOLDER_MAX_BODY_BYTES", "bytes"),
}
VARIABLES = {setting.variable: setting for setting in SETTINGS.values()}
SETTINGS_READ = Reading("the settings the app read", "'When the app reads its settings'",
                        lambda context, came: came.measured.settings)
REFUSAL = Reading("why the app refused its settings", "'When the app reads its settings'",
                  lambda context, came: came.measured.refused)


def setting_named(words):
    """The setting a scenario names, or a failure listing the ones it can name."""
    if words not in SETTINGS:
        raise AssertionError(f'"{words}" is not a setting of the app; its settings are: {", ".join(SETTINGS)}')
    return SETTINGS[words]


def variable_named(name):
    """The setting an environment variable sets, or a failure listing the variables the app reads."""
    if name not in VARIABLES:
        raise AssertionError(f"the app reads no variable {name}; it reads: {', '.join(VARIABLES)}")
    return VARIABLES[name]


def value_in_words(setting, text):
    """A setting's value as a scenario writes it ("3.05 s", "2", "16777216 bytes", an address), as the app holds it."""
    if setting.unit == "address":
        return text
    if setting.unit == "seconds":
        try:
            return parse_duration(text)
        except (AttributeError, KeyError):
            raise AssertionError(f'"{text}" is not a duration such as "0.5 s" or "10 ms"') from None
    number = text.removesuffix(" bytes").removesuffix(" byte") if setting.unit == "bytes" else text
    if not number.isdigit():
        raise AssertionError(f'"{text}" is not a whole number{" of bytes" if setting.unit == "bytes" else ""}')
    return int(number)
