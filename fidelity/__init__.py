"""The mock against the live API's own engine: the same raw requests to both, every answer compared."""
