"""The screens of the game: title, campaign and briefing, mission, pause, settings, debrief."""
