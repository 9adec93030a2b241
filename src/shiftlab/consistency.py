"""How often a shift changes a classifier's prediction: consistency, change rate, accuracy.

``shiftlab.measures`` compares feature maps; a classifier is judged by one number per
input, the predicted class. These functions run a ``torch.nn.Module`` that maps
(N, C, h, w) images to (N, K) logits on shifted copies of the images and count how
often the prediction stays the same, changes under a one-pixel shift, or is right.

A shift ``v = (dy, dx)`` acts as in ``shiftlab.shifts`` (a positive ``v`` moves the
content down / right), in one of three ways (``shift_mode``):

* ``"circular"``: ``torch.roll`` of the image, the circular shift ``T_v``. Stride-1,
  size-preserving circular convolutions, pointwise maps and a global pool make a network
  invariant to it, up to rounding (a global mean sums the rolled map in another order).
* ``"zero"``: translation of the content on a zero canvas, ``Z_v``: what leaves the frame
  is lost, zeros (0.0 in the input's units, so normalise inside the model) come in.
* ``"crop"``: the images are larger canvases (N, C, H, W) and the model sees the window
  of ``crop_size`` ``(h, w)`` whose top-left corner is ``(top - dy, left - dx)`` with
  ``top = (H - h) // 2`` and ``left = (W - w) // 2``: the centred window for ``v = 0``.
  Real content comes in at the border, as in Zhang's ImageNet test.

How the model is run: in eval mode, under ``torch.no_grad()``, on the device of its first
parameter or buffer, on batches of at most ``batch_size`` shifted images (one forward call
per batch, the shifted copies built by one gather). Afterwards every submodule's
training flag is what it was, even after an error; no hooks are added, and parameters and
buffers are untouched (eval-mode BatchNorm does not update its running statistics). The
model must treat the samples of a batch independently (eval-mode BatchNorm does), so
results do not depend on ``batch_size``. The prediction is ``torch.argmax(logits, dim=1)``,
which on a tie returns the first maximal class (the smallest index); nan logits raise.

Rates come as a ``Proportion``, the counts behind them included; with no images there is
no evidence and the rate is nan, never 1.0 or 0.0. Checked against per-image, per-shift
loops in tests/test_consistency.py.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from typing import Any, Literal, cast, get_args

import numpy as np
import torch
from numpy.typing import NDArray
from torch import nn

from shiftlab.layers.padding import _positive_int
from shiftlab.shifts import _as_int, _as_int_tuple, _per_axis

ShiftMode = Literal["circular", "zero", "crop"]
"""How an image is shifted: "circular" (roll), "zero" (zero canvas) or "crop" (window)."""

Pairs = Literal["random", "unshifted"]
"""What a shifted prediction is compared with: another random shift, or no shift."""

UNIT_SHIFTS: tuple[tuple[int, int], ...] = ((0, 1), (1, 0), (0, -1), (-1, 0))
"""The four one-pixel shifts (dy, dx): right, down, left, up."""

_Shifts = Sequence[Sequence[int]] | NDArray[Any] | torch.Tensor


@dataclass(frozen=True)
class Proportion:
    """A rate with the counts behind it: ``count`` of ``total`` compared predictions.

    Attributes:
        count: How many comparisons had the property (agreed, or changed).
        total: How many comparisons were made.

    Examples:
        >>> rate = Proportion(7, 8)
        >>> rate.value, float(rate), str(rate)
        (0.875, 0.875, '0.875 (7 of 8)')
        >>> Proportion(0, 0).value  # no evidence
        nan
    """

    count: int
    total: int

    @property
    def value(self) -> float:
        """``count / total``; nan when nothing was compared."""
        return self.count / self.total if self.total else math.nan

    def __float__(self) -> float:
        """The rate, ``self.value``."""
        return self.value

    def __str__(self) -> str:
        """The rate to three decimals and its counts."""
        return f"{self.value:.3f} ({self.count} of {self.total})"


@dataclass(frozen=True)
class _Frame:
    mode: ShiftMode
    size: tuple[int, int]  # (H, W) of the images
    out: tuple[int, int]  # (h, w) the model sees

    @property
    def corner(self) -> tuple[int, int]:
        return ((self.size[0] - self.out[0]) // 2, (self.size[1] - self.out[1]) // 2)

    def check_inside(self, shifts: NDArray[np.int64], what: str) -> None:
        if self.mode != "crop" or not len(shifts):
            return
        # top - dy must lie in [0, H - h]: dy in [top - (H - h), top], likewise for dx.
        lo = np.subtract(self.corner, np.subtract(self.size, self.out))
        hi = np.asarray(self.corner)
        outside = shifts[((shifts < lo) | (shifts > hi)).any(axis=1)]
        if len(outside):
            raise ValueError(
                f"{what} moves the {self.out[0]} x {self.out[1]} window out of the "
                f"{self.size[0]} x {self.size[1]} canvas (e.g. shift {outside[0].tolist()}): "
                f"with shift_mode='crop', dy must lie in [{lo[0]}, {hi[0]}] and dx in "
                f"[{lo[1]}, {hi[1]}]"
            )


def _check_model(model: object) -> nn.Module:
    if not isinstance(model, nn.Module):
        raise TypeError(f"model must be a torch.nn.Module, got {type(model).__name__}")
    return model


def _check_images(images: object) -> torch.Tensor:
    if not isinstance(images, torch.Tensor):
        raise TypeError(f"images must be a torch.Tensor, got {type(images).__name__}")
    if images.ndim != 4:
        raise ValueError(f"images must have shape (N, C, H, W), got {tuple(images.shape)}")
    if not images.is_floating_point():
        raise TypeError(f"images must be floating (e.g. float32 or float64), got {images.dtype}")
    if 0 in images.shape[1:]:
        raise ValueError(f"images need a channel, a row and a column, got {tuple(images.shape)}")
    return images


def _frame(images: torch.Tensor, shift_mode: object, crop_size: object) -> _Frame:
    modes = get_args(ShiftMode)
    if not isinstance(shift_mode, str) or shift_mode not in modes:
        raise ValueError(
            f"shift_mode must be one of {', '.join(map(repr, modes))}, got {shift_mode!r}"
        )
    H, W = images.shape[2:]
    if shift_mode != "crop":
        if crop_size is not None:
            raise ValueError(f"crop_size is used only with shift_mode='crop', got {crop_size!r}")
        return _Frame(cast(ShiftMode, shift_mode), (H, W), (H, W))
    if crop_size is None:
        raise ValueError("shift_mode='crop' needs crop_size, the (h, w) window the model sees")
    h, w = _per_axis(crop_size, 2, "crop_size")
    if not (1 <= h <= H and 1 <= w <= W):
        raise ValueError(f"crop_size must fit the {H} x {W} canvas, got {crop_size!r}")
    return _Frame("crop", (H, W), (h, w))


def _shift_array(shifts: object, name: str) -> NDArray[np.int64]:
    if isinstance(shifts, torch.Tensor):
        shifts = shifts.tolist()
    if not isinstance(shifts, Sequence | np.ndarray) or isinstance(shifts, str):
        raise TypeError(f"{name} must be a sequence of (dy, dx) pairs, got {shifts!r}")
    pairs = [_as_int_tuple(v, f"each entry of {name}") for v in shifts]
    if any(len(v) != 2 for v in pairs):
        raise ValueError(f"each entry of {name} must be a pair (dy, dx), got {shifts!r}")
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)  # (S, 2)


def _shift_range(max_shift: object) -> tuple[int, int]:
    if isinstance(max_shift, Sequence | np.ndarray) and not isinstance(max_shift, str):
        lo, hi = _per_axis(max_shift, 2, "max_shift")
    else:
        hi = _as_int(max_shift, "max_shift")
        lo = -hi
    if lo > hi:
        raise ValueError(
            f"max_shift must be an integer >= 0 or a pair low <= high, got {max_shift!r}"
        )
    return lo, hi


def _device(model: nn.Module, images: torch.Tensor) -> torch.device:
    first = next(chain(model.parameters(), model.buffers()), None)
    return images.device if first is None else first.device


@contextmanager
def _evaluating(model: nn.Module) -> Iterator[None]:
    # Each module's own flag, not the root's: a model may be partly in eval mode already.
    # Restored parent first, so each descendant's train() call has the last word.
    flags = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        with torch.no_grad():
            yield
    finally:
        for module, flag in flags:
            module.train(flag)


def _shifted(
    images: torch.Tensor, index: torch.Tensor, shifts: torch.Tensor, frame: _Frame
) -> torch.Tensor:
    """Image ``index[b]`` shifted by ``shifts[b]``, for every b at once: (B, C, h, w)."""
    H, W = frame.size
    dy, dx = shifts[:, :1], shifts[:, 1:]  # (B, 1)
    rows = torch.arange(frame.out[0], device=images.device)[None]  # (1, h)
    cols = torch.arange(frame.out[1], device=images.device)[None]  # (1, w)
    if frame.mode == "crop":
        rows, cols = rows + (frame.corner[0] - dy), cols + (frame.corner[1] - dx)  # (B, h), (B, w)
    else:
        rows, cols = rows - dy, cols - dx  # the source of output sample i is i - v
    inside = None
    if frame.mode == "circular":
        rows, cols = rows % H, cols % W
    elif frame.mode == "zero":
        rows_in, cols_in = (rows >= 0) & (rows < H), (cols >= 0) & (cols < W)
        inside = rows_in[:, None, :, None] & cols_in[:, None, None, :]  # (B, 1, h, w)
        rows, cols = rows.clamp(0, H - 1), cols.clamp(0, W - 1)
    channels = torch.arange(images.shape[1], device=images.device)[None, :, None, None]
    out = images[
        index[:, None, None, None], channels, rows[:, None, :, None], cols[:, None, None, :]
    ]
    if inside is not None:  # where, not a product: 0 * inf would be nan
        out = torch.where(inside, out, out.new_zeros(()))
    return out  # (B, C, h, w)


def _check_logits(logits: object, rows: int) -> torch.Tensor:
    if not isinstance(logits, torch.Tensor) or logits.ndim != 2 or logits.shape[0] != rows:
        got = tuple(logits.shape) if isinstance(logits, torch.Tensor) else type(logits).__name__
        raise ValueError(f"model must return logits of shape ({rows}, K), got {got}")
    if logits.shape[1] == 0 or bool(torch.isnan(logits).any()):
        raise ValueError(f"model returned no classes or nan logits, shape {tuple(logits.shape)}")
    return logits


def _predict(
    model: nn.Module,
    images: torch.Tensor,
    index: NDArray[np.int64],
    shifts: NDArray[np.int64],
    *,
    frame: _Frame,
    batch_size: int,
) -> tuple[NDArray[np.int64], int]:
    """Predicted class of image ``index[j]`` under shift ``shifts[j]``, and the class count."""
    device = _device(model, images)
    idx = torch.from_numpy(index).to(images.device)
    moves = torch.from_numpy(shifts).to(images.device)
    predictions, classes = [], 0
    with _evaluating(model):
        for start in range(0, len(index), batch_size):
            part = slice(start, start + batch_size)
            batch = _shifted(images, idx[part], moves[part], frame).to(device)
            logits = _check_logits(model(batch), len(batch))
            predictions.append(logits.argmax(dim=1).cpu())  # ties: the first maximal class
            classes = logits.shape[1]
    if not predictions:
        return np.zeros(0, dtype=np.int64), classes
    return torch.cat(predictions).numpy().astype(np.int64), classes


def _all_pairs(predictions: NDArray[np.int64]) -> Proportion:
    """Agreeing ordered pairs (a, b) of the G shifts of each image, over N * G^2 pairs."""
    N, G = predictions.shape
    # n_c of an image's shifts predict class c, so sum_c n_c^2 of its pairs agree.
    K = int(predictions.max(initial=0)) + 1
    counts = np.bincount((predictions + K * np.arange(N)[:, None]).ravel()).astype(np.int64)
    return Proportion(int((counts**2).sum()), N * G * G)


def _check_labels(labels: object, n: int, classes: int) -> NDArray[np.int64]:
    if isinstance(labels, torch.Tensor):
        labels = labels.detach().cpu().numpy()
    truth = np.asarray(labels)
    if truth.dtype.kind not in "iu":
        raise TypeError(f"labels must be integers, got dtype {truth.dtype}")
    if truth.shape != (n,):
        raise ValueError(f"labels must have shape (N,) = ({n},), got {truth.shape}")
    if n and (truth.min() < 0 or truth.max() >= classes):
        raise ValueError(f"labels must lie in [0, {classes}) for {classes} logits, got {truth}")
    return truth.astype(np.int64)


def _grid(lo: int, hi: int) -> NDArray[np.int64]:
    steps = np.arange(lo, hi + 1)
    return np.stack(np.meshgrid(steps, steps, indexing="ij"), axis=-1).reshape(-1, 2)  # (G, 2)


def _predict_grid(
    model: object,
    images: object,
    shifts: object,
    *,
    shift_mode: object,
    crop_size: object,
    batch_size: object,
) -> tuple[NDArray[np.int64], int]:
    """Predictions (N, S) for every image under every shift, and the class count."""
    net, x = _check_model(model), _check_images(images)
    frame = _frame(x, shift_mode, crop_size)
    size = _positive_int(batch_size, "batch_size")
    vectors = _shift_array(shifts, "shifts")
    frame.check_inside(vectors, "shifts")
    N, S = x.shape[0], len(vectors)
    index = np.tile(np.arange(N, dtype=np.int64), S)  # shift-major: job j = s * N + n
    predictions, classes = _predict(
        net, x, index, np.repeat(vectors, N, axis=0), frame=frame, batch_size=size
    )
    return predictions.reshape(S, N).T, classes  # (N, S)


def predict_shifted(
    model: nn.Module,
    images: torch.Tensor,
    shifts: _Shifts,
    *,
    shift_mode: ShiftMode = "circular",
    crop_size: int | tuple[int, int] | None = None,
    batch_size: int = 256,
) -> NDArray[np.int64]:
    """The predicted class of every image under every shift.

    The building block of the other measures, useful on its own for maps of predictions.

    Args:
        model: Classifier mapping (B, C, h, w) to logits (B, K).
        images: Floating tensor (N, C, H, W); canvases of which a window is cut for "crop".
        shifts: Pairs ``(dy, dx)``, a sequence, an (S, 2) array or tensor.
        shift_mode: "circular", "zero" or "crop" (see the module docstring).
        crop_size: ``(h, w)`` or one integer, only for "crop".
        batch_size: Shifted images per forward call, at least 1.

    Returns:
        int64 array (N, S): ``out[n, s]`` is ``argmax`` of the logits of image ``n``
        under shift ``shifts[s]`` (the first maximal class on a tie).

    Raises:
        TypeError: If the model is not a module, the images not a floating tensor, or a
            shift, size or ``batch_size`` not an integer.
        ValueError: If a shape, mode, shift or size is invalid, a crop window leaves the
            canvas, or the model returns no (B, K) logits or nan.

    Examples:
        >>> import torch
        >>> from torch import nn
        >>> halves = nn.Sequential(nn.Flatten(), nn.Linear(16, 2, bias=False))
        >>> _ = halves[1].weight.data.copy_(torch.tensor([[1.0, 1, 0, 0] * 4, [0.0, 0, 1, 1] * 4]))
        >>> x = torch.zeros(1, 1, 4, 4)  # (N, C, H, W): a dot in column 1, the left half
        >>> x[0, 0, 1, 1] = 1.0
        >>> predict_shifted(halves, x, [(0, 0), (0, 1), (0, 2), (0, 3)]).tolist()  # left, right
        [[0, 1, 1, 0]]
        >>> predict_shifted(halves, x, [(0, 3)], shift_mode="zero").tolist()  # dot gone: a tie
        [[0]]
    """
    return _predict_grid(
        model, images, shifts, shift_mode=shift_mode, crop_size=crop_size, batch_size=batch_size
    )[0]


def accuracy_per_shift(
    model: nn.Module,
    images: torch.Tensor,
    labels: torch.Tensor | NDArray[np.integer[Any]] | Sequence[int],
    shifts: _Shifts,
    *,
    shift_mode: ShiftMode = "circular",
    crop_size: int | tuple[int, int] | None = None,
    batch_size: int = 256,
) -> NDArray[np.float64]:
    """The fraction of images classified correctly, for each shift.

    Over a grid of shifts this is the accuracy map of a shift test; along ``(k, k)`` it is
    Zhang's diagonal test (his ``validate_diagonal`` cuts 224 x 224 windows at offsets
    ``(k, k)``, ``k = 0..32``, from a 256 x 256 canvas: ``shift_mode="crop"``,
    ``crop_size=224`` and shifts ``(v, v)``, ``v = -16..16``, here).

    Args:
        model: Classifier mapping (B, C, h, w) to logits (B, K).
        images: Floating tensor (N, C, H, W).
        labels: The true classes, N integers in ``[0, K)``.
        shifts: Pairs ``(dy, dx)``, a sequence, an (S, 2) array or tensor.
        shift_mode: "circular", "zero" or "crop" (see the module docstring).
        crop_size: ``(h, w)`` or one integer, only for "crop".
        batch_size: Shifted images per forward call, at least 1.

    Returns:
        float64 array (S,) in shift order, each a multiple of ``1 / N``; nan with no images.

    Raises:
        TypeError: As ``predict_shifted``, or if the labels are not integers.
        ValueError: As ``predict_shifted``, or if the labels are not N values in ``[0, K)``.

    Examples:
        >>> import torch
        >>> from torch import nn
        >>> halves = nn.Sequential(nn.Flatten(), nn.Linear(16, 2, bias=False))
        >>> _ = halves[1].weight.data.copy_(torch.tensor([[1.0, 1, 0, 0] * 4, [0.0, 0, 1, 1] * 4]))
        >>> x = torch.zeros(2, 1, 4, 4)  # (N, C, H, W): a dot left (class 0), a dot right (1)
        >>> x[0, 0, 1, 1], x[1, 0, 2, 2] = 1.0, 1.0
        >>> accuracy_per_shift(halves, x, [0, 1], [(0, 0), (0, 1), (1, 0)]).tolist()
        [1.0, 0.5, 1.0]
    """
    predictions, classes = _predict_grid(
        model, images, shifts, shift_mode=shift_mode, crop_size=crop_size, batch_size=batch_size
    )
    N = predictions.shape[0]
    truth = _check_labels(labels, N, classes)
    if N == 0:  # no images, no evidence
        return np.full(predictions.shape[1], math.nan)
    correct = predictions == truth[:, None]  # (N, S)
    accuracy: NDArray[np.float64] = correct.sum(axis=0) / N
    return accuracy


def shift_consistency(
    model: nn.Module,
    images: torch.Tensor,
    *,
    max_shift: int | tuple[int, int],
    pairs: Pairs = "random",
    shift_mode: ShiftMode = "circular",
    crop_size: int | tuple[int, int] | None = None,
    n_samples: int | None = None,
    rng: np.random.Generator | None = None,
    batch_size: int = 256,
) -> Proportion:
    """How often two shifted copies of an image get the same predicted class.

    Each coordinate of a shift is drawn uniformly from ``{-m, ..., m}`` for
    ``max_shift=m`` (both ends included: ``2m + 1`` values), or from ``{low, ..., high}``
    for ``max_shift=(low, high)``. ``pairs="random"`` compares two independent shifts
    (they may coincide); ``pairs="unshifted"`` compares one shift with no shift (in crop
    mode, with the centred window).

    With ``n_samples=None`` (the default) the result is exact, not sampled: every
    image is run under every shift of the grid, and for "random" each image counts
    the ``G^2`` ordered pairs of its ``G`` grid shifts, of which ``sum_c n_c^2`` agree
    (``n_c`` shifts predict class ``c``); for "unshifted" the ``G`` shifts are counted
    against no shift. That is the expected value of the sampled estimate. With
    ``n_samples=k``, each image gets ``k`` independent draws from
    ``rng.integers(low, high, size=(N, k, 2, 2), endpoint=True)`` (``[n, j, 0]`` and
    ``[n, j, 1]`` are the two shifts ``(dy, dx)``), or ``size=(N, k, 2)`` for "unshifted".

    What the papers' code does (read in adobe/antialiased-cnns ``main.py``,
    ``validate_shift``, and achaman2/truly_shift_invariant_cnns):

    * Zhang (ICML 2019), ImageNet: ``pairs="random"``, ``shift_mode="crop"``: two
      224 x 224 windows of a 256 x 256 canvas at offsets drawn from ``{0, ..., 31}``
      per axis, i.e. ``crop_size=224, max_shift=(-15, 16)`` here.
    * Chaman & Dokmanić (CVPR 2021), circular shifts: ``pairs="random"``,
      ``shift_mode="circular"``, each coordinate from numpy's ``randint(-m, m)``, which
      excludes ``m``: ``max_shift=(-32, 31)`` on ImageNet, ``(-3, 2)`` by default on
      CIFAR-10. Their per-epoch CIFAR-10 validation compares one such shift with the
      unshifted image: ``pairs="unshifted"``.

    Both draw one shift pair per batch, shared by its images; here every image draws its
    own (the same expected value, less variance).

    Args:
        model: Classifier mapping (B, C, h, w) to logits (B, K).
        images: Floating tensor (N, C, H, W); canvases for "crop".
        max_shift: ``m >= 0`` for ``{-m, ..., m}``, or ``(low, high)`` with ``low <= high``.
        pairs: "random" (two shifts) or "unshifted" (a shift against none).
        shift_mode: "circular", "zero" or "crop" (see the module docstring).
        crop_size: ``(h, w)`` or one integer, only for "crop".
        n_samples: Draws per image, at least 1; None for the exact count over the grid.
        rng: The generator of the draws; needed with ``n_samples``, unused without.
        batch_size: Shifted images per forward call, at least 1.

    Returns:
        The agreeing comparisons out of all (``N * G^2`` or ``N * G`` exact, ``N * k``
        sampled); value nan with no images.

    Raises:
        TypeError: As ``predict_shifted``, or if ``rng`` is not a numpy Generator.
        ValueError: As ``predict_shifted``, or if ``pairs``, ``max_shift`` or
            ``n_samples`` is invalid, ``rng`` is missing or unused, or ``max_shift``
            moves a crop window out of the canvas.

    Examples:
        >>> import torch
        >>> from torch import nn
        >>> halves = nn.Sequential(nn.Flatten(), nn.Linear(16, 2, bias=False))
        >>> _ = halves[1].weight.data.copy_(torch.tensor([[1.0, 1, 0, 0] * 4, [0.0, 0, 1, 1] * 4]))
        >>> x = torch.zeros(1, 1, 4, 4)  # a dot in column 1: dx = -1, 0 keep it left, +1 not
        >>> x[0, 0, 1, 1] = 1.0
        >>> shift_consistency(halves, x, max_shift=1)  # 6 of 9 shifts left: 6**2 + 3**2 = 45
        Proportion(count=45, total=81)
        >>> str(shift_consistency(halves, x, max_shift=1, pairs="unshifted"))
        '0.667 (6 of 9)'
        >>> channel_max = nn.Sequential(nn.AdaptiveMaxPool2d(1), nn.Flatten())  # invariant
        >>> y = torch.rand(5, 3, 4, 4, generator=torch.Generator().manual_seed(0))
        >>> rng = np.random.default_rng(0)
        >>> rate = shift_consistency(channel_max, y, max_shift=2, n_samples=10, rng=rng)
        >>> rate.value, rate.total
        (1.0, 50)
    """
    if not isinstance(pairs, str) or pairs not in get_args(Pairs):
        raise ValueError(f"pairs must be 'random' or 'unshifted', got {pairs!r}")
    net, x = _check_model(model), _check_images(images)
    frame = _frame(x, shift_mode, crop_size)
    size = _positive_int(batch_size, "batch_size")
    lo, hi = _shift_range(max_shift)
    frame.check_inside(np.array([[lo, lo], [hi, hi]]), f"max_shift={max_shift!r}")
    N = x.shape[0]
    images_of = np.arange(N, dtype=np.int64)
    if n_samples is None:
        if rng is not None:
            raise ValueError("rng is used only with n_samples; n_samples=None counts every shift")
        grid = _grid(lo, hi)  # (G, 2), the same shifts for every image
        per_image, moves = len(grid), np.tile(grid, (N, 1))
    else:
        k = _positive_int(n_samples, "n_samples")
        if not isinstance(rng, np.random.Generator):
            raise TypeError(
                "rng must be a numpy Generator (np.random.default_rng(seed)) to draw "
                f"n_samples shifts, got {rng!r}"
            )
        per_image = 2 * k if pairs == "random" else k
        shape = (N, k, 2, 2) if pairs == "random" else (N, k, 2)  # (..., (dy, dx))
        moves = rng.integers(lo, hi, size=shape, endpoint=True).reshape(-1, 2)
    index = np.repeat(images_of, per_image)  # image-major: image n owns a block of jobs
    if pairs == "unshifted":  # then one unshifted copy of each image
        index = np.concatenate([index, images_of])
        moves = np.concatenate([moves, np.zeros((N, 2), dtype=moves.dtype)])
    predicted, _ = _predict(net, x, index, moves, frame=frame, batch_size=size)
    shifted = predicted[: N * per_image].reshape(N, per_image)
    if pairs == "unshifted":
        reference = predicted[N * per_image :]
        return Proportion(int((shifted == reference[:, None]).sum()), shifted.size)
    if n_samples is None:
        return _all_pairs(shifted)
    both = shifted.reshape(N, per_image // 2, 2)  # (N, k, pair)
    return Proportion(int((both[..., 0] == both[..., 1]).sum()), both[..., 0].size)


def change_probability(
    model: nn.Module,
    images: torch.Tensor,
    *,
    shifts: _Shifts = UNIT_SHIFTS,
    shift_mode: ShiftMode = "circular",
    crop_size: int | tuple[int, int] | None = None,
    batch_size: int = 256,
) -> Proportion:
    """How often a shift changes the predicted class: by default, a one-pixel shift.

    Counts the (image, shift) pairs whose prediction differs from the unshifted one (in
    crop mode, the centred window), over the four one-pixel shifts ``UNIT_SHIFTS`` unless
    ``shifts`` says otherwise. An exactly invariant model gives 0 of ``N * S``.

    Args:
        model: Classifier mapping (B, C, h, w) to logits (B, K).
        images: Floating tensor (N, C, H, W); canvases for "crop".
        shifts: Pairs ``(dy, dx)``, a sequence, an (S, 2) array or tensor.
        shift_mode: "circular", "zero" or "crop" (see the module docstring).
        crop_size: ``(h, w)`` or one integer, only for "crop".
        batch_size: Shifted images per forward call, at least 1.

    Returns:
        The changed predictions out of ``N * S``; value nan with no images or shifts.

    Raises:
        TypeError: As ``predict_shifted``.
        ValueError: As ``predict_shifted``.

    Examples:
        >>> import torch
        >>> from torch import nn
        >>> halves = nn.Sequential(nn.Flatten(), nn.Linear(16, 2, bias=False))
        >>> _ = halves[1].weight.data.copy_(torch.tensor([[1.0, 1, 0, 0] * 4, [0.0, 0, 1, 1] * 4]))
        >>> x = torch.zeros(1, 1, 4, 4)  # a dot in column 1: only the step right changes sides
        >>> x[0, 0, 1, 1] = 1.0
        >>> change_probability(halves, x)
        Proportion(count=1, total=4)
    """
    vectors = _shift_array(shifts, "shifts")
    with_reference = np.concatenate([np.zeros((1, 2), np.int64), vectors])
    predictions, _ = _predict_grid(
        model,
        images,
        with_reference,
        shift_mode=shift_mode,
        crop_size=crop_size,
        batch_size=batch_size,
    )
    changed = predictions[:, 1:] != predictions[:, :1]  # (N, S)
    return Proportion(int(changed.sum()), changed.size)


@dataclass(frozen=True, eq=False)
class ShiftTest:
    """A classifier tested under every shift of the grid ``[-m, m]^2``, one forward pass each.

    The rates are derived from ``predictions``, so the table row and the accuracy map
    of an experiment come from one run of the model.

    Attributes:
        shifts: The grid, int64 (G, 2) with ``G = (2m + 1)^2``, raster order (dy slowest).
        predictions: int64 (N, G), the predicted class of each image under each shift.
        labels: int64 (N,), the true classes.

    The arrays are read-only; compare tests by their fields, not with ``==``.
    """

    shifts: NDArray[np.int64]
    predictions: NDArray[np.int64]
    labels: NDArray[np.int64]

    def _column(self, v: tuple[int, int]) -> int:
        return int(np.flatnonzero((self.shifts == v).all(axis=1))[0])

    @property
    def accuracy(self) -> NDArray[np.float64]:
        """float64 (G,): the fraction right under each shift; nan with no images."""
        if not len(self.labels):
            return np.full(len(self.shifts), math.nan)
        right: NDArray[np.float64] = (self.predictions == self.labels[:, None]).mean(axis=0)
        return right

    @property
    def accuracy_map(self) -> NDArray[np.float64]:
        """float64 (2m + 1, 2m + 1): ``accuracy_map[i, j]`` is for shift ``(i - m, j - m)``."""
        side = math.isqrt(len(self.shifts))
        return self.accuracy.reshape(side, side)

    @property
    def mean_accuracy(self) -> float:
        """The accuracy averaged over all shifts and images (nan with no images)."""
        return float(self.accuracy.mean())

    @property
    def consistency(self) -> Proportion:
        """``shift_consistency(..., pairs="random")`` over the grid, exact: N * G^2 pairs."""
        return _all_pairs(self.predictions)

    @property
    def consistency_unshifted(self) -> Proportion:
        """``shift_consistency(..., pairs="unshifted")`` over the grid, exact: N * G pairs."""
        reference = self.predictions[:, self._column((0, 0))]
        return Proportion(
            int((self.predictions == reference[:, None]).sum()), self.predictions.size
        )

    @property
    def change(self) -> Proportion:
        """``change_probability`` under the four one-pixel shifts: N * 4 pairs."""
        reference = self.predictions[:, self._column((0, 0))]
        units = [self._column(v) for v in UNIT_SHIFTS]
        changed = self.predictions[:, units] != reference[:, None]  # (N, 4)
        return Proportion(int(changed.sum()), changed.size)


def shift_test(
    model: nn.Module,
    images: torch.Tensor,
    labels: torch.Tensor | NDArray[np.integer[Any]] | Sequence[int],
    *,
    max_shift: int,
    shift_mode: ShiftMode = "circular",
    crop_size: int | tuple[int, int] | None = None,
    batch_size: int = 256,
) -> ShiftTest:
    """Run a classifier once under every shift of ``[-m, m]^2`` and keep the predictions.

    Equivalent to ``accuracy_per_shift`` over the grid, the exact ``shift_consistency``
    (both ``pairs``) with ``max_shift=m`` and ``change_probability``, at the cost of one
    of them: ``N * (2m + 1)^2`` shifted images, in batches of ``batch_size``.

    Args:
        model: Classifier mapping (B, C, h, w) to logits (B, K).
        images: Floating tensor (N, C, H, W); canvases for "crop".
        labels: The true classes, N integers in ``[0, K)``.
        max_shift: ``m >= 1``, so that the grid holds the one-pixel shifts.
        shift_mode: "circular", "zero" or "crop" (see the module docstring).
        crop_size: ``(h, w)`` or one integer, only for "crop".
        batch_size: Shifted images per forward call, at least 1.

    Returns:
        The grid, the predictions and the labels, with the rates as properties.

    Raises:
        TypeError: As ``accuracy_per_shift``.
        ValueError: As ``accuracy_per_shift``, or if ``max_shift < 1``.

    Examples:
        >>> import torch
        >>> from torch import nn
        >>> halves = nn.Sequential(nn.Flatten(), nn.Linear(16, 2, bias=False))
        >>> _ = halves[1].weight.data.copy_(torch.tensor([[1.0, 1, 0, 0] * 4, [0.0, 0, 1, 1] * 4]))
        >>> x = torch.zeros(1, 1, 4, 4)  # a dot in column 1, the left half: class 0
        >>> x[0, 0, 1, 1] = 1.0
        >>> test = shift_test(halves, x, [0], max_shift=1)
        >>> test.accuracy_map.tolist()  # rows dy = -1, 0, 1; columns dx = -1, 0, 1
        [[1.0, 1.0, 0.0], [1.0, 1.0, 0.0], [1.0, 1.0, 0.0]]
        >>> test.consistency, str(test.consistency_unshifted), str(test.change)
        (Proportion(count=45, total=81), '0.667 (6 of 9)', '0.250 (1 of 4)')
    """
    m = _positive_int(max_shift, "max_shift")
    grid = _grid(-m, m)
    predictions, classes = _predict_grid(
        model, images, grid, shift_mode=shift_mode, crop_size=crop_size, batch_size=batch_size
    )
    truth = _check_labels(labels, len(predictions), classes)
    for array in (grid, predictions, truth):
        array.setflags(write=False)
    return ShiftTest(grid, predictions, truth)
