@api_reference @mock_only
Feature: What the app takes as an answer
  The app hands on only what has the shape its caller expects: a list of users is a list of
  objects, a user is an object with an id, a name, a username and an email. Anything else is
  told as an answer of the wrong shape, never passed on. The live API always answers in shape.

  Scenario: a list holding something other than objects
    Given the users service answers "/users" with:
      """
      [{"id": 1, "name": "Leanne Graham"}, 2, 3]
      """
    When I list all users
    Then I am told the answer was not a list of objects

  Scenario: an empty object where a list is expected
    Given the users service answers "/users" with:
      """
      {}
      """
    When I list all users
    Then I am told the answer was not a list of objects

  Scenario: a list where one user is expected
    Given the users service answers "/users/3" with:
      """
      [{"id": 3, "name": "Clementine Bauch", "username": "Samantha", "email": "Nathan@yesenia.net"}]
      """
    When I look up user 3
    Then I am told the answer was not an object

  Scenario: a user without an email or a username
    Given the users service answers "/users/3" with:
      """
      {"id": 3, "name": "Clementine Bauch"}
      """
    When I look up user 3
    Then I am told the answer was not a user: it has no username, email

  Scenario: JSON nested too deeply to read is no answer
    Given the users service sends JSON nested a hundred thousand levels deep
    When I list all users
    Then I am told the answer was nested too deeply to read

  Scenario: an answer labelled as a web page is not read as JSON
    Given the users service labels its answers as a web page
    When I look up user 3
    Then I am told the answer was labelled "text/html; charset=utf-8", not JSON
