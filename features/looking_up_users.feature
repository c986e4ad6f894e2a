Feature: Looking up a user
  A profile page shows one person, found by their number.

  Scenario Outline: each of the ten users can be looked up by number
    When I look up user <number>
    Then I get the user "<name>" with username "<username>"

    Examples:
      | number | name                     | username         |
      | 1      | Leanne Graham            | Bret             |
      | 2      | Ervin Howell             | Antonette        |
      | 3      | Clementine Bauch         | Samantha         |
      | 4      | Patricia Lebsack         | Karianne         |
      | 5      | Chelsey Dietrich         | Kamren           |
      | 6      | Mrs. Dennis Schulist     | Leopoldo_Corkery |
      | 7      | Kurtis Weissnat          | Elwyn.Skiles     |
      | 8      | Nicholas Runolfsdottir V | Maxime_Nienow    |
      | 9      | Glenna Reichert          | Delphine         |
      | 10     | Clementina DuBuque       | Moriah.Stanton   |

  Scenario: a user's contact details come with the record
    When I look up user 1
    Then user 1's email is "Sincere@april.biz"

  Scenario: a profile page shows where someone lives and works
    When I look up user 1
    Then user 1's city is "Gwenborough"
    And Bret's company is "Romaguera-Crona"
    And Leanne Graham's phone number is "1-770-736-8031 x56442"
