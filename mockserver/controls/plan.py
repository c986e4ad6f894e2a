"""What a scenario plans on the mock (faults, custom answers): a list that steps add to and request threads read."""

import threading


class Plan:
    """A thread-safe list of planned items; a request takes the first item whose `takes(...)` says it is for it.

    Items are planned between requests, so whether any is planned is read without the lock: a mock with nothing
    planned (the common case) answers without taking it.
    """

    def __init__(self):
        self._items = []
        self._lock = threading.Lock()

    @property
    def planned(self):
        """Whether anything is planned."""
        return bool(self._items)

    def items(self):
        """A copy of what is planned, in order."""
        with self._lock:
            return list(self._items)

    def clear(self):
        """Forget everything planned."""
        with self._lock:
            self._items.clear()

    def _plan(self, item):
        """Add an item after the others; returns it."""
        with self._lock:
            self._items.append(item)
        return item

    def _take(self, *request):
        """The first item that takes this request, its hit counted; None when no item does."""
        if not self._items:
            return None
        with self._lock:
            for item in self._items:
                if item.takes(*request):
                    item.hits += 1
                    return item
        return None
