"""Which shelf a feature stands on, for the reports' order: what users do first, the API reference after.

The rule follows the layout, and the tags where a feature lives outside it: a feature is API reference when it
lives in a folder named `api_reference` (`features/api_reference/`) or carries the feature tag `@api_reference`; it
is about the mock as a tool when it lives in a folder named `the_mock` (`features/the_mock/`) or carries
`@robustness`; every other feature says what the API lets its users do. The Gherkin lint keeps folder and tags
agreeing (livedocs.gherkin_lint).
"""

from pathlib import PurePath

SHELVES = ("What the API lets you do", "API reference", "The mock as a tool")
REFERENCE_FOLDER, MOCK_FOLDER = "api_reference", "the_mock"


def shelf(feature):
    """The shelf's index in SHELVES for a behave feature (anything with filename and tags)."""
    tags = set(getattr(feature, "tags", ()) or ())
    folders = PurePath(str(getattr(feature, "filename", "") or "")).parts[:-1]
    if REFERENCE_FOLDER in folders or "api_reference" in tags:
        return 1
    if MOCK_FOLDER in folders or "robustness" in tags:
        return 2
    return 0


def in_reading_order(features):
    """The features ordered shelf by shelf; within a shelf, in the order given (the run's order)."""
    return [f for _, _, f in sorted((shelf(f), n, f) for n, f in enumerate(features))]
