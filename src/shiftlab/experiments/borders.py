"""How padding leaks absolute position: the corner experiment and a position read-out.

``corner_padding``, after Kayhan & van Gemert (2020): one patch of uniform noise sits
flush with the top-left corner of a zero canvas (class 0) or, the same patch, flush
with the bottom-right corner (class 1). One 5 x 5 convolution, ReLU, a global max pool
and a linear layer are trained once per padding mode. Every mode that treats the
border specially can tell the corners apart; circular padding and full padding cannot,
because their pooled features of the two placements are equal (the page proves it and
the result records whether they were equal bit for bit).

``position_readout``, in the style of Islam et al. (2020): a small stride-1 conv net
is trained to output a fixed horizontal gradient from standard normal noise, which
carries no position of its own; Spearman's rank correlation of each output with the
gradient says how much position the padding gave the network.

Both are seeded and run in seconds on one CPU thread (``shiftlab.experiments.run``).
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import torch
from numpy.typing import ArrayLike, NDArray
from torch import nn

Mode = Literal["zero", "valid", "reflect", "replicate", "circular", "full"]

CORNER_MODES: tuple[Mode, ...] = ("zero", "valid", "reflect", "replicate", "circular", "full")
"""The padding modes of the corner experiment, in the order of its tables."""

READOUT_MODES: tuple[Mode, ...] = ("zero", "circular", "valid")
"""The padding modes of the position read-out, in the order of its tables."""


def conv_layer(mode: Mode, c_in: int, c_out: int, kernel: int, *, bias: bool = True) -> nn.Conv2d:
    """A stride-1 ``nn.Conv2d`` with the padding of ``mode``.

    "zero", "reflect", "replicate" and "circular" pad ``(kernel - 1) / 2`` on every side
    (the size is kept); "valid" pads nothing (``kernel - 1`` samples fewer per axis);
    "full" pads ``kernel - 1`` zeros per side (``kernel - 1`` samples more per axis).

    Args:
        mode: One of ``CORNER_MODES``.
        c_in: Input channels.
        c_out: Output channels.
        kernel: Odd kernel size.
        bias: Whether the layer has a bias.

    Returns:
        The layer.

    Raises:
        ValueError: If the mode is unknown or the kernel size is not odd.

    Examples:
        >>> [conv_layer(m, 1, 1, 5)(torch.zeros(1, 1, 8, 8)).shape[-1] for m in CORNER_MODES]
        [8, 4, 8, 8, 8, 12]
    """
    if mode not in CORNER_MODES:
        raise ValueError(f"mode must be one of {CORNER_MODES}, got {mode!r}")
    if kernel < 1 or kernel % 2 == 0:
        raise ValueError(f"kernel must be odd, got {kernel}")
    padding = {"valid": 0, "full": kernel - 1}.get(mode, kernel // 2)
    torch_mode = mode if mode in ("reflect", "replicate", "circular") else "zeros"
    return nn.Conv2d(c_in, c_out, kernel, padding=padding, padding_mode=torch_mode, bias=bias)


def corner_images(
    patches: NDArray[np.floating[Any]], canvas: int
) -> tuple[NDArray[np.float32], NDArray[np.int64]]:
    """Each patch flush with the top-left corner (label 0), then the bottom-right (label 1).

    Args:
        patches: Array of shape (N, 1, P, P).
        canvas: Side of the square zero canvas, at least P.

    Returns:
        Images of shape (2N, 1, canvas, canvas): the N top-left placements, then the N
        bottom-right ones of the same patches; labels N zeros, then N ones.

    Raises:
        ValueError: If the patches are not (N, 1, P, P) or do not fit on the canvas.

    Examples:
        >>> images, labels = corner_images(np.ones((1, 1, 2, 2)), 4)
        >>> images[0, 0].astype(int).tolist(), labels.tolist()
        ([[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], [0, 1])
        >>> bool((np.roll(images[0], (2, 2), axis=(-2, -1)) == images[1]).all())
        True
    """
    p = np.asarray(patches)
    if p.ndim != 4 or p.shape[1] != 1 or p.shape[2] != p.shape[3]:
        raise ValueError(f"patches must have shape (N, 1, P, P), got {p.shape}")
    n, size = p.shape[0], p.shape[-1]
    if size > canvas:
        raise ValueError(f"a {size} x {size} patch does not fit on a {canvas} x {canvas} canvas")
    images = np.zeros((2 * n, 1, canvas, canvas), dtype=np.float32)  # (2N, 1, H, W)
    images[:n, :, :size, :size] = p
    images[n:, :, canvas - size :, canvas - size :] = p
    return images, np.repeat(np.arange(2, dtype=np.int64), n)


class CornerNet(nn.Module):
    """One 5 x 5 convolution, ReLU, global max pool, linear: two scores per image.

    Args:
        mode: The convolution's padding, one of ``CORNER_MODES``.
        channels: Filters of the convolution.

    Examples:
        >>> _ = torch.manual_seed(0)
        >>> CornerNet("full")(torch.zeros(3, 1, 16, 16)).shape
        torch.Size([3, 2])
    """

    def __init__(self, mode: Mode, channels: int = 8) -> None:
        """Build the network; the convolution has a bias, as torch's default."""
        super().__init__()
        self.conv = conv_layer(mode, 1, channels, 5)
        self.head = nn.Linear(channels, 2)

    def pooled(self, x: torch.Tensor) -> torch.Tensor:
        """The global max of each ReLU feature map: (N, channels)."""
        return torch.relu(self.conv(x)).amax(dim=(-2, -1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Scores of shape (N, 2) for images of shape (N, 1, H, W)."""
        out: torch.Tensor = self.head(self.pooled(x))
        return out


def corner_padding(
    *, seed: int = 0, pairs: int = 64, test_pairs: int = 128, canvas: int = 16,
    patch: int = 6, channels: int = 8, epochs: int = 60,
) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:  # fmt: skip
    """Train ``CornerNet`` once per padding mode to tell the two corners apart.

    Patches are uniform noise in [0, 1); training is full-batch Adam on ``pairs`` patches
    in both placements, testing on ``test_pairs`` new patches in both placements.

    Args:
        seed: Seeds the patches and each network's initial weights.
        pairs: Training patches (each gives two images).
        test_pairs: Test patches.
        canvas: Side of the canvas.
        patch: Side of the patches.
        channels: Filters of the convolution.
        epochs: Full-batch steps.

    Returns:
        ``metrics``: per mode the train and test accuracy, whether the pooled features of
        the two placements of every test patch are equal bit for bit, their largest
        difference, and the feature-map side. ``arrays``: ``pooled`` of shape
        (modes, 2, test_pairs, channels), top-left placements first; the trained
        ``weights`` (modes, channels, 1, 5, 5) and ``biases`` (modes, channels); and
        ``example``, the first test patch in both corners (2, 1, canvas, canvas).
    """
    rng = np.random.default_rng(seed)
    draw = [rng.random((count, 1, patch, patch)) for count in (pairs, test_pairs)]
    (x_train, y_train), (x_test, y_test) = (corner_images(p, canvas) for p in draw)
    x, y = torch.from_numpy(x_train), torch.from_numpy(y_train)
    xt, yt = torch.from_numpy(x_test), torch.from_numpy(y_test)
    metrics: dict[str, Any] = {"modes": list(CORNER_MODES)}
    pooled, weights, biases = [], [], []
    for index, mode in enumerate(CORNER_MODES):
        torch.manual_seed(seed + index)
        model = CornerNet(mode, channels)
        optimiser = torch.optim.Adam(model.parameters(), lr=0.02)
        for _ in range(epochs):
            optimiser.zero_grad()
            torch.autograd.backward(nn.functional.cross_entropy(model(x), y))
            optimiser.step()
        with torch.no_grad():
            features = model.pooled(xt).reshape(2, test_pairs, channels)
            train = (model(x).argmax(1) == y).double().mean()
            test = (model.head(features.reshape(-1, channels)).argmax(1) == yt).double().mean()
        metrics[mode] = {
            "train_accuracy": float(train),
            "test_accuracy": float(test),
            "identical_features": bool(torch.equal(features[0], features[1])),
            "feature_gap": float((features[0] - features[1]).abs().max()),
            "map_side": int(model.conv(xt[:1]).shape[-1]),
        }
        pooled.append(features.numpy())
        state = model.conv.state_dict()  # detached tensors
        weights.append(state["weight"].numpy())
        biases.append(state["bias"].numpy())
    example = x_test[[0, test_pairs]]  # the first test patch, top-left and bottom-right
    stacked = {"pooled": pooled, "weights": weights, "biases": biases}
    return metrics, {name: np.stack(items) for name, items in stacked.items()} | {
        "example": example
    }


def spearman(a: ArrayLike, b: ArrayLike) -> NDArray[np.float64]:
    """Spearman's rank correlation of ``a`` and ``b`` along the last axis.

    The Pearson correlation of the ranks; tied values share the mean of their ranks.
    Where either side is constant the correlation is undefined: nan, never 0.

    Args:
        a: Array of shape (..., n), finite.
        b: Array broadcastable to the shape of ``a``.

    Returns:
        Array of shape (...,); a 0-d array for 1-d input.

    Raises:
        ValueError: If a value is not finite, or there are fewer than 2 samples.

    Examples:
        >>> float(spearman([1.0, 5.0, 2.0], [10.0, 20.0, 30.0]))
        0.5
        >>> spearman([[3.0, 2.0, 1.0], [1.0, 1.0, 1.0]], [1.0, 2.0, 3.0]).tolist()
        [-1.0, nan]
    """
    x, y = np.broadcast_arrays(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64))
    if x.ndim == 0 or x.shape[-1] < 2:
        raise ValueError(f"need at least 2 samples along the last axis, got shape {x.shape}")
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise ValueError("spearman needs finite values")
    rx, ry = _ranks(x), _ranks(y)
    rx -= rx.mean(axis=-1, keepdims=True)
    ry -= ry.mean(axis=-1, keepdims=True)
    scale = np.sqrt(np.einsum("...i,...i->...", rx, rx) * np.einsum("...i,...i->...", ry, ry))
    dot = np.einsum("...i,...i->...", rx, ry)
    return np.where(scale > 0, dot / np.where(scale > 0, scale, 1.0), np.nan)


def _ranks(x: NDArray[np.float64]) -> NDArray[np.float64]:
    n = x.shape[-1]
    order = np.argsort(x, axis=-1, kind="stable")
    ordered = np.take_along_axis(x, order, axis=-1)
    index = np.broadcast_to(np.arange(n), x.shape)
    starts = np.ones(x.shape, dtype=bool)  # where a run of equal values begins ...
    starts[..., 1:] = ordered[..., 1:] != ordered[..., :-1]
    ends = np.ones(x.shape, dtype=bool)  # ... and where it ends
    ends[..., :-1] = starts[..., 1:]
    first = np.maximum.accumulate(np.where(starts, index, 0), axis=-1)
    last = np.flip(np.minimum.accumulate(np.flip(np.where(ends, index, n), -1), axis=-1), -1)
    ranks = np.empty(x.shape)
    np.put_along_axis(ranks, order, (first + last) / 2 + 1, axis=-1)
    return ranks


def readout_net(mode: Mode, layers: int = 5, channels: int = 8) -> nn.Sequential:
    """``layers`` 3 x 3 convolutions with ReLU, then a 1 x 1 convolution to one map.

    Args:
        mode: "zero", "circular" or "valid" (any of ``CORNER_MODES`` builds).
        layers: Number of 3 x 3 convolutions; the receptive-field radius is ``layers``.
        channels: Channels of the hidden maps.

    Returns:
        The network, (N, 1, H, W) noise to (N, 1, H', W') maps.

    Examples:
        >>> _ = torch.manual_seed(0)
        >>> readout_net("valid", 2)(torch.zeros(1, 1, 8, 8)).shape
        torch.Size([1, 1, 4, 4])
    """
    modules: list[nn.Module] = []
    for index in range(layers):
        modules += [conv_layer(mode, 1 if index == 0 else channels, channels, 3), nn.ReLU()]
    return nn.Sequential(*modules, nn.Conv2d(channels, 1, 1))


def position_readout(
    *, seed: int = 0, size: int = 16, layers: int = 5, channels: int = 8, steps: int = 200,
    batch: int = 16, test_size: int = 256,
) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:  # fmt: skip
    """Train ``readout_net`` to map noise to a horizontal gradient, per padding mode.

    The target is ``t[i, j] = j / (W' - 1)`` on the output grid (0 on the left, 1 on the
    right). Each step draws a fresh batch of standard normal noise; the test set is
    ``test_size`` further noise images.

    Args:
        seed: Seeds the noise and the initial weights.
        size: Side of the input.
        layers: 3 x 3 convolutions (the receptive-field radius).
        channels: Hidden channels.
        steps: Adam steps (learning rate 0.003), mean squared error.
        batch: Noise images per step.
        test_size: Test images.

    Returns:
        ``metrics``: per mode the mean, standard deviation and standard error of the
        per-image Spearman correlation with the target, the test mean squared error and
        the output side. ``arrays``: per mode ``spearman-<mode>`` (test_size,),
        ``example-<mode>`` (the output for the first test image) and ``mean-<mode>`` (the
        mean output over the test set).
    """
    metrics: dict[str, Any] = {"modes": list(READOUT_MODES)}
    arrays: dict[str, NDArray[Any]] = {}
    test = torch.randn(test_size, 1, size, size, generator=torch.Generator().manual_seed(seed))
    for index, mode in enumerate(READOUT_MODES):
        torch.manual_seed(seed + index)
        model = readout_net(mode, layers, channels)
        side = size - 2 * layers if mode == "valid" else size
        target = torch.linspace(0.0, 1.0, side).expand(side, side)  # (H', W'), rows alike
        noise = torch.Generator().manual_seed(seed + 100 + index)
        optimiser = torch.optim.Adam(model.parameters(), lr=0.003)
        for _ in range(steps):
            x = torch.randn(batch, 1, size, size, generator=noise)
            optimiser.zero_grad()
            torch.autograd.backward(((model(x) - target) ** 2).mean())
            optimiser.step()
        with torch.no_grad():
            out = model(test)[:, 0].numpy()  # (test_size, H', W')
        rho = spearman(out.reshape(test_size, -1), target.numpy().ravel())
        metrics[mode] = {
            "spearman_mean": float(rho.mean()),
            "spearman_sd": float(rho.std()),
            "spearman_se": float(rho.std() / np.sqrt(test_size)),
            "mse": float(((out - target.numpy()) ** 2).mean()),
            "output_side": side,
        }
        arrays |= {f"spearman-{mode}": rho, f"example-{mode}": out[0]}
        arrays[f"mean-{mode}"] = out.mean(axis=0)
    return metrics, arrays
