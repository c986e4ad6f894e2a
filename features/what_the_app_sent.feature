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

  Scenario: a cookie an answer sets is never sent back
    The app's client keeps no cookies between calls, as Node's http and fetch keep none: what one answer
    sets never reaches a later call, a later scenario or another server.
    Given the users service answers "/users/1" with the headers:
      | header     | value                  |
      | Set-Cookie | session=abc123; Path=/ |
    When I look up user 1
    And I list all users
    Then the app never sent a cookie
