@mock_only
Feature: What the app sent
  To trust the app, check what it asked the users service for, not only what it
  showed: the mock keeps a journal of every request it received.

  Scenario: looking up a user asks for that user once
    When I look up user 3
    Then the app asked for user 3 exactly once
    And no write reached the API

  Scenario: a new user is sent as JSON
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then the new user's name and email were sent as JSON
    And the app sent the new user exactly once

  Scenario: a new user from a table is sent as JSON
    When I create a user with:
      | field    | value    |
      | name     | Jane Doe |
      | username | jdoe     |
    Then the new user's name and username were sent as JSON
