"""Living documentation: the HTML report's HTTP exchanges, the step dictionary, the Gherkin lint."""
