"""The code base stays ruff clean."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import ROOT


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff not installed")
def test_ruff_clean() -> None:
    # The project's own code: a virtual environment of another name is none of it.
    done = subprocess.run(["ruff", "check", "briefing", "tests", "bench"], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
