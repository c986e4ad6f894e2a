Feature: Finding users by their details
  A search box finds people by any field of their record. Values must match exactly
  (case included); asking about a field users do not have filters nothing.

  Scenario: by username
    When I look for users whose username is "Bret"
    Then I get only "Leanne Graham"

  Scenario: the match is case-sensitive
    When I look for users whose username is "bret"
    Then I get no users

  Scenario: by email address
    When I look for users whose email is "Rey.Padberg@karina.biz"
    Then I get only "Clementina DuBuque"

  Scenario: by a detail inside the address
    When I look for users whose address.city is "Gwenborough"
    Then I get only "Leanne Graham"

  Scenario: either of two values
    When I look for users whose username is "Bret" or "Antonette"
    Then I get these users:
      | name          |
      | Leanne Graham |
      | Ervin Howell  |

  Scenario: the people of two cities, with where they work
    When I look for users whose city is "Gwenborough" or "Wisokyburgh"
    Then I get these users:
      | name          | city        | company         |
      | Leanne Graham | Gwenborough | Romaguera-Crona |
      | Ervin Howell  | Wisokyburgh | Deckow-Crist    |

  Scenario: by the company someone works for
    When I look for users whose company.name is "Romaguera-Crona"
    Then I get only "Leanne Graham"

  Scenario: numbers are matched as text
    When I look for users whose id is "3"
    Then I get only "Clementine Bauch"

  Scenario: nobody matches
    When I look for users whose username is "nobody"
    Then I get no users
