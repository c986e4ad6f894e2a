"""The JavaScript runtime as Node 20 runs the live API: values, objects, JSON.parse, errors, HTTP messages, and
V8's regular expressions (regexp/)."""
