@api_reference @mock_only
Feature: What the app is told for each status
  Whoever uses the app is told what went wrong in its own words: a user that does not exist, a
  service that fails on its side, or a status the app has no meaning for. The edges between them
  are fixed here, as the live API cannot be made to answer these statuses: the mock only.

  Scenario Outline: a status the app has no meaning for, on a read
    Given the users service answers "/users/3" with status <status>:
      """
      {"error": "no"}
      """
    When I look up user 3
    Then I am told the API answered <status>, a status the app does not expect

    Examples:
      | status |
      | 400    |
      | 403    |
      | 406    |
      | 499    |

  Scenario: a list that is not found is no missing user
    Given the users service answers "/users" with status 404:
      """
      {}
      """
    When I list all users
    Then I am told the API answered 404, a status the app does not expect

  Scenario: the first status of a failure on the service's side
    Given the users service answers "/users/3" with status 500:
      """
      {"error": "oops"}
      """
    When I look up user 3
    Then I am told the users service failed with an internal error
