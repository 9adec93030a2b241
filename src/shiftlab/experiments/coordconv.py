"""The coordinate classification experiment (Liu et al. 2018), at small scale on the CPU.

The task: given a target position ``(i, j)`` on an N x N grid as two numbers, put the
largest of N^2 logits on that pixel (a softmax over the positions, trained with
cross-entropy). The split: every target outside the bottom-right quadrant (rows and
columns >= N/2) is trained on; the N^2 / 4 targets inside it are never seen. Two
networks, as in the paper's reference code (uber-research/CoordConv, ``model_builders``):

* ``coordconv``: the target coordinates, scaled to [-1, 1], are tiled over the grid,
  ``CoordConv2d`` appends the pixel's own coordinates, and 1 x 1 convolutions with ReLU
  map the four numbers at each pixel to its logit;
* ``deconv``: the two numbers, as a 1 x 1 map, go through stride-2 transposed
  convolutions (3 x 3, "same", BatchNorm and ReLU between them) up to N x N.

Both are convolutional; only the first is told where each pixel is. Smaller than the
paper's (a 64 x 64 grid, wider layers, longer training): this is a reproduction of the
qualitative result, not of its numbers. Seeded, one CPU thread.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from numpy.typing import NDArray
from torch import nn

from shiftlab.layers import CoordConv2d, coordinate_channels

MODELS = ("coordconv", "deconv")
"""The two networks, in the order of every array of the result."""


def quadrant_split(size: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The targets as coordinates in [-1, 1] and the held-out mask, raster order.

    Args:
        size: Side N of the grid, at least 2.

    Returns:
        ``coords`` of shape (N^2, 2), row then column coordinate as
        ``coordinate_channels`` gives them (``(2 i - (N - 1)) / (N - 1)``), and
        ``held_out`` (bool, N^2): rows and columns both >= N // 2.

    Raises:
        ValueError: If ``size`` is smaller than 2.

    Examples:
        >>> coords, held = quadrant_split(4)
        >>> [round(c, 4) for c in coords[6].tolist()], int(held.sum())
        ([-0.3333, 0.3333], 4)
        >>> held.reshape(4, 4)[2:, 2:].all().item(), held.reshape(4, 4)[:2].any().item()
        (True, False)
    """
    if isinstance(size, bool) or not isinstance(size, int) or size < 2:
        raise ValueError(f"size must be an integer >= 2, got {size!r}")
    # The same numbers as CoordConv's channels, so target and pixel coordinates match exactly.
    coords = coordinate_channels(size, size).flatten(1).T  # (N^2, 2), raster order
    i, j = torch.arange(size * size) // size, torch.arange(size * size) % size
    return coords, (i >= size // 2) & (j >= size // 2)


class CoordConvPainter(nn.Module):
    """Tiled target coordinates, CoordConv, then 1 x 1 convolutions: one logit per pixel.

    Examples:
        >>> _ = torch.manual_seed(0)
        >>> CoordConvPainter(8)(torch.zeros(3, 2)).shape
        torch.Size([3, 64])
    """

    def __init__(self, size: int, width: int = 32) -> None:
        """Build the network for an N x N grid with ``width`` hidden channels."""
        super().__init__()
        self.size = size
        self.net = nn.Sequential(
            CoordConv2d(2, width, 1),
            nn.ReLU(),
            nn.Conv2d(width, width, 1),
            nn.ReLU(),
            nn.Conv2d(width, 1, 1),
        )

    def forward(self, target: torch.Tensor) -> torch.Tensor:
        """Logits of shape (B, N^2) for targets of shape (B, 2)."""
        tiled = target[:, :, None, None].expand(-1, 2, self.size, self.size)  # (B, 2, N, N)
        out: torch.Tensor = self.net(tiled).flatten(1)
        return out


class DeconvPainter(nn.Module):
    """Stride-2 transposed convolutions from a 1 x 1 map of the two coordinates to N x N.

    Raises:
        ValueError: If ``size`` is not a power of 2, at least 2.

    Examples:
        >>> _ = torch.manual_seed(0)
        >>> DeconvPainter(8).eval()(torch.zeros(3, 2)).shape
        torch.Size([3, 64])
    """

    def __init__(self, size: int, width: int = 32) -> None:
        """Build the network: log2(N) layers, ``width`` channels between them."""
        super().__init__()
        if size < 2 or size & (size - 1):
            raise ValueError(f"the deconv net doubles 1 x 1 up to N x N: N must be 2^k, got {size}")
        layers: list[nn.Module] = []
        channels = 2
        for _ in range(size.bit_length() - 2):
            layers += [nn.ConvTranspose2d(channels, width, 3, 2, 1, 1), nn.BatchNorm2d(width)]
            layers.append(nn.ReLU())
            channels = width
        layers.append(nn.ConvTranspose2d(channels, 1, 3, 2, 1, 1))  # "same": doubles H and W
        self.net = nn.Sequential(*layers)

    def forward(self, target: torch.Tensor) -> torch.Tensor:
        """Logits of shape (B, N^2) for targets of shape (B, 2)."""
        out: torch.Tensor = self.net(target[:, :, None, None]).flatten(1)
        return out


def _train(model: nn.Module, x: torch.Tensor, y: torch.Tensor, *, epochs: int, lr: float) -> None:
    generator = torch.Generator().manual_seed(0)
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    model.train()
    for _ in range(epochs):
        for batch in torch.split(torch.randperm(len(x), generator=generator), 32):
            optimiser.zero_grad()
            loss = nn.functional.cross_entropy(model(x[batch]), y[batch])
            torch.autograd.backward(loss)
            optimiser.step()
    model.eval()


def coordinate_classification(
    *,
    seed: int = 0,
    size: int = 16,
    width: int = 32,
    coordconv_epochs: int = 30,
    deconv_epochs: int = 150,
    lr: float = 3e-3,
) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
    """Train both networks on three quadrants and test them on the fourth.

    Args:
        seed: Seeds the initial weights (the batch order is fixed).
        size: Side N of the grid, a power of 2, at least 4.
        width: Hidden channels of both networks.
        coordconv_epochs: Passes over the training targets for ``coordconv``.
        deconv_epochs: The same for ``deconv``, which needs more to fit them (the
            reference code trains it 2000 epochs against CoordConv's 100).
        lr: Adam's learning rate, batches of 32.

    Returns:
        ``metrics``: per model, the parameters, the accuracy on the trained and on the
        held-out targets, the share of held-out targets whose predicted pixel lies in
        the held-out quadrant at all, and the mean city-block distance from the
        predicted to the target pixel over the held-out targets; ``example``, a
        held-out target. ``arrays``: ``predicted`` (2, N, N), the predicted pixel (raster
        index) per target; ``probability`` (2, N, N), each model's softmax for the
        example target.

    Raises:
        ValueError: If ``size`` is not a power of 2 of at least 4.
    """
    if size < 4:
        raise ValueError(f"size must be a power of 2 of at least 4, got {size}")
    coords, held = quadrant_split(size)
    target = torch.arange(size * size)
    example = (3 * size // 4) * size + 3 * size // 4
    metrics: dict[str, Any] = {"models": list(MODELS), "size": size, "example": example}
    predicted, probability = [], []
    builders = {"coordconv": CoordConvPainter, "deconv": DeconvPainter}
    epochs = {"coordconv": coordconv_epochs, "deconv": deconv_epochs}
    for name in MODELS:
        torch.manual_seed(seed)
        model = builders[name](size, width)
        _train(model, coords[~held], target[~held], epochs=epochs[name], lr=lr)
        with torch.no_grad():
            logits = model(coords)  # (N^2, N^2): one row per target
        guess = logits.argmax(dim=1)
        right = guess == target
        miss = (guess // size - target // size).abs() + (guess % size - target % size).abs()
        metrics[name] = {
            "parameters": sum(p.numel() for p in model.parameters()),
            "train_accuracy": float(right[~held].float().mean()),
            "heldout_accuracy": float(right[held].float().mean()),
            "heldout_in_quadrant": float(held[guess[held]].float().mean()),
            "heldout_distance": float(miss[held].float().mean()),
        }
        predicted.append(guess.reshape(size, size).numpy().astype(np.int32))
        probability.append(torch.softmax(logits[example], 0).reshape(size, size).numpy())
    return metrics, {"predicted": np.stack(predicted), "probability": np.stack(probability)}
