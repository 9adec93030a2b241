"""Adaptive polyphase sampling, APS (Chaman & Dokmanić 2021): a stride that follows the content.

A fixed stride ``s`` keeps the polyphase component ``x[:, :, 0::s, 0::s]``; a shift
by one pixel hands it another component, so the output changes. APS keeps, per sample,
the component with the largest p-norm over all channels and positions instead, and the
choice moves with the content.

**Theorem** (circular shifts). Let ``s`` divide H and W, let APS pick the phase
``r = (r_h, r_w)`` for ``x``, and let that component's norm exceed every other one by
more than rounding. Then for every integer shift ``v = (v_h, v_w)``, APS picks
``r' = (r + v) mod s`` for ``T_v x`` and ``APS(T_v x) = T_u APS(x)`` with
``u = (r + v - r') / s = floor((r + v) / s)``, a circular shift on the (H/s, W/s) grid.

Proof: component ``i`` of ``T_v x`` is a circular shift of component ``(i - v) mod s``
of ``x`` (the same values, moved), so ``T_v`` permutes the components and their norms,
and the largest one moves with them. A stride-1 convolution with circular padding
commutes with every ``T_v``, and a global pool removes ``T_u``: circular conv + APS +
global pooling is exactly invariant to every circular shift, not only to multiples of
``s``.

The precondition matters. Under an exact tie the fixed rule here (the first component
in raster order: ``(i, j)`` with ``i`` slowest, phase index ``k = i * s + j``) does not
move with the content, and a shift can make it pick different values. A near tie is
as fragile: norms are compared in float64, but a margin below float32 resolution is
already lost when the map is stored in float32.

The reference code (achaman2/truly_shift_invariant_cnns, ``ApsPool``) differs in ways
that matter here: it handles stride 2 only, lists the components as (0, 0), (1, 0),
(0, 1), (1, 1) and takes ``torch.argmax``, so its ties go to (1, 0) before (0, 1); it
computes norms in the map's dtype; and it wraps one extra row or column onto odd sizes,
which breaks the theorem, where this module raises instead. Checked against a direct
numpy formula in tests/test_layers.py.
"""

from __future__ import annotations

import torch
from torch import nn

from shiftlab.layers.padding import _check_map, _positive_int


def _check_p(p: object) -> float:
    if isinstance(p, bool) or not isinstance(p, int | float) or not p >= 1:
        raise ValueError(f"p must be a number >= 1 (math.inf for the max norm), got {p!r}")
    return float(p)


def _check_phase(phase: object, n: int, s: int, device: torch.device) -> torch.Tensor:
    if (
        not isinstance(phase, torch.Tensor)
        or phase.shape != (n,)
        or phase.is_floating_point()
        or phase.is_complex()
        or phase.dtype == torch.bool
    ):
        got = tuple(phase.shape) if isinstance(phase, torch.Tensor) else type(phase).__name__
        raise ValueError(f"phase must be an integer tensor of shape (N,) = ({n},), got {got}")
    if n and not 0 <= int(phase.min()) <= int(phase.max()) < s * s:
        raise ValueError(f"phase must be in [0, {s * s}) for stride {s}, got {phase.tolist()}")
    return phase.to(device=device, dtype=torch.int64)


def _components(x: torch.Tensor, s: int) -> torch.Tensor:
    N, C, H, W = x.shape
    if H % s or W % s:
        raise ValueError(
            f"APS needs H and W divisible by the stride {s}, got (H, W) = {(H, W)}: "
            "the shift theorem holds only on such grids, so pad or crop first"
        )
    parts = x.reshape(N, C, H // s, s, W // s, s)  # (N, C, H/s, i, W/s, j)
    parts = parts.permute(0, 3, 5, 1, 2, 4)  # (N, i, j, C, H/s, W/s)
    return parts.reshape(N, s * s, C, H // s, W // s)  # component k = i * s + j


def _largest(parts: torch.Tensor, p: float) -> torch.Tensor:
    flat = parts.flatten(2).to(torch.float64)  # (N, s*s, C * H/s * W/s)
    norms = torch.linalg.vector_norm(flat, ord=p, dim=2)  # (N, s*s)
    if not bool(torch.isfinite(norms).all()):
        raise ValueError("x must be finite: APS cannot rank components with inf or nan norms")
    # The tie rule, spelled out rather than left to argmax: the lowest k among the maxima.
    first = torch.arange(norms.shape[1], device=norms.device).expand_as(norms)
    return torch.where(norms == norms.amax(dim=1, keepdim=True), first, norms.shape[1]).amin(1)


def aps_downsample(
    x: torch.Tensor, stride: int = 2, p: float = 2.0, phase: torch.Tensor | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """Keep, per sample, the polyphase component with the largest p-norm.

    The components are ``x[:, :, i::s, j::s]`` for ``0 <= i, j < s``, numbered
    ``k = i * s + j`` (raster order). Their norms, over all channels and positions,
    are computed in float64; the largest wins and an exact tie goes to the smallest
    ``k``. Passing ``phase`` skips the choice and samples the given components, so a
    residual shortcut can follow the main branch.

    Args:
        x: Floating tensor of shape (N, C, H, W) with H and W multiples of ``stride``.
        stride: Subsampling factor ``s`` on both axes, at least 1.
        p: Order of the norm, ``p >= 1``; ``math.inf`` is the largest absolute value.
        phase: Optional int tensor of shape (N,) with entries in ``[0, s * s)``.

    Returns:
        y: The kept components, shape (N, C, H / s, W / s), dtype of ``x``.
        phase: The chosen (or given) component ``k`` per sample, int64 of shape (N,);
            ``i, j = divmod(k, s)``.

    Raises:
        TypeError: If ``x`` is not a floating tensor or ``stride`` not an integer.
        ValueError: If ``x`` is not 4-D, H or W is not a multiple of ``stride`` (the
            reference code wraps one extra row or column instead, which breaks the
            theorem), ``stride < 1``, ``p < 1``, ``phase`` is malformed or a norm is
            not finite.

    Examples:
        >>> x = torch.zeros(1, 1, 4, 4)  # (N, C, H, W)
        >>> x[0, 0, 1, 2] = 1.0  # in component (i, j) = (1, 0), k = 2
        >>> y, phase = aps_downsample(x)
        >>> phase.tolist(), y.tolist()
        ([2], [[[[0.0, 1.0], [0.0, 0.0]]]])
        >>> y1, phase1 = aps_downsample(torch.roll(x, (1, 1), dims=(2, 3)))
        >>> phase1.tolist(), torch.equal(y1, torch.roll(y, (1, 0), dims=(2, 3)))  # u = (1, 0)
        ([1], True)
    """
    x = _check_map(x)
    s = _positive_int(stride, "stride")
    parts = _components(x, s)  # (N, s*s, C, H/s, W/s)
    if phase is None:
        phase = _largest(parts, _check_p(p))
    else:
        phase = _check_phase(phase, x.shape[0], s, x.device)
    return parts[torch.arange(x.shape[0], device=x.device), phase], phase  # (N, C, H/s, W/s)


class AdaptivePolyphaseSampling(nn.Module):
    """Adaptive polyphase sampling as a layer: ``aps_downsample`` with fixed ``stride`` and ``p``.

    No parameters. With circular padding in the layers before it, a network built from
    stride-1 convolutions, pointwise nonlinearities, APS and a global pool is exactly
    invariant to circular shifts (see the module docstring for the theorem and its
    precondition). ``forward`` returns the phase too, for a shortcut to reuse.

    Examples:
        >>> aps = AdaptivePolyphaseSampling(stride=2)
        >>> x = torch.randn(3, 4, 6, 6)  # (N, C, H, W)
        >>> y, phase = aps(x)
        >>> shortcut, _ = aps(2 * x, phase=phase)  # the same components of another map
        >>> tuple(y.shape), torch.equal(shortcut, 2 * y)
        ((3, 4, 3, 3), True)
    """

    def __init__(self, stride: int = 2, p: float = 2.0) -> None:
        """Build the layer.

        Args:
            stride: Subsampling factor ``s`` on both axes, at least 1.
            p: Order of the norm, ``p >= 1`` (2 by default, as the paper).

        Raises:
            TypeError: If ``stride`` is not an integer.
            ValueError: If ``stride < 1`` or ``p < 1``.
        """
        super().__init__()
        self.stride = _positive_int(stride, "stride")
        self.p = _check_p(p)

    def forward(
        self, x: torch.Tensor, phase: torch.Tensor | None = None
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Sample the largest-norm component of each sample, or the given ones.

        Args:
            x: Floating tensor of shape (N, C, H, W), H and W multiples of ``stride``.
            phase: Optional int tensor of shape (N,) to reuse.

        Returns:
            y: The kept components, shape (N, C, H / s, W / s).
            phase: The component ``k`` per sample, int64 of shape (N,).
        """
        return aps_downsample(x, self.stride, self.p, phase)

    def extra_repr(self) -> str:
        """Shown by ``print(module)``."""
        return f"stride={self.stride}, p={self.p}"
