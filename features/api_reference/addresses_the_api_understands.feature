@api_reference
Feature: Addresses the API understands
  Addresses are not case-sensitive, a trailing slash changes nothing, and escaped
  characters are read as what they stand for. Other spellings are not found.

  Scenario Outline: <address> is the same as <same as>
    When I ask the API for "<address>"
    Then I get the same answer as for "<same as>"

    Examples: letters in any case
      | address  | same as  |
      | /Users   | /users   |
      | /USERS/1 | /users/1 |

    Examples: a slash at the end, or twice
      | address   | same as  |
      | /users/   | /users   |
      | /users/1/ | /users/1 |
      | /users//1 | /users/1 |

    Examples: escaped characters read as what they stand for
      | address            | same as        |
      | /users/%31         | /users/1       |
      | /users/1/posts%20  | /users/1/posts |
      | /users/1/posts%2F1 | /posts/1       |

  Scenario: the home page is a web page
    When I ask the API for "/"
    Then I get a web page

  @mock_only
  Scenario: the home page is not to be reused without asking again
    # The mock's own page carries the app's headers; the live site's home page has caching headers of its own.
    When I ask the API for "/"
    Then the answer must not be reused without asking again

  @mock_only
  Scenario Outline: pages of the live site that are not the API's: <page>
    # json-server 0.16, which the mock follows, ships no index.html and no guide; the live site serves both itself.
    When I ask the API for "<page>"
    Then I am told there is no such thing

    Examples:
      | page        |
      | /index.html |
      | /guide/     |

  Scenario: the whole data set at once
    When I ask the API for "/db"
    Then I get the whole data set:
      | collection | count |
      | posts      | 100   |
      | comments   | 500   |
      | albums     | 100   |
      | photos     | 5000  |
      | users      | 10    |
      | todos      | 200   |
