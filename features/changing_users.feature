Feature: Creating, replacing, changing and deleting users
  The API accepts every write and answers as if it were done, but keeps nothing:
  the ten users are the same for everyone, always.

  Scenario: a new user gets the next number
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then the new user gets id 11
    And the API echoes back the name "Jane Doe" and username "jdoe"

  Scenario: a new user is not kept
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then user 11 still does not exist
    And there are still 10 users

  Scenario: a new user's own id is overruled
    When I create a user with:
      | field    | value    |
      | id       | 99       |
      | name     | Jane Doe |
    Then the new user gets id 11

  Scenario: replacing a user keeps only what was sent, and the number
    When I replace user 1 with a user named "New Name" and username "nn"
    Then the answer holds only id, name and username
    And user 1 is still "Leanne Graham"

  Scenario: replacing a user who does not exist fails on the server
    When I replace user 11 with a user named "New Name" and username "nn"
    Then I am told the API failed

  Scenario: changing a name keeps the rest of the record
    When I change the name of user 1 to "Patched"
    Then the rest of user 1's record is unchanged
    And user 1 is still "Leanne Graham"

  Scenario: changing a user who does not exist echoes only the change
    When I change the name of user 11 to "Patched"
    Then the answer holds only name

  Scenario: deleting a user is accepted but nothing is deleted
    When I delete user 1
    Then the deletion is accepted with an empty answer
    And user 1 is still "Leanne Graham"

  Scenario: deleting a user who does not exist is accepted too
    When I delete user 11
    Then the deletion is accepted with an empty answer
