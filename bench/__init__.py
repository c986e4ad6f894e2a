"""The benchmark (python -m bench) and the parallel runner (python -m bench.parallel), kept out of the suite."""

import statistics


def median(values):
    """The median of a non-empty list of numbers."""
    return statistics.median(values)
