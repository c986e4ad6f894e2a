"""A faithful stand-in for the JSONPlaceholder API: its data, its routing, its quirks, on loopback."""

from .server import MockServer, seed_data

__all__ = ["MockServer", "seed_data"]
