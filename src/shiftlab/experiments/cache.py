"""Results of experiments, stored under a key made of the code that ran and its parameters.

An experiment is deterministic on a given machine, so its result is a function of three
things: its parameters, the source code it runs, and the versions of the libraries that
do the arithmetic. ``digest`` hashes exactly those; ``store`` and ``fetch`` keep one
result per digest as ``<name>-<digest>.json`` (parameters and metrics) next to
``<name>-<digest>.npz`` (arrays). A change to the experiment's module, or to any
shiftlab module it imports (found by reading the imports, transitively), gives a new key,
so a stale result is never read; a rebuild with nothing changed reads the files back.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import json
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

CACHE_ENV = "SHIFTLAB_EXPERIMENT_CACHE"
"""Environment variable naming the cache directory (default ``.cache/experiments``)."""

_VERSIONED = ("numpy", "torch", "scikit-learn")


@dataclass(frozen=True)
class Result:
    """What an experiment measured: numbers, arrays, and where they came from.

    Attributes:
        name: The experiment's name.
        params: The parameters it ran with (JSON values).
        key: The digest of code, parameters and library versions.
        metrics: Named numbers and small lists (JSON values).
        arrays: Named numpy arrays (for figures).
        seconds: Wall time of the run that produced it (not part of the key).
    """

    name: str
    params: Mapping[str, Any]
    key: str
    metrics: Mapping[str, Any]
    arrays: Mapping[str, NDArray[Any]] = field(default_factory=dict)
    seconds: float = math.nan


def cache_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The cache directory: ``path``, else ``$SHIFTLAB_EXPERIMENT_CACHE``, else the default.

    The default, ``.cache/experiments``, is relative to the working directory: the
    repository root for ``make``, the tests, the snippets and the site build.

    Args:
        path: An explicit directory, or None.

    Returns:
        The directory (not created).

    Examples:
        >>> cache_dir("/tmp/x").as_posix()
        '/tmp/x'
    """
    if path is not None:
        return Path(path)
    return Path(os.environ.get(CACHE_ENV) or Path(".cache") / "experiments")


_ROOT = Path(__file__).resolve().parents[1]  # src/shiftlab


def _source(name: str) -> Path | None:
    """The file of a shiftlab module, found on disk: nothing is imported (no torch)."""
    parts = name.split(".")
    if parts[0] != "shiftlab":
        return None
    package = _ROOT.joinpath(*parts[1:], "__init__.py")
    if package.is_file():
        return package
    module = _ROOT.joinpath(*parts[1:]).with_suffix(".py") if len(parts) > 1 else None
    return module if module is not None and module.is_file() else None


def shiftlab_sources(module: str) -> list[Path]:
    """The source files of a shiftlab module and of every shiftlab module it imports.

    Imports are read from the source (``import shiftlab.x``, ``from shiftlab.x import y``,
    relative imports) and the files are found on disk, so the list does not depend on
    what happens to be loaded, and computing it imports nothing. A module's packages
    count too: importing ``shiftlab.shifts`` runs ``shiftlab/__init__.py``, which imports
    the whole numpy core.

    Args:
        module: A dotted module name inside shiftlab, e.g. ``"shiftlab.experiments.digits"``.

    Returns:
        The files, sorted, each once.

    Raises:
        ValueError: If ``module`` is not a shiftlab module with a source file.

    Examples:
        >>> names = {p.name for p in shiftlab_sources("shiftlab.shifts")}
        >>> {"__init__.py", "shifts.py", "pooling.py"} <= names, "blurpool.py" in names
        (True, False)
    """
    if _source(module) is None:
        raise ValueError(f"expected a shiftlab module with a source file, got {module!r}")
    seen: dict[str, Path] = {}
    todo = [module]
    while todo:
        name = todo.pop()
        path = _source(name)
        if name in seen or path is None:
            continue
        seen[name] = path
        parent = name if path.name == "__init__.py" else name.rpartition(".")[0]
        todo += _imports(path, parent)
        todo += [name.rpartition(".")[0]] if "." in name else []  # packages run __init__
    return sorted(set(seen.values()))


def _imports(path: Path, package: str) -> list[str]:
    """Every shiftlab module a file imports (a name that may be a module counts if it is one)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(max(node.level - 1, 0)):
                base = base.rpartition(".")[0]
            stem = node.module or ""
            module = (f"{base}.{stem}" if stem else base) if node.level else stem
            found.append(module)
            found += [f"{module}.{alias.name}" for alias in node.names]  # maybe submodules
    return [name for name in found if _source(name) is not None]


def digest(name: str, module: str, params: Mapping[str, Any]) -> str:
    """The key of a result: experiment name, parameters, sources and library versions.

    Args:
        name: The experiment's name.
        module: The module that defines it (its shiftlab imports are followed).
        params: Its parameters; must be JSON-serialisable.

    Returns:
        16 hex digits of a SHA-256.

    Raises:
        TypeError: If a parameter is not JSON-serialisable.

    Examples:
        >>> a = digest("demo", "shiftlab.shifts", {"seed": 0})
        >>> b = digest("demo", "shiftlab.shifts", {"seed": 1})
        >>> len(a), a == digest("demo", "shiftlab.shifts", {"seed": 0}), a == b
        (16, True, False)
    """
    hasher = hashlib.sha256()
    hasher.update(json.dumps([name, dict(params)], sort_keys=True).encode())
    for path in shiftlab_sources(module):
        where = path.resolve().relative_to(_ROOT).as_posix()
        hasher.update(where.encode() + b"\0" + path.read_bytes() + b"\0")
    hasher.update(json.dumps(_versions(_VERSIONED)).encode())
    return hasher.hexdigest()[:16]


def _versions(packages: Iterable[str]) -> dict[str, str | None]:
    versions: dict[str, str | None] = {}
    for package in packages:
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = None
    return versions


def _paths(directory: Path, name: str, key: str) -> tuple[Path, Path]:
    stem = directory / f"{name}-{key}"
    return stem.with_suffix(".json"), stem.with_suffix(".npz")


def store(result: Result, directory: str | os.PathLike[str] | None = None) -> Path:
    """Write a result to the cache; returns the JSON file.

    The JSON is written last and atomically (a temporary file, then a rename), so a run
    that is interrupted leaves no result that ``fetch`` would read.

    Args:
        result: The result to keep.
        directory: The cache directory (see ``cache_dir``).

    Returns:
        The path of the JSON file.
    """
    folder = cache_dir(directory)
    folder.mkdir(parents=True, exist_ok=True)
    meta, arrays = _paths(folder, result.name, result.key)
    named: dict[str, Any] = dict(result.arrays)
    with arrays.open("wb") as stream:
        np.savez(stream, allow_pickle=False, **named)
    document = {
        "name": result.name,
        "params": dict(result.params),
        "key": result.key,
        "metrics": dict(result.metrics),
        "arrays": sorted(result.arrays),
        "seconds": result.seconds,
    }
    partial = meta.with_suffix(".json.partial")
    partial.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    partial.replace(meta)
    return meta


def fetch(name: str, key: str, directory: str | os.PathLike[str] | None = None) -> Result | None:
    """Read a stored result back, or None if there is none for this key.

    Args:
        name: The experiment's name.
        key: The digest the result must have.
        directory: The cache directory (see ``cache_dir``).

    Returns:
        The result, or None.
    """
    meta, arrays = _paths(cache_dir(directory), name, key)
    if not meta.is_file() or not arrays.is_file():
        return None
    document = json.loads(meta.read_text(encoding="utf-8"))
    with np.load(arrays) as stored:
        loaded = {array: stored[array] for array in document["arrays"]}
    return Result(
        name=document["name"],
        params=document["params"],
        key=document["key"],
        metrics=document["metrics"],
        arrays=loaded,
        seconds=document["seconds"],
    )
