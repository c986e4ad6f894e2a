@api_reference
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

  Scenario Outline: a JSON body in another Unicode encoding is read once decoded
    When I create through "/users" the JSON written in <encoding>:
      """
      {"name": "Zoë Ärger 😀"}
      """
    Then it is created as number 11, found at "/users/11"
    And the answer is exactly:
      """
      {"name": "Zoë Ärger 😀", "id": 11}
      """

    Examples:
      | encoding |
      | UTF-16LE |
      | UTF-16BE |
      | UTF-16   |
      | UTF-7    |

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

  Scenario Outline: a record created under <address> points back at its parent as <key>
    When I create through "<address>" the JSON:
      """
      {"title": "x"}
      """
    Then the answer is exactly:
      """
      {"title": "x", "<key>": "1", "id": <id>}
      """

    Examples:
      | address         | key      | id  |
      | /USERS/1/posts  | USERId   | 101 |
      | /people/1/posts | personId | 101 |
      | /status/1/todos | statusId | 201 |

  @mock_only
  Scenario Outline: a new record's address names the API as the client called it: <name>
    # The live edge routes by that name, so only the app itself can be called by another one.
    When I call the API <name> and create through "/users" with an empty request
    Then the new record is announced at "<address>"

    Examples:
      | name              | address                         |
      | "api.example.com" | http://api.example.com/users/11 |
      | by no name        | http:/users/11                  |

  Scenario: a POST that names several methods stands for the first
    When I send a POST to "/users" that says it is a "PATCH, PUT"
    Then I am told there is no such thing

  Scenario: a POST that names a method nobody knows stays a POST
    When I send a POST to "/users" that says it is a "FOO"
    Then it is created as number 11, found at "/users/11"

  Scenario: only a POST may stand for another method
    When I send a PUT to "/users/1" that says it is a "DELETE"
    Then the answer is exactly:
      """
      {"id": 1}
      """

  Scenario Outline: a POST that stands for OPTIONS is told what <address> allows
    When I send a POST to "<address>" that says it is a "OPTIONS"
    Then I am told the address allows "<methods>"

    Examples:
      | address        | methods                   |
      | /users         | GET,POST,HEAD             |
      | /users/1       | GET,PUT,PATCH,DELETE,HEAD |
      | /users/1/posts | GET,HEAD,POST             |

