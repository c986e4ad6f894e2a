@mock_only
Feature: Every Then and its negative twin
  .ci/checks/writing/negative_twins.py runs this: each @right scenario must pass; each @wrong one must fail at its
  last step, its one Then, with an AssertionError in a sentence holding the words of its "Fails saying" line.
  Every Then step definition needs at least one of each: fed a wrong answer, or after a When of the wrong
  kind, a Then that passes anyway would let a broken API through.

  # -- the users that came back (steps/user_lookup.py, steps/user_profiles.py) --------------------------------

  @right
  Scenario: every user listed, complete and numbered
    When I list all users
    Then every user has a complete record
    And every user has a phone number
    And every user has an email address
    And every user has an id
    And the users are numbered 1 to 10 in order
    And Leanne Graham's city is "Gwenborough"
    And user 3's city is "McKenziehaven"

  @wrong
  Scenario: a complete record, of a user without a phone
    Fails saying: phone is missing
    Given the users service knows only these users:
      | name     | username | email         | city   |
      | Ann Lee  | ann      | ann@x.example | Bremen |
    When I list all users
    Then every user has a complete record

  @wrong
  Scenario: a complete record, of a user whose phone and company are empty
    Fails saying: user 1: phone is ''; company is {}
    Given the users service answers "/users" with:
      """
      [{"id": 1, "name": "Ann Lee", "username": "ann", "email": "a@x.example", "phone": "", "website": "x.example",
        "address": {"street": "s", "suite": "s", "city": "c", "zipcode": "z", "geo": {}},
        "company": {}}]
      """
    When I list all users
    Then every user has a complete record

  @wrong
  Scenario: a complete record, of a user whose address lacks a city
    Fails saying: address.city is missing
    Given the users service answers "/users" with:
      """
      [{"id": 1, "name": "Ann Lee", "username": "ann", "email": "a@x.example", "phone": "1", "website": "x.example",
        "address": {"street": "s", "suite": "s", "zipcode": "z", "geo": {}},
        "company": {"name": "c", "catchPhrase": "c", "bs": "b"}}]
      """
    When I list all users
    Then every user has a complete record

  @wrong
  Scenario: a complete record, when the id is text
    Fails saying: id is '1'
    Given the users service answers "/users" with:
      """
      [{"id": "1", "name": "Ann Lee", "username": "ann", "email": "a@x.example", "phone": "1", "website": "x.example",
        "address": {"street": "s", "suite": "s", "city": "c", "zipcode": "z", "geo": {}},
        "company": {"name": "c", "catchPhrase": "c", "bs": "b"}}]
      """
    When I list all users
    Then every user has a complete record

  @wrong
  Scenario: a complete record, when no user came back
    Fails saying: no users came back
    Given the users service knows no users
    When I list all users
    Then every user has a complete record

  @wrong
  Scenario: a complete record, after posts came back
    Fails saying: checks the users that came back
    When I ask for the posts of user 1
    Then every user has a complete record

  @wrong
  Scenario: a phone number, of a user without one
    Fails saying: its phone is (missing)
    Given the users service knows only these users:
      | name     | username | email         |
      | Ann Lee  | ann      | ann@x.example |
    When I list all users
    Then every user has a phone number

  @wrong
  Scenario: a phone number, when it is empty
    Fails saying: user 1: its phone is ''
    Given the users service answers "/users" with:
      """
      [{"id": 1, "name": "Ann Lee", "phone": ""}]
      """
    When I list all users
    Then every user has a phone number

  @wrong
  Scenario: a phone number, when no user came back
    Fails saying: no users came back
    Given the users service knows no users
    When I list all users
    Then every user has a phone number

  @wrong
  Scenario: numbered in order, when they come in another order
    Fails saying: was [10, 9, 8
    When I ask the API for "/users?_sort=id&_order=desc"
    Then the users are numbered 1 to 10 in order

  @wrong
  Scenario: user 5's city, when only user 3 came back
    Fails saying: user 5 is not among the users that came back: the users that came back were Clementine Bauch
    When I look up user 3
    Then user 5's city is "McKenziehaven"

  @wrong
  Scenario: a user's city, when it is another
    Fails saying: user 3's city should be 'Gwenborough'; it was 'McKenziehaven'
    When I look up user 3
    Then user 3's city is "Gwenborough"

  @wrong
  Scenario: a user's field, named by a name that two users have
    Fails saying: 2 users that came back are named "Ann Lee"
    Given the users service knows only these users:
      | name    | username |
      | Ann Lee | ann      |
      | Ann Lee | lee      |
    When I list all users
    Then Ann Lee's username is "ann"

  @wrong
  Scenario: a user's field, named by a username nobody has
    Fails saying: a user named "Nobody" (username or name) is not among the users that came back
    When I look up user 3
    Then Nobody's city is "McKenziehaven"

  @right
  Scenario: no users, and these users in this order
    Given the users service knows only these users:
      | name    | city   |
      | Ann Lee | Bremen |
      | Bo Chan | Lyon   |
    When I list all users
    Then I get these users:
      | id | name    | city   |
      | 1  | Ann Lee | Bremen |
      | 2  | Bo Chan | Lyon   |
    And Bo Chan's city is "Lyon"

  @right
  Scenario: no users at all
    Given the users service knows no users
    When I list all users
    Then I get no users

  @wrong
  Scenario: no users, when one came back
    Fails saying: there was 1: Clementine Bauch
    When I look up user 3
    Then I get no users

  @wrong
  Scenario: these users, when a cell differs
    Fails saying: row 2: user 2's city should be 'Paris'; it was 'Lyon'
    Given the users service knows only these users:
      | name    | city   |
      | Ann Lee | Bremen |
      | Bo Chan | Lyon   |
    When I list all users
    Then I get these users:
      | name    | city   |
      | Ann Lee | Bremen |
      | Bo Chan | Paris  |

  @wrong
  Scenario: these users, when a cell differs the other way
    Fails saying: row 2: user 2's city should be 'Athens'; it was 'Lyon'
    Given the users service knows only these users:
      | name    | city   |
      | Ann Lee | Bremen |
      | Bo Chan | Lyon   |
    When I list all users
    Then I get these users:
      | name    | city   |
      | Ann Lee | Bremen |
      | Bo Chan | Athens |

  @wrong
  Scenario: these users, when one fewer came back
    Fails saying: 2 users came back, the table has 3 rows | row 3: no user came back in its place
    Given the users service knows only these users:
      | name    | city   |
      | Ann Lee | Bremen |
      | Bo Chan | Lyon   |
    When I list all users
    Then I get these users:
      | name    | city   |
      | Ann Lee | Bremen |
      | Bo Chan | Lyon   |
      | Cy Dahl | Oslo   |

  @wrong
  Scenario: these users, when one more came back
    Fails saying: 2 users came back, the table has 1 row | past the table's end came Bo Chan
    Given the users service knows only these users:
      | name    | city   |
      | Ann Lee | Bremen |
      | Bo Chan | Lyon   |
    When I list all users
    Then I get these users:
      | name    | city   |
      | Ann Lee | Bremen |

  @right
  Scenario: one user, by name and username
    When I look up user 3
    Then I get the user "Clementine Bauch" with username "Samantha"
    And I get only "Clementine Bauch"

  @wrong
  Scenario: the user by name and username, when it is another user
    Fails saying: user 2's name should be 'Clementine Bauch'; it was 'Ervin Howell'
    When I look up user 2
    Then I get the user "Clementine Bauch" with username "Samantha"

  @wrong
  Scenario: the user by name and username, when every user came back
    Fails saying: there were 10: Leanne Graham
    Fails saying: Expected: 1 user
    When I list all users
    Then I get the user "Leanne Graham" with username "Bret"

  @wrong
  Scenario: only one user, when every user came back
    Fails saying: the users were Leanne Graham, Ervin Howell
    When I list all users
    Then I get only "Leanne Graham"

  @wrong
  Scenario: only one user, when another came back
    Fails saying: the users were Ervin Howell
    When I look up user 2
    Then I get only "Leanne Graham"

  @right
  Scenario: told that a user does not exist
    When I look up user 11
    Then I am told user 11 does not exist

  @wrong
  Scenario: told that a user does not exist, when it was another user
    Fails saying: the user the app was told does not exist
    When I look up user 12
    Then I am told user 11 does not exist

  @wrong
  Scenario: told that a user does not exist, when the user came back
    Fails saying: the call succeeded and got user 3 (Clementine Bauch)
    When I look up user 3
    Then I am told user 3 does not exist

  @wrong
  Scenario: told that a user does not exist, after an address
    Fails saying: checks what the app was told
    When I ask the API for "/users/11"
    Then I am told user 11 does not exist

  # -- writes (steps/user_changes.py) ---------------------------------------------------------------------------

  @right
  Scenario: a new user
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then the new user gets id 11
    And the API echoes back the name "Jane Doe" and username "jdoe"
    And user 11 still does not exist
    And there are still 10 users
    And the app sent the new user exactly once
    And the new user's name and email were sent as JSON

  @wrong
  Scenario: the new user's id, when it is another
    Fails saying: the user's id should be 12; it was 11
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then the new user gets id 12

  @wrong
  Scenario: the new user's id, after a post was created
    Fails saying: checks the user a When created, after a When that creates a user
    When I create through "/posts" the JSON:
      """
      {"title": "t", "id": 101}
      """
    Then the new user gets id 101

  @wrong
  Scenario: the new user's id, after a user was looked up
    Fails saying: checks the user a When created
    When I look up user 1
    Then the new user gets id 1

  @wrong
  Scenario: the new user's id, when the write failed
    Fails saying: checks the user a When created
    Given the users service fails with an internal error
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then the new user gets id 11

  @wrong
  Scenario: the echoed name, when another was sent
    Fails saying: user 11's name should be 'John Doe'; it was 'Jane Doe'
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then the API echoes back the name "John Doe" and username "jdoe"

  @wrong
  Scenario: the echoed name, after a post was created
    Fails saying: checks the user a write echoed back
    When I create through "/posts" the JSON:
      """
      {"name": "Jane Doe", "username": "jdoe"}
      """
    Then the API echoes back the name "Jane Doe" and username "jdoe"

  @wrong
  Scenario: the echoed name, after a read
    Fails saying: checks the user a write echoed back
    When I look up user 1
    Then the API echoes back the name "Leanne Graham" and username "Bret"

  @right
  Scenario: a user replaced
    When I replace user 1 with a user named "New Name" and username "nn"
    Then the answer holds only id, name and username
    And user 1 is still "Leanne Graham"
    And the API echoes back the name "New Name" and username "nn"

  @wrong
  Scenario: only these fields, when there are more
    Fails saying: the fields of the record that came back
    When I look up user 1
    Then the answer holds only id, name and username

  @wrong
  Scenario: only these fields, after a list
    Fails saying: checks the one record that came back
    When I list all users
    Then the answer holds only id

  @wrong
  Scenario: still named, when the name is another
    Fails saying: user 1's name should be 'Ervin Howell'; it was 'Leanne Graham'
    When I replace user 1 with a user named "New Name" and username "nn"
    Then user 1 is still "Ervin Howell"

  @wrong
  Scenario: still named, when the user does not exist
    Fails saying: asking the API again, the app was told user 11 does not exist
    When I list all users
    Then user 11 is still "Leanne Graham"

  @right
  Scenario: a user changed
    When I change the name of user 1 to "Patched"
    Then the rest of user 1's record is unchanged
    And the API echoes back the name "Patched" and username "Bret"

  @wrong
  Scenario: the rest unchanged, when a replacement dropped it
    Fails saying: user 1's email should be 'Sincere@april.biz'; it was (missing)
    When I replace user 1 with a user named "New Name" and username "nn"
    Then the rest of user 1's record is unchanged

  @wrong
  Scenario: the rest unchanged, judged against another user
    Fails saying: user 1's username should be 'Antonette'; it was 'Bret'
    When I change the name of user 1 to "Patched"
    Then the rest of user 2's record is unchanged

  @wrong
  Scenario: the rest unchanged, after a user was created
    Fails saying: checks the user a change echoed back, and the fields it sent
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then the rest of user 11's record is unchanged

  @wrong
  Scenario: the rest unchanged, after a post was changed
    Fails saying: checks the user a change echoed back
    When I update "/posts/1" with the JSON:
      """
      {"title": "t"}
      """
    Then the rest of user 1's record is unchanged

  @right
  Scenario: a user deleted
    When I delete user 1
    Then the deletion is accepted with an empty answer
    And user 1 is still "Leanne Graham"

  @wrong
  Scenario: a deletion accepted, after a read
    Fails saying: checks the answer to a deletion, after a When that deletes a user or an address
    When I look up user 1
    Then the deletion is accepted with an empty answer

  @wrong
  Scenario: a deletion accepted, when the user is not there
    Fails saying: was (404, {}, None)
    When I try to delete every user at once
    Then the deletion is accepted with an empty answer

  @wrong
  Scenario: a deletion accepted, when the service failed
    Fails saying: ServerError
    Given the users service fails with an internal error
    When I delete user 1
    Then the deletion is accepted with an empty answer

  @wrong
  Scenario: still missing, when the user exists
    Fails saying: looking up user 3 again
    When I list all users
    Then user 3 still does not exist

  @wrong
  Scenario: still this many users, when there are more
    Fails saying: there were 10
    When I list all users
    Then there are still 11 users

  @right
  Scenario: the API failed
    When I replace user 11 with a user named "New Name" and username "nn"
    Then I am told the API failed

  @wrong
  Scenario: the API failed, when it was a bad gateway
    Fails saying: its status was 502
    Given the users service fails with a bad gateway
    When I list all users
    Then I am told the API failed

  @wrong
  Scenario: the API failed, when the call succeeded
    Fails saying: the call succeeded and got 10 users
    When I list all users
    Then I am told the API failed

  # -- records of any kind (steps/user_content.py) --------------------------------------------------------------

  @right
  Scenario: a user's posts
    When I ask for the posts of user 1
    Then I get 10 posts
    And every one of them belongs to user 1

  @wrong
  Scenario: so many records, when there are more
    Fails saying: there were 10: #1 sunt aut facere repellat provi, #2 qui est esse, #3 ea molestias quasi exercitatio, #4 eum et est occaecati, #5 nesciunt quas odio and 5 more
    When I ask for the posts of user 1
    Then I get 9 posts

  @wrong
  Scenario: so many records of a kind, after another kind
    Fails saying: checks the posts that came back
    When I ask the API for "/comments?postId=1"
    Then I get 5 posts

  @wrong
  Scenario: all belong to an owner, when they belong to another
    Fails saying: belongs to user 1
    When I ask for the posts of user 1
    Then every one of them belongs to user 2

  @wrong
  Scenario: all belong to an owner, when none came back
    Fails saying: there were none
    When I ask the API for "/posts?userId=99"
    Then every one of them belongs to user 99

  @wrong
  Scenario: all belong to an owner, after users came back
    Fails saying: checks the records that came back and whose they are
    When I list all users
    Then every one of them belongs to user 1

  @right
  Scenario: none
    When I ask the API for "/users/abc/posts"
    Then I get none

  @wrong
  Scenario: none, when some came back
    Fails saying: there were 10
    When I ask the API for "/posts?userId=1"
    Then I get none

  @wrong
  Scenario: none, after one record
    Fails saying: checks the list that came back
    When I look up user 1
    Then I get none

  # -- answers in detail (steps/api_answers.py) -----------------------------------------------------------------

  @right
  Scenario: a slice and its total
    When I ask the API for "/users?_limit=2"
    Then I get the users numbered 1 and 2
    And I am told there are 10 in all

  @right
  Scenario: posts by number
    When I ask the API for "/posts?_limit=2"
    Then I get the posts numbered 1 and 2

  @wrong
  Scenario: users by number, when there are more
    Fails saying: was [1, 2, 3]
    When I ask the API for "/users?_limit=3"
    Then I get the users numbered 1 and 2

  @wrong
  Scenario: posts by number, after users
    Fails saying: checks the posts that came back
    When I ask the API for "/users?_limit=2"
    Then I get the posts numbered 1 and 2

  @wrong
  Scenario: the total, when it is another
    Fails saying: the total-count header
    When I ask the API for "/users?_limit=2"
    Then I am told there are 9 in all

  @wrong
  Scenario: the total, when no header tells it
    Fails saying: X-Total-Count
    When I ask the API for "/users"
    Then I am told there are 10 in all

  @wrong
  Scenario: the total, when browsers may not read it
    Fails saying: the headers browsers may read
    Given the users service answers "/users" with the headers:
      | header                        | value |
      | X-Total-Count                 | 10    |
      | Access-Control-Expose-Headers | Link  |
    When I ask the API for "/users"
    Then I am told there are 10 in all

  @wrong
  Scenario: the total, when no answer came
    Fails saying: checks the answer's status, headers and body
    Given the users service is down
    When I list all users
    Then I am told there are 10 in all

  @right
  Scenario: no total
    When I ask the API for "/users?_start=8"
    Then I am not told how many there are in all

  @wrong
  Scenario: no total, when there is one
    Fails saying: the total-count header
    When I ask the API for "/users?_limit=2"
    Then I am not told how many there are in all

  @right
  Scenario: the links to pages
    When I ask the API for "/users?_page=2&_limit=3"
    Then I am given links to these pages:
      | link     | page |
      | first    | 1    |
      | previous | 1    |
      | next     | 3    |
      | last     | 4    |

  @wrong
  Scenario: the links to pages, when one differs
    Fails saying: the Link header's pages
    When I ask the API for "/users?_page=2&_limit=3"
    Then I am given links to these pages:
      | link     | page |
      | first    | 1    |
      | previous | 1    |
      | next     | 3    |
      | last     | 5    |

  @right
  Scenario: the link to one page, and none when all fit
    When I call the API "api.example.com" and ask for "/users?_page=2&_limit=3"
    Then the link to the next page is "http://api.example.com/users?_page=3&_limit=3"
    And the link to the previous page is "http://api.example.com/users?_page=1&_limit=3"

  @wrong
  Scenario: the link to one page, when it is another
    Fails saying: the next page's link
    When I call the API "api.example.com" and ask for "/users?_page=2&_limit=3"
    Then the link to the next page is "http://api.example.com/users?_page=4&_limit=3"

  @right
  Scenario: no links when everything fits
    When I ask the API for "/users?_page=1"
    Then I am given no links to other pages

  @wrong
  Scenario: no links, when there are some
    Fails saying: the Link header
    When I ask the API for "/users?_page=2&_limit=3"
    Then I am given no links to other pages

  @right
  Scenario: the API fails with an error
    When I ask the API for "/posts?_page=2&_expand=post"
    Then the API fails with a TypeError

  @wrong
  Scenario: the API fails with an error, when it answers
    Fails saying: the status and type of the answer
    When I ask the API for "/users"
    Then the API fails with a TypeError

  @wrong
  Scenario: the API fails with an error, when it is another error
    Fails saying: the error the API reports
    When I ask the API for "/posts?_page=2&_expand=post"
    Then the API fails with a RangeError

  @right
  Scenario: the API fails saying a line
    When I create through "/users" the JSON:
      """
      {
      """
    Then the API fails, saying "SyntaxError: Expected property name or '}' in JSON at position 1"

  @wrong
  Scenario: the API fails saying a line, when it says another
    Fails saying: the error the API reports
    When I create through "/users" the JSON:
      """
      {
      """
    Then the API fails, saying "SyntaxError: Expected property name or '}' in JSON at position 2"

  @wrong
  Scenario: the API fails saying a line, when it answers
    Fails saying: the status and type of the answer
    When I ask the API for "/users/1"
    Then the API fails, saying "SyntaxError"

  @right
  Scenario: refused as too large
    When I ask the API for a users address with a query of 20000 characters
    Then the request is refused as too large

  @wrong
  Scenario: refused as too large, when answered
    Fails saying: the answer from the mock
    When I ask the API for "/users/1"
    Then the request is refused as too large

  @right
  Scenario: refused as malformed
    When I send a "FOO" request to "/users"
    Then the request is refused as malformed

  @wrong
  Scenario: refused as malformed, when answered
    Fails saying: the answer from the mock
    When I ask the API for "/users/1"
    Then the request is refused as malformed

  @right
  Scenario: created at an address
    When I create through "/posts" the JSON:
      """
      {"title": "t"}
      """
    Then it is created as number 101, found at "/posts/101"

  @wrong
  Scenario: created as a number, when it is another
    Fails saying: the created record
    When I create through "/posts" the JSON:
      """
      {"title": "t"}
      """
    Then it is created as number 102, found at "/posts/102"

  @wrong
  Scenario: created at an address, when it is another
    Fails saying: the Location header
    When I create through "/posts" the JSON:
      """
      {"title": "t"}
      """
    Then it is created as number 101, found at "/todos/101"

  @wrong
  Scenario: created, after a read
    Fails saying: checks the record a When created
    When I ask the API for "/posts/1"
    Then it is created as number 1, found at "/posts/1"

  @wrong
  Scenario: created, after a replacement
    Fails saying: checks the record a When created
    When I replace "/posts/1" with the JSON:
      """
      {"title": "t"}
      """
    Then it is created as number 1, found at "/posts/1"

  @right
  Scenario: announced at an address
    When I call the API "api.example.com" and create through "/users" with an empty request
    Then the new record is announced at "http://api.example.com/users/11"

  @wrong
  Scenario: announced at an address, when it is another
    Fails saying: the answer from the mock
    When I call the API "api.example.com" and create through "/users" with an empty request
    Then the new record is announced at "http://api.example.com/users/12"

  @right
  Scenario: what an address allows
    When I send a POST to "/users" that says it is a "OPTIONS"
    Then I am told the address allows "GET,POST,HEAD"

  @wrong
  Scenario: what an address allows, when it allows more
    Fails saying: 'GET,PUT,PATCH,DELETE,HEAD'
    When I send a POST to "/users/1" that says it is a "OPTIONS"
    Then I am told the address allows "GET,POST,HEAD"

  @right
  Scenario: an empty list under a key, and no more than a user's own fields
    When I ask the API for "/users/1?_embed[a]=posts"
    Then user 1 comes with an empty list under "[object Object]"

  @wrong
  Scenario: an empty list under a key, when there is none
    Fails saying: user 1 with '[object Object]'
    When I ask the API for "/users/1"
    Then user 1 comes with an empty list under "[object Object]"

  @wrong
  Scenario: an empty list under a key, after a list
    Fails saying: checks the one user that came back
    When I ask the API for "/users"
    Then user 1 comes with an empty list under "posts"

  @right
  Scenario: no more than a user's own fields
    When I ask the API for "/users/1?_embed=__proto__"
    Then user 1 comes with no more than their own fields

  @wrong
  Scenario: no more than a user's own fields, when posts came with them
    Fails saying: the fields of user 1
    When I ask the API for "/users/1?_embed=posts"
    Then user 1 comes with no more than their own fields

  @wrong
  Scenario: no more than a user's own fields, of another user
    Fails saying: user 2
    When I ask the API for "/users/1"
    Then user 2 comes with no more than their own fields

  @right
  Scenario: the answer exactly
    When I create through "/users/1/posts" the JSON:
      """
      {"title": "t", "body": "b"}
      """
    Then the answer is exactly:
      """
      {"title": "t", "body": "b", "userId": "1", "id": 101}
      """

  @wrong
  Scenario: the answer exactly, when the keys come in another order
    Fails saying: the body, in key order
    When I create through "/users/1/posts" the JSON:
      """
      {"title": "t", "body": "b"}
      """
    Then the answer is exactly:
      """
      {"body": "b", "title": "t", "userId": "1", "id": 101}
      """

  @wrong
  Scenario: the answer exactly, when it is not JSON
    Fails saying: checks the JSON body that came back
    When I ask the API for "/"
    Then the answer is exactly:
      """
      {}
      """

  @right
  Scenario: the same answer as another address
    When I ask the API for "/Users"
    Then I get the same answer as for "/users"

  @wrong
  Scenario: the same answer as another address, when it differs
    Fails saying: the answer for /users/1 against the one for /users/2
    When I ask the API for "/users/1"
    Then I get the same answer as for "/users/2"

  @right
  Scenario: a web page
    When I ask the API for "/"
    Then I get a web page

  @wrong
  Scenario: a web page, when JSON came
    Fails saying: got 10 users
    When I ask the API for "/users"
    Then I get a web page

  @right
  Scenario: the whole data set
    When I ask the API for "/db"
    Then I get the whole data set:
      | collection | count |
      | posts      | 100   |
      | comments   | 500   |
      | albums     | 100   |
      | photos     | 5000  |
      | users      | 10    |
      | todos      | 200   |

  @wrong
  Scenario: the whole data set, when a count differs
    Fails saying: the collections of the data set and their sizes
    When I ask the API for "/db"
    Then I get the whole data set:
      | collection | count |
      | posts      | 100   |
      | comments   | 500   |
      | albums     | 100   |
      | photos     | 5000  |
      | users      | 11    |
      | todos      | 200   |

  @wrong
  Scenario: the whole data set, after one collection
    Fails saying: checks the whole data set
    When I ask the API for "/users"
    Then I get the whole data set:
      | collection | count |
      | users      | 10    |

  @right
  Scenario: every one with their own
    When I ask the API for "/users?_embed=posts"
    Then every one of the users comes with 10 posts of their own

  @wrong
  Scenario: every one with their own, when they have more
    Fails saying: the posts embedded in user 1
    When I ask the API for "/users?_embed=posts"
    Then every one of the users comes with 9 posts of their own

  @wrong
  Scenario: every one with their own, when nothing is embedded
    Fails saying: user 1
    When I ask the API for "/users"
    Then every one of the users comes with 10 posts of their own

  @wrong
  Scenario: every one with their own, when none came back
    Fails saying: the users that came back
    When I ask the API for "/users?id=99"
    Then every one of the users comes with 10 posts of their own

  @wrong
  Scenario: every one with their own, when the posts are another user's
    Fails saying: the posts embedded in user 1
    Given the users service answers "/users?_embed=posts" with:
      """
      [{"id": 1, "posts": [{"userId": 2}]}]
      """
    When I ask the API for "/users?_embed=posts"
    Then every one of the users comes with 1 posts of their own

  @right
  Scenario: a user with their own
    When I ask the API for "/users/1?_embed=todos"
    Then user 1 comes with 20 todos of their own

  @wrong
  Scenario: a user with their own, when they have more
    Fails saying: the todos embedded in user 1
    When I ask the API for "/users/1?_embed=todos"
    Then user 1 comes with 19 todos of their own

  @wrong
  Scenario: a user with their own, when it is another user
    Fails saying: the user that came back
    When I ask the API for "/users/2?_embed=todos"
    Then user 1 comes with 20 todos of their own

  @right
  Scenario: a post with its author
    When I ask the API for "/posts/1?_expand=user"
    Then the post comes with its author, "Leanne Graham"

  @wrong
  Scenario: a post with its author, when it is another
    Fails saying: the expanded post
    When I ask the API for "/posts/1?_expand=user"
    Then the post comes with its author, "Ervin Howell"

  @wrong
  Scenario: a post with its author, after a user
    Fails saying: checks the one post that came back
    When I ask the API for "/users/1"
    Then the post comes with its author, "Leanne Graham"

  @right
  Scenario: a record with the id it was sent
    When I update "/users/1" with the JSON:
      """
      {"id": 5}
      """
    Then user 1's record comes back with id 5

  @wrong
  Scenario: a record with the id it was sent, when it is another
    Fails saying: user 1, written
    When I update "/users/1" with the JSON:
      """
      {"id": 5}
      """
    Then user 1's record comes back with id 6

  @wrong
  Scenario: a record with the id it was sent, after a read
    Fails saying: checks the user a write echoed back
    When I look up user 5
    Then user 1's record comes back with id 5

  # -- the HTTP contract (steps/api_contract.py) ----------------------------------------------------------------

  @right
  Scenario: no such thing
    When I ask the API for "/index.html"
    Then I am told there is no such thing

  @wrong
  Scenario: no such thing, when there is
    Fails saying: got user 1 (Leanne Graham)
    When I ask the API for "/users/1"
    Then I am told there is no such thing

  @right @read_only_mock
  Scenario: a write refused
    When I try to create a user
    Then I am told the service does not accept changes
    And no write reached the API

  @wrong
  Scenario: a write refused, when it was carried out
    Fails saying: the call succeeded and got user 11
    When I try to create a user
    Then I am told the service does not accept changes

  @wrong
  Scenario: no write reached the API, when one did
    Fails saying: writes the mock carried out
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then no write reached the API

  @right
  Scenario: how many requests, and reading again
    When I list all users
    Then the API answered 1 requests
    And I can still read user 1

  @wrong
  Scenario: how many requests, when there were more
    Fails saying: there was 1: 'GET /users'
    When I list all users
    Then the API answered 2 requests

  @wrong
  Scenario: reading again, a user who does not exist
    Fails saying: asking the API again, the app was told user 11 does not exist
    When I list all users
    Then I can still read user 11

  # -- what the app is told of failures (steps/fault_outcomes.py) -----------------------------------------------

  @right
  Scenario: unavailable, and told quickly
    Given the users service is down
    When I list all users
    Then I am told the users service is unavailable
    And I was told in under 1 second

  @wrong
  Scenario: unavailable, when it was too slow
    Fails saying: it was told the users service is too slow
    Given the app waits at most 0.1 seconds for an answer
    And the users service answers slowly
    When I list all users
    Then I am told the users service is unavailable

  @wrong
  Scenario: unavailable, when the call succeeded
    Fails saying: the call succeeded and got 10 users
    When I list all users
    Then I am told the users service is unavailable

  @wrong
  Scenario: told quickly, when it took longer
    Fails saying: seconds the When took
    Given the users service takes 0.3 seconds to answer
    When I list all users
    Then I was told in under 0.2 seconds

  @wrong
  Scenario: told quickly, before any When
    Fails saying: checks how long the When took
    Given the users service is down
    Then I was told in under 1 second

  @right
  Scenario: too slow
    Given the app waits at most 0.1 seconds for an answer
    And the users service answers slowly
    When I list all users
    Then I am told the users service is too slow

  @wrong
  Scenario: too slow, when it was down
    Fails saying: it was told the users service is unavailable
    Given the users service is down
    When I list all users
    Then I am told the users service is too slow

  @right
  Scenario: busy, and when to try again
    Given the users service is rate limiting
    When I look up user 3
    Then I am told the users service is busy
    And I am told to try again in 120 seconds
    And the app asked for user 3 exactly once

  @wrong
  Scenario: busy, when it failed
    Fails saying: it was told the users service failed with an internal error
    Given the users service fails with an internal error
    When I look up user 3
    Then I am told the users service is busy

  @wrong
  Scenario: when to try again, when it is another time
    Fails saying: seconds the service asked the app to wait
    Given the users service is rate limiting
    When I look up user 3
    Then I am told to try again in 30 seconds

  @wrong
  Scenario: when to try again, when it failed
    Fails saying: it was told the users service failed with a maintenance break
    Given the users service fails with a maintenance break
    When I look up user 3
    Then I am told to try again in 120 seconds

  @right
  Scenario: failed with a maintenance break
    Given the users service fails with a maintenance break
    When I list all users
    Then I am told the users service failed with a maintenance break

  @wrong
  Scenario: failed with one failure, when it was another
    Fails saying: its status was 503
    Given the users service fails with a maintenance break
    When I list all users
    Then I am told the users service failed with a bad gateway

  @right
  Scenario: a status the app does not expect
    Given the users service answers "/users/3" with status 418:
      """
      {}
      """
    When I look up user 3
    Then I am told the API answered 418, a status the app does not expect

  @wrong
  Scenario: a status the app does not expect, when it is another
    Fails saying: its status was 418
    Given the users service answers "/users/3" with status 418:
      """
      {}
      """
    When I look up user 3
    Then I am told the API answered 419, a status the app does not expect

  @wrong
  Scenario: a status the app does not expect, when it is a failure the app knows
    Fails saying: it was told the users service failed with an internal error
    Given the users service fails with an internal error
    When I look up user 3
    Then I am told the API answered 500, a status the app does not expect

  @wrong
  Scenario: a status the app does not expect, when the service is busy
    Fails saying: it was told the users service is busy
    Given the users service is rate limiting
    When I look up user 3
    Then I am told the API answered 429, a status the app does not expect

  @right
  Scenario: cut short
    Given the users service cuts its answers short
    When I list all users
    Then I am told the answer was cut short

  @wrong
  Scenario: cut short, when it was empty
    Fails saying: it was told the answer was empty
    Given the users service answers with nothing
    When I list all users
    Then I am told the answer was cut short

  @right
  Scenario: not JSON
    Given the users service answers with something that is not JSON
    When I look up user 3
    Then I am told the answer was not JSON

  @wrong
  Scenario: not JSON, when it was empty
    Fails saying: it was told the answer was empty
    Given the users service answers with nothing
    When I list all users
    Then I am told the answer was not JSON

  @right
  Scenario: empty
    Given the users service answers with nothing
    When I list all users
    Then I am told the answer was empty

  @wrong
  Scenario: empty, when it was not JSON
    Fails saying: it was told the answer was not JSON
    Given the users service answers with something that is not JSON
    When I look up user 3
    Then I am told the answer was empty

  # -- hostile answers (steps/hostile_outcomes.py) ---------------------------------------------------------------

  @right
  Scenario: too large
    Given the users service sends an answer that never ends
    And the app takes answers of at most 100000 bytes
    When I list all users
    Then I am told the answer was too large

  @wrong
  Scenario: too large, when the call succeeded
    Fails saying: the call succeeded
    When I list all users
    Then I am told the answer was too large

  @right
  Scenario: could not be unpacked
    Given the users service sends answers packed with a broken gzip stream
    When I list all users
    Then I am told the answer could not be unpacked

  @wrong
  Scenario: could not be unpacked, when it was cut short
    Fails saying: it was told the answer was cut short
    Given the users service cuts its answers short
    When I list all users
    Then I am told the answer could not be unpacked

  @right
  Scenario: nested too deeply
    Given the users service sends JSON nested a hundred thousand levels deep
    When I list all users
    Then I am told the answer was nested too deeply to read

  @wrong
  Scenario: nested too deeply, when it was not JSON
    Fails saying: its message does not say 'nested too deeply'
    Given the users service answers with something that is not JSON
    When I look up user 3
    Then I am told the answer was nested too deeply to read

  @right
  Scenario: not HTTP
    Given the users service answers as HTTP/0.9 did, with no status or headers
    When I look up user 3
    Then I am told the answer was not HTTP

  @wrong
  Scenario: not HTTP, when it was down
    Fails saying: it was told the users service is unavailable
    Given the users service is down
    When I look up user 3
    Then I am told the answer was not HTTP

  @right
  Scenario: more headers than the app reads
    Given the users service sends more headers than the app reads
    When I look up user 3
    Then I am told the answer had more headers than the app reads

  @wrong
  Scenario: more headers than the app reads, when it was not HTTP
    Fails saying: answered with something that is not HTTP
    Given the users service answers as HTTP/0.9 did, with no status or headers
    When I look up user 3
    Then I am told the answer had more headers than the app reads

  @right
  Scenario: sent to another server
    Given the users service sends the app to another server
    When I look up user 3
    Then I am told the users service sent the app to another server
    And nothing reached the other server

  @wrong
  Scenario: sent to another server, when it was a loop
    Fails saying: the redirects go round in a loop
    Given the users service sends the app round in a loop
    When I look up user 3
    Then I am told the users service sent the app to another server

  @wrong
  Scenario: nothing reached another server, when something did
    Fails saying: requests that did not go to 127.0.0.1
    When I call the API "api.example.com" and ask for "/users"
    Then nothing reached the other server

  @right
  Scenario: a change never sent again
    Given the users service sends the app from one of its addresses to the next, on and on
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then I am told a change is never sent again on a redirect

  @wrong
  Scenario: a change never sent again, when it was a read
    Fails saying: redirected more than 5 times
    Given the users service sends the app from one of its addresses to the next, on and on
    When I look up user 3
    Then I am told a change is never sent again on a redirect

  @right
  Scenario: a loop
    Given the users service sends the app round in a loop
    When I look up user 3
    Then I am told the redirects went round in a loop, naming the addresses

  @wrong
  Scenario: a loop, when the redirects went on and on
    Fails saying: its message does not say 'loop'
    Given the users service sends the app from one of its addresses to the next, on and on
    When I look up user 3
    Then I am told the redirects went round in a loop, naming the addresses

  @right
  Scenario: too many redirects
    Given the users service sends the app from one of its addresses to the next, on and on
    When I look up user 3
    Then I am told the app was redirected too many times, naming the addresses

  @wrong
  Scenario: too many redirects, when they went round in a loop
    Fails saying: its message does not say 'more than
    Given the users service sends the app round in a loop
    When I look up user 3
    Then I am told the app was redirected too many times, naming the addresses

  # -- what the app sent (steps/request_journal.py) -------------------------------------------------------------

  @wrong
  Scenario: asked for a user so many times, when it was fewer
    Fails saying: requests for user 3
    When I look up user 3
    Then the app asked for user 3 exactly twice

  @wrong
  Scenario: asked for a user, when it was another
    Fails saying: requests for user 4
    When I look up user 3
    Then the app asked for user 4 exactly once

  @right
  Scenario: asked again for the list
    Given the users service fails once then recovers
    When I list all users
    Then the app asked for the list of users exactly twice

  @wrong
  Scenario: asked for the list so many times, when it was more
    Fails saying: there were 2
    Given the users service fails once then recovers
    When I list all users
    Then the app asked for the list of users exactly once

  @wrong
  Scenario: sent the new user, when it was not sent
    Fails saying: requests to create a user
    When I list all users
    Then the app sent the new user exactly once

  @wrong
  Scenario: sent as JSON, a field the When did not give
    Fails saying: no website was given to the When (it gave: name, username, email)
    When I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then the new user's website was sent as JSON

  @wrong
  Scenario: sent as JSON, after a read
    Fails saying: checks the user a When sent to be created
    When I look up user 1
    Then the new user's name was sent as JSON

  @right
  Scenario: waited before asking again
    Given the users service is rate limiting for 10 ms
    When I look up user 3
    Then the app waited 10 ms before asking again

  @wrong
  Scenario: waited before asking again, when it asked once
    Fails saying: the app asked only 1 time(s)
    When I look up user 3
    Then the app waited 10 ms before asking again

  @wrong
  Scenario: waited before asking again, longer than it did
    Fails saying: seconds between one request and the next
    Given the users service is rate limiting for 10 ms
    When I look up user 3
    Then the app waited 5 seconds before asking again

  # -- raw clients (steps/bad_clients.py) -----------------------------------------------------------------------

  @right
  Scenario: turned away
    When a client sends a line of garbage
    Then it is turned away as a bad request
    And the answer shows no Python traceback
    And the mock still serves other clients

  @wrong
  Scenario: turned away, when told too large
    Fails saying: was (431, '', True)
    When a client sends headers over 16 KB
    Then it is turned away as a bad request

  @wrong
  Scenario: turned away, after the app's call
    Fails saying: checks the answer a raw client got
    When I send a "FOO" request to "/users"
    Then it is turned away as a bad request

  @right
  Scenario: told too large
    When a client sends headers over 16 KB
    Then it is told its request is too large

  @wrong
  Scenario: told too large, when turned away
    Fails saying: was (400, '', True)
    When a client sends a line of garbage
    Then it is told its request is too large

  @right
  Scenario: told the API failed
    When a client sends bad percent-encoding in the address
    Then it is told the API failed with a URIError

  @wrong
  Scenario: told the API failed, with another error
    Fails saying: the body of the answer
    When a client sends bad percent-encoding in the address
    Then it is told the API failed with a RangeError

  @wrong
  Scenario: told the API failed, when answered
    Fails saying: the status of the answer
    When a client asks for "/users/1" exactly as written
    Then it is told the API failed with a URIError

  @right
  Scenario: answered with every user
    When a client sends a request line with no version
    Then it is answered with every user

  @wrong
  Scenario: answered with every user, when it got one
    Fails saying: the users in the answer
    When a client asks for "/users/1" exactly as written
    Then it is answered with every user

  @wrong
  Scenario: answered with every user, when the answer failed
    Fails saying: the users in the answer
    Given the users service answers "/users" with status 500:
      """
      [{"id": 1}, {"id": 2}, {"id": 3}, {"id": 4}, {"id": 5}, {"id": 6}, {"id": 7}, {"id": 8}, {"id": 9}, {"id": 10}]
      """
    When a client asks for "/users" exactly as written
    Then it is answered with every user

  @right
  Scenario: hung up on
    When a client sends a request to open a tunnel
    Then it is hung up on without an answer

  @wrong
  Scenario: hung up on, when turned away with a 400
    Fails saying: checks whether the mock closed a connection before its request was complete
    When a client sends a line of garbage
    Then it is hung up on without an answer

  @wrong
  Scenario: hung up on, when the app got no answer
    Fails saying: checks whether the mock closed a connection
    Given the users service is down
    When I list all users
    Then it is hung up on without an answer

  @right
  Scenario: told to go on, and created
    When a client offers a new user, waiting to be told to go on before it sends the body
    Then it was told to go on before it sent the body
    And the user is created

  @wrong
  Scenario: told to go on, when it was not
    Fails saying: interim answers before the body was sent
    When a client asks for every user, expecting something no server can do
    Then it was told to go on before it sent the body

  @wrong
  Scenario: the user is created, when it was a read
    Fails saying: the answer: got 10 users
    When a client sends a request line with no version
    Then the user is created

  @right
  Scenario: the expectation cannot be met
    When a client asks for every user, expecting something no server can do
    Then it is told the expectation cannot be met

  @wrong
  Scenario: the expectation cannot be met, when turned away
    Fails saying: status, body and Connection of the answer
    When a client sends a line of garbage
    Then it is told the expectation cannot be met

  @right
  Scenario: nothing smuggled
    When a client sends a carriage return inside a header value
    Then the answer carries no header the client smuggled in

  @wrong
  Scenario: nothing smuggled, when a cookie came
    Fails saying: headers of the answer
    Given the users service answers "/users" with the headers:
      | header     | value |
      | Set-Cookie | a=b   |
    When I ask the API for "/users"
    Then the answer carries no header the client smuggled in

  @wrong
  Scenario: nothing smuggled, when a value holds what came after a carriage return
    Fails saying: headers of the answer
    Given the users service answers "/users" with the headers:
      | header  | value |
      | X-Trace | x=1   |
    When I ask the API for "/users"
    Then the answer carries no header the client smuggled in

  @right
  Scenario: memory bounded
    When a client uploads a user compressed with gzip that inflates to 1 MB
    Then the mock's peak memory grew by less than 40 MB

  @wrong
  Scenario: memory bounded, below nothing
    Fails saying: megabytes the peak memory grew by
    When a client uploads a user compressed with gzip that inflates to 1 MB
    Then the mock's peak memory grew by less than 0 MB

  @wrong
  Scenario: memory bounded, after another When
    Fails saying: checks the mock's peak memory before the When
    When a client sends a line of garbage
    Then the mock's peak memory grew by less than 40 MB

  @right
  Scenario: answered in time
    When a client asks for "/users/1" exactly as written
    Then it is answered within 1 second
    And it took less than 1 second

  @wrong
  Scenario: answered in time, when it was refused
    Fails saying: the status of the answer
    When a client sends a line of garbage
    Then it is answered within 1 second

  @wrong
  Scenario: answered in time, in no time at all
    Fails saying: seconds the answer took
    When a client asks for "/users/1" exactly as written
    Then it is answered within 0 seconds

  @wrong
  Scenario: took less than no time at all
    Fails saying: seconds the answer took
    When a client asks for "/users/1" exactly as written
    Then it took less than 0 seconds

  @right
  Scenario: told there is no such thing
    When a client asks for "/nothing" exactly as written
    Then it is told there is no such thing

  @wrong
  Scenario: told there is no such thing, when there is
    Fails saying: the answer: got
    When a client asks for "/users/1" exactly as written
    Then it is told there is no such thing

  @wrong
  Scenario: no traceback, when one is shown
    Fails saying: the body of the answer
    Given the users service answers "/users" with:
      """
      ["Traceback (most recent call last)"]
      """
    When I ask the API for "/users"
    Then the answer shows no Python traceback

  @wrong
  Scenario: no traceback, when a file and line are shown
    Fails saying: the body of the answer
    Given the users service answers "/users" with:
      """
      ["File \"app.py\", line 3"]
      """
    When I ask the API for "/users"
    Then the answer shows no Python traceback

  @wrong
  Scenario: still serves, when user 1 is gone
    Fails saying: user 1 after the bad client
    Given the users service knows no users
    When a client sends a line of garbage
    Then the mock still serves other clients

  @right
  Scenario: the mock closes a silent connection
    Given the mock drops a silent client after 0.2 seconds
    When a client reads user 1 and then keeps the connection open in silence
    Then the mock closes that connection

  @wrong
  Scenario: the mock closes a silent connection, after the app's call
    Fails saying: checks the connection a client left open
    When I list all users
    Then the mock closes that connection

  @right
  Scenario: the mock closes a trickle
    Given the mock gives a request at most 0.3 seconds to arrive
    When a client trickles in a request one byte every 0.05 seconds
    Then the mock closes the connection before the request is complete

  @wrong
  Scenario: the mock closes a trickle, when the client was answered
    Fails saying: checks whether the mock closed a connection before its request was complete
    When a client asks for "/users/1" exactly as written
    Then the mock closes the connection before the request is complete

  @right
  Scenario: every answer of a crowd right
    When 2 clients each ask for user 1 and for every user 2 times at once
    Then every one of the 8 answers is right

  @wrong
  Scenario: every answer of a crowd right, when there were fewer
    Fails saying: answers the crowd received
    When 2 clients each ask for user 1 and for every user 2 times at once
    Then every one of the 9 answers is right

  @wrong
  Scenario: every answer of a crowd right, when the users differ
    Fails saying: users a lone client gets
    Given the users service knows no users
    When 2 clients each ask for user 1 and for every user 2 times at once
    Then every one of the 8 answers is right

  @wrong
  Scenario: every answer of a crowd right, after one client
    Fails saying: checks the answers a crowd of clients got
    When a client asks for "/users/1" exactly as written
    Then every one of the 1 answers is right

  # -- browsers and caches (steps/browser_access.py) ------------------------------------------------------------

  @right
  Scenario: an answer's fingerprint, its headers for browsers and caches
    When I ask the API for "/users/1"
    Then the answer carries the fingerprint W/"1fd-+2Y3G3w049iSZtw5t1mzSnunngE"
    And the answer is JSON in UTF-8, not to be sniffed as anything else
    And caches are told the answer varies with "Origin, Accept-Encoding"
    And the answer must not be reused without asking again
    And the answer names no origin that may read it

  @wrong
  Scenario: a fingerprint, when it is another
    Fails saying: the ETag of the mock
    When I ask the API for "/users/2"
    Then the answer carries the fingerprint W/"1fd-+2Y3G3w049iSZtw5t1mzSnunngE"

  @wrong
  Scenario: JSON in UTF-8, when it is a web page
    Fails saying: the content headers
    When I ask the API for "/"
    Then the answer is JSON in UTF-8, not to be sniffed as anything else

  @wrong
  Scenario: varies with headers, when it is fewer
    Fails saying: the Vary header
    When I ask the API for "/users/1"
    Then caches are told the answer varies with "Origin"

  @wrong
  Scenario: not to be reused, when it may be
    Fails saying: cache headers
    Given the users service answers "/users/1" with the headers:
      | header | value |
      | Expires | 0    |
    When I ask the API for "/users/1"
    Then the answer must not be reused without asking again

  @wrong
  Scenario: no origin, when a page asked
    Fails saying: the CORS grant
    When a page from "http://example.com" asks the API for "/users/1"
    Then the answer names no origin that may read it

  @right
  Scenario: not changed
    When I ask the API for "/users/1"
    And I ask again for "/users/1" with the fingerprint I was given
    Then I am told it has not changed

  @wrong
  Scenario: not changed, when the fingerprint was stale
    Fails saying: the mock at
    When I ask for "/users/1" with the fingerprint W/"1fd-stale"
    Then I am told it has not changed

  @right
  Scenario: the full answer again
    When I ask for "/users/1" with the fingerprint W/"1fd-stale"
    Then I get the full answer again

  @wrong
  Scenario: the full answer again, when not changed
    Fails saying: the status of the answer
    When I ask the API for "/users/1"
    And I ask again for "/users/1" with the fingerprint I was given
    Then I get the full answer again

  @right
  Scenario: a page may read
    When a page from "http://example.com" asks the API for "/users/1"
    Then the page may read the answer, credentials included

  @wrong
  Scenario: a page may read, when no page asked
    Fails saying: checks the answer to a page from another origin
    When I ask the API for "/users/1"
    Then the page may read the answer, credentials included

  @right
  Scenario: a page may send
    When a page from "http://example.com" asks whether it may send a POST with a "content-type" header to "/users"
    Then the page may send it

  @wrong
  Scenario: a page may send, when it asked to read
    Fails saying: checks the answer to a browser's preflight
    When a page from "http://example.com" asks the API for "/users/1"
    Then the page may send it

  @right
  Scenario: the methods an address allows
    When a client asks which methods "/users" allows
    Then the client is told the methods "GET,HEAD,PUT,PATCH,POST,DELETE" and nothing else

  @wrong
  Scenario: the methods an address allows, when they are more
    Fails saying: OPTIONS the mock
    When a client asks which methods "/users" allows
    Then the client is told the methods "GET,HEAD" and nothing else

  @right
  Scenario: compressed and uncompressed
    When I ask the API for "/users" accepting compressed answers
    Then the answer comes compressed with gzip

  @right
  Scenario: uncompressed
    When I ask the API for "/users/1" accepting compressed answers
    Then the answer comes uncompressed

  @wrong
  Scenario: compressed, with another coding
    Fails saying: the answer's encoding
    When I ask the API for "/users" accepting compressed answers
    Then the answer comes compressed with deflate

  @wrong
  Scenario: uncompressed, when compressed
    Fails saying: the answer's encoding
    When I ask the API for "/users" accepting compressed answers
    Then the answer comes uncompressed

  @right
  Scenario: only the headers
    When I ask only for the headers of "/users"
    Then I am told the answer would be 5645 bytes, and get no body

  @wrong
  Scenario: only the headers, of another size
    Fails saying: ('5645', '')
    When I ask only for the headers of "/users"
    Then I am told the answer would be 5644 bytes, and get no body

  @right
  Scenario: a script
    When I ask the API for "/users/1?callback=showUser"
    Then the answer is a script that hands user 1 to "showUser"

  @wrong
  Scenario: a script, handing another user
    Fails saying: the user handed to the callback
    When I ask the API for "/users/1?callback=showUser"
    Then the answer is a script that hands user 2 to "showUser"

  @wrong
  Scenario: a script, when JSON came
    Fails saying: the script's type
    When I ask the API for "/users/1"
    Then the answer is a script that hands user 1 to "showUser"

  # -- the mock's own lifecycle (steps/mock_lifecycle.py) -------------------------------------------------------

  @right
  Scenario: a mock of my own stopped
    Given a mock of my own
    And a client has sent half a request to it and gone silent
    When I stop my mock
    Then it stopped without waiting out a timeout
    And it stopped within 3 seconds
    And the silent client finds its connection closed
    And none of its threads is still running
    And a new mock can listen on its port at once

  @wrong
  Scenario: stopped at once, when nothing was stopped
    Fails saying: checks how long stopping the scenario's own mock took
    Given a mock of my own
    When I list all users
    Then it stopped without waiting out a timeout

  @wrong
  Scenario: stopped within a time, shorter than it took
    Fails saying: seconds stop() took
    Given a mock of my own
    When I stop my mock
    Then it stopped within 0 seconds

  @wrong
  Scenario: the silent client's connection closed, with no silent client
    Fails saying: checks the client left silent on the scenario's own mock
    Given a mock of my own
    When I stop my mock
    Then the silent client finds its connection closed

  @wrong
  Scenario: none of its threads running, while it serves
    Fails saying: threads of the mock on port
    Given a mock of my own
    When I list all users
    Then none of its threads is still running

  @wrong
  Scenario: a new mock on its port, when it was not stopped
    Fails saying: checks how long stopping the scenario's own mock took
    Given a mock of my own
    When I list all users
    Then a new mock can listen on its port at once

  @right
  Scenario: loopback only
    Given a mock of my own
    Then it listens on the loopback address only, as the command line does unless told otherwise
    And it has one thread accepting connections

  @wrong
  Scenario: loopback only, with no mock of my own
    Fails saying: checks the scenario's own mock
    When I list all users
    Then it listens on the loopback address only, as the command line does unless told otherwise

  @right
  Scenario: the mock failed
    Given a mock of my own that fails while answering
    When a client reads user 1 from it
    Then the client is told the mock failed, with no traceback
    And the traceback is kept for the scenario's report

  @wrong
  Scenario: the mock failed, when it answered
    Fails saying: the status of the answer
    Given a mock of my own
    When a client reads user 1 from it
    Then the client is told the mock failed, with no traceback

  @wrong
  Scenario: the traceback kept, when nothing failed
    Fails saying: the failures the mock recorded
    Given a mock of my own
    When a client reads user 1 from it
    Then the traceback is kept for the scenario's report

  @right
  Scenario: mocks stopped from many threads
    When 2 mocks are each stopped by 2 threads at once
    Then every stop returned without an error
    And no thread of those mocks is still running

  @wrong
  Scenario: stops without an error, after another When
    Fails saying: checks what stopping mocks from many threads at once did
    When I list all users
    Then every stop returned without an error

  @wrong
  Scenario: no thread of those mocks, after another When
    Fails saying: checks what stopping mocks from many threads at once did
    When I list all users
    Then no thread of those mocks is still running

  @right
  Scenario: started again after a stop
    Given a mock of my own that has been stopped
    When I start it again
    Then I am told it has stopped and cannot start again

  @wrong
  Scenario: told it has stopped, when it serves
    Fails saying: the message
    Given a mock of my own
    When I start it again
    Then I am told it has stopped and cannot start again

  @right
  Scenario: started again while serving
    Given a mock of my own
    When I start it again
    Then I am told it is serving already

  @wrong
  Scenario: told it serves already, when it has stopped
    Fails saying: the message
    Given a mock of my own that has been stopped
    When I start it again
    Then I am told it is serving already

  @wrong
  Scenario: one thread accepting, when it has stopped
    Fails saying: the mock's accept-loop threads
    Given a mock of my own that has been stopped
    When I start it again
    Then it has one thread accepting connections

  # -- search patterns (steps/search_patterns.py) ---------------------------------------------------------------

  @right
  Scenario: a pattern refused
    When I look for users whose name matches "a*+"
    Then the pattern is refused as JavaScript refuses it: "Nothing to repeat"

  @wrong
  Scenario: a pattern refused, for another reason
    Fails saying: the error the API reports
    When I look for users whose name matches "a*+"
    Then the pattern is refused as JavaScript refuses it: "Unterminated group"

  @wrong
  Scenario: a pattern refused, when it was not
    Fails saying: the status of the answer
    When I look for users whose name matches "Leanne"
    Then the pattern is refused as JavaScript refuses it: "Nothing to repeat"

  @wrong
  Scenario: a pattern refused, after a search by no pattern
    Fails saying: checks the answer to a search by one pattern
    When I list all users
    Then the pattern is refused as JavaScript refuses it: "Nothing to repeat"

  @right
  Scenario: the mock refuses a pattern
    When I look for users whose name matches "(?:(?:\b|a){1000}){1000}"
    Then the mock refuses the pattern within 1 second: "Regular expression too large"

  @wrong
  Scenario: the mock refuses a pattern, in no time at all
    Fails saying: seconds until refused
    When I look for users whose name matches "(?:(?:\b|a){1000}){1000}"
    Then the mock refuses the pattern within 0 seconds: "Regular expression too large"

  @right
  Scenario: the patterns the mock keeps
    When I look for users whose name matches any of 600 different patterns
    Then the mock keeps only 256 compiled patterns, however many it was sent

  @wrong
  Scenario: the patterns the mock keeps, when it was sent none
    Fails saying: searches by pattern the mock received
    When I list all users
    Then the mock keeps only 256 compiled patterns, however many it was sent

  @right
  Scenario: a search that backtracks for ever
    Given a mock of my own
    And my mock cuts search patterns off after 1 second
    And a client is searching my mock's comments with a pattern that backtracks for ever
    When I list all users
    Then other clients are answered within 1 second while it runs
    And that search fails within 2 seconds, saying the pattern was cut off
    And the journal says which pattern was cut off

  @wrong
  Scenario: other clients answered, with no search running
    Fails saying: checks the search a client runs in the background
    When I list all users
    Then other clients are answered within 1 second while it runs

  @wrong
  Scenario: other clients answered, when the mock that ran the search has stopped
    Fails saying: for /users/1 again, the client got no answer
    Given a mock of my own
    And my mock cuts search patterns off after 0.05 seconds
    And a client is searching my mock's comments with a pattern that backtracks for ever
    When I stop my mock
    Then other clients are answered within 1 second while it runs

  @wrong
  Scenario: that search fails in time, sooner than it can
    Fails saying: seconds until it failed
    Given a mock of my own
    And my mock cuts search patterns off after 0.3 seconds
    And a client is searching my mock's comments with a pattern that backtracks for ever
    When I list all users
    Then that search fails within 0.1 seconds, saying the pattern was cut off

  @wrong
  Scenario: the journal says which pattern, with no search
    Fails saying: checks the search a client runs in the background
    When I list all users
    Then the journal says which pattern was cut off

  # -- large uploads and clients that hang up (steps/large_uploads.py, steps/client_hangups.py) -----------------

  @right
  Scenario: a long name created while an upload stalls
    Given the mock drops a silent client after 0.2 seconds
    And a client has sent half of a 1 MB upload and gone silent
    When a client offers a user with a name of 1 MB
    Then the user with the long name is created within 2 seconds
    And the mock has dropped the silent upload

  @wrong
  Scenario: a long name created, when it was short
    Fails saying: status, id and length of the name created
    When a client offers a new user, waiting to be told to go on before it sends the body
    Then the user with the long name is created within 2 seconds

  @wrong
  Scenario: a long name created, in no time at all
    Fails saying: seconds the answer took
    When a client offers a user with a name of 1 MB
    Then the user with the long name is created within 0 seconds

  @wrong
  Scenario: the silent upload dropped, with no upload
    Fails saying: checks the connection of an upload that went silent halfway
    When I list all users
    Then the mock has dropped the silent upload

  @right
  Scenario: no thread left for clients that hung up
    When 3 clients ask for every user, delayed by 2147483647 ms, and hang up before the answer
    Then within 1 second the mock has no thread left for them

  @wrong
  Scenario: no thread left, after another When
    Fails saying: checks the mock's threads for clients that hung up
    When I list all users
    Then within 1 second the mock has no thread left for them

  # -- the words of a failure, at their edges (steps/support/outcome.py said(), matchers.py brief()) ----------

  @wrong
  Scenario: the answer exactly, when a value is 200 characters long: quoted whole
    Fails saying, to the end of a line: but: was [('name', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')]
    Given the users service answers "/users/1" with:
      """
      {"name": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
      """
    When I ask the API for "/users/1"
    Then the answer is exactly:
      """
      {"name": "y"}
      """

  @wrong
  Scenario: the answer exactly, when a value is 201 characters long: cut, saying how much more there is
    Fails saying, to the end of a line: but: was [('name', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')... (1 more characters)
    Given the users service answers "/users/1" with:
      """
      {"name": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
      """
    When I ask the API for "/users/1"
    Then the answer is exactly:
      """
      {"name": "y"}
      """

  @wrong
  Scenario: a deletion, when the user is not there: the answer quoted whole
    Fails saying, to the end of a line: but: was (404, {}, None)
    When I try to delete every user at once
    Then the deletion is accepted with an empty answer

  @wrong
  Scenario: JSON, when a web page claims to be JSON
    Fails saying: checks the JSON body that came back
    Given the users service answers with something that is not JSON
    When I ask the API for "/users"
    Then the answer is exactly:
      """
      {}
      """

  @wrong
  Scenario: posts, when no users came back: counted in words
    Fails saying, to the end of a line: but 'When I list all users' got 0 users
    Given the users service knows no users
    When I list all users
    Then I get 0 posts

  @wrong
  Scenario: the API failed, when every user came back: named
    Fails saying: the call succeeded and got 10 users (Leanne Graham, Ervin Howell, Clementine Bauch, Patricia Lebsack, Chelsey Dietrich and 5 more)
    When I list all users
    Then I am told the API failed

  @wrong
  Scenario: users, when one comment came back: by its number
    Fails saying, to the end of a line: but 'When I ask the API for "/comments/1"' got comment 1
    When I ask the API for "/comments/1"
    Then I get no users

  @wrong
  Scenario: users, when a request was refused with no body
    Fails saying, to the end of a line: but 'When I send a "FOO" request to "/users"' got 400 with no body
    When I send a "FOO" request to "/users"
    Then I get no users

  @wrong
  Scenario: users, when the API refused a pattern with a web page of text: its first line, cut
    Fails saying, to the end of a line: got 500: SyntaxError: Invalid regular expression: /aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
    When I look for users whose name matches "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa*+"
    Then I get no users

  @wrong
  Scenario: users, when a long JSON answer that holds no records came back: cut
    Fails saying, to the end of a line: but 'When I ask the API for "/users"' got 500 with '{\n  "error": "the users service failed while it was reading '
    Given the users service answers "/users" with status 500:
      """
      {"error": "the users service failed while it was reading the users from its store"}
      """
    When I ask the API for "/users"
    Then I get no users

  @wrong
  Scenario: the whole data set, after a web page
    Fails saying: checks the whole data set
    When I ask the API for "/"
    Then I get the whole data set:
      | collection | count |
      | users      | 10    |

  @wrong
  Scenario: a deletion accepted, after a change that says it is a deletion (only a POST may stand for another method)
    Fails saying: checks the answer to a deletion
    When I send a PATCH to "/users/1" that says it is a "DELETE"
    Then the deletion is accepted with an empty answer

  @wrong
  Scenario: sent as JSON, when two users were created
    Fails saying: a JSON object with name 'Jane Doe'
    When I create through "/users" the JSON:
      """
      {"name": "Ann Lee"}
      """
    And I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then the new user's name was sent as JSON

  @wrong
  Scenario: the links to pages, with a table that has no page column
    Fails saying: the table has no "page" column; its columns are: link, page
    When I ask the API for "/users?_page=2&_limit=3"
    Then I am given links to these pages:
      | link  |
      | first |

  @wrong
  Scenario: the answer exactly, when the step's own text is not JSON: quoted, cut
    Fails saying, to the end of a line: the step's text is not JSON (Expecting value: line 1 column 95 (char 94)): '{"id": 1, "name": "Leanne Graham", "username": "Bret", "email": "Sincere@april.b'
    When I ask the API for "/users/1"
    Then the answer is exactly:
      """
      {"id": 1, "name": "Leanne Graham", "username": "Bret", "email": "Sincere@april.biz", "phone": }
      """

  @wrong
  Scenario: users, when a client's connection was left open
    Fails saying, to the end of a line: but 'When a client sends half a request and goes silent' got no answer: the connection is left open
    When a client sends half a request and goes silent
    Then I get no users

  @wrong
  Scenario: users, after the whole data set
    Fails saying: checks the users that came back
    When I ask the API for "/db"
    Then I get no users

  @wrong
  Scenario: sent as JSON, when the first create sent a list: quoted, cut
    Fails saying: but: item 0: POST /users: its body was b'["Leanne Graham", "Ervin Howell", "Clementine Bauch", "Patricia Lebsack", "Chels', not a JSON object
    When I create through "/users" the JSON:
      """
      ["Leanne Graham", "Ervin Howell", "Clementine Bauch", "Patricia Lebsack", "Chelsey Dietrich"]
      """
    And I create a user named "Jane Doe" with username "jdoe" and email "jane@example.com"
    Then the new user's name was sent as JSON

  @wrong
  Scenario: these users, with two columns for one field
    Fails saying: two columns name the same field: city, address.city
    When I list all users
    Then I get these users:
      | city        | address.city |
      | Gwenborough | Gwenborough  |

  @wrong
  Scenario: users, when posts came back: counted, not named
    Fails saying, to the end of a line: but 'When I ask for the posts of user 1' got 10 posts
    When I ask for the posts of user 1
    Then I get no users

  @wrong
  Scenario: users, when a JSON answer of 61 characters that holds no records came back: cut at 60
    Fails saying, to the end of a line: got 500 with '{\n  "e": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n'
    Given the users service answers "/users" with status 500:
      """
      {"e": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
      """
    When I ask the API for "/users"
    Then I get no users

  @wrong
  Scenario: a write refused, when the service was down: where the app wrote
    Fails saying: writing to the service at http://127.0.0.1:
    Given the users service is down
    When I try to create a user
    Then I am told the service does not accept changes

  @right
  Scenario: all belong to an owner numbered past 256
    Given the users service answers "/posts/300/comments" with:
      """
      [{"id": 1, "postId": 300}, {"id": 2, "postId": 300}]
      """
    When I ask the API for "/posts/300/comments"
    Then every one of them belongs to post 300

  @wrong
  Scenario: a deletion accepted, after a PUT that says it is a deletion (only a POST may stand for another method)
    Fails saying: checks the answer to a deletion
    When I send a PUT to "/users/1" that says it is a "DELETE"
    Then the deletion is accepted with an empty answer

  @wrong
  Scenario: posts, when a user without an id came back
    Fails saying, to the end of a line: got a user without an id (Ann Lee)
    Given the users service answers "/users/1" with:
      """
      {"name": "Ann Lee"}
      """
    When I ask the API for "/users/1"
    Then I get 0 posts

  @wrong
  Scenario: how many requests, when one with a long address came: quoted, cut at 40 characters
    Fails saying, to the end of a line: but: there was 1: 'GET /users/xxxxxxxxxxxxxxxxxxxxxxxxxxxx
    When I ask the API for "/users/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    Then the API answered 2 requests

  # -- against the live API (here a mock of the check's own standing in for it) ---------------------------------

  @right @real
  Scenario: the users, from the live API
    When I list all users
    Then the users are numbered 1 to 10 in order

  @wrong @real
  Scenario: users from the live API, when one came back: where it came from
    Fails saying: the users that came back from the live API at http://localhost:
    When I look up user 3
    Then I get no users

  @wrong @real
  Scenario: what the app asked the mock, after talking to the live API
    Fails saying: checks the requests the mock received, after any When, against the scenario's mock (not the live API)
    When I list all users
    Then the app asked for the list of users exactly once

  @wrong
  Scenario: told quickly, after a When that did not time itself
    Fails saying: checks how long the When took, after any When that times its call
    Given a mock of my own
    When I start it again
    Then I was told in under 1 second

  @wrong
  Scenario: only one user, when none came back
    Fails saying: but: no users came back
    Given the users service knows no users
    When I list all users
    Then I get only "Leanne Graham"

  @wrong
  Scenario: sent as JSON, after a user was replaced
    Fails saying: checks the user a When sent to be created
    When I replace user 1 with a user named "New Name" and username "nn"
    Then the new user's name was sent as JSON

  @wrong
  Scenario: the same answer, after a raw client's address too long to keep whole: the address as kept
    Fails saying: the answer for /users/1?xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx against the one for /users/2
    When a client asks for "/users/1?xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" exactly as written
    Then I get the same answer as for "/users/2"

  @wrong
  Scenario: the answer exactly, when JSON came labelled as a web page
    Fails saying: checks the JSON body that came back
    Given the users service labels its answers as a web page
    When I ask the API for "/users/1"
    Then the answer is exactly:
      """
      {"id": 1}
      """

  @right
  Scenario: created by a raw client
    When a client offers a new user, waiting to be told to go on before it sends the body
    Then it is created as number 11, found at "/users/11"

  @wrong
  Scenario: the API failed, after stopping a mock
    Fails saying: checks what the app was told
    Given a mock of my own
    When I stop my mock
    Then I am told the API failed

  @wrong
  Scenario: a user's id, when it is another: whose id it is not said
    Fails saying: the user's id should be 4; it was 3
    When I look up user 3
    Then user 3's id is "4"

  @wrong
  Scenario: users, when a short answer that holds no records came back: quoted as it is
    Fails saying, to the end of a line: but 'When I ask the API for "/nothing"' got 404 with {}
    When I ask the API for "/nothing"
    Then I get no users

  @right
  Scenario: a change sent as a POST that says it is a PATCH
    When I update "/users/1" through a POST that says it is a PATCH, with the JSON:
      """
      {"name": "Patched"}
      """
    Then the rest of user 1's record is unchanged

  @right
  Scenario: a deletion sent as a POST that says it is a DELETE
    When I send a POST to "/users/1" that says it is a "DELETE"
    Then the deletion is accepted with an empty answer

  # -- added with the Thens of the app's framing errors, cookies, subsets, kept connections, reading failures --

  @right
  Scenario: told the answer's length was not a number of bytes
    Given the users service gives its answers a negative length
    When I list all users
    Then I am told the answer's length was not a number of bytes

  @wrong
  Scenario: told the answer's length was not a number, when it gave two lengths
    Fails saying: what the app was told of an answer with a negative length
    Given the users service gives its answers two different lengths
    When I list all users
    Then I am told the answer's length was not a number of bytes

  @right
  Scenario: told the answer gave two different lengths
    Given the users service gives its answers two different lengths
    When I list all users
    Then I am told the answer gave two different lengths

  @wrong
  Scenario: told of two lengths, when the length was negative
    Fails saying: what the app was told of an answer with two different lengths
    Given the users service gives its answers a negative length
    When I list all users
    Then I am told the answer gave two different lengths

  @right
  Scenario: told the answer gave both a length and chunks
    Given the users service gives its answers a length and sends them in chunks too
    When I list all users
    Then I am told the answer gave both a length and chunks

  @wrong
  Scenario: told of a length and chunks, when a chunk was too long
    Fails saying: what the app was told of an answer with a length and chunks
    Given the users service sends chunks longer than their sizes say
    When I list all users
    Then I am told the answer gave both a length and chunks

  @right
  Scenario: told a chunk was longer than its size said
    Given the users service sends chunks longer than their sizes say
    When I list all users
    Then I am told a chunk of the answer was longer than its size said

  @wrong
  Scenario: told of a long chunk, when the answer was fine
    Fails saying: the call succeeded and got 10 users
    When I list all users
    Then I am told a chunk of the answer was longer than its size said

  @right
  Scenario: the app never sent a cookie, though an answer set one
    Given the users service answers "/users/1" with the headers:
      | header     | value                  |
      | Set-Cookie | session=abc123; Path=/ |
    When I look up user 1
    And I list all users
    Then the app never sent a cookie

  @wrong
  Scenario: never sent a cookie, when a browser sent one
    Fails saying: requests that carried a cookie
    When a browser with the cookie "session=abc123" asks the API for "/users/1"
    Then the app never sent a cookie

  @wrong
  Scenario: never sent a cookie, when nothing was sent at all
    Fails saying: the requests the mock received
    Given a mock of my own
    When a client reads user 1 from it
    Then the app never sent a cookie

  @right
  Scenario: the users include two, in any order
    When I list all users
    Then the users include:
      | name          | city        |
      | Ervin Howell  | Wisokyburgh |
      | Leanne Graham | Gwenborough |

  @wrong
  Scenario: the users include one with a wrong city
    Fails saying: row 1: no user that came back is like it; the closest, Leanne Graham: user 1's city should be 'Wisokyburgh'
    When I list all users
    Then the users include:
      | name          | city       |
      | Leanne Graham | Wisokyburgh |

  @right
  Scenario: the client kept connected is told the service failed
    Given a client keeps its connection open after asking for user 1
    And the users service fails with an internal error
    When the client asks for user 1 again on that connection
    Then the client is told the service failed with an internal error

  @wrong
  Scenario: the client kept connected told of a failure, when it was answered
    Fails saying: the status the client was answered
    Given a client keeps its connection open after asking for user 1
    When the client asks for user 1 again on that connection
    Then the client is told the service failed with an internal error

  @right
  Scenario: a read asked again while the second turns, each answer dated when it was given
    When a client asks for user 1 again and again on one connection until the clock's second turns
    Then every answer is dated the second it was given

  @wrong
  Scenario: the Dates of a read asked again, after a read asked only 3 times
    Fails saying: the Date of each answer to a read asked again
    When a client asks for user 1 3 times on one connection
    Then every answer is dated the second it was given

  @right
  Scenario: a failure while reading kept for the report
    Given a mock of my own that fails while reading requests
    When a client offers a new user to it
    Then it is hung up on without an answer
    And the failure while reading is kept for the scenario's report

  @wrong
  Scenario: a failure while reading kept, when nothing failed
    Fails saying: the failures the mock recorded
    Given a mock of my own
    When a client reads user 1 from it
    Then the failure while reading is kept for the scenario's report

  # -- added with the client's contract: shapes, connections, settings, redirects, pacing, timeouts -------------

  @right
  Scenario: told the answer was not a list of objects
    Given the users service answers "/users" with:
      """
      [{"id": 1, "name": "Leanne Graham"}, 2, 3]
      """
    When I list all users
    Then I am told the answer was not a list of objects

  @wrong
  Scenario: told the answer was not a list of objects, when a list came where one user was expected
    Fails saying: its message does not say 'expected a list of objects'
    Given the users service answers "/users/3" with:
      """
      [{"id": 3, "name": "Clementine Bauch", "username": "Samantha", "email": "Nathan@yesenia.net"}]
      """
    When I look up user 3
    Then I am told the answer was not a list of objects

  @right
  Scenario: told the answer was not an object
    Given the users service answers "/users/3" with:
      """
      [{"id": 3, "name": "Clementine Bauch", "username": "Samantha", "email": "Nathan@yesenia.net"}]
      """
    When I look up user 3
    Then I am told the answer was not an object

  @wrong
  Scenario: told the answer was not an object, when it was one
    Fails saying: the call succeeded and got user 3
    When I look up user 3
    Then I am told the answer was not an object

  @right
  Scenario: told the answer was not a user, naming the fields it lacks
    Given the users service answers "/users/3" with:
      """
      {"id": 3, "name": "Clementine Bauch"}
      """
    When I look up user 3
    Then I am told the answer was not a user: it has no username, email

  @wrong
  Scenario: told the answer was not a user, naming a field it has
    Fails saying: its message does not say 'expected a user, got an object without username, email'
    Given the users service answers "/users/3" with:
      """
      {"id": 3, "name": "Clementine Bauch", "username": "Samantha"}
      """
    When I look up user 3
    Then I am told the answer was not a user: it has no username, email

  @right
  Scenario: told the answer was labelled as a web page
    Given the users service labels its answers as a web page
    When I look up user 3
    Then I am told the answer was labelled "text/html; charset=utf-8", not JSON

  @wrong
  Scenario: told the answer was labelled as plain text, when it was labelled as a web page
    Fails saying: its message does not say 'answered text/plain, not JSON'
    Given the users service labels its answers as a web page
    When I look up user 3
    Then I am told the answer was labelled "text/plain", not JSON

  @right
  Scenario: no connection from the app left open
    Given the app has a connection open to the users service
    When the app closes its connections
    Then the users service has no connection from the app left open

  @wrong
  Scenario: no connection from the app left open, when the app did not close them
    Fails saying: checks the connections the app closed
    Given the app has a connection open to the users service
    When I look up user 3
    Then the users service has no connection from the app left open

  @right
  Scenario: the app's settings, in a table
    Given the environment sets JSONPLACEHOLDER_RETRIES to "4"
    When the app reads its settings
    Then the app's settings are:
      | setting                    | value |
      | retries of a read          | 4     |
      | time to wait for an answer | 10 s  |

  @wrong
  Scenario: the app's settings, when a variable changed one
    Fails saying: the value the app read for its retries of a read
    Fails saying, to the end of a line: but: was 4
    Given the environment sets JSONPLACEHOLDER_RETRIES to "4"
    When the app reads its settings
    Then the app's settings are:
      | setting                    | value |
      | time to wait for an answer | 10 s  |
      | retries of a read          | 2     |

  @right
  Scenario: the app's settings are the ones it starts with
    Given the environment sets none of the app's settings
    When the app reads its settings
    Then the app's settings are the ones it starts with

  @wrong
  Scenario: the app's settings are the ones it starts with, when a variable changed one
    Fails saying: the value the app read for its time to wait for an answer
    Fails saying, to the end of a line: but: was 7.0
    Given the environment sets JSONPLACEHOLDER_READ_TIMEOUT to "7"
    When the app reads its settings
    Then the app's settings are the ones it starts with

  @right
  Scenario: one setting of the app
    Given the environment sets JSONPLACEHOLDER_READ_TIMEOUT to "7"
    When the app reads its settings
    Then the app's time to wait for an answer is 7 s
    And the app's time to connect is 3.05 s

  @wrong
  Scenario: one setting of the app, when the variable set another
    Fails saying: the value the app read for its time to connect
    Fails saying, to the end of a line: but: was 3.05
    Given the environment sets JSONPLACEHOLDER_READ_TIMEOUT to "7"
    When the app reads its settings
    Then the app's time to connect is 7 s

  @right
  Scenario: the app refuses a variable
    Given the environment sets JSONPLACEHOLDER_RETRIES to "1.5"
    When the app reads its settings
    Then the app refuses JSONPLACEHOLDER_RETRIES: it must be a whole number from 0 up

  @wrong
  Scenario: the app refuses a variable, for a rule it does not break
    Fails saying: why the app refused its settings
    Fails saying: JSONPLACEHOLDER_RETRIES must be a whole number from 0 up, not '1.5'
    Given the environment sets JSONPLACEHOLDER_RETRIES to "1.5"
    When the app reads its settings
    Then the app refuses JSONPLACEHOLDER_RETRIES: it must be a number of seconds

  @wrong
  Scenario: the app refuses a variable, when it took it
    Fails saying: checks why the app refused its settings
    Given the environment sets JSONPLACEHOLDER_RETRIES to "4"
    When the app reads its settings
    Then the app refuses JSONPLACEHOLDER_RETRIES: it must be a whole number from 0 up

  @right
  Scenario: told the answer had a header line longer than the app reads
    Given the users service answers with a header line over 64 KB
    When I look up user 3
    Then I am told the answer had a header line longer than the app reads

  @wrong
  Scenario: told of a header line too long, when there were too many header lines
    Fails saying: its message does not say 'a header line over 64 KB'
    Given the users service answers with exactly 100 header lines
    When I look up user 3
    Then I am told the answer had a header line longer than the app reads

  @right
  Scenario: told the service sent the app to something that is not an address
    Given the users service redirects user 3 to an address whose port is not a number with "found"
    When I look up user 3
    Then I am told the users service sent the app to something that is not an address

  @wrong
  Scenario: told the app was sent to something that is not an address, when it was another server
    Fails saying: what the app was told of a redirect to something that is not an address
    Fails saying: it was told the API answered 307
    Fails saying: was redirected (307) to another server
    Given the users service redirects user 3 to the same address on another port with "temporary redirect"
    When I look up user 3
    Then I am told the users service sent the app to something that is not an address

  @right
  Scenario: told the service sent the app to another server, naming the app's own
    Given the users service redirects user 3 to the same address over https with "temporary redirect"
    When I look up user 3
    Then I am told the users service sent the app to another server, naming the app's own

  @wrong
  Scenario: told the app was sent to another server, when it was sent to something that is not an address
    Fails saying: what the app was told of a redirect to another server
    Fails saying: it was told the API answered 302
    Fails saying: which is not an address
    Given the users service redirects user 3 to an address with no server with "found"
    When I look up user 3
    Then I am told the users service sent the app to another server, naming the app's own

  @right
  Scenario: the app's pauses, doubling
    Given the users service fails with a maintenance break
    And the app pauses 1 ms before asking again the first time
    When I look up user 3
    Then the app paused 1 ms, then 2 ms before asking again

  @wrong
  Scenario: the app's pauses, when each was twice the one before
    Fails saying: the pauses the app took between its tries, in seconds
    Fails saying: item 1: <0.002> differed by <0.001>
    Given the users service fails with a maintenance break
    And the app pauses 1 ms before asking again the first time
    When I look up user 3
    Then the app paused 1 ms, then 1 ms before asking again

  @right
  Scenario: the app did not pause
    Given the users service is rate limiting for 4 ms
    And the app pauses 1 ms before asking again the first time
    And the app pauses at most 3 ms between tries
    When I look up user 3
    Then the app did not pause

  @wrong
  Scenario: the app did not pause, when it paused twice
    Fails saying: the pauses the app took between its tries, in seconds
    Fails saying, to the end of a line: but: was <[0.001, 0.002]>
    Given the users service fails with a maintenance break
    And the app pauses 1 ms before asking again the first time
    When I look up user 3
    Then the app did not pause

  @right
  Scenario: told to try again in about 2 minutes
    Given the users service is rate limiting until 2 minutes from now
    When I look up user 3
    Then I am told to try again in about 2 minutes

  @wrong
  Scenario: told to try again in about 5 minutes, when it was 2
    Fails saying: the seconds the service asked the app to wait, as the app read them
    Fails saying: Expected: a numeric value within <2.0> of <300.0>
    Given the users service is rate limiting until 2 minutes from now
    When I look up user 3
    Then I am told to try again in about 5 minutes

  @wrong
  Scenario: told to try again in about 2 minutes, when the service did not say when
    Fails saying: the seconds the service asked the app to wait, as the app read them
    Fails saying, to the end of a line: but: was <None>
    Given the users service is rate limiting and says to come back "soon"
    When I look up user 3
    Then I am told to try again in about 2 minutes

  @right
  Scenario: told the service is busy, but not for how long
    Given the users service is rate limiting and says to come back "soon"
    When I look up user 3
    Then I am told the users service is busy, but not for how long

  @wrong
  Scenario: told the service is busy, but not for how long, when it said for how long
    Fails saying: the seconds the service asked the app to wait, as the app read them
    Fails saying, to the end of a line: Expected: None
    Given the users service is rate limiting until 2 minutes from now
    When I look up user 3
    Then I am told the users service is busy, but not for how long

  @right
  Scenario: told the service did not take the call in time
    Given the users service never takes the app's call
    And the app waits at most 10 ms to connect
    When I look up user 3
    Then I am told the users service did not take the call within 10 ms

  @wrong
  Scenario: told the service did not take the call in a shorter time than the app waited
    Fails saying: the seconds the app waited to connect
    Fails saying, to the end of a line: a value less than or equal to <0.005> was <0.01>
    Given the users service never takes the app's call
    And the app waits at most 10 ms to connect
    When I look up user 3
    Then I am told the users service did not take the call within 5 ms

  @wrong
  Scenario: told the service did not take the call, when it refused it
    Fails saying: its message does not say 'did not accept a connection in'
    Fails saying: Connection refused
    Given the users service is down
    When I look up user 3
    Then I am told the users service did not take the call within 10 ms

  @right
  Scenario: told the service did not answer in time
    Given the users service answers slowly
    And the app waits at most 10 ms for an answer
    When I look up user 3
    Then I am told the users service did not answer within 10 ms

  @wrong
  Scenario: told the service did not answer in time, when the whole call's time ran out
    Fails saying: its message does not say 'did not answer in 0.01 s'
    Given the users service answers slowly
    And the app waits at most 10 ms for a whole answer
    When I look up user 3
    Then I am told the users service did not answer within 10 ms

  @right
  Scenario: told the whole call's time ran out
    Given the users service answers slowly
    And the app waits at most 10 ms for a whole answer
    When I look up user 3
    Then I am told the users service had not answered when the whole call's 10 ms ran out

  @wrong
  Scenario: told the whole call's time ran out, when the time to wait for an answer did
    Fails saying: its message does not say "the call's total timeout of 0.01 s passed"
    Given the users service answers slowly
    And the app waits at most 10 ms for an answer
    When I look up user 3
    Then I am told the users service had not answered when the whole call's 10 ms ran out

  @right
  Scenario: told the service was still sending its answer when the whole call's time ran out
    Given the users service sends its answers very slowly
    And the app waits at most 300 ms for a whole answer
    When I list all users
    Then I am told the users service was still sending its answer when the whole call's 300 ms ran out

  @wrong
  Scenario: told the service was still sending its answer, when it had not begun
    Fails saying: its status was None
    Given the users service answers slowly
    And the app waits at most 10 ms for a whole answer
    When I look up user 3
    Then I am told the users service was still sending its answer when the whole call's 10 ms ran out

  @right
  Scenario: told the service stopped sending its answer part way
    Given the users service pauses part way through each answer
    And the app waits at most 300 ms for an answer
    When I list all users
    Then I am told the users service stopped sending its answer part way

  @wrong
  Scenario: told the service stopped sending its answer part way, when it never began
    Fails saying: its status was None
    Fails saying: its message does not say 'stopped sending its answer part way'
    Given the users service answers slowly
    And the app waits at most 10 ms for an answer
    When I look up user 3
    Then I am told the users service stopped sending its answer part way

  @right
  Scenario: told the service refused the connection
    Given the users service is down
    When I look up user 3
    Then I am told the users service refused the connection

  @wrong
  Scenario: told the service refused the connection, when it never took the call
    Fails saying: its message does not say 'cannot be reached: Failed to establish a new connection'
    Given the users service never takes the app's call
    And the app waits at most 10 ms to connect
    When I look up user 3
    Then I am told the users service refused the connection

  @right
  Scenario: told the service had not taken all the app sent
    Given the users service stops reading what the app sends
    And the app waits at most 0.5 seconds for a whole answer
    When I create a user whose profile runs to 8 MB
    Then I am told the users service had not taken all the app sent when its time ran out

  @wrong
  Scenario: told the service had not taken all the app sent, when its answer was slow
    Fails saying: what the app was told of a service that stopped taking its request
    Given the app waits at most 0.1 seconds for an answer
    And the users service answers slowly
    When I list all users
    Then I am told the users service had not taken all the app sent when its time ran out

  @right @mock_only
  Scenario: the answers kept on disk after many large ones
    Given the mock keeps answers on disk, in a folder of its own
    When the API is asked for 70 different large answers
    Then the mock keeps 64 answers on disk, the last one asked for among them

  @wrong @mock_only
  Scenario: the answers kept on disk, counted wrong
    Fails saying: the answers the mock keeps on disk
    Given the mock keeps answers on disk, in a folder of its own
    When the API is asked for 3 different large answers
    Then the mock keeps 64 answers on disk, the last one asked for among them

  @wrong
  Scenario: the answers kept on disk, after a When that asked for none
    Fails saying: the answers the mock keeps on disk
    When I list all users
    Then the mock keeps 64 answers on disk, the last one asked for among them
