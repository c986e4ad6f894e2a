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
# Each shelf's features in the order a reader meets them (docs/layout.md lists them so; the README's map follows
# it): what someone does first, trouble after, the data a scenario chooses last. A feature not listed comes after
# the listed ones of its shelf, by file name.
READING_ORDER = (
    ("listing_users", "looking_up_users", "finding_users", "changing_users", "user_content",
     "unknown_users_and_addresses", "when_the_api_misbehaves", "recovering_from_trouble", "what_the_app_sent",
     "the_users_a_scenario_chooses", "any_answer_a_scenario_chooses"),
    ("paging_through_users", "searching_and_sorting_users", "users_with_their_posts", "other_resources",
     "addresses_the_api_understands", "caching_and_cors_for_browsers", "writes_in_detail",
     "what_malformed_requests_get"),
    ("the_mock_stands_up_to_bad_clients", "the_mock_is_safe_by_default", "search_patterns_cannot_freeze_the_mock",
     "the_client_stands_up_to_a_hostile_server", "starting_and_stopping_the_mock", "read_only_mock",
     "live_api_facts"),
)


def shelf(feature):
    """The shelf's index in SHELVES for a behave feature (anything with filename and tags)."""
    tags = set(getattr(feature, "tags", ()) or ())
    folders = PurePath(str(getattr(feature, "filename", "") or "")).parts[:-1]
    if REFERENCE_FOLDER in folders or "api_reference" in tags:
        return 1
    if MOCK_FOLDER in folders or "robustness" in tags:
        return 2
    return 0


def reading_key(feature):
    """Where a feature comes when read: its shelf, then its place in READING_ORDER, then its file name."""
    index = shelf(feature)
    filename = str(getattr(feature, "filename", "") or "")
    order = READING_ORDER[index]
    stem = PurePath(filename).stem
    return index, order.index(stem) if stem in order else len(order), filename


def in_reading_order(features):
    """The features ordered shelf by shelf, each shelf in READING_ORDER."""
    return sorted(features, key=reading_key)
