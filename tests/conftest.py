"""Test configuration: a deterministic hypothesis profile for the property tests."""

from hypothesis import settings

# Derandomised and without a database, so every run draws the same examples and a
# failure in CI reproduces locally; no deadline, since timing on shared runners varies.
settings.register_profile(
    "shiftlab", derandomize=True, database=None, max_examples=100, deadline=None
)
settings.load_profile("shiftlab")
