"""The service failures the features name, and the status each stands for (a {failure:Failure} field)."""

from behave import register_type

# The one place where a failure named in the features becomes a status.
FAILURES = {"an internal error": 500, "a bad gateway": 502, "a maintenance break": 503}


def parse_failure(text):
    """An internal error (500), a bad gateway (502) or a maintenance break (503)."""
    return FAILURES[text]


parse_failure.pattern = "|".join(FAILURES)
register_type(Failure=parse_failure)
