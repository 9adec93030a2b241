"""How far a layer's output looks into the input: a receptive-field bound for the crop.

Under zero-fill shifts, an output sample is exact only if its receptive field stays
inside the input frame, so the probe compares each layer on an interior crop of
``ceil(R / s)`` output samples per side (the rule of ``shiftlab.measures``), where ``s``
is the layer's total stride and ``R`` its receptive-field radius in input samples (the
larger of the two sides). ``R`` is bounded from the modules the probe hooks, in the
order they ran: each module's reach on either side, in its own input's samples, times
that input's stride, summed over every leaf module called so far. A path through the
network uses a subset of those calls, so the sum bounds every path: conservative (fewer
samples compared than needed, less evidence), never too small, for the modules it knows.

Rules per module type (``k`` kernel size, ``d`` dilation, ``p`` padding before, ``s``
stride, all per axis): convolution and pooling ``(p, d (k - 1) - p)``; transposed
convolution ``((d (k - 1) - p) / s, p / s)``; adaptive pooling ``(0 or 1, ceil(n / m))``;
padding layers ``(p, 0)``; nearest upsampling and ``PixelShuffle`` ``(1, 0)``, linear
modes ``(2, 2)``, bicubic ``(3, 3)``; ``PixelUnshuffle(r)`` and
``AdaptivePolyphaseSampling`` ``(0, r - 1)``; ``BlurPool`` its padding split; pointwise
maps, eval-mode BatchNorm and dropout ``(0, 0)``. GroupNorm, InstanceNorm, LayerNorm,
RMSNorm, Linear, Flatten and softmax over a spatial axis mix all positions: nothing after
them has a bounded field. Any other module type has no rule, and nothing after it either.

Not seen: functional calls in ``forward`` (``F.max_pool2d``, ``F.interpolate``, padding
by hand). A network that pools or convolves that way has a larger field than this
bound: pass ``crop=`` to the probe instead.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

from torch import nn

from shiftlab.layers import AdaptivePolyphaseSampling, BlurPool

Sides = tuple[tuple[Fraction, Fraction], ...]  # per axis: (before, after), in input samples

_POINTWISE = (
    *(nn.ReLU, nn.ReLU6, nn.LeakyReLU, nn.PReLU, nn.RReLU, nn.ELU, nn.SELU, nn.CELU, nn.GELU),
    *(nn.SiLU, nn.Mish, nn.Sigmoid, nn.Tanh, nn.Hardtanh, nn.Hardswish, nn.Hardsigmoid),
    *(nn.Softplus, nn.Softsign, nn.Tanhshrink, nn.Threshold, nn.LogSigmoid, nn.Hardshrink),
    *(nn.Softshrink, nn.Identity, nn.Dropout, nn.Dropout1d, nn.Dropout2d, nn.Dropout3d),
    *(nn.AlphaDropout, nn.FeatureAlphaDropout, nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d),
    *(nn.SyncBatchNorm, nn.LocalResponseNorm, nn.ChannelShuffle, nn.Softmax2d),
)
_GLOBAL = (
    *(nn.GroupNorm, nn.InstanceNorm1d, nn.InstanceNorm2d, nn.InstanceNorm3d, nn.LayerNorm),
    *(nn.RMSNorm, nn.Linear, nn.Bilinear, nn.Flatten),
)
_CONV = (nn.Conv1d, nn.Conv2d, nn.Conv3d)
_TRANSPOSED = (nn.ConvTranspose1d, nn.ConvTranspose2d, nn.ConvTranspose3d)
_POOL = (nn.MaxPool1d, nn.MaxPool2d, nn.MaxPool3d, nn.AvgPool1d, nn.AvgPool2d, nn.AvgPool3d)
_LP = (nn.LPPool1d, nn.LPPool2d, nn.LPPool3d)
_ADAPTIVE = (
    *(nn.AdaptiveAvgPool1d, nn.AdaptiveAvgPool2d, nn.AdaptiveAvgPool3d),
    *(nn.AdaptiveMaxPool1d, nn.AdaptiveMaxPool2d, nn.AdaptiveMaxPool3d),
)
_PAD = (
    *(nn.ZeroPad1d, nn.ZeroPad2d, nn.ZeroPad3d, nn.ConstantPad1d, nn.ConstantPad2d),
    *(nn.ConstantPad3d, nn.ReflectionPad1d, nn.ReflectionPad2d, nn.ReflectionPad3d),
    *(nn.ReplicationPad1d, nn.ReplicationPad2d, nn.ReplicationPad3d, nn.CircularPad1d),
    *(nn.CircularPad2d, nn.CircularPad3d),
)
_UPSAMPLE = {"nearest": (1, 0), "nearest-exact": (1, 1), "linear": (2, 2), "bilinear": (2, 2)}
_UPSAMPLE |= {"trilinear": (2, 2), "bicubic": (3, 3)}
GLOBAL, UNKNOWN = "mixes all positions", "has no receptive-field rule"


def _per_axis(value: object, k: int) -> tuple[int, ...]:
    if isinstance(value, int):
        return (value,) * k
    values = tuple(int(v) for v in value) if isinstance(value, Sequence) else ()
    return values if len(values) == k else (values * k)[:k]


def _window(module: nn.Module, k: int, padding: object, dilation: object) -> Sides:
    kernel = _per_axis(getattr(module, "kernel_size", 1), k)
    dil = _per_axis(dilation, k)
    if padding == "same":
        before = tuple(d * (n - 1) // 2 for n, d in zip(kernel, dil, strict=True))
    else:
        before = (0,) * k if padding == "valid" else _per_axis(padding, k)
    return tuple(
        (Fraction(p), Fraction(d * (n - 1) - p))
        for n, d, p in zip(kernel, dil, before, strict=True)
    )


def _uniform(before: int, after: int, k: int) -> Sides:
    return ((Fraction(before), Fraction(after)),) * k


def _transposed(module: Any, k: int, n_in: Sequence[int], n_out: Sequence[int]) -> Sides | str:
    sides = _window(module, k, module.padding, module.dilation)
    strides = _per_axis(module.stride, k)
    return tuple((after / s, before / s) for (before, after), s in zip(sides, strides, strict=True))


def _adaptive(module: Any, k: int, n_in: Sequence[int], n_out: Sequence[int]) -> Sides | str:
    # Window i covers [floor(i n / m), ceil((i + 1) n / m)): at most 1 before i n / m.
    return tuple(
        (Fraction(int(n % m != 0)), Fraction(math.ceil(n / m)))
        for n, m in zip(n_in, n_out, strict=True)
    )


def _pad(module: Any, k: int, n_in: Sequence[int], n_out: Sequence[int]) -> Sides | str:
    pads = module.padding  # F.pad order: the last axis first, (before, after) each
    if len(pads) != 2 * k:
        return UNKNOWN
    return tuple((Fraction(pads[2 * (k - 1 - a)]), Fraction(0)) for a in range(k))


def _upsample(module: Any, k: int, n_in: Sequence[int], n_out: Sequence[int]) -> Sides | str:
    return _uniform(*_UPSAMPLE[module.mode], k) if module.mode in _UPSAMPLE else UNKNOWN


_Rule = Callable[[Any, int, Sequence[int], Sequence[int]], Sides | str]
_RULES: tuple[tuple[tuple[type[nn.Module], ...], _Rule], ...] = (
    (_CONV, lambda m, k, n, o: _window(m, k, m.padding, m.dilation)),
    (_TRANSPOSED, _transposed),
    (_POOL, lambda m, k, n, o: _window(m, k, m.padding, getattr(m, "dilation", 1))),
    (_LP, lambda m, k, n, o: _window(m, k, 0, 1)),
    (_ADAPTIVE, _adaptive),
    (_PAD, _pad),
    ((nn.Upsample,), _upsample),
    ((nn.PixelShuffle,), lambda m, k, n, o: _uniform(1, 0, k)),
    ((nn.PixelUnshuffle,), lambda m, k, n, o: _uniform(0, m.downscale_factor - 1, k)),
    ((BlurPool,), lambda m, k, n, o: _uniform((m.filter_size - 1) // 2, m.filter_size // 2, k)),
    ((AdaptivePolyphaseSampling,), lambda m, k, n, o: _uniform(0, m.stride - 1, k)),
)


def local_reach(
    module: nn.Module, k: int, n_in: Sequence[int] | None, n_out: Sequence[int] | None
) -> Sides | str:
    """How far one output sample of ``module`` reads before and after its position.

    In the module's own input samples, per spatial axis; output sample ``j`` sits at
    input position ``j * n_in / n_out``. A string instead says why there is no bound.

    Args:
        module: The leaf module.
        k: Number of spatial axes.
        n_in: Spatial size of its input, None when the input was not spatial.
        n_out: Spatial size of its output, None when the output was not spatial.

    Returns:
        ``((before, after), ...)`` per axis, or ``GLOBAL`` or ``UNKNOWN``.

    Examples:
        >>> local_reach(nn.Conv2d(1, 1, 3, padding=1), 2, (8, 8), (8, 8))[0]
        (Fraction(1, 1), Fraction(1, 1))
        >>> local_reach(nn.MaxPool1d(2), 1, (8,), (4,))
        ((Fraction(0, 1), Fraction(1, 1)),)
        >>> local_reach(nn.GroupNorm(1, 1), 2, (8, 8), (8, 8))
        'mixes all positions'
    """
    if isinstance(module, _POINTWISE):
        return _uniform(0, 0, k)
    if isinstance(module, nn.Softmax | nn.LogSoftmax | nn.Softmin | nn.GLU):
        return _uniform(0, 0, k) if module.dim in (1, 1 - (k + 2)) else GLOBAL
    if isinstance(module, _GLOBAL):
        return GLOBAL
    if n_in is None or n_out is None or len(n_in) != k or len(n_out) != k:
        return UNKNOWN
    rule = next((rule for types, rule in _RULES if isinstance(module, types)), None)
    return UNKNOWN if rule is None else rule(module, k, n_in, n_out)


class ReachBound:
    """The running sum of the reaches of the leaf modules called so far, in input samples.

    Examples:
        >>> bound = ReachBound((16,))
        >>> bound.add("conv", nn.Conv1d(1, 1, 3, padding=1), (16,), (16,))
        >>> bound.add("pool", nn.MaxPool1d(2), (16,), (8,))
        >>> bound.add("conv2", nn.Conv1d(1, 1, 3, padding=1), (8,), (8,))  # 1 sample = 2 inputs
        >>> bound.radius(), bound.crop((8,))  # R = 1 + 1 + 2, crop ceil(4 / 2)
        ((4.0,), (2,))
        >>> bound.add("norm", nn.GroupNorm(1, 1), (8,), (8,))
        >>> bound.crop((8,)), bound.problem
        (None, 'norm (GroupNorm) mixes all positions')
    """

    def __init__(self, size: Sequence[int]) -> None:
        """Start from the model input, of spatial size ``size``."""
        self.size = tuple(size)
        self.sides = [[Fraction(0), Fraction(0)] for _ in self.size]
        self.problem: str | None = None

    def add(
        self,
        name: str,
        module: nn.Module,
        n_in: Sequence[int] | None,
        n_out: Sequence[int] | None,
    ) -> None:
        """Add one call of a leaf module, given its input and output spatial sizes."""
        if self.problem is not None:
            return
        reach = local_reach(module, len(self.size), n_in, n_out)
        if isinstance(reach, str):
            self.problem = f"{name or '(model)'} ({type(module).__name__}) {reach}"
            return
        for axis, (before, after) in enumerate(reach):
            scale = Fraction(self.size[axis], n_in[axis] or 1) if n_in else Fraction(1)
            self.sides[axis][0] += max(before, Fraction(0)) * scale
            self.sides[axis][1] += max(after, Fraction(0)) * scale

    def crop(self, n_out: Sequence[int]) -> tuple[int, ...] | None:
        """``ceil(R / s)`` per axis for an output of spatial size ``n_out``; None if unbounded."""
        if self.problem is not None:
            return None
        return tuple(
            math.ceil(max(sides) * n / size)
            for sides, n, size in zip(self.sides, n_out, self.size, strict=True)
        )

    def radius(self) -> tuple[float, ...] | None:
        """``R`` per axis (the larger side), None if unbounded."""
        return None if self.problem is not None else tuple(float(max(s)) for s in self.sides)
