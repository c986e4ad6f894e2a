Feature: What belongs to a user
  A user's page lists what they wrote and own: posts, todos and albums.

  Scenario Outline: a user's <content>
    When I ask for the <content> of user 1
    Then I get <count> <content>
    And every one of them belongs to user 1

    Examples:
      | content | count |
      | posts   | 10    |
      | todos   | 20    |
      | albums  | 10    |

  Scenario: the last user's posts are theirs too
    When I ask for the posts of user 10
    Then every one of them belongs to user 10

  Scenario Outline: a user who does not exist owns nothing, and that is not an error
    When I ask for the <content> of user 99
    Then I get none

    Examples:
      | content |
      | posts   |
      | albums  |
