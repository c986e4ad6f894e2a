"""Mutation testing of the app's client: python3 -m mutation (see docs/mutation-testing.md)."""
