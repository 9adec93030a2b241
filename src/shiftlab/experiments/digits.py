"""The shifted-digits experiment: which head makes a small CNN's prediction shift-invariant.

scikit-learn's bundled 8 x 8 digits (1797 images, no download) sit in the middle of a
16 x 16 zero canvas, 4 pixels from every edge. Five networks with the same two 3 x 3
convolutions (circular padding that keeps the size) are trained on the centred digits
only, then tested on every shift in [-4, 4]^2. Because the digit keeps its 4-pixel
margin, a circular shift by at most 4 moves it without wrapping anything: on this data
a roll *is* the translation of the digit on its zero canvas, and every number below
holds for both. The networks differ in how they downsample and read out:

* ``flatten``: max pool 2 after each convolution (total stride 4), flatten, linear;
* ``gap-maxpool``: the same max pools, then global average pooling (GAP) and linear;
* ``gap-blurpool``: max pool with stride 1, then BlurPool (Zhang 2019), GAP, linear;
* ``gap-aps``: max pool with stride 1, then adaptive polyphase sampling (Chaman &
  Dokmanić 2021), GAP, linear;
* ``gap-stride1``: no downsampling at all, GAP, linear.

Training is seeded and runs on one CPU thread, so a run is reproducible on a machine.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from numpy.typing import NDArray
from torch import nn

from shiftlab.consistency import shift_test
from shiftlab.layers import MaxBlurPool, aps_downsample

MODELS = ("flatten", "gap-maxpool", "gap-blurpool", "gap-aps", "gap-stride1")
"""The five networks, in the order of every table and array of the result."""

LABELS = {
    "flatten": "max pool, flatten",
    "gap-maxpool": "max pool, GAP",
    "gap-blurpool": "BlurPool, GAP",
    "gap-aps": "APS, GAP",
    "gap-stride1": "no stride, GAP",
}
"""How tables and figures name the five networks."""

CANVAS = 16
MAX_SHIFT = 4


def digits_on_canvas(size: int = CANVAS) -> tuple[NDArray[np.float32], NDArray[np.int64]]:
    """scikit-learn's 8 x 8 digits, scaled to [0, 1] and centred on a zero canvas.

    Args:
        size: Side of the square canvas, at least 8.

    Returns:
        Images of shape (1797, 1, size, size) and their labels 0..9.

    Raises:
        ValueError: If ``size`` is smaller than 8.

    Examples:
        >>> images, labels = digits_on_canvas()
        >>> images.shape, labels[:5].tolist()
        ((1797, 1, 16, 16), [0, 1, 2, 3, 4])
        >>> bool(images[:, :, :4].any() or images[:, :, 12:].any())  # a 4-pixel margin
        False
    """
    from sklearn.datasets import load_digits  # noqa: PLC0415  # heavy; only experiments need it

    if size < 8:
        raise ValueError(f"the canvas must hold an 8 x 8 digit, got size {size}")
    digits = load_digits()
    images = np.zeros((len(digits.images), 1, size, size), dtype=np.float32)  # (N, 1, H, W)
    top = (size - 8) // 2
    images[:, 0, top : top + 8, top : top + 8] = digits.images / 16.0
    return images, digits.target.astype(np.int64)


def split(*, seed: int = 0, train_size: int = 1200) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The experiment's train / test split of the 1797 digits: indices, seeded.

    Args:
        seed: Seeds the permutation (the experiment's ``seed``).
        train_size: Digits in the training split; the rest are the test split.

    Returns:
        ``(train, test)``: disjoint index arrays covering all 1797 digits.

    Raises:
        ValueError: If either split would be empty.

    Examples:
        >>> train, test = split()
        >>> len(train), len(test), len(set(train.tolist()) & set(test.tolist()))
        (1200, 597, 0)
    """
    total = 1797  # len(load_digits().images), without loading them
    if not 0 < train_size < total:
        raise ValueError(f"train_size must leave both splits non-empty, got {train_size}")
    order = np.random.default_rng(seed).permutation(total)
    return order[:train_size], order[train_size:]


def trained_digit_net(kind: str = "gap-maxpool") -> DigitNet:
    """A network of the shifted-digits experiment, trained: its weights from the stored run.

    Runs the experiment once if no result is stored (about two minutes), then reads it
    from the cache (``shiftlab.experiments.run``).

    Args:
        kind: One of ``MODELS``.

    Returns:
        The trained ``DigitNet`` in eval mode.

    Raises:
        ValueError: If ``kind`` is not one of ``MODELS``.
    """
    from shiftlab.experiments import run  # noqa: PLC0415  # the registry imports this module

    model = DigitNet(kind)  # checks kind
    arrays = run("shifted-digits").arrays
    state = {name: torch.from_numpy(arrays[f"{kind}:{name}"]) for name in model.state_dict()}
    model.load_state_dict(state)
    return model.eval()


class _APS(nn.Module):
    """APS with stride 2 as a plain layer: keep the sampled map, drop the chosen phase."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        kept, _ = aps_downsample(x, 2)
        return kept


class _CircularMax(nn.Module):
    """Max pool 2 x 2 with stride 1 on the torus: keeps the size, commutes with rolls."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        padded = nn.functional.pad(x, (0, 1, 0, 1), "circular")  # window [i, i + 1] mod H
        out: torch.Tensor = nn.functional.max_pool2d(padded, 2, 1)
        return out


def _down(kind: str) -> nn.Module:
    if kind in ("flatten", "gap-maxpool"):
        return nn.MaxPool2d(2)
    if kind == "gap-blurpool":
        return MaxBlurPool(2, filter_size=3, stride=2, padding_mode="circular")
    if kind == "gap-aps":
        return nn.Sequential(_CircularMax(), _APS())
    return nn.Identity()


class DigitNet(nn.Module):
    """Two 3 x 3 circular convolutions, a downsampler after each, and a read-out head.

    Args:
        kind: One of ``MODELS``.
        channels: Output channels of the two convolutions.

    Raises:
        ValueError: If ``kind`` is not one of ``MODELS``.

    Examples:
        >>> _ = torch.manual_seed(0)
        >>> DigitNet("gap-aps")(torch.zeros(2, 1, 16, 16)).shape
        torch.Size([2, 10])
        >>> sum(p.numel() for p in DigitNet("flatten").parameters())
        9930
    """

    def __init__(self, kind: str, channels: tuple[int, int] = (16, 32)) -> None:
        """Build the network of the given kind."""
        super().__init__()
        if kind not in MODELS:
            raise ValueError(f"kind must be one of {MODELS}, got {kind!r}")
        self.kind = kind
        c1, c2 = channels
        self.features = nn.Sequential(
            nn.Conv2d(1, c1, 3, padding=1, padding_mode="circular"),
            nn.ReLU(),
            _down(kind),
            nn.Conv2d(c1, c2, 3, padding=1, padding_mode="circular"),
            nn.ReLU(),
            _down(kind),
        )
        side = CANVAS // 4 if kind != "gap-stride1" else CANVAS
        self.head = nn.Linear(c2 * side * side if kind == "flatten" else c2, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Class scores of shape (N, 10) for images of shape (N, 1, 16, 16)."""
        h = self.features(x)  # (N, C, h, w)
        pooled = h.flatten(1) if self.kind == "flatten" else h.mean(dim=(-2, -1))
        out: torch.Tensor = self.head(pooled)
        return out


def _train(
    model: nn.Module, images: torch.Tensor, labels: torch.Tensor, *, epochs: int, seed: int
) -> None:
    generator = torch.Generator().manual_seed(seed)
    optimiser = torch.optim.Adam(model.parameters(), lr=3e-3)
    model.train()
    for _ in range(epochs):
        order = torch.randperm(len(images), generator=generator)
        for batch in torch.split(order, 64):
            optimiser.zero_grad()
            loss = nn.functional.cross_entropy(model(images[batch]), labels[batch])
            torch.autograd.backward(loss)
            optimiser.step()
    model.eval()


def shifted_digits(
    *, seed: int = 0, epochs: int = 20, train_size: int = 1200, max_shift: int = MAX_SHIFT
) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
    """Train the five networks on centred digits and test them on every shift.

    Args:
        seed: Seeds the split, the initial weights and the batch order.
        epochs: Passes over the training set.
        train_size: Digits used for training; the rest (of 1797) are tested.
        max_shift: Test shifts cover ``[-max_shift, max_shift]^2``, at most 4 (the margin).

    Returns:
        ``metrics``: per model, accuracy centred / mean / worst over the shifts,
        consistency (two independent uniform shifts from the grid give the same class,
        counted exactly over all pairs), the probability that a one-pixel shift from the
        training position changes the class, how many classes it predicts, and the number
        of parameters (all from ``shiftlab.consistency.shift_test``). ``arrays``:
        ``accuracy`` of shape (5, 2m + 1, 2m + 1) with rows ``dy`` and columns ``dx``,
        ``predictions`` of shape (5, N_test, (2m + 1)^2), shifts in raster order, and the
        trained weights, ``"<model>:<parameter>"`` for each entry of its ``state_dict``
        (``trained_digit_net`` loads them).

    Raises:
        ValueError: If ``max_shift`` exceeds the 4-pixel margin or the split is empty.
    """
    if not 1 <= max_shift <= MAX_SHIFT:
        raise ValueError(f"max_shift must be between 1 and the margin {MAX_SHIFT}, got {max_shift}")
    images, labels = digits_on_canvas()
    train, test = split(seed=seed, train_size=train_size)
    x_train, y_train = torch.from_numpy(images[train]), torch.from_numpy(labels[train])
    x_test, y_test = torch.from_numpy(images[test]), labels[test]
    metrics: dict[str, Any] = {"models": list(MODELS), "test_size": len(test)}
    accuracy, predictions = [], []
    weights: dict[str, NDArray[Any]] = {}
    for index, kind in enumerate(MODELS):
        torch.manual_seed(seed + index)
        model = DigitNet(kind)
        _train(model, x_train, y_train, epochs=epochs, seed=seed + index)
        tested = shift_test(model, x_test, y_test, max_shift=max_shift, batch_size=8192)
        grid = tested.accuracy_map  # (2m + 1, 2m + 1), rows dy, columns dx
        metrics[kind] = {
            "accuracy_centred": float(grid[max_shift, max_shift]),
            "accuracy_mean": tested.mean_accuracy,
            "accuracy_min": float(grid.min()),
            "consistency": tested.consistency.value,
            "change_1px": tested.change.value,
            "classes_predicted": len(np.unique(tested.predictions)),
            "parameters": sum(p.numel() for p in model.parameters()),
        }
        accuracy.append(grid)
        predictions.append(tested.predictions.astype(np.int8))
        weights.update(
            {f"{kind}:{name}": value.numpy() for name, value in model.state_dict().items()}
        )
    arrays: dict[str, NDArray[Any]] = {
        "accuracy": np.stack(accuracy),
        "predictions": np.stack(predictions),
    }
    return metrics, {**arrays, **weights}
