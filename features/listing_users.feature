Feature: Listing users
  Anyone building on the API needs the whole user directory in one call:
  ten people, each with a complete record.

  Scenario: the directory holds ten users
    When I list all users
    Then I get 10 users

  Scenario: every user has a complete record
    When I list all users
    Then every user has a complete record

  Scenario: users come in order of their number
    When I list all users
    Then the users are numbered 1 to 10 in order

  Scenario: everyone in the directory can be phoned
    When I list all users
    Then every user has a phone number

  Scenario: some of the directory, checked without listing everyone
    When I list all users
    Then the users include:
      | name             | city          | company            |
      | Clementine Bauch | McKenziehaven | Romaguera-Jacobson |
      | Leanne Graham    | Gwenborough   | Romaguera-Crona    |

  Scenario: the directory by city, A to Z
    When I list the users sorted by city
    Then I get the users in this order:
      | name                     | city           |
      | Nicholas Runolfsdottir V | Aliyaview      |
      | Glenna Reichert          | Bartholomebury |
      | Leanne Graham            | Gwenborough    |
      | Kurtis Weissnat          | Howemouth      |
      | Clementina DuBuque       | Lebsackbury    |
      | Clementine Bauch         | McKenziehaven  |
      | Chelsey Dietrich         | Roscoeview     |
      | Mrs. Dennis Schulist     | South Christy  |
      | Patricia Lebsack         | South Elvis    |
      | Ervin Howell             | Wisokyburgh    |

  Scenario: the directory by company, Z to A
    When I list the users sorted by company, last first
    Then I get the users numbered 9, 3, 1, 4, 5, 7, 10, 2, 6 and 8
