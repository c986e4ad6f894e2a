@api_reference
Feature: The other resources
  Users own posts, albums and todos; posts have comments and albums have photos.
  Every resource answers like users do: lists, one by id, filters, nested lists.

  Scenario Outline: every <kind> at once
    When I ask the API for "/<kind>"
    Then I get <count> <kind>

    Examples:
      | kind     | count |
      | posts    | 100   |
      | comments | 500   |
      | albums   | 100   |
      | photos   | 5000  |
      | todos    | 200   |

  Scenario Outline: the <kind> of <owner> 1, through its address
    When I ask the API for "<address>"
    Then I get <count> <kind>
    And every one of them belongs to <owner> 1

    Examples:
      | owner | kind     | count | address           |
      | post  | comments | 5     | /posts/1/comments |
      | album | photos   | 50    | /albums/1/photos  |

  Scenario: the todos that are done
    When I ask the API for "/todos?completed=true"
    Then I get 90 todos

  Scenario Outline: a new <kind> gets the next number
    When I create through "/<kind>" the JSON:
      """
      {"title": "t"}
      """
    Then it is created as number <number>, found at "/<kind>/<number>"

    Examples:
      | kind  | number |
      | posts | 101    |
      | todos | 201    |

  Scenario: a photo number past the last one
    When I ask the API for "/photos/5555"
    Then I am told there is no such thing
