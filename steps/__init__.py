"""The step definitions behave loads (one module per domain concept); support/ holds what they share."""
