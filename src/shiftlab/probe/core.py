"""The probe: every layer of a torch model measured under a set of shifts, in batches."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Literal

import numpy as np
import torch
from numpy.typing import NDArray
from torch import nn

from shiftlab.consistency import (
    Proportion,
    _check_model,
    _device,
    _evaluating,
    change_probability,
)
from shiftlab.layers.padding import _positive_int
from shiftlab.probe.hooks import Recorder
from shiftlab.probe.report import ProbeReport
from shiftlab.probe.rows import OutputReport
from shiftlab.probe.run import Selector, _select, measure
from shiftlab.shifts import _as_int_tuple, _per_axis, centered_shifts


def _check_input(x: object) -> torch.Tensor:
    """``x`` as a floating (N, C, *S) tensor with one to three spatial axes, or an error."""
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"x must be a torch.Tensor of shape (N, C, *S), got {type(x).__name__}")
    if not x.is_floating_point():
        raise TypeError(f"x must be a floating tensor (e.g. float32), got {x.dtype}")
    if x.ndim not in (3, 4, 5):
        raise ValueError(
            f"x must have shape (N, C, W), (N, C, H, W) or (N, C, D, H, W), got {tuple(x.shape)}"
        )
    if 0 in x.shape:
        raise ValueError(f"x needs a sample, a channel and a position per axis, got {x.shape}")
    return x


def _check_shifts(shifts: object, size: Sequence[int]) -> NDArray[np.int64]:
    """The shifts as an int64 (S, k) array: at least one, each smaller than the input."""
    k = len(size)
    if shifts is None:
        return np.array(centered_shifts(size), dtype=np.int64).reshape(-1, k)
    if isinstance(shifts, torch.Tensor):
        shifts = shifts.tolist()
    if not isinstance(shifts, Iterable) or isinstance(shifts, str | bytes):
        raise TypeError(f"shifts must be a list of shifts (one integer per axis), got {shifts!r}")
    vectors = [_as_int_tuple(v, "shift") for v in shifts]
    if not vectors:
        raise ValueError("shifts must hold at least one shift, got an empty list")
    for v in vectors:
        if len(v) != k:
            raise ValueError(f"each shift needs {k} integers, one per spatial axis {size}: {v}")
        if any(abs(c) >= n for c, n in zip(v, size, strict=True)):
            raise ValueError(
                f"shift {v} is as large as the input {tuple(size)} on some axis: each "
                f"component must lie in (-n, n), n the input's size on that axis"
            )
    return np.array(vectors, dtype=np.int64).reshape(-1, k)


def _check_layers(model: nn.Module, layers: object) -> set[str]:
    """The module names to report (empty for every leaf), each one of ``model``'s."""
    if layers is None:
        return set()
    if not isinstance(layers, Iterable) or isinstance(layers, str | bytes):
        raise TypeError(f"layers must be a list of module names, got {layers!r}")
    names, known = list(layers), dict(model.named_modules())
    missing = [name for name in names if name not in known]
    if not names or missing:
        some = ", ".join(repr(n) for n in list(known)[:12])
        raise ValueError(
            f"layers must name modules of the model, got {missing or names!r}; it has {some}"
            f"{', ...' if len(known) > 12 else ''}"
        )
    return set(names)


class _AxisView(nn.Module):
    """``model`` seen through (N, C', n_a, M) views of its (N, C, *S) inputs."""

    def __init__(self, model: nn.Module, shape: Sequence[int], output: Selector) -> None:
        super().__init__()
        self.model, self.shape, self.output = model, tuple(shape), output

    def forward(self, view: torch.Tensor) -> torch.Tensor:
        return _select(self.model(view.reshape(view.shape[0], *self.shape)), self.output)


def one_pixel_change(
    model: nn.Module, x: torch.Tensor, output: Selector, shift_mode: str, batch: int
) -> Proportion:
    """``change_probability`` under the shifts by +1 and -1 along every spatial axis.

    ``shiftlab.consistency`` shifts the last two axes of (N, C, H, W) images; axis ``a``
    of (N, C, *S) is the H axis of the view (N, C * prod(S[:a]), S[a], prod(S[a+1:])),
    whose 2-D shifts (1, 0) and (-1, 0) are exactly the shifts along ``a``, circular or
    zero-fill. The model sees the samples reshaped back. For 2-D inputs this counts the
    four ``UNIT_SHIFTS``.

    Examples:
        >>> pooled = nn.Sequential(nn.AdaptiveAvgPool1d(1), nn.Flatten())  # invariant
        >>> one_pixel_change(pooled, torch.randn(3, 2, 5), None, "circular", 4)
        Proportion(count=0, total=6)
    """
    N, C, *S = x.shape
    count = total = 0
    for axis, n in enumerate(S):
        view = x.reshape(N, C * math.prod(S[:axis]), n, math.prod(S[axis + 1 :]))
        rate = change_probability(
            _AxisView(model, x.shape[1:], output),
            view,
            shifts=((1, 0), (-1, 0)),
            shift_mode=shift_mode,  # type: ignore[arg-type]
            batch_size=batch * N,
        )
        count, total = count + rate.count, total + rate.total
    return Proportion(count, total)


AUTO_SAMPLES = 256
"""Samples per forward pass that ``auto_batch_size`` aims for."""

AUTO_BYTES = 32 * 2**20
"""The most input bytes per forward pass that ``auto_batch_size`` chooses."""


def auto_batch_size(x: torch.Tensor) -> int:
    """Shifted copies of ``x`` per forward pass when ``probe`` is given no ``batch_size``.

    About ``AUTO_SAMPLES`` samples per pass (small models run faster per sample in
    larger batches, up to where the activations leave the cache), fewer when that
    much input would exceed ``AUTO_BYTES``, and at least one copy of ``x``.

    Args:
        x: The probe's input, (N, C, *S).

    Returns:
        The number of shifted copies of ``x`` per forward pass, at least 1.

    Examples:
        >>> auto_batch_size(torch.zeros(1, 3, 32, 32))  # 256 samples of 12 KiB
        256
        >>> auto_batch_size(torch.zeros(2, 3, 16, 16))
        128
        >>> auto_batch_size(torch.zeros(8, 3, 224, 224))  # 32 MiB holds 6 copies of 4.8 MB
        6
    """
    copies = max(1, AUTO_SAMPLES // max(1, x.shape[0]))
    per_copy = max(1, x.numel() * x.element_size())
    return max(1, min(copies, AUTO_BYTES // per_copy))


def probe(
    model: nn.Module,
    x: torch.Tensor,
    shifts: Iterable[int | Sequence[int]] | None = None,
    *,
    shift_mode: Literal["circular", "zero"] = "circular",
    batch_size: int | None = None,
    crop: Literal["auto"] | int | Sequence[int] = "auto",
    layers: Iterable[str] | None = None,
    output: Selector = None,
    classifier: bool | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ProbeReport:
    """Measure every layer of ``model`` under shifts of ``x``: stride-aware, batched.

    Hooks every leaf module (and the modules named in ``layers``), runs ``x`` once and
    the shifted copies of ``x`` in batches of ``batch_size`` copies (one forward pass per
    batch), and compares each layer call's output ``F(T_v x)`` with ``T_{v q / s} F(x)``,
    ``s`` and ``q`` its total stride and up-factor found from the shapes (see the package
    docstring for the rules, the crop and what is skipped). The model's output gets its
    invariance error and, for (N, K) logits, prediction consistency and the probability
    that a one-pixel shift changes the prediction (``shiftlab.consistency``).

    The model runs in eval mode under ``torch.no_grad()`` on the device of its first
    parameter or buffer, and is left as found: training flags, parameters and buffers
    unchanged, no hook left behind, also after an error.

    Args:
        model: Any ``torch.nn.Module`` that treats the samples of a batch independently.
        x: Floating input (N, C, W), (N, C, H, W) or (N, C, D, H, W).
        shifts: One integer per spatial axis each, ``|v| < n`` per axis; None means
            every shift of the grid (``shiftlab.shifts.centered_shifts``).
        shift_mode: "circular" (``torch.roll``) or "zero" (content on a zero canvas).
        batch_size: Shifted copies of ``x`` per forward pass (memory: ``batch_size * N``
            samples and every layer's output for them). None (the default) chooses
            ``auto_batch_size(x)``: about 256 samples per pass, at most 32 MiB of input.
        crop: "auto": no crop for circular shifts, ``ceil(R / s)`` per layer for zero
            fill (``R`` the bound of ``shiftlab.probe.reach``); or output samples dropped
            on both sides of every layer, one integer or one per axis.
        layers: Names from ``model.named_modules()`` to report, leaves or not; None
            reports every leaf module.
        output: Key or index of the tensor to measure when the model returns a dict,
            tuple or list.
        classifier: Measure (N, K) outputs as logits; None decides by the shape (K >= 2).
        progress: Called as ``progress(done, total)`` after each batch of shifts.

    Returns:
        A ``ProbeReport``: one row per layer call (measured or skipped), and the output.

    Raises:
        TypeError: If the model, ``x`` or an option has the wrong type (``x`` not floating).
        ValueError: If a shape, shift, option or layer name is invalid, the model rejects
            ``x``, returns no tensor to measure, or calls its modules differently for
            shifted inputs.

    Examples:
        >>> import torch
        >>> from torch import nn
        >>> net = nn.Sequential(
        ...     nn.Conv2d(1, 2, 3, padding=1, padding_mode="circular"), nn.ReLU(), nn.MaxPool2d(2)
        ... )
        >>> x = torch.randn(1, 1, 8, 8, generator=torch.Generator().manual_seed(0))
        >>> report = probe(net, x, [(0, 1), (0, 2)])
        >>> [row.stride_text for row in report.layers]
        ['1', '1', '2']
        >>> [e.defined for e in report.layer("2").errors]  # the pool: 2 does not divide 1
        [False, True]
        >>> report.layer("0").errors.max_relative_l2 < 1e-6
        True
    """
    net, x = _check_model(model), _check_input(x)
    size, k, zero = tuple(x.shape[2:]), x.ndim - 2, shift_mode == "zero"
    vectors = _check_shifts(shifts, size)
    if shift_mode not in ("circular", "zero"):
        raise ValueError(f"shift_mode must be 'circular' or 'zero', got {shift_mode!r}")
    batch = auto_batch_size(x) if batch_size is None else _positive_int(batch_size, "batch_size")
    crops = crop if crop == "auto" else _per_axis(crop, k, "crop")
    if crops != "auto" and min(crops) < 0:
        raise ValueError(f"crop must be 'auto' or integers >= 0, got {crop!r}")
    wanted = _check_layers(net, layers)
    if output is not None and not isinstance(output, str | int):
        raise TypeError(f"output must be a key (str) or an index (int), got {output!r}")
    if classifier is not None and not isinstance(classifier, bool):
        raise TypeError(f"classifier must be True, False or None, got {classifier!r}")
    x = x.to(_device(net, x))
    recorder = Recorder(net, x, wanted)
    try:
        with _evaluating(net):
            measured = measure(
                net, x, vectors, recorder,
                crop=crops, zero=zero, batch=batch, output=output, classifier=classifier,
                progress=progress,
            )  # fmt: skip
    finally:
        recorder.remove()
    rows, invariance, (logits, kept) = measured
    classes = change = consistency = None
    if logits is not None:
        classes, consistency = logits.shape[1], Proportion(kept, x.shape[0] * len(vectors))
        change = one_pixel_change(net, x, output, shift_mode, batch)
    out = OutputReport(invariance[0], invariance[1], classes, consistency, change)
    shifts_out = tuple(tuple(v) for v in vectors.tolist())
    return ProbeReport(type(net).__name__, tuple(x.shape), shift_mode, shifts_out, rows, out)
