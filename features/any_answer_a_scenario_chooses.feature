@mock_only
Feature: Any answer a scenario chooses
  What will the app do if the API one day answers differently: a field it never sent, a status it
  never used, a header it never set? A scenario gives one address the answer it needs; every other
  address answers as before, and the answer lasts for that scenario only.

  # Mock-only, the whole feature: the live API's answers cannot be chosen by a scenario, so with
  # -D target=live these scenarios are skipped, saying so. The answer is for reads of that address
  # (looking it up, listing it, asking for its headers); the path matches as the API routes paths
  # (letters in any case, a trailing slash ignored) and the query must hold the same parameters.
  # The JSON is sent as the API sends JSON, with its headers and fingerprint.

  Scenario: a user the API has never had
    Given the users service answers "/users/3" with:
      """
      {"id": 3, "name": "Zoë Ärger", "username": "zoe", "email": "zoe@example.de"}
      """
    When I look up user 3
    Then I get the user "Zoë Ärger" with username "zoe"

  Scenario: every other address answers as before
    Given the users service answers "/users/3" with:
      """
      {"id": 3, "name": "Zoë Ärger", "username": "zoe", "email": "zoe@example.de"}
      """
    When I look up user 4
    Then I get the user "Patricia Lebsack" with username "Karianne"

  Scenario: a search answers what the scenario says, however the app spells the address
    Given the users service answers "/users?address.city=Köln" with:
      """
      [{"id": 1, "name": "Zoë Ärger", "username": "zoe", "email": "zoe@example.de", "address": {"city": "Köln"}}]
      """
    When I look for users whose city is "Köln"
    Then I get only "Zoë Ärger"

  Scenario: a status the app has no meaning for
    Given the users service answers "/users/3" with status 418:
      """
      {"error": "I'm a teapot"}
      """
    When I look up user 3
    Then I am told the API answered 418, a status the app does not expect

  Scenario: a maintenance break with the service's own words
    Given the users service answers "/users" with status 503:
      """
      {"error": "back at 14:00"}
      """
    When I list all users
    Then I am told the users service failed with a maintenance break

  Scenario: rate limiting with a pause of the scenario's choosing
    Given the users service answers "/users" with status 429:
      """
      {"error": "slow down"}
      """
    And the users service answers "/users" with the headers:
      | header      | value |
      | Retry-After | 30    |
    When I list all users
    Then I am told to try again in 30 seconds

  Scenario: headers alone change the API's own answer
    Given the users service answers "/users/1" with the headers:
      | header       | value                    |
      | Content-Type | text/html; charset=utf-8 |
    When I look up user 1
    Then I am told the answer was not JSON

  Scenario: the chosen answer carries its own fingerprint, and asking again with it gets "not modified"
    Given the users service answers "/users/3" with:
      """
      {"id": 3, "name": "Zoë Ärger", "username": "zoe", "email": "zoe@example.de"}
      """
    When I ask the API for "/users/3"
    And I ask again for "/users/3" with the fingerprint I was given
    Then I am told it has not changed
