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

  @mock_only
  # Worded by V8 in Node 20, the engine the mock reproduces; live words them as its own Node version does.
  Scenario Outline: a body that is not valid JSON is reported in JavaScript's own words
    When I create through "/users" the JSON:
      """
      <body>
      """
    Then the API fails, saying "SyntaxError: <message>"

    Examples: cut short or out of place
      | body                                | message                                                                     |
      | {                                   | Expected property name or '}' in JSON at position 1                         |
      | {"name": "Jane",}                   | Expected double-quoted property name in JSON at position 16                 |
      | {"name" "Jane"}                     | Expected ':' after property name in JSON at position 8                      |
      | [1 2]                               | Expected ',' or ']' after array element in JSON at position 3               |
      | {"name": "Jane" "age": 3}           | Expected ',' or '}' after property value in JSON at position 16             |
      | {} x                                | Unexpected non-whitespace character after JSON at position 3                |
      | {"name": "Jane", "age": }           | Unexpected token '}', ..."", "age": }" is not valid JSON                    |
      | [1, 2, 3, 4, 5, 6, 7, x, 8, 9, 10]  | Unexpected token 'x', ..." 5, 6, 7, x, 8, 9, 1"... is not valid JSON        |
      | [tru]                               | Unexpected token ']', "[tru]" is not valid JSON                             |

    Examples: numbers and strings
      | body                | message                                                    |
      | {"age": 01}         | Unexpected number in JSON at position 9                    |
      | {"a":1, "b" 2}      | Unexpected number in JSON at position 12                   |
      | [1.]                | Unterminated fractional number in JSON at position 3       |
      | [-]                 | No number after minus sign in JSON at position 2           |
      | [1e]                | Exponent part is missing a number in JSON at position 3    |
      | ["Jane              | Unterminated string in JSON at position 6                  |

    # body-parser 1.19 checks the first character itself and words it as JSON.parse words a stand-in, "#"
    Examples: not an object or a list at all
      | body   | message                                     |
      | nul    | Unexpected token 'n', "#" is not valid JSON |
      | "text" | Unexpected token '"', "#" is not valid JSON |
      | 42     | Unexpected token '4', "#" is not valid JSON |

  @mock_only
  # Worded by V8 in Node 20, the engine the mock reproduces; live words them as its own Node version does.
  Scenario: a body of nothing but line ends trips up the API's own check of the first character
    When I create through "/users" a JSON body of nothing but 2 line ends
    Then the API fails, saying "TypeError: Cannot read properties of null (reading '1')"

  @mock_only
  # Worded by V8 in Node 20, the engine the mock reproduces; live words them as its own Node version does.
  Scenario: a body sent in chunks is reported in the same words
    When I create through "/users" the JSON in chunks:
      """
      {"name": "Jane", "age": }
      """
    Then the API fails, saying "SyntaxError: Unexpected token '}', ..."", "age": }" is not valid JSON"

  @mock_only
  # On live, Cloudflare and Heroku answer this before the app does (BEHAVIOUR.md, differences 8).
  Scenario: a method HTTP knows but the API does not route finds nothing
    When I send a "QUERY" request to "/users"
    Then I am told there is no such thing

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
