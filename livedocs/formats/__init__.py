"""Reports for QA teams and CI servers: Cucumber JSON and Allure results from a behave run, the Allure report, and
the checks that they record every scenario, its exchanges, and failures as failures."""
