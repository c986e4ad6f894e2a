@api_reference
Feature: What malformed requests get
  Clients make mistakes. The API answers each kind of mistake in its own way, and
  the mock answers the same: a broken body or address is an error on the server
  (500, with the error's name first), an oversized address is refused (431).

  Scenario: a body that is not valid JSON
    When I create through "/users" the JSON:
      """
      {"name": bad}
      """
    Then the API fails with a SyntaxError

  Scenario: a JSON body that is not an object or a list
    When I create through "/users" the JSON:
      """
      "str"
      """
    Then the API fails with a SyntaxError

  @mock_only
  # Not sent to the public API: 11 MB per drift check would abuse it; Heroku may also cut it short.
  Scenario: a JSON body over 10 MB
    When I create through "/users" a JSON document of 11 MB
    Then the API fails with a PayloadTooLargeError

  Scenario: an address with a broken escape
    When I ask the API for "/users/%FF"
    Then the API fails with a URIError

  Scenario: a search for a broken escape finds nothing
    When I ask the API for "/users?q=%FF"
    Then I get no users

  Scenario: a long address is fine
    When I ask the API for a users address with a query of 8000 characters
    Then I get 10 users

  @mock_only
  # On live, Cloudflare and Heroku answer this before the app does (docs/live-api.md, "What only the live edge adds").
  Scenario: an address over 16 KB is refused
    When I ask the API for a users address with a query of 20000 characters
    Then the request is refused as too large

  @mock_only
  # On live, Cloudflare and Heroku answer this before the app does (docs/live-api.md, "What only the live edge adds").
  Scenario: a method HTTP does not know is refused
    When I send a "FOO" request to "/users"
    Then the request is refused as malformed

  Scenario: replacing a user who does not exist
    When I replace "/users/11" with the JSON:
      """
      {"name": "New Name"}
      """
    Then the API fails with a TypeError
