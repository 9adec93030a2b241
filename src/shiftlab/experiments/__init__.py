"""Experiments behind the guide's numbers: seeded, run on the CPU, cached by code and parameters.

Each experiment is a function of explicit parameters that returns ``(metrics, arrays)``;
``run`` calls it once, stores the result under a key made of its parameters, the source
of its module and of every shiftlab module that module imports, and the library
versions (``shiftlab.experiments.cache``), and reads it back on every later call until one
of those changes. Pages quote the numbers through snippets that call ``run`` and print,
and figures draw the arrays; ``python -m shiftlab.experiments`` (``make experiments``)
runs them all.

Runs are made reproducible on a machine: one CPU thread (a fixed order of every sum),
``torch.use_deterministic_algorithms(True)`` and seeds passed in; torch's global settings
are restored afterwards. Nothing is downloaded: data comes from scikit-learn's bundled
digits or is generated.
"""

from __future__ import annotations

import importlib
import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from shiftlab.experiments.cache import Result, cache_dir, digest, fetch, store

__all__ = ["EXPERIMENTS", "Experiment", "Result", "cache_dir", "run"]


@dataclass(frozen=True)
class Experiment:
    """A registered experiment: where its function lives, and its default parameters.

    The function is named, not imported, so that reading a stored result needs neither
    torch nor the experiment's module: only its source, for the key.

    Attributes:
        module: The shiftlab module that defines the function; its source, and that of
            every shiftlab module it imports, is part of the result's key.
        function: The function's name: keyword-only parameters in, ``(metrics, arrays)`` out.
        params: The defaults, JSON values; ``run`` accepts overrides of these names only.
    """

    module: str
    function: str
    params: Mapping[str, Any]

    def load(self) -> Callable[..., tuple[dict[str, Any], dict[str, Any]]]:
        """Import the module and return the function."""
        found: Callable[..., tuple[dict[str, Any], dict[str, Any]]]
        found = getattr(importlib.import_module(self.module), self.function)
        return found


EXPERIMENTS: dict[str, Experiment] = {
    "shifted-digits": Experiment(
        "shiftlab.experiments.digits",
        "shifted_digits",
        {"seed": 0, "epochs": 20, "train_size": 1200, "max_shift": 4},
    ),
    "coordconv-quadrant": Experiment(
        "shiftlab.experiments.coordconv",
        "coordinate_classification",
        {
            "seed": 0,
            "size": 16,
            "width": 32,
            "coordconv_epochs": 30,
            "deconv_epochs": 150,
            "lr": 3e-3,
        },
    ),
    "corner-padding": Experiment(
        "shiftlab.experiments.borders",
        "corner_padding",
        {
            "seed": 0,
            "pairs": 64,
            "test_pairs": 128,
            "canvas": 16,
            "patch": 6,
            "channels": 8,
            "epochs": 60,
        },
    ),
    "position-readout": Experiment(
        "shiftlab.experiments.borders",
        "position_readout",
        {
            "seed": 0,
            "size": 16,
            "layers": 5,
            "channels": 8,
            "steps": 200,
            "batch": 16,
            "test_size": 256,
        },
    ),
}
"""Every experiment by name."""


@contextmanager
def _reproducible() -> Iterator[None]:
    import torch  # noqa: PLC0415  # only when something is run, never for a cache hit

    threads, deterministic = torch.get_num_threads(), torch.are_deterministic_algorithms_enabled()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    try:
        yield
    finally:
        torch.set_num_threads(threads)
        torch.use_deterministic_algorithms(deterministic)


def run(
    name: str,
    *,
    cache: str | os.PathLike[str] | None = None,
    force: bool = False,
    **overrides: Any,
) -> Result:
    """The result of an experiment: from the cache if the code and parameters match, else run.

    Args:
        name: A key of ``EXPERIMENTS``.
        cache: The cache directory (default: ``$SHIFTLAB_EXPERIMENT_CACHE`` or
            ``.cache/experiments`` under the working directory).
        force: Run even if a matching result is stored (and replace it).
        **overrides: Parameters that differ from the experiment's defaults.

    Returns:
        The result, with the wall time of the run that produced it.

    Raises:
        KeyError: If ``name`` is not a registered experiment.
        TypeError: If an override names no parameter of the experiment.
    """
    if name not in EXPERIMENTS:
        raise KeyError(f"unknown experiment {name!r}; expected one of {sorted(EXPERIMENTS)}")
    experiment = EXPERIMENTS[name]
    unknown = sorted(set(overrides) - set(experiment.params))
    if unknown:
        raise TypeError(f"{name} has no parameters {unknown}; it takes {sorted(experiment.params)}")
    params = {**experiment.params, **overrides}
    key = digest(name, experiment.module, params)
    if not force and (stored := fetch(name, key, cache)) is not None:
        return stored
    function = experiment.load()
    start = time.perf_counter()
    with _reproducible():
        metrics, arrays = function(**params)
    result = Result(name, params, key, metrics, arrays, time.perf_counter() - start)
    store(result, cache)
    return result
