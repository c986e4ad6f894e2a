"""What the step modules share: the outcome every When leaves, the readings and matchers the Thens judge
with, tables, typed fields, a raw HTTP client."""
