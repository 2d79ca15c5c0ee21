"""The pygame client: window, scenes, renderer, overlays, HUD, input and audio."""
