"""The player's own folders: settings (config) and progress, screenshots, recordings (data).

Shared by the replay layer and the client, and light to import (the title screen needs it).
``RIFIFI_CONFIG_DIR`` and ``RIFIFI_DATA_DIR`` override them so tests, CI and portable
installs never touch the player's own files.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "rififi"


def config_dir() -> Path:
    """Where settings live (platformdirs' user config folder unless overridden)."""
    override = os.environ.get("RIFIFI_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    """Where progress, screenshots and recordings live (not created here)."""
    override = os.environ.get("RIFIFI_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))
