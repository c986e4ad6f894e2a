"""The living-docs HTML report: behave-html-pretty-formatter's page opening on an overview, a red run a product
owner can read, the API coverage and the step dictionary in it, and the checks that look at it as a reader does."""
