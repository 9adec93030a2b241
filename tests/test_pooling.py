"""Tests for shiftlab.pooling: torch.nn.functional pooling as the oracle, symmetry, errors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch
import torch.nn.functional as F  # noqa: N812

from shiftlab.measures import equivariance_error
from shiftlab.pooling import avg_pool, global_avg_pool, global_max_pool, max_pool, subsample
from shiftlab.shifts import centered_shifts, circular_shift

RNG = np.random.default_rng(7)

MAX = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}
AVG = {1: F.avg_pool1d, 2: F.avg_pool2d, 3: F.avg_pool3d}
SIZES = {1: (11,), 2: (7, 8), 3: (5, 6, 7)}


@pytest.mark.parametrize("k", [1, 2, 3])
@pytest.mark.parametrize(
    ("kernel", "stride", "padding"),
    [(2, None, 0), (3, 1, 1), (3, 2, 0), (2, 1, 1), (3, (1, 2, 3), (1, 0, 1)), (4, 3, 2)],
)
@pytest.mark.parametrize("pool", ["max", "avg"])
def test_pooling_matches_torch(k: int, kernel: int, stride: Any, padding: Any, pool: str) -> None:
    stride = stride[:k] if isinstance(stride, tuple) else stride
    padding = padding[:k] if isinstance(padding, tuple) else padding
    x = np.random.default_rng(k).standard_normal((2, 3, *SIZES[k]))
    ours, theirs = (max_pool, MAX[k]) if pool == "max" else (avg_pool, AVG[k])
    got = ours(x, kernel, stride, padding)
    expected = theirs(torch.from_numpy(x), kernel, stride, padding).numpy()
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, atol=1e-12)


def test_max_pool_keeps_integer_dtype_and_ignores_padding() -> None:
    x = np.array([[[-5, -7, -3]]])
    got = max_pool(x, 3, stride=1, padding=1)
    assert got.dtype == x.dtype
    assert got.tolist() == [[[-5, -3, -3]]]


def test_avg_pool_counts_padding_in_the_divisor() -> None:
    assert avg_pool(np.array([[[3, 3, 3]]]), 3, 1, 1).tolist() == [[[2.0, 3.0, 2.0]]]


@pytest.mark.parametrize("shape", [(2, 3, 7), (2, 3, 5, 6), (1, 2, 3, 4, 5)])
def test_global_pools_match_torch(shape: tuple[int, ...]) -> None:
    x = np.random.default_rng(1).standard_normal(shape)
    t = torch.from_numpy(x)
    spatial = tuple(range(2, x.ndim))
    np.testing.assert_allclose(global_avg_pool(x), t.mean(dim=spatial).numpy(), atol=1e-12)
    np.testing.assert_array_equal(global_max_pool(x), t.amax(dim=spatial).numpy())
    assert global_avg_pool(x).shape == shape[:2]


def test_global_max_pool_matches_adaptive_max_pool2d() -> None:
    x = np.random.default_rng(2).standard_normal((2, 3, 5, 6))
    expected = F.adaptive_max_pool2d(torch.from_numpy(x), 1).numpy()[..., 0, 0]
    np.testing.assert_array_equal(global_max_pool(x), expected)


@pytest.mark.parametrize("pool", [global_avg_pool, global_max_pool])
def test_global_pools_are_invariant_to_every_circular_shift(pool: Any) -> None:
    x = np.random.default_rng(3).standard_normal((2, 3, 4, 5))
    for v in centered_shifts((4, 5)):
        np.testing.assert_allclose(pool(circular_shift(x, v)), pool(x), atol=1e-12)


def test_strided_max_pool_is_not_shift_invariant() -> None:
    x = np.array([[[0, 0, 1, 1, 0, 0, 1, 1]]])
    assert max_pool(x, 2).tolist() == [[[0, 1, 0, 1]]]
    assert max_pool(circular_shift(x, 1), 2).tolist() == [[[1, 1, 1, 1]]]


def test_max_pool_with_stride_is_subsampled_stride_one_pool() -> None:
    x = np.random.default_rng(4).standard_normal((2, 3, 9, 8))
    np.testing.assert_array_equal(max_pool(x, (3, 2), (2, 2)), subsample(max_pool(x, (3, 2), 1), 2))


def test_subsample_polyphase_components() -> None:
    x = np.arange(24).reshape(1, 1, 4, 6)
    np.testing.assert_array_equal(subsample(x, 2, (1, 0)), x[..., 1::2, 0::2])
    np.testing.assert_array_equal(subsample(x, (1, 3), (0, 2)), x[..., :, 2::3])
    y = subsample(x, 2)
    y[...] = -1
    assert x.min() == 0


def test_subsample_commutes_with_shifts_divisible_by_the_stride() -> None:
    x = np.random.default_rng(5).standard_normal((1, 2, 8, 6))
    np.testing.assert_array_equal(
        subsample(circular_shift(x, (4, -2)), 2), circular_shift(subsample(x, 2), (2, -1))
    )
    # A shift by 1 hands over the other polyphase component: D T_1 x = T_1 D^(1) x.
    shifted = circular_shift(x, (1, 0))
    np.testing.assert_array_equal(
        subsample(shifted, 2), circular_shift(subsample(x, 2, (1, 0)), (1, 0))
    )
    np.testing.assert_array_equal(subsample(shifted, 2, (1, 0)), subsample(x, 2))


@pytest.mark.parametrize(
    ("x_shape", "args", "error", "match"),
    [
        ((3, 4), (2,), ValueError, r"x must have shape \(N, C, \*S\)"),
        ((1, 1, 4), (0,), ValueError, "kernel_size and stride must be >= 1"),
        ((1, 1, 4), (2, 0), ValueError, "kernel_size and stride must be >= 1"),
        ((1, 1, 4), (3, 1, 2), ValueError, "padding must be between 0 and kernel_size // 2"),
        ((1, 1, 4), (3, 1, -1), ValueError, "padding must be between"),
        ((1, 1, 4), (5,), ValueError, "does not fit"),
        ((1, 1, 4, 4), ((2, 2, 2),), ValueError, "kernel_size must be an integer or 2"),
        ((1, 1, 4), (2.0,), TypeError, "kernel_size must be an integer"),
        ((1, 1, 4), (2, True), TypeError, "stride must be an integer"),
        ((1, 1, 4), (3, 1, 1, "wrap"), ValueError, "padding_mode must be 'constant' or 'c"),
        ((1, 1, 4), (3, 1, 1, ["circular"]), ValueError, "padding_mode must be"),
        ((1, 1, 0), (1, 1, 0, "circular"), ValueError, "does not fit"),
    ],
)
@pytest.mark.parametrize("pool", [max_pool, avg_pool])
def test_pool_errors(
    pool: Any, x_shape: tuple[int, ...], args: tuple[Any, ...], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        pool(np.zeros(x_shape), *args)


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        ((0,), ValueError, "stride must be >= 1"),
        ((2, 2), ValueError, "0 <= offset < stride"),
        ((2, -1), ValueError, "0 <= offset < stride"),
        ((2.0,), TypeError, "stride must be an integer"),
        ((2, (0, 1)), ValueError, "offset must be an integer or 1 integers"),
    ],
)
def test_subsample_errors(args: tuple[Any, ...], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        subsample(np.zeros((1, 1, 6)), *args)


@pytest.mark.parametrize("pool", [global_avg_pool, global_max_pool])
def test_global_pool_errors(pool: Any) -> None:
    with pytest.raises(ValueError, match="spatial axes"):
        pool(np.zeros((2, 3)))
    with pytest.raises(TypeError, match="x must be real"):
        pool(np.zeros((1, 1, 2), dtype=complex))
    with pytest.raises(TypeError, match="got dtype timedelta64"):
        pool(np.zeros((1, 1, 2), dtype="m8[s]"))
    # No samples: neither a mean nor a maximum exists, and both say so the same way.
    with pytest.raises(ValueError, match=r"at least one sample on every spatial axis"):
        pool(np.zeros((1, 2, 3, 0)))
    assert pool(np.zeros((0, 2, 3))).shape == (0, 2)  # an empty batch is fine


@pytest.mark.parametrize("pool", ["max", "avg"])
@pytest.mark.parametrize(("kernel", "padding"), [(3, 1), (5, 2), ((3, 5), (1, 2)), (4, 2)])
def test_circular_padding_matches_wrap_padding_then_torch(
    pool: str, kernel: Any, padding: Any
) -> None:
    x = RNG.standard_normal((2, 3, 6, 7))
    pads = (padding, padding) if isinstance(padding, int) else padding
    wrapped = np.pad(x, ((0, 0), (0, 0), *((p, p) for p in pads)), mode="wrap")
    torch_pool = F.max_pool2d if pool == "max" else F.avg_pool2d
    expected = torch_pool(torch.from_numpy(wrapped), kernel, stride=1).numpy()
    ours = (max_pool if pool == "max" else avg_pool)(x, kernel, 1, padding, "circular")
    np.testing.assert_allclose(ours, expected, atol=1e-12)


@pytest.mark.parametrize("pool", [max_pool, avg_pool])
def test_stride_one_pools_commute_with_circular_shifts_only_with_circular_padding(
    pool: Any,
) -> None:
    x = RNG.standard_normal((1, 2, 8, 8))
    shifts = [(dy, dx) for dy in range(-3, 5) for dx in range(-3, 5)]
    wrap = lambda a: pool(a, 3, 1, 1, "circular")  # noqa: E731
    assert equivariance_error(wrap, x, shifts).max_abs < 1e-12
    constant = lambda a: pool(a, 3, 1, 1)  # noqa: E731  # -inf / zeros mark the border
    assert equivariance_error(constant, x, shifts).max_relative_l2 > 0.1
    assert equivariance_error(constant, x, shifts, crop=1, shift_mode="zero").max_abs < 1e-12
