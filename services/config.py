"""Where the client's settings live: the one place the base URL and timeouts are read from."""

import os
from dataclasses import dataclass

DEFAULT_URL = "https://jsonplaceholder.typicode.com"


def _seconds(name, default):
    """A positive number of seconds from the environment, or a clear error naming the variable."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number of seconds, not {raw!r}") from None
    if value <= 0:
        raise ValueError(f"{name} must be more than 0 seconds, not {raw!r}")
    return value


@dataclass
class Settings:
    """The client's configuration; the behave hooks patch base_url to point it at the mock."""

    base_url: str = DEFAULT_URL
    connect_timeout: float = 3.05
    read_timeout: float = 10.0

    @classmethod
    def from_env(cls):
        """Settings from JSONPLACEHOLDER_URL, JSONPLACEHOLDER_CONNECT_TIMEOUT and JSONPLACEHOLDER_READ_TIMEOUT."""
        return cls(
            base_url=os.environ.get("JSONPLACEHOLDER_URL") or DEFAULT_URL,
            connect_timeout=_seconds("JSONPLACEHOLDER_CONNECT_TIMEOUT", cls.connect_timeout),
            read_timeout=_seconds("JSONPLACEHOLDER_READ_TIMEOUT", cls.read_timeout),
        )

    @property
    def timeout(self):
        """The (connect, read) pair every request carries."""
        return (self.connect_timeout, self.read_timeout)


settings = Settings.from_env()
