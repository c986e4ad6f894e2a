Feature: Writes in detail
  The API fakes writes: it answers as if it had written, and keeps nothing. What
  exactly it answers depends on what was sent, down to the order of the fields.

  Scenario: a new user's id takes the place of the one sent
    When I create through "/users" the JSON:
      """
      {"id": 99, "name": "X"}
      """
    Then it is created as number 11, found at "/users/11"
    And the answer is exactly:
      """
      {"id": 11, "name": "X"}
      """

  Scenario: a list sent as a new user becomes numbered fields
    When I create through "/users" the JSON:
      """
      [1, 2]
      """
    Then the answer is exactly:
      """
      {"0": 1, "1": 2, "id": 11}
      """

  Scenario: a form's fields arrive as text
    When I create through "/users" the form "name=Jane&username=jdoe"
    Then it is created as number 11, found at "/users/11"
    And the answer is exactly:
      """
      {"name": "Jane", "username": "jdoe", "id": 11}
      """

  Scenario: a form field sent twice arrives as a list
    When I create through "/users" the form "name=Jane&tag=a&tag=b"
    Then the answer is exactly:
      """
      {"name": "Jane", "tag": ["a", "b"], "id": 11}
      """

  Scenario: plain text is not read
    When I create through "/users" the plain text "name=Jane"
    Then the answer is exactly:
      """
      {"id": 11}
      """

  Scenario: a JSON type with a stray semicolon is not read as JSON
    When I replace "/users/2" with this body, sent as "application/json;":
      """
      {"name": "Jane"}
      """
    Then the answer is exactly:
      """
      {"id": 2}
      """

  Scenario: a JSON body in a charset the API cannot decode is refused
    When I replace "/users/2" with this body, sent as "application/json; charset=utf-32":
      """
      {"name": "Jane"}
      """
    Then the API fails, saying "UnsupportedMediaTypeError: unsupported charset "UTF-32""

  Scenario: a form in any charset but UTF-8 is refused
    When I replace "/users/2" with this body, sent as "application/x-www-form-urlencoded; charset=latin1":
      """
      name=Jane
      """
    Then the API fails, saying "UnsupportedMediaTypeError: unsupported charset "LATIN1""

  Scenario Outline: a compressed body is read once inflated
    When I create through "/users" the JSON compressed with <compression>:
      """
      {"name": "Jane"}
      """
    Then it is created as number 11, found at "/users/11"
    And the answer is exactly:
      """
      {"name": "Jane", "id": 11}
      """

    Examples:
      | compression |
      | gzip        |
      | deflate     |

  Scenario: an empty content coding means no compression
    When I create through "/users" the JSON, labelled with an empty content coding:
      """
      {"name": "Jane"}
      """
    Then it is created as number 11, found at "/users/11"

  Scenario: an empty body said to be compressed is cut short
    When I create through "/users" an empty body said to be compressed with gzip
    Then the API fails, saying "Error: unexpected end of file"

  Scenario: an empty request still creates
    When I create through "/users" with an empty request
    Then it is created as number 11, found at "/users/11"
    And the answer is exactly:
      """
      {"id": 11}
      """

  Scenario: an empty JSON body still creates
    When I create through "/users" the JSON:
      """
      """
    Then it is created as number 11, found at "/users/11"

  Scenario: replacing keeps the address's id, in the place it was sent
    When I replace "/users/1" with the JSON:
      """
      {"id": 5, "name": "N"}
      """
    Then the answer is exactly:
      """
      {"id": 1, "name": "N"}
      """

  Scenario: replacing with nothing leaves only the id
    When I replace "/users/1" with an empty request
    Then the answer is exactly:
      """
      {"id": 1}
      """

  Scenario Outline: an update may even change the id it answers with
    When I update "/users/1" with the JSON:
      """
      {"id": <id>}
      """
    Then user 1's record comes back with id <id>

    Examples:
      | id   |
      | 5    |
      | null |

  Scenario: a client that can only POST can still update
    When I update "/users/1" through a POST that says it is a PATCH, with the JSON:
      """
      {"name": "Patched"}
      """
    Then I get the user "Patched" with username "Bret"

  Scenario: deleting anyone is accepted with an empty answer
    When I delete "/users/9999"
    Then the answer is exactly:
      """
      {}
      """
