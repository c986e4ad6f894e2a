@api_reference
Feature: A user with their posts, todos and albums
  A profile page needs a user and what they own in one request: _embed brings the
  records that point at a user, _expand brings the user a record points at, and
  /users/1/posts is the same list as /posts?userId=1.

  Scenario: every user with their posts
    When I ask the API for "/users?_embed=posts"
    Then every one of the users comes with 10 posts of their own

  Scenario: one user with their todos
    When I ask the API for "/users/1?_embed=todos"
    Then user 1 comes with 20 todos of their own

  Scenario: one user with two kinds of records
    When I ask the API for "/users/1?_embed=posts&_embed=albums"
    Then user 1 comes with 10 posts of their own
    And user 1 comes with 10 albums of their own

  Scenario: a post with its author
    When I ask the API for "/posts/1?_expand=user"
    Then the post comes with its author, "Leanne Graham"

  Scenario Outline: a user's <content> through their address
    When I ask the API for "/users/1/<content>"
    Then I get the same answer as for "/<content>?userId=1"

    Examples:
      | content |
      | posts   |
      | todos   |
      | albums  |

  Scenario: a user's comments are every comment (comments do not point at users)
    When I ask the API for "/users/1/comments"
    Then I get 500 comments

  Scenario: the posts of a user id that is not a number are none
    When I ask the API for "/users/abc/posts"
    Then I get none

  Scenario Outline: deeper or unknown addresses under a user
    When I ask the API for "<address>"
    Then I am told there is no such thing

    Examples:
      | address          |
      | /users/1/foo     |
      | /users/1/posts/1 |

  Scenario: a post created under a user belongs to them (with the user id as text)
    The answer's exact JSON is the point here: the user id is taken from the address, so it comes as the
    text "1", not the number 1, and it comes after the fields sent and before the new post's id.

    When I create through "/users/1/posts" the JSON:
      """
      {"title": "t", "body": "b"}
      """
    Then it is created as number 101, found at "/users/1/posts/101"
    And the answer is exactly:
      """
      {"title": "t", "body": "b", "userId": "1", "id": 101}
      """

  Scenario: a name given in brackets to embed is read as an object, which names no collection
    When I ask the API for "/users/1?_embed[a]=posts"
    Then user 1 comes with an empty list under "[object Object]"

  Scenario: a name every object inherits embeds nothing
    When I ask the API for "/users/1?_embed=__proto__"
    Then user 1 comes with no more than their own fields

  Scenario: a name given in brackets to expand fails
    When I ask the API for "/posts/1?_expand[a]=user"
    Then the API fails with a TypeError

