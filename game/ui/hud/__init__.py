"""The heads-up display and the small widgets every scene shares."""
