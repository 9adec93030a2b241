"""Tests for shiftlab.layers.p4: the sign convention, two oracles, the symmetries, errors.

Oracles, never through the code under test: (1) the definition of the p4 correlations
as a sum over the group, with the rotation of an offset written out as
``R(a, b) = (-b, a)`` in (row, column) coordinates, on the torus (circular padding);
(2) ``shiftlab.convolution.correlate`` with filters turned by ``np.rot90``, for every
padding mode and stride. Property tests draw sizes, modes, turns and a seed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, get_args

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from shiftlab.convolution import correlate
from shiftlab.layers import (
    LayerPadding,
    OrientationPool,
    P4GroupConv,
    P4LiftingConv,
    orientation_pool,
    p4_rotate,
)

Array = np.ndarray[Any, Any]
MODES: tuple[LayerPadding, ...] = get_args(LayerPadding)
seeds = st.integers(0, 2**32 - 1)


def _normal(seed: int, shape: tuple[int, ...]) -> torch.Tensor:
    return torch.from_numpy(np.random.default_rng(seed).standard_normal(shape))


def _with_weights(layer: P4LiftingConv | P4GroupConv, seed: int) -> Any:
    """The layer in float64 with normal weights and bias drawn from ``seed``."""
    layer = layer.double()
    with torch.no_grad():
        for i, p in enumerate(layer.parameters()):
            p.copy_(_normal(seed + i, tuple(p.shape)))
    return layer


def rot(a: int, b: int, r: int) -> tuple[int, int]:
    """R^r (a, b) with R(a, b) = (-b, a): a quarter turn counterclockwise as displayed."""
    for _ in range(r % 4):
        a, b = -b, a
    return a, b


def lifting_by_definition(x: Array, w: Array, bias: Array) -> Array:
    """out[o, r, t] = bias[o] + sum_{c, z} x[c, t + z] w[o, c, R^-r z], indices mod N."""
    n, _, h, wd = x.shape
    o, p = w.shape[0], w.shape[-1] // 2
    out = np.zeros((n, o, 4, h, wd)) + bias[None, :, None, None, None]
    for r, a, b in itertools.product(range(4), range(-p, p + 1), range(-p, p + 1)):
        ra, rb = rot(a, b, -r)
        moved = np.roll(x, (-a, -b), axis=(2, 3))  # x[t + z]
        out[:, :, r] += np.einsum("oc,nchw->nohw", w[:, :, ra + p, rb + p], moved)
    return out


def group_by_definition(x: Array, w: Array, bias: Array) -> Array:
    """out[o, r, t] = bias[o] + sum_{c, s, z} x[c, s, t + z] w[o, c, s - r, R^-r z]."""
    n, _, _, h, wd = x.shape
    o, p = w.shape[0], w.shape[-1] // 2
    out = np.zeros((n, o, 4, h, wd)) + bias[None, :, None, None, None]
    for r, s, a, b in itertools.product(range(4), range(4), range(-p, p + 1), range(-p, p + 1)):
        ra, rb = rot(a, b, -r)
        moved = np.roll(x[:, :, s], (-a, -b), axis=(2, 3))
        out[:, :, r] += np.einsum("oc,nchw->nohw", w[:, :, (s - r) % 4, ra + p, rb + p], moved)
    return out


def lifting_by_correlate(x: Array, w: Array, bias: Array, mode: LayerPadding, stride: int) -> Array:
    """Stack over r of shiftlab's correlate with np.rot90(w, r), "same" padding in mode."""
    outs = [
        correlate(x, np.rot90(w, r, axes=(-2, -1)), bias, stride=stride, padding=mode)
        for r in range(4)
    ]
    return np.stack(outs, axis=2)  # (N, C_out, 4, H', W')


def group_by_correlate(x: Array, w: Array, bias: Array, mode: LayerPadding, stride: int) -> Array:
    """Sum over s of correlate(x[:, :, s], rot90(w[:, :, s - r], r)), for every r."""
    outs = []
    for r in range(4):
        turned = np.rot90(np.roll(w, r, axis=2), r, axes=(-2, -1))  # [.., s] = rot90(w[.., s - r])
        parts = [
            correlate(x[:, :, s], turned[:, :, s], stride=stride, padding=mode) for s in range(4)
        ]
        outs.append(sum(parts) + bias[None, :, None, None])
    return np.stack(outs, axis=2)


# The sign convention -------------------------------------------------------------------


def test_rot90_turns_counterclockwise_as_displayed() -> None:
    x = torch.arange(12.0).reshape(3, 4)  # (H, W) = (3, 4)
    y = torch.rot90(x, 1, dims=(-2, -1))
    i, j = torch.meshgrid(torch.arange(4), torch.arange(3), indexing="ij")
    assert torch.equal(y, x[j, 4 - 1 - i])  # y[i, j] = x[j, W - 1 - i]
    assert y[0, 0] == x[0, -1]  # the top-right pixel goes to the top-left
    assert np.array_equal(y.numpy(), np.rot90(x.numpy()))  # the same turn as numpy's
    assert torch.equal(torch.rot90(x, -1, dims=(-2, -1)), torch.rot90(x, 3, dims=(-2, -1)))


def test_p4_rotate_rolls_the_orientation_axis_forward() -> None:
    f = torch.zeros(1, 1, 4, 3, 3)
    f[0, 0, 3, 0, 2] = 1.0  # orientation 3, top-right
    assert torch.nonzero(p4_rotate(f)).tolist() == [[0, 0, 0, 0, 0]]  # 3 + 1 = 0 mod 4
    g = _normal(0, (2, 3, 4, 5, 5))
    for k in range(-5, 6):
        expected = torch.stack(
            [torch.rot90(g[:, :, (r - k) % 4], k, (-2, -1)) for r in range(4)], 2
        )
        assert torch.equal(p4_rotate(g, k), expected)


def test_p4_rotate_is_a_group_action() -> None:
    g = _normal(1, (1, 2, 4, 3, 5))  # not square: (H, W) and (W, H) alternate
    assert tuple(p4_rotate(g).shape) == (1, 2, 4, 5, 3)
    assert torch.equal(p4_rotate(g, 0), g)
    assert torch.equal(p4_rotate(p4_rotate(p4_rotate(p4_rotate(g)))), g)
    for a, b in itertools.product(range(-2, 5), repeat=2):
        assert torch.equal(p4_rotate(p4_rotate(g, a), b), p4_rotate(g, a + b))


def test_p4_rotate_and_shifts_do_not_commute() -> None:
    """rot90 T_(dy, dx) = T_(-dx, dy) rot90 on a square torus: p4 is not abelian."""
    x = _normal(2, (1, 1, 5, 5))
    dy, dx = 1, 2
    rotated_after = torch.rot90(torch.roll(x, (dy, dx), (2, 3)), 1, (2, 3))
    assert torch.equal(rotated_after, torch.roll(torch.rot90(x, 1, (2, 3)), (-dx, dy), (2, 3)))
    assert not torch.equal(rotated_after, torch.roll(torch.rot90(x, 1, (2, 3)), (dy, dx), (2, 3)))


# Oracles -------------------------------------------------------------------------------


@pytest.mark.parametrize(("size", "k", "c_in", "c_out"), [(5, 3, 2, 3), (6, 1, 1, 2), (4, 5, 2, 1)])
def test_lifting_matches_the_group_sum(size: int, k: int, c_in: int, c_out: int) -> None:
    lift = _with_weights(P4LiftingConv(c_in, c_out, k), seed=10)
    x = _normal(0, (2, c_in, size, size + 1))
    with torch.no_grad():
        y = lift(x).numpy()
    oracle = lifting_by_definition(
        x.numpy(), lift.weight.detach().numpy(), lift.bias.detach().numpy()
    )
    np.testing.assert_allclose(y, oracle, rtol=0, atol=1e-12)


@pytest.mark.parametrize(("size", "k", "c_in", "c_out"), [(5, 3, 2, 3), (6, 1, 1, 2), (4, 5, 1, 2)])
def test_group_conv_matches_the_group_sum(size: int, k: int, c_in: int, c_out: int) -> None:
    conv = _with_weights(P4GroupConv(c_in, c_out, k), seed=20)
    x = _normal(1, (2, c_in, 4, size + 1, size))
    with torch.no_grad():
        y = conv(x).numpy()
    oracle = group_by_definition(
        x.numpy(), conv.weight.detach().numpy(), conv.bias.detach().numpy()
    )
    np.testing.assert_allclose(y, oracle, rtol=0, atol=1e-12)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_layers_match_correlate_with_rotated_filters(
    mode: LayerPadding, stride: int, dtype: torch.dtype
) -> None:
    lift = _with_weights(P4LiftingConv(2, 3, 3, stride=stride, padding_mode=mode), seed=30)
    conv = _with_weights(P4GroupConv(3, 2, 5, stride=stride, padding_mode=mode), seed=40)
    lift, conv = lift.to(dtype), conv.to(dtype)
    x = _normal(2, (2, 2, 7, 8)).to(dtype)
    f = _normal(3, (2, 3, 4, 8, 7)).to(dtype)
    tolerance = 1e-4 if dtype == torch.float32 else 1e-12

    def numpy(layer: Any) -> tuple[Array, Array]:
        return layer.weight.detach().double().numpy(), layer.bias.detach().double().numpy()

    with torch.no_grad():
        y, g = lift(x).double().numpy(), conv(f).double().numpy()
    expected_y = lifting_by_correlate(x.double().numpy(), *numpy(lift), mode, stride)
    expected_g = group_by_correlate(f.double().numpy(), *numpy(conv), mode, stride)
    np.testing.assert_allclose(y, expected_y, rtol=0, atol=tolerance)
    np.testing.assert_allclose(g, expected_g, rtol=0, atol=tolerance)


def test_filters_are_the_rotated_and_rolled_weights() -> None:
    lift, conv = P4LiftingConv(2, 3, 3), P4GroupConv(2, 3, 3)
    wl, wg = lift.weight.detach(), conv.weight.detach()
    bank_l, bank_g = lift.filters().detach(), conv.filters().detach()
    assert tuple(bank_l.shape) == (12, 2, 3, 3)
    assert tuple(bank_g.shape) == (12, 8, 3, 3)
    for o, r, c, s in itertools.product(range(3), range(4), range(2), range(4)):
        assert torch.equal(bank_l[o * 4 + r, c], torch.rot90(wl[o, c], r))
        assert torch.equal(bank_g[o * 4 + r, c * 4 + s], torch.rot90(wg[o, c, (s - r) % 4], r))


def test_bias_is_one_number_per_channel_for_all_orientations() -> None:
    conv = P4GroupConv(1, 2)
    assert conv.bias is not None
    with torch.no_grad():
        conv.weight.zero_()
        conv.bias.copy_(torch.tensor([1.5, -2.0]))
        y = conv(torch.ones(1, 1, 4, 3, 3))
    assert y[0, 0].unique().tolist() == [1.5]
    assert y[0, 1].unique().tolist() == [-2.0]
    assert P4LiftingConv(1, 2, bias=False).bias is None
    assert sum(p.numel() for p in P4GroupConv(3, 5, 3).parameters()) == 5 * 3 * 4 * 9 + 5


# Symmetry ------------------------------------------------------------------------------


@st.composite
def layer_cases(draw: st.DrawFn, *, odd: bool = False) -> tuple[Any, torch.Tensor, int]:
    """A float64 p4 layer with random weights, a random input for it, and a turn k."""
    k = draw(st.sampled_from([1, 3, 5]))
    mode = draw(st.sampled_from(MODES))
    low = max(k // 2 + 1, 1)  # reflect padding needs more samples than the pad
    h = draw(st.integers(low, 9).filter(lambda n: not odd or n % 2 == 1))
    w = h if draw(st.booleans()) else draw(st.integers(low, 9).filter(lambda n: not odd or n % 2))
    seed, stride = draw(seeds), 2 if odd else 1
    layer: P4LiftingConv | P4GroupConv
    if draw(st.booleans()):
        layer = P4LiftingConv(2, 3, k, stride=stride, padding_mode=mode)
        x = _normal(seed, (2, 2, h, w))
    else:
        layer = P4GroupConv(2, 3, k, stride=stride, padding_mode=mode)
        x = _normal(seed, (2, 2, 4, h, w))
    return _with_weights(layer, seed + 1), x, draw(st.integers(-4, 4))


def _turn(x: torch.Tensor, k: int) -> torch.Tensor:
    return p4_rotate(x, k) if x.ndim == 5 else torch.rot90(x, k, dims=(-2, -1))


@given(layer_cases())
@settings(max_examples=40)
def test_layers_commute_with_rotations(case: tuple[Any, torch.Tensor, int]) -> None:
    layer, x, k = case
    with torch.no_grad():
        torch.testing.assert_close(layer(_turn(x, k)), p4_rotate(layer(x), k), rtol=0, atol=1e-12)


@given(layer_cases(odd=True))
@settings(max_examples=40)
def test_stride_two_commutes_with_rotations_on_odd_sizes(
    case: tuple[Any, torch.Tensor, int],
) -> None:
    layer, x, k = case
    with torch.no_grad():
        torch.testing.assert_close(layer(_turn(x, k)), p4_rotate(layer(x), k), rtol=0, atol=1e-12)


@pytest.mark.parametrize(("stride", "size"), [(3, 7), (3, 10), (4, 9), (1, 6)])
def test_a_stride_that_divides_size_minus_one_commutes(stride: int, size: int) -> None:
    lift = _with_weights(P4LiftingConv(1, 2, 3, stride=stride, padding_mode="zero"), seed=55)
    conv = _with_weights(P4GroupConv(2, 2, 3, stride=stride), seed=56)
    x, f = _normal(5, (1, 1, size, size)), _normal(6, (1, 2, 4, size, size))
    with torch.no_grad():
        for k in range(4):
            torch.testing.assert_close(lift(_turn(x, k)), p4_rotate(lift(x), k), rtol=0, atol=1e-12)
            torch.testing.assert_close(conv(_turn(f, k)), p4_rotate(conv(f), k), rtol=0, atol=1e-12)


@pytest.mark.parametrize(("stride", "size"), [(3, 8), (3, 9), (4, 8)])
def test_a_stride_that_does_not_divide_size_minus_one_does_not(stride: int, size: int) -> None:
    lift = _with_weights(P4LiftingConv(1, 2, 3, stride=stride), seed=57)
    x = _normal(7, (1, 1, size, size))
    with torch.no_grad():
        y = lift(x)
        error = float((lift(_turn(x, 1)) - p4_rotate(y)).norm() / y.norm())
    assert error > 0.3


@pytest.mark.parametrize("size", [6, 8, 10])
def test_stride_two_does_not_commute_on_even_sizes(size: int) -> None:
    lift = _with_weights(P4LiftingConv(1, 2, 3, stride=2), seed=50)
    x = _normal(4, (1, 1, size, size))
    with torch.no_grad():
        y, y_turned = lift(x), lift(torch.rot90(x, 1, dims=(-2, -1)))
        error = float((y_turned - p4_rotate(y)).norm() / y.norm())
        # rot90 maps the kept even columns onto odd ones: the other polyphase component.
        odd = lift(torch.roll(x, (0, -1), dims=(-2, -1)))  # stride-2 samples at 1, 3, 5, ...
    assert error > 0.3
    torch.testing.assert_close(y_turned, p4_rotate(odd), rtol=0, atol=1e-12)


@settings(max_examples=40)  # each example builds and runs two layers
@given(st.data(), seeds)
def test_circular_layers_commute_with_shifts(data: st.DataObject, seed: int) -> None:
    h, w = data.draw(st.integers(2, 7)), data.draw(st.integers(2, 7))
    v = (data.draw(st.integers(-7, 7)), data.draw(st.integers(-7, 7)))
    lift = _with_weights(P4LiftingConv(1, 2, 3), seed)
    conv = _with_weights(P4GroupConv(2, 2, 3), seed + 5)
    x = _normal(seed, (1, 1, h, w))
    with torch.no_grad():
        y = conv(lift(x))
        shifted = conv(lift(torch.roll(x, v, dims=(-2, -1))))
    torch.testing.assert_close(shifted, torch.roll(y, v, dims=(-2, -1)), rtol=0, atol=1e-12)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_integer_valued_data_commutes_bit_for_bit(dtype: torch.dtype) -> None:
    gen = np.random.default_rng(6)
    lift = P4LiftingConv(2, 3, 3, padding_mode="zero").to(dtype)
    conv = P4GroupConv(3, 2, 3, padding_mode="zero").to(dtype)
    with torch.no_grad():
        for p in [*lift.parameters(), *conv.parameters()]:
            p.copy_(torch.from_numpy(gen.integers(-3, 4, p.shape)))
        x = torch.from_numpy(gen.integers(-5, 6, (2, 2, 7, 7))).to(dtype)
        for k in range(4):
            assert torch.equal(conv(lift(torch.rot90(x, k, (2, 3)))), p4_rotate(conv(lift(x)), k))


def test_orientation_pooling_then_global_pooling_is_rotation_invariant() -> None:
    lift = _with_weights(P4LiftingConv(1, 4, 3, padding_mode="zero"), seed=60)
    conv = _with_weights(P4GroupConv(4, 4, 3, padding_mode="zero"), seed=70)

    def features(a: torch.Tensor, mode: Any) -> torch.Tensor:
        return orientation_pool(conv(torch.relu(lift(a))).relu(), mode)  # (N, C, H, W)

    x = _normal(7, (3, 1, 9, 9))
    with torch.no_grad():
        for mode, k in itertools.product(["max", "mean"], range(4)):
            turned = features(torch.rot90(x, k, (2, 3)), mode)
            expected = torch.rot90(features(x, mode), k, (2, 3))
            torch.testing.assert_close(turned, expected, rtol=0, atol=1e-12)
            torch.testing.assert_close(turned.mean((2, 3)), features(x, mode).mean((2, 3)))
        without_pool = conv(torch.relu(lift(x)))  # orientations kept: it changes, not invariant
        turned_map = conv(torch.relu(lift(torch.rot90(x, 1, (2, 3)))))
        assert (turned_map.mean((3, 4)) - without_pool.mean((3, 4))).abs().max() > 0.1
    assert torch.equal(OrientationPool("mean")(x[:, :, None].expand(3, 1, 4, 9, 9)), x)


# Errors --------------------------------------------------------------------------------

X = torch.zeros(1, 2, 6, 6)
F4 = torch.zeros(1, 2, 4, 6, 6)
NOT_AN_INT: Any = 2.0  # wrong types on purpose, past the annotations
NOT_A_MODE: Any = "wrap"
NOT_A_TENSOR: Any = F4.numpy()
ERRORS: list[tuple[Callable[[], object], type[Exception], str]] = [
    (lambda: P4LiftingConv(2, 3)(F4), ValueError, r"shape \(N, C, H, W\), got \(1, 2, 4, 6, 6\)"),
    (lambda: P4LiftingConv(3, 3)(X), ValueError, "x must have 3 channels, got 2"),
    (lambda: P4LiftingConv(2, 3)(X.long()), TypeError, "x must be floating .*, got torch.int64"),
    (lambda: P4LiftingConv(2, 3)(X.double()), TypeError, "dtype torch.float64 but the weights"),
    (lambda: P4LiftingConv(2, 3, 4), ValueError, "kernel_size must be odd, got 4"),
    (lambda: P4LiftingConv(2, 3, 0), ValueError, "kernel_size must be >= 1, got 0"),
    (lambda: P4LiftingConv(2, 3, NOT_AN_INT), TypeError, "kernel_size must be an integer"),
    (lambda: P4LiftingConv(0, 3), ValueError, "in_channels must be >= 1, got 0"),
    (lambda: P4LiftingConv(2, 3, stride=0), ValueError, "stride must be >= 1, got 0"),
    (lambda: P4LiftingConv(2, 3, padding_mode=NOT_A_MODE), ValueError, "padding_mode must be"),
    (lambda: P4GroupConv(2, 3)(X), ValueError, r"\(N, C, 4, H, W\), got \(1, 2, 6, 6\)"),
    (lambda: P4GroupConv(2, 3)(F4[:, :, :3]), ValueError, r"\(N, C, 4, H, W\), got \(1, 2, 3,"),
    (lambda: P4GroupConv(3, 3)(F4), ValueError, "x must have 3 channels, got 2"),
    (lambda: P4GroupConv(2, 3)(F4[..., :0]), ValueError, "at least one channel, row and column"),
    (lambda: P4GroupConv(2, 3)(F4.int()), TypeError, "x must be floating .*, got torch.int32"),
    (lambda: P4GroupConv(2, 3, 2), ValueError, "kernel_size must be odd, got 2"),
    (
        lambda: P4GroupConv(2, 3, 5, padding_mode="reflect")(F4[..., :2, :2]),
        ValueError,
        r"reflect padding \(2, 2\) needs H and W",
    ),
    (lambda: p4_rotate(X), ValueError, r"\(N, C, 4, H, W\), got \(1, 2, 6, 6\)"),
    (lambda: p4_rotate(NOT_A_TENSOR), TypeError, "x must be a torch.Tensor, got ndarray"),
    (lambda: p4_rotate(F4, NOT_AN_INT), TypeError, "k must be an integer, got 2.0"),
    (lambda: p4_rotate(F4, True), TypeError, "k must be an integer, got True"),
    (lambda: orientation_pool(F4[:, :, :2]), ValueError, r"\(N, C, 4, H, W\), got \(1, 2, 2,"),
    (lambda: orientation_pool(F4, NOT_A_MODE), ValueError, "mode must be 'max' or 'mean'"),
    (lambda: OrientationPool(NOT_A_MODE), ValueError, "mode must be 'max' or 'mean', got 'wrap'"),
]


@pytest.mark.parametrize(("call", "error", "match"), ERRORS)
def test_bad_input_is_named(call: Callable[[], object], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        call()
