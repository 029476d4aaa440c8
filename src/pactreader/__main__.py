"""Allow ``python -m pactreader``."""

from __future__ import annotations

from pactreader.cli.main import main

raise SystemExit(main())
