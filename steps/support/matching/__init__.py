"""Hamcrest matchers the Thens judge with, whose mismatch says what is wrong in words: users and errors, lists, requests."""
