"""``python -m game`` does what the ``rififi`` command does."""

from game.cli import main

raise SystemExit(main())
