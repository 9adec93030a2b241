"""The guide's figures: drawn from library code, written deterministically, cached by content.

This is the only part of shiftlab that imports matplotlib. Every figure is a function
`Palette -> Figure` registered in `FIGURES`; `build` writes `<name>.light.svg` and
`<name>.dark.svg` for each, and skips the ones whose inputs (the library's source,
the matplotlib and numpy versions) have not changed since they were last written.
Run it as `python -m shiftlab.figures docs/figures` (`make figures`).
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure

from shiftlab.figures.antialias import binomial_filters, blurpool_shift_errors
from shiftlab.figures.beyond import p4_feature_maps, rot90_stride_parity
from shiftlab.figures.borders import (
    corner_placements,
    position_readout_maps,
    zero_padding_depth,
    zero_padding_error_map,
)
from shiftlab.figures.equivariance import equivariance_examples
from shiftlab.figures.foundations import circulant_matrices, commutative_diagram, shift_kinds
from shiftlab.figures.invariance import digits_accuracy_maps, digits_diagonal
from shiftlab.figures.layer_by_layer import layer_errors, readout_sensitivity
from shiftlab.figures.normalisation import layernorm_affine, normalisation_errors
from shiftlab.figures.palette import DARK, LIGHT, PALETTES, Palette
from shiftlab.figures.position import coordconv_quadrant
from shiftlab.figures.sampling import polyphase_shifts, pooling_blocks, subsampling_aliasing
from shiftlab.figures.weight_sharing import group_average, weight_layouts

__all__ = ["DARK", "FIGURES", "LIGHT", "BuildResult", "Palette", "build", "render"]

FIGURES: dict[str, Callable[[Palette], Figure]] = {
    "commutative-diagram": commutative_diagram,
    "shift-kinds": shift_kinds,
    "circulant-matrices": circulant_matrices,
    "weight-sharing-layouts": weight_layouts,
    "weight-sharing-average": group_average,
    "equivariance-examples": equivariance_examples,
    "polyphase-shifts": polyphase_shifts,
    "max-pool-blocks": pooling_blocks,
    "subsampling-aliasing": subsampling_aliasing,
    "normalisation-errors": normalisation_errors,
    "layernorm-affine": layernorm_affine,
    "binomial-filters": binomial_filters,
    "blurpool-shift-errors": blurpool_shift_errors,
    "digits-accuracy-maps": digits_accuracy_maps,
    "digits-diagonal": digits_diagonal,
    "layer-by-layer-errors": layer_errors,
    "readout-sensitivity": readout_sensitivity,
    "p4-feature-maps": p4_feature_maps,
    "rot90-stride-parity": rot90_stride_parity,
    "zero-padding-error-map": zero_padding_error_map,
    "zero-padding-depth": zero_padding_depth,
    "corner-placements": corner_placements,
    "position-readout-maps": position_readout_maps,
    "coordconv-quadrant": coordconv_quadrant,
}
"""Every figure of the site by name; pages embed `figures/<name>.<palette>.svg`."""

_MANIFEST = ".manifest.json"
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def render(name: str, palette: Palette) -> bytes:
    """Draw one figure in one palette and return its SVG bytes.

    The output is byte-for-byte reproducible: fixed seeds in the figure code, a fixed
    `svg.hashsalt` for element ids and no date in the metadata.

    Args:
        name: A key of `FIGURES`.
        palette: `LIGHT` or `DARK` (or any `Palette`).

    Returns:
        The SVG document.

    Raises:
        KeyError: If `name` is not a registered figure.

    Examples:
        >>> svg = render("shift-kinds", LIGHT)
        >>> svg.startswith(b"<?xml") and svg == render("shift-kinds", LIGHT)
        True
    """
    if name not in FIGURES:
        raise KeyError(f"unknown figure {name!r}; expected one of {sorted(FIGURES)}")
    with mpl.rc_context(palette.rc()):
        figure = FIGURES[name](palette)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _inputs_digest() -> str:
    """Hash of everything a figure depends on: the package source and library versions."""
    digest = hashlib.sha256()
    digest.update(f"matplotlib {mpl.__version__} numpy {np.__version__}".encode())
    for path in sorted(_PACKAGE_ROOT.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE_ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class BuildResult:
    """What `build` did.

    Attributes:
        written: Files drawn and written in this call.
        unchanged: Files whose inputs were unchanged, left as they were.
    """

    written: tuple[Path, ...]
    unchanged: tuple[Path, ...]


def build(
    outdir: str | Path, names: Iterable[str] | None = None, *, force: bool = False
) -> BuildResult:
    """Write every (or the named) figure in both palettes into `outdir`, skipping fresh ones.

    A figure is redrawn when its file is missing, when the digest of its inputs
    differs from the one recorded in `outdir/.manifest.json`, or when `force` is set.

    Args:
        outdir: Directory to write into (created if missing).
        names: Figures to build; all of `FIGURES` when None.
        force: Redraw even when the inputs are unchanged.

    Returns:
        The files written and the files left unchanged.

    Raises:
        KeyError: If a name is not a registered figure.

    Examples:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     first = build(tmp, ["shift-kinds"])
        ...     again = build(tmp, ["shift-kinds"])
        >>> len(first.written), len(again.written), len(again.unchanged)
        (2, 0, 2)
    """
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    selected = list(FIGURES) if names is None else list(names)
    unknown = [name for name in selected if name not in FIGURES]
    if unknown:
        raise KeyError(f"unknown figures {unknown}; expected names from {sorted(FIGURES)}")
    manifest_path = out / _MANIFEST
    manifest: dict[str, str] = (
        json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    )
    digest = _inputs_digest()
    written: list[Path] = []
    unchanged: list[Path] = []
    for name in selected:
        for palette in PALETTES:
            path = out / f"{name}.{palette.name}.svg"
            if not force and path.exists() and manifest.get(path.name) == digest:
                unchanged.append(path)
                continue
            path.write_bytes(render(name, palette))
            manifest[path.name] = digest
            written.append(path)
    manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return BuildResult(tuple(written), tuple(unchanged))
