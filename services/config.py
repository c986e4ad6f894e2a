"""Where the client's settings live: the one place the base URL and timeouts are read from."""

import math
import os
from dataclasses import dataclass

DEFAULT_URL = "https://jsonplaceholder.typicode.com"


def _seconds(environ, name, default, *, zero_ok=False):
    """A positive (or, with zero_ok, non-negative) number of seconds from the environment, or a clear error."""
    raw = environ.get(name)
    if not raw:  # unset or empty: the built-in default
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number of seconds, not {raw!r}") from None
    at_least = value >= 0 if zero_ok else value > 0
    if not (math.isfinite(value) and at_least):
        least = "0 seconds or more" if zero_ok else "more than 0 seconds"
        raise ValueError(f"{name} must be a finite number, {least}, not {raw!r}")
    return value


def _count(environ, name, default, *, least):
    """A whole number from `least` up from the environment, or a clear error naming the variable."""
    raw = environ.get(name)
    if not raw:  # unset or empty: the built-in default
        return default
    if not (raw.strip().isascii() and raw.strip().isdigit()) or int(raw) < least:
        raise ValueError(f"{name} must be a whole number from {least} up, not {raw!r}")
    return int(raw)


@dataclass
class Settings:
    """The client's configuration; the behave hooks patch base_url to point it at the mock."""

    base_url: str = DEFAULT_URL
    connect_timeout: float = 3.05
    read_timeout: float = 10.0
    # -- resilience (services/resilience.py) --
    total_timeout: float = 30.0  # the most one call may take, retries and body included
    retries: int = 2  # how many times a read is asked again after 429 or 503 (writes: never)
    retry_backoff: float = 0.5  # the first pause before asking again; doubled for each further retry
    retry_max_wait: float = 5.0  # the longest pause; a Retry-After asking for more means give up at once
    max_body_bytes: int = 16 * 1024 * 1024  # the most of a body (unpacked) the client reads: 12 times /db, the largest

    @classmethod
    def from_env(cls, environ=None):
        """Settings from JSONPLACEHOLDER_URL, _CONNECT_TIMEOUT, _READ_TIMEOUT, _TOTAL_TIMEOUT, _RETRIES, _RETRY_*,
        _MAX_BODY_BYTES in environ (the process's environment unless given)."""
        environ = os.environ if environ is None else environ
        return cls(
            base_url=environ.get("JSONPLACEHOLDER_URL") or DEFAULT_URL,
            connect_timeout=_seconds(environ, "JSONPLACEHOLDER_CONNECT_TIMEOUT", cls.connect_timeout),
            read_timeout=_seconds(environ, "JSONPLACEHOLDER_READ_TIMEOUT", cls.read_timeout),
            total_timeout=_seconds(environ, "JSONPLACEHOLDER_TOTAL_TIMEOUT", cls.total_timeout),
            retries=_count(environ, "JSONPLACEHOLDER_RETRIES", cls.retries, least=0),
            retry_backoff=_seconds(environ, "JSONPLACEHOLDER_RETRY_BACKOFF", cls.retry_backoff, zero_ok=True),
            retry_max_wait=_seconds(environ, "JSONPLACEHOLDER_RETRY_MAX_WAIT", cls.retry_max_wait, zero_ok=True),
            max_body_bytes=_count(environ, "JSONPLACEHOLDER_MAX_BODY_BYTES", cls.max_body_bytes, least=1),
        )


settings = Settings.from_env()
