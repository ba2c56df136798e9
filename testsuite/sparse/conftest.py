"""Fixtures for testsuite/sparse: they live in sparse_helpers.py, a module
name that cannot collide with another directory's conftest."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from sparse_helpers import binary, env, tree  # noqa: E402,F401
