"""Writing the Tiled side of the game: project types, templates and the story maps."""
