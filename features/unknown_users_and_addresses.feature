Feature: Asking for what does not exist
  Clients must cope with users and addresses that do not exist. The API answers
  "not found" with an empty object for all of them, and for requests it does not route.

  Scenario Outline: a user number outside 1 to 10
    When I look up user <number>
    Then I am told user <number> does not exist

    Examples:
      | number |
      | 0      |
      | 11     |

  Scenario Outline: an id that is not a plain number
    When I look up user "<id>"
    Then I am told user "<id>" does not exist

    Examples:
      | id  |
      | abc |
      | 01  |
      | 1.0 |

  Scenario Outline: an address the API does not have
    When I ask the API for "<address>"
    Then I am told there is no such thing

    Examples:
      | address     |
      | /unknown    |
      | /user       |
      | /users/1/foo |

  Scenario Outline: a request the users endpoint does not route
    When I try to <request>
    Then I am told there is no such thing

    Examples:
      | request                      |
      | delete every user at once    |
      | replace every user at once   |
      | change every user at once    |
      | create a user inside user 1  |
      | trace the users collection   |
