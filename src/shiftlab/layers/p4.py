"""Rotations by 90 degrees: p4 group convolutions (Cohen & Welling 2016).

p4 is the group of integer translations and rotations by multiples of 90 degrees about
a grid point. A *p4 feature map* has an orientation axis of length 4:
(N, C, 4, H, W). Two layers build networks that commute with it:

* ``P4LiftingConv`` correlates an image (N, C, H, W) with four rotated copies of each
  filter, ``out[:, o, r] = correlate(x, rot90(w[o], r))``;
* ``P4GroupConv`` correlates a p4 map with filters that are rotated *and* cycled along
  their own orientation axis, ``out[:, o, r] = sum_s correlate(x[:, :, s],
  rot90(w[o, :, s - r], r))``.

**Sign convention.** ``torch.rot90(x, 1, dims=(-2, -1))`` turns the content a quarter
turn counterclockwise as an image is displayed (row 0 at the top):
``y[i, j] = x[j, W - 1 - i]``, so the top-right pixel goes to the top-left. The p4
action on a feature map, ``p4_rotate``, applies that to every orientation plane and
rolls the orientation axis by +1, with ``torch.roll``'s sign (content at orientation
``r`` moves to ``r + 1 mod 4``). Orientation ``r`` of a lifting output is the response
of the filter turned ``r`` quarter turns counterclockwise.

**Theorem.** With "same" padding of an odd kernel in any of the four modes (each pads
all four sides alike) and stride 1,
``P4LiftingConv(rot90(x)) = p4_rotate(P4LiftingConv(x))`` and
``P4GroupConv(p4_rotate(f)) = p4_rotate(P4GroupConv(f))``; ``orientation_pool`` then
commutes with ``rot90``, and a global pool after it is invariant. Proof on the page
"Beyond translation": rotating the input and the filter together only relabels the
terms of each sum. The equality is exact up to rounding (the terms are added in another
order), bit for bit when every partial sum is exact, e.g. integer-valued data. Stride
``s`` keeps the samples ``0, s, 2s, ...``, and ``rot90`` maps sample ``i`` to
``W - 1 - i``: the kept samples go to kept samples, and the identities hold, exactly
when ``s`` divides H - 1 and W - 1 (for stride 2: H and W odd).

Checked against a direct sum over the group and against ``shiftlab.convolution.correlate``
with ``np.rot90`` filters in tests/test_p4.py.
"""

from __future__ import annotations

import math
from typing import Literal

import torch
import torch.nn.functional as F  # noqa: N812 - the usual name for torch's functional API
from torch import nn

from shiftlab.layers.padding import LayerPadding, _check_map, _check_mode, _positive_int, pad2d

ORIENTATIONS = 4
"""Length of the orientation axis of a p4 feature map: the rotations by 0, 90, 180, 270."""


def _check_p4_map(x: object, name: str = "x") -> torch.Tensor:
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"{name} must be a torch.Tensor, got {type(x).__name__}")
    if x.ndim != 5 or x.shape[2] != ORIENTATIONS:
        raise ValueError(
            f"{name} must be a p4 feature map of shape (N, C, 4, H, W), got {tuple(x.shape)}"
        )
    if not x.is_floating_point():
        raise TypeError(f"{name} must be floating (e.g. float32 or float64), got {x.dtype}")
    if 0 in x.shape[1:]:
        raise ValueError(
            f"{name} must have at least one channel, row and column, got {tuple(x.shape)}"
        )
    return x


def p4_rotate(x: torch.Tensor, k: int = 1) -> torch.Tensor:
    """Rotate a p4 feature map by ``k`` quarter turns: rot90 on space, roll on orientation.

    ``y[:, :, r] = rot90(x[:, :, r - k], k)``, the action under which the p4 layers are
    equivariant. ``rot90`` turns counterclockwise as displayed; a map of shape
    (H, W) becomes (W, H). Four quarter turns give ``x`` back.

    Args:
        x: Floating tensor of shape (N, C, 4, H, W).
        k: Quarter turns, any integer (taken mod 4; negative turns clockwise).

    Returns:
        Tensor of shape (N, C, 4, W, H) if ``k`` is odd, else (N, C, 4, H, W).

    Raises:
        TypeError: If ``x`` is not a floating tensor or ``k`` not an integer.
        ValueError: If ``x`` is not 5-D with an orientation axis of length 4.

    Examples:
        >>> f = torch.zeros(1, 1, 4, 3, 3)  # (N, C, 4, H, W)
        >>> f[0, 0, 0, 0, 2] = 1.0  # orientation 0, top-right pixel
        >>> g = p4_rotate(f)
        >>> torch.nonzero(g).tolist()  # orientation 1, top-left pixel
        [[0, 0, 1, 0, 0]]
        >>> torch.equal(p4_rotate(f, 4), f), torch.equal(p4_rotate(g, -1), f)
        (True, True)
    """
    x = _check_p4_map(x)
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError(f"k must be an integer, got {k!r} ({type(k).__name__})")
    k %= ORIENTATIONS
    return torch.roll(torch.rot90(x, k, dims=(-2, -1)), k, dims=2)


def orientation_pool(x: torch.Tensor, mode: Literal["max", "mean"] = "max") -> torch.Tensor:
    """Pool a p4 feature map over its orientation axis: (N, C, 4, H, W) -> (N, C, H, W).

    A roll of the orientation axis does not change a max or a mean, so
    ``orientation_pool(p4_rotate(x, k)) = rot90(orientation_pool(x), k)``: the result
    is an ordinary feature map that rotates with the input, and a global pool of it is
    invariant to the four rotations.

    Args:
        x: Floating tensor of shape (N, C, 4, H, W).
        mode: "max" or "mean".

    Returns:
        Tensor of shape (N, C, H, W).

    Raises:
        TypeError: If ``x`` is not a floating tensor.
        ValueError: If ``x`` is not a p4 map or ``mode`` is unknown.

    Examples:
        >>> x = torch.arange(8.0).reshape(1, 2, 4, 1, 1)  # (N, C, 4, H, W)
        >>> orientation_pool(x).flatten().tolist(), orientation_pool(x, "mean").flatten().tolist()
        ([3.0, 7.0], [1.5, 5.5])
    """
    x = _check_p4_map(x)
    if mode == "max":
        return x.amax(dim=2)
    if mode == "mean":
        return x.mean(dim=2)
    raise ValueError(f"mode must be 'max' or 'mean', got {mode!r}")


class _P4Conv(nn.Module):
    """Shared parameters, checks and padding of the two p4 convolutions."""

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int,
        *,
        stride: int,
        padding_mode: LayerPadding,
        bias: bool,
        in_orientations: int,
    ) -> None:
        super().__init__()
        self.in_channels = _positive_int(in_channels, "in_channels")
        self.out_channels = _positive_int(out_channels, "out_channels")
        self.kernel_size = _positive_int(kernel_size, "kernel_size")
        if self.kernel_size % 2 == 0:
            raise ValueError(
                f"kernel_size must be odd, got {kernel_size}: 'same' padding of an even "
                "kernel is not the same on all four sides, and rot90 would not commute with it"
            )
        self.stride = _positive_int(stride, "stride")
        self.padding_mode = _check_mode(padding_mode)
        k = self.kernel_size
        # (C_out, C_in, k, k) for images, (C_out, C_in, 4, k, k) for p4 maps
        orientation_axis = (in_orientations,) if in_orientations > 1 else ()
        shape = (self.out_channels, self.in_channels, *orientation_axis, k, k)
        self.weight = nn.Parameter(torch.empty(shape))
        # Conv2d's default initialisation: uniform in +-1/sqrt(fan_in).
        bound = 1 / math.sqrt(self.in_channels * in_orientations * k * k)
        nn.init.uniform_(self.weight, -bound, bound)
        self.bias: nn.Parameter | None = None
        if bias:
            self.bias = nn.Parameter(torch.empty(self.out_channels).uniform_(-bound, bound))

    def _correlate(self, x: torch.Tensor, bank: torch.Tensor) -> torch.Tensor:
        if x.dtype != self.weight.dtype:
            raise TypeError(
                f"x has dtype {x.dtype} but the weights are {self.weight.dtype}: "
                "convert one (layer.double() or x.float())"
            )
        p = self.kernel_size // 2
        # One bias per output channel, shared by its four orientations.
        bias = None if self.bias is None else self.bias.repeat_interleave(ORIENTATIONS)
        y = F.conv2d(pad2d(x, (p, p), self.padding_mode), bank, bias, stride=self.stride)
        n, _, h, w = y.shape
        return y.reshape(n, self.out_channels, ORIENTATIONS, h, w)  # (N, C_out, 4, H', W')

    def extra_repr(self) -> str:
        """Shown by ``print(module)``."""
        return (
            f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
            f"stride={self.stride}, padding_mode={self.padding_mode!r}, "
            f"bias={self.bias is not None}"
        )


class P4LiftingConv(_P4Conv):
    """Lift an image to a p4 feature map: correlate with four rotated copies of each filter.

    ``out[:, o, r] = bias[o] + sum_c correlate(x[:, c], rot90(weight[o, c], r))`` for
    ``r = 0, 1, 2, 3``, with "same" padding in ``padding_mode`` and stride ``stride``.
    Equivariance: ``P4LiftingConv(rot90(x, k)) = p4_rotate(P4LiftingConv(x), k)`` (see
    the module docstring for the conditions) and, with circular padding and stride 1,
    ``P4LiftingConv(T_v x) = T_v P4LiftingConv(x)`` for every circular shift.

    Examples:
        >>> lift = P4LiftingConv(1, 2, padding_mode="zero").double()
        >>> x = torch.randn(1, 1, 5, 5, dtype=torch.float64)  # (N, C, H, W)
        >>> y = lift(x)  # (N, C_out, 4, H, W)
        >>> tuple(y.shape)
        (1, 2, 4, 5, 5)
        >>> error = lift(torch.rot90(x, 1, dims=(-2, -1))) - p4_rotate(y)
        >>> error.abs().max().item() < 1e-12
        True
    """

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int = 3,
        *,
        stride: int = 1,
        padding_mode: LayerPadding = "circular",
        bias: bool = True,
    ) -> None:
        """Build the layer.

        Args:
            in_channels: Channels ``C_in`` of the input image.
            out_channels: Channels ``C_out`` of the output, each with 4 orientations.
            kernel_size: Odd filter size ``k`` (the weight is (C_out, C_in, k, k)).
            stride: Subsampling factor ``s`` on both axes; rot90 equivariance then
                needs ``s`` to divide H - 1 and W - 1 (odd sizes for stride 2).
            padding_mode: "circular" (exact for circular shifts too), "zero", "reflect"
                or "replicate"; all four commute with rot90.
            bias: Add one learnable bias per output channel, shared by its orientations.

        Raises:
            TypeError: If a size is not an integer.
            ValueError: If a size is below 1, ``kernel_size`` is even or the padding
                mode is unknown.
        """
        super().__init__(
            in_channels,
            out_channels,
            kernel_size,
            stride=stride,
            padding_mode=padding_mode,
            bias=bias,
            in_orientations=1,
        )

    def filters(self) -> torch.Tensor:
        """The four rotated copies of every filter, as one Conv2d weight.

        Returns:
            Tensor of shape (C_out * 4, C_in, k, k); row ``o * 4 + r`` is
            ``rot90(weight[o], r)``.
        """
        bank = torch.stack([torch.rot90(self.weight, r, dims=(-2, -1)) for r in range(4)], 1)
        return bank.flatten(0, 1)  # (C_out * 4, C_in, k, k)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Lift a floating (N, C_in, H, W) image with the layer's dtype.

        Returns:
            Tensor of shape (N, C_out, 4, H', W'), ``H' = ceil(H / stride)``.

        Raises:
            TypeError: If ``x`` is not a floating tensor of the weights' dtype.
            ValueError: If ``x`` is not 4-D or has the wrong number of channels.
        """
        x = _check_map(x)
        if x.shape[1] != self.in_channels:
            raise ValueError(f"x must have {self.in_channels} channels, got {x.shape[1]}")
        return self._correlate(x, self.filters())


class P4GroupConv(_P4Conv):
    """Correlate a p4 feature map with filters on p4: rotated and cycled along orientation.

    ``out[:, o, r] = bias[o] + sum_{c, s} correlate(x[:, c, s], rot90(weight[o, c, s - r],
    r))``, orientation indices mod 4: the filter for output orientation ``r`` is the
    filter rotated by ``r`` quarter turns with its orientation axis rolled by ``r``
    (``p4_rotate`` applied to the filter). Equivariance:
    ``P4GroupConv(p4_rotate(x, k)) = p4_rotate(P4GroupConv(x), k)`` (conditions in the
    module docstring), and with circular padding and stride 1 it commutes with every
    circular shift of the two spatial axes.

    Examples:
        >>> conv = P4GroupConv(2, 3).double()  # circular padding
        >>> f = torch.randn(1, 2, 4, 6, 6, dtype=torch.float64)  # (N, C, 4, H, W)
        >>> g = conv(f)
        >>> tuple(g.shape), (conv(p4_rotate(f)) - p4_rotate(g)).abs().max().item() < 1e-12
        ((1, 3, 4, 6, 6), True)
    """

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int = 3,
        *,
        stride: int = 1,
        padding_mode: LayerPadding = "circular",
        bias: bool = True,
    ) -> None:
        """Build the layer.

        Args:
            in_channels: Channels ``C_in`` of the input p4 map, each with 4 orientations.
            out_channels: Channels ``C_out`` of the output p4 map.
            kernel_size: Odd filter size ``k`` (the weight is (C_out, C_in, 4, k, k)).
            stride: Subsampling factor ``s`` on both axes; rot90 equivariance then
                needs ``s`` to divide H - 1 and W - 1 (odd sizes for stride 2).
            padding_mode: "circular", "zero", "reflect" or "replicate".
            bias: Add one learnable bias per output channel, shared by its orientations.

        Raises:
            TypeError: If a size is not an integer.
            ValueError: If a size is below 1, ``kernel_size`` is even or the padding
                mode is unknown.
        """
        super().__init__(
            in_channels,
            out_channels,
            kernel_size,
            stride=stride,
            padding_mode=padding_mode,
            bias=bias,
            in_orientations=ORIENTATIONS,
        )

    def filters(self) -> torch.Tensor:
        """The transformed filters for all four output orientations, as one Conv2d weight.

        Returns:
            Tensor of shape (C_out * 4, C_in * 4, k, k); row ``o * 4 + r``, column
            ``c * 4 + s`` is ``rot90(weight[o, c, (s - r) mod 4], r)``.
        """
        turned = [
            torch.rot90(torch.roll(self.weight, r, dims=2), r, dims=(-2, -1)) for r in range(4)
        ]
        bank = torch.stack(turned, 1)  # (C_out, 4, C_in, 4, k, k)
        return bank.flatten(0, 1).flatten(1, 2)  # (C_out * 4, C_in * 4, k, k)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Correlate a floating (N, C_in, 4, H, W) p4 map with the layer's dtype.

        Returns:
            Tensor of shape (N, C_out, 4, H', W'), ``H' = ceil(H / stride)``.

        Raises:
            TypeError: If ``x`` is not a floating tensor of the weights' dtype.
            ValueError: If ``x`` is not a p4 map or has the wrong number of channels.
        """
        x = _check_p4_map(x)
        if x.shape[1] != self.in_channels:
            raise ValueError(f"x must have {self.in_channels} channels, got {x.shape[1]}")
        return self._correlate(x.flatten(1, 2), self.filters())  # (N, C_in * 4, H, W) in


class OrientationPool(nn.Module):
    """``orientation_pool`` as a layer, for ``nn.Sequential``: (N, C, 4, H, W) -> (N, C, H, W).

    Examples:
        >>> OrientationPool("mean")(torch.ones(2, 3, 4, 5, 5)).shape
        torch.Size([2, 3, 5, 5])
    """

    def __init__(self, mode: Literal["max", "mean"] = "max") -> None:
        """Build the layer.

        Args:
            mode: "max" or "mean" over the four orientations.

        Raises:
            ValueError: If ``mode`` is unknown.
        """
        super().__init__()
        if mode not in ("max", "mean"):
            raise ValueError(f"mode must be 'max' or 'mean', got {mode!r}")
        self.mode: Literal["max", "mean"] = mode

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Pool over orientations; see ``orientation_pool``."""
        return orientation_pool(x, self.mode)

    def extra_repr(self) -> str:
        """Shown by ``print(module)``."""
        return f"mode={self.mode!r}"
