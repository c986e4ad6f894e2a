Feature: Work in progress stays out of every run that does not ask for it
  .ci/checks/writing/refusals.py runs this with --tags=-real, with no --tags and with --tags=wip: only the last runs the
  scenario tagged wip, which is unfinished (it fails).

  Scenario: a finished scenario
    When I list all users
    Then I get 10 users

  @wip
  Scenario: an unfinished scenario
    When I list all users
    Then I get 3 users
