"""Bytes on the wire, for the steps that bypass the app: a raw HTTP client and the malformed requests of the battery."""
