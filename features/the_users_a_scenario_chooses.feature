@mock_only
Feature: The users a scenario chooses
  A product owner pins down what the app does with people the live API does not happen to know: names
  with accents, someone without a company, a city nobody lives in, twenty-five users to page through.
  The users are given in the scenario, for that scenario only, and everything the API does works over them.

  # Mock-only, the whole feature: the live API's users cannot be chosen by a scenario, so with
  # -D target=live these scenarios are skipped, saying so. A table's columns are the fields of a
  # profile page (city, company, zip code... as in "Then user 1's city is ..."); an empty cell means the
  # user has no such field; ids are 1, 2, 3... in the table's order unless an id column gives them.

  Scenario: people with accents in their names, found by their city
    Given the users service knows only these users:
      | name          | username | email               | city   | company         |
      | Zoë Ärger     | zoe      | zoe@example.de      | Köln   | Bäckerei Ärger  |
      | Ana Núñez     | ana      | ana@example.es      | León   | Núñez e Hijos   |
      | François Côté | fcote    | francois@example.fr | Québec |                 |
    When I look for users whose city is "Köln"
    Then I get only "Zoë Ärger"

  Scenario: a city nobody lives in finds nobody
    Given the users service knows only these users:
      | name          | username | email               | city   |
      | Zoë Ärger     | zoe      | zoe@example.de      | Köln   |
      | François Côté | fcote    | francois@example.fr | Québec |
    When I look for users whose city is "Gwenborough"
    Then I get no users

  Scenario: a user without a company has no company at all, and the fields come in the API's order
    Given the users service knows only these users:
      | name          | username | email               | city   | company         |
      | Zoë Ärger     | zoe      | zoe@example.de      | Köln   | Bäckerei Ärger  |
      | François Côté | fcote    | francois@example.fr | Québec |                 |
    When I ask the API for "/users/2"
    Then the answer is exactly:
      """
      {
        "id": 2,
        "name": "François Côté",
        "username": "fcote",
        "email": "francois@example.fr",
        "address": {
          "city": "Québec"
        }
      }
      """

  Scenario: ids come from an id column when there is one, in the table's order
    Given the users service knows only these users:
      | id | name      | username | email          |
      | 7  | Zoë Ärger | zoe      | zoe@example.de |
      | 3  | Ana Núñez | ana      | ana@example.es |
    When I list all users
    Then I get the users in this order:
      | id | name      |
      | 7  | Zoë Ärger |
      | 3  | Ana Núñez |

  Scenario: users known as well as the live ones are numbered on from 11
    Given the users service knows these users as well:
      | name      | username | email          | city | zip code |
      | Zoë Ärger | zoe      | zoe@example.de | Köln | 50667    |
    When I list all users
    Then I get the users numbered 1 to 11
    And Zoë Ärger's zip code is "50667"

  Scenario: a service that knows no users lists nobody
    Given the users service knows no users
    When I list all users
    Then I get no users

  Scenario: the first user of an empty directory is number 1
    Given the users service knows no users
    When I create a user named "Zoë Ärger" with username "zoe" and email "zoe@example.de"
    Then it is created as number 1, found at "/users/1"

  Scenario: twenty-five users are named predictably
    Given the users service knows 25 users
    When I look up user 25
    Then I get the user "User 25" with username "user25"
    And user 25's email is "user25@example.com"

  Scenario: twenty-five users, ten to a page
    Given the users service knows 25 users
    When I ask the API for "/users?_page=3"
    Then I get the users numbered 21 to 25
    And I am told there are 25 in all
    And I am given links to these pages:
      | link     | page |
      | first    | 1    |
      | previous | 2    |
      | last     | 3    |

  Scenario: a slice of the twenty-five
    Given the users service knows 25 users
    When I ask the API for "/users?_start=20&_end=22"
    Then I get the users numbered 21 and 22
    And I am told there are 25 in all

  Scenario: a word anywhere in the record, accents and all, in any case
    Given the users service knows only these users:
      | name          | username | email               | city   |
      | Zoë Ärger     | zoe      | zoe@example.de      | Köln   |
      | François Côté | fcote    | francois@example.fr | Québec |
    When I ask the API for "/users?q=QUÉBEC"
    Then I get only "François Côté"

  Scenario: names with an accent matching a pattern
    Given the users service knows only these users:
      | name          | username | email               |
      | Zoë Ärger     | zoe      | zoe@example.de      |
      | Ana Núñez     | ana      | ana@example.es      |
      | François Côté | fcote    | francois@example.fr |
    When I ask the API for "/users?name_like=ñ"
    Then I get only "Ana Núñez"

  Scenario: the chosen users sorted by name, last first
    Given the users service knows only these users:
      | name          | username | email               |
      | Ana Núñez     | ana      | ana@example.es      |
      | Zoë Ärger     | zoe      | zoe@example.de      |
      | François Côté | fcote    | francois@example.fr |
    When I ask the API for "/users?_sort=name&_order=desc"
    Then I get the users in this order:
      | name          |
      | Zoë Ärger     |
      | François Côté |
      | Ana Núñez     |

  Scenario: a user's posts are the posts that point at their number
    Given the users service knows only these users:
      | name      | username | email          |
      | Zoë Ärger | zoe      | zoe@example.de |
    When I ask for the posts of user 1
    Then I get 10 posts
    And every one of them belongs to user 1

  Scenario: a user added to the live ones has no posts yet
    Given the users service knows these users as well:
      | name      | username | email          |
      | Zoë Ärger | zoe      | zoe@example.de |
    When I ask for the posts of user 11
    Then I get none

  Scenario: a post comes with the author the scenario chose
    Given the users service knows only these users:
      | name      | username | email          |
      | Zoë Ärger | zoe      | zoe@example.de |
    When I ask the API for "/posts/1?_expand=user"
    Then the post comes with its author, "Zoë Ärger"

  Scenario: the fingerprint is the chosen user's own
    Given the users service knows only these users:
      | name      | username | email          |
      | Zoë Ärger | zoe      | zoe@example.de |
    When I ask the API for "/users/1"
    Then the answer carries the fingerprint W/"58-FYab0+lEtoyM5myFa4dHa8V41Us"

  Scenario: asking again with the fingerprint of the chosen user
    Given the users service knows only these users:
      | name      | username | email          |
      | Zoë Ärger | zoe      | zoe@example.de |
    When I ask the API for "/users/1"
    And I ask again for "/users/1" with the fingerprint I was given
    Then I am told it has not changed

  Scenario: the live user's fingerprint does not fit the chosen user
    Given the users service knows only these users:
      | name      | username | email          |
      | Zoë Ärger | zoe      | zoe@example.de |
    When I ask for "/users/1" with the fingerprint W/"1fd-+2Y3G3w049iSZtw5t1mzSnunngE"
    Then I get the full answer again

  @robustness
  Scenario: the most users a scenario may give are paged through at once
    Given the users service knows 10000 users
    When I ask the API for "/users?_page=1000"
    Then I get the users numbered 9991 to 10000
    And I am told there are 10000 in all
