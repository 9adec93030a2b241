"""The network of the "Layer by layer" page, and how a global read-out changes with depth.

``network(downsample, padding)`` builds the page's small CNN, seeded:
conv - ReLU - pool - conv - ReLU - pool - conv - global average pool - linear, 3 x 3
convolutions that keep the size, and one of three ways to halve the grid (the same as
in the shifted-digits experiment): ``"max"``, 2 x 2 max pooling with stride 2;
``"blur"``, ``MaxBlurPool(2, filter_size=3)`` (Zhang 2019); ``"aps"``, a 2 x 2 max with
stride 1 and adaptive polyphase sampling (Chaman & Dokmanić 2021). Its modules are
named (``conv1``, ``relu1``, ``pool1``, ...), so a probe report reads like the page.

``readout_sensitivity`` measures, with ``shiftlab.probe``, how much the global mean of
each layer's output changes under every circular shift of the input: the read-out a
global pool would take at that depth. Torch is needed; figures import this module
inside their functions.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from typing import Any, Literal

import numpy as np
import torch
from numpy.typing import NDArray
from torch import nn

from shiftlab.layers import AdaptivePolyphaseSampling, LayerPadding, MaxBlurPool
from shiftlab.probe import ProbeReport, probe

Downsample = Literal["max", "blur", "aps"]
Padding = Literal["circular", "zeros"]

DOWNSAMPLERS: tuple[Downsample, ...] = ("max", "blur", "aps")
"""The three ways to halve the grid, in the order of every table and figure."""

LABELS = {"max": "MaxPool", "blur": "BlurPool", "aps": "APS"}
"""How tables and figures name the three networks."""

DEPTHS = ("conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "conv3")
"""The spatial layers of ``network``, in the order they run."""


class APSDownsample(AdaptivePolyphaseSampling):
    """Adaptive polyphase sampling that returns only the sampled map (for nn.Sequential)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # type: ignore[override]
        """Keep the component of largest norm of each sample: (N, C, H / s, W / s)."""
        return super().forward(x)[0]


# --8<-- [start:pool]
def _pool(downsample: Downsample, padding: Padding) -> nn.Module:
    if downsample == "max":
        return nn.MaxPool2d(2)  # windows {2i, 2i + 1}: no padding needed
    mode: LayerPadding = "circular" if padding == "circular" else "zero"
    if downsample == "blur":
        return MaxBlurPool(2, filter_size=3, stride=2, padding_mode=mode)
    after = (0, 1, 0, 1)  # one column on the right, one row at the bottom
    pad = nn.CircularPad2d(after) if mode == "circular" else nn.ZeroPad2d(after)
    # max over {i, i + 1}, then the component of largest norm
    window_max = nn.MaxPool2d(2, stride=1)
    aps = APSDownsample(2)
    return nn.Sequential(OrderedDict(pad=pad, max=window_max, aps=aps))
    # --8<-- [end:pool]


# --8<-- [start:network-signature]
def network(
    downsample: Downsample = "max",
    padding: Padding = "circular",
    *,
    seed: int = 0,
) -> nn.Sequential:
    # --8<-- [end:network-signature]
    """The page's CNN: (N, 3, H, W) images to (N, 10) scores, total stride 4.

    Args:
        downsample: "max", "blur" or "aps" (see the module docstring).
        padding: "circular" or "zeros", for the convolutions and the pools.
        seed: Seeds the weights (the global torch RNG is restored afterwards).

    Returns:
        A ``nn.Sequential`` named conv1, relu1, pool1, conv2, relu2, pool2, conv3,
        gap, flatten, linear.

    Raises:
        ValueError: If ``downsample`` or ``padding`` is not one of the names above.

    Examples:
        >>> net = network("aps")
        >>> tuple(net(torch.zeros(2, 3, 16, 16)).shape)
        (2, 10)
        >>> [name for name, _ in net.named_children()][:3]
        ['conv1', 'relu1', 'pool1']
        >>> torch.equal(network().conv1.weight, network().conv1.weight)  # seeded
        True
    """
    # --8<-- [start:network-body]
    if downsample not in DOWNSAMPLERS:
        expected = f"one of {DOWNSAMPLERS}"
        raise ValueError(f"downsample must be {expected}, got {downsample!r}")
    if padding not in ("circular", "zeros"):
        expected = "'circular' or 'zeros'"
        raise ValueError(f"padding must be {expected}, got {padding!r}")

    def conv(c_in: int, c_out: int) -> nn.Conv2d:
        return nn.Conv2d(c_in, c_out, 3, padding=1, padding_mode=padding)

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        pool = functools.partial(_pool, downsample, padding)
        layers = OrderedDict(
            conv1=conv(3, 8), relu1=nn.ReLU(), pool1=pool(),
            conv2=conv(8, 16), relu2=nn.ReLU(), pool2=pool(),
            conv3=conv(16, 16), gap=nn.AdaptiveAvgPool2d(1),
            flatten=nn.Flatten(), linear=nn.Linear(16, 10),
        )  # fmt: skip
    return nn.Sequential(layers)
    # --8<-- [end:network-body]


def page_probe(
    shifts: list[tuple[int, int]],
    *,
    downsample: Downsample = "max",
    padding: Padding = "circular",
    shift_mode: Literal["circular", "zero"] = "circular",
    size: int = 16,
    seed: int = 0,
) -> ProbeReport:
    """``shiftlab.probe`` of ``network(downsample, padding)`` on two noise images.

    Args:
        shifts: The shifts ``(dy, dx)`` to measure.
        downsample: "max", "blur" or "aps".
        padding: "circular" or "zeros".
        shift_mode: "circular" (roll) or "zero" (content moved on a zero canvas).
        size: Side of the square input.
        seed: Seeds the weights and the standard normal input of shape (2, 3, size, size).

    Returns:
        The probe's report.

    Examples:
        >>> report = page_probe([(0, 1), (0, 2)])
        >>> [e.defined for e in report.layer("pool1").errors]  # stride 2: (0, 1) has no T_v/2
        [False, True]
    """
    x = torch.randn(2, 3, size, size, generator=torch.Generator().manual_seed(seed))
    return probe(network(downsample, padding, seed=seed), x, shifts, shift_mode=shift_mode)


class GlobalMean(nn.Module):
    """The mean over all positions: (N, C, *S) to (N, C), a global average pool."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Average the spatial axes."""
        return x.flatten(2).mean(dim=2)


def readout_sensitivity(
    *, size: int = 16, samples: int = 4, seed: int = 0
) -> tuple[dict[str, Any], dict[str, NDArray[Any]]]:
    """How much a global mean of each layer's output changes under every circular shift.

    For each downsampler and each layer ``l`` of ``DEPTHS``, the network is cut after
    ``l`` and read out by a global mean, ``g_l = mean(F_l)``, and ``shiftlab.probe``
    measures ``||g_l(T_v x) - g_l(x)|| / ||g_l(x)||`` for all ``size**2`` circular shifts
    ``v`` (its output invariance); ``"output"`` is the whole network's scores. The three
    networks share their convolution weights (same seed, the pools have none).

    Args:
        size: Side of the square input, a multiple of 4.
        samples: Images in the batch, standard normal noise with 3 channels.
        seed: Seeds the weights and the noise.

    Returns:
        ``metrics``: ``depths`` (the layer names and "output"), and per downsampler the
        mean and the largest change over the shifts at each depth. ``arrays``:
        ``changes`` of shape (3, depths, size**2), the relative change per shift, and
        ``shifts`` (size**2, 2), in the order of ``shiftlab.shifts.centered_shifts``.

    Raises:
        ValueError: If ``size`` is not a positive multiple of 4.

    Examples:
        >>> metrics, arrays = readout_sensitivity(size=4, samples=1)
        >>> arrays["changes"].shape, metrics["depths"][-1]
        ((3, 8, 16), 'output')
        >>> max(metrics["aps"]["max"]) < 1e-5  # APS: invariant at every depth
        True
    """
    if size < 4 or size % 4:
        raise ValueError(f"size must be a positive multiple of 4 (the total stride), got {size}")
    x = torch.randn(samples, 3, size, size, generator=torch.Generator().manual_seed(seed))
    depths = [*DEPTHS, "output"]
    changes = np.zeros((len(DOWNSAMPLERS), len(depths), size * size))
    shifts: NDArray[Any] = np.zeros((size * size, 2), dtype=np.int64)
    metrics: dict[str, Any] = {"depths": depths, "size": size, "samples": samples}
    for i, kind in enumerate(DOWNSAMPLERS):
        net = network(kind, seed=seed)
        for j, depth in enumerate(depths):
            if depth == "output":
                cut: nn.Module = net
            else:
                kept = list(net.named_children())[: DEPTHS.index(depth) + 1]
                cut = nn.Sequential(OrderedDict([*kept, ("mean", GlobalMean())]))
            report = probe(cut, x, classifier=False)
            changes[i, j] = [e.relative_l2 for e in report.output.invariance]
            shifts = np.array(report.shifts, dtype=np.int64)
        metrics[kind] = {
            "mean": changes[i].mean(axis=1).tolist(),
            "max": changes[i].max(axis=1).tolist(),
        }
    return metrics, {"changes": changes, "shifts": shifts}
