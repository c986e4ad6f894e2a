"""Caches bounded by bytes, least recently used out first, so a mock that runs for days stays flat in memory."""

import collections
import threading


class ByteLRU:
    """A thread-safe map whose entries are charged a size in bytes; past max_bytes the least recently used go.

    An entry charged more than max_item bytes is not kept at all (computing it again is the price of a
    rare, huge answer), so a single entry can never push out everything else.
    """

    def __init__(self, max_bytes, max_item=None):
        self.max_bytes = max_bytes
        self.max_item = max_bytes // 8 if max_item is None else max_item
        self.bytes = 0  # the sizes charged for what is kept now
        self._items = collections.OrderedDict()  # key -> (value, size); the least recently used first
        self._lock = threading.Lock()

    def get(self, key):
        """The value kept for key (now the most recently used), or None."""
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[0]

    def put(self, key, value, size):
        """Keep value under key, charged size bytes, dropping the least recently used to stay in bounds."""
        if size > self.max_item:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            self._items[key] = (value, size)
            self.bytes += size
            while self.bytes > self.max_bytes:
                _, (_, dropped) = self._items.popitem(last=False)
                self.bytes -= dropped

    def clear(self):
        """Forget everything."""
        with self._lock:
            self._items.clear()
            self.bytes = 0

    def __len__(self):
        return len(self._items)
