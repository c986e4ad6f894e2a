@real
Feature: Facts of the live API that the mock relies on
  These scenarios talk to the live API (behave.ini's live_url, or -D live_url=...).
  The mock is only worth as much as these facts: CI runs them against the mock
  with -D target=mock to prove the mock honours every one.

  Scenario: ten users with complete records
    When I list all users
    Then I get 10 users
    And every user has a complete record

  Scenario: user 1 is Leanne Graham
    When I look up user 1
    Then I get the user "Leanne Graham" with username "Bret"

  Scenario: an unknown user is not found
    When I look up user 11
    Then I am told user 11 does not exist

  Scenario: a created user gets id 11 and is not kept
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then the new user gets id 11
    And user 11 still does not exist

  Scenario: a user's posts all belong to that user
    When I ask for the posts of user 1
    Then every one of them belongs to user 1
