"""Hamcrest matchers for the requests the mock's journal holds."""

from hamcrest.core.base_matcher import BaseMatcher
from ..user_fields import field_words, value_at


class JsonRequest(BaseMatcher):
    """Matches a journal entry whose body was declared and written as a JSON object with the given fields (paths)."""

    def __init__(self, expected):
        self.expected = expected

    def _problems(self, entry):
        if "json" not in entry.headers.get("content-type", ""):
            return [f"its Content-Type was {entry.headers.get('content-type')!r}"]
        if not isinstance(entry.json, dict):
            return [f"its body was {entry.body[:80]!r}, not a JSON object"]
        return [f"{field_words(k)} was {value_at(entry.json, k)!r}, not {v!r}"
                for k, v in self.expected.items() if value_at(entry.json, k) != v]

    def _matches(self, item):
        return not self._problems(item)

    def describe_to(self, description):
        description.append_text("a JSON object with " + ", ".join(f"{field_words(k)} {v!r}"
                                                                  for k, v in self.expected.items()))

    def describe_mismatch(self, item, mismatch_description):
        mismatch_description.append_text(f"{item.method} {item.path}: " + "; ".join(self._problems(item)))


def a_json_request(expected):
    """A matcher for a journal entry that sent these fields ({path: value}) as JSON."""
    return JsonRequest(expected)
