"""Tests for shiftlab.shifts: sign convention, oracles (np.roll, torch.roll), errors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch

from shiftlab.shifts import centered_shifts, circular_shift, fourier_shift, zero_shift

RNG_SEED = 20240601


def _random(shape: tuple[int, ...]) -> np.ndarray[Any, np.dtype[np.float64]]:
    return np.random.default_rng(RNG_SEED).standard_normal(shape)


def test_positive_shift_moves_content_to_higher_indices() -> None:
    x = np.zeros((1, 1, 5, 5))
    x[0, 0, 1, 1] = 1.0
    y = circular_shift(x, (1, 2))  # (dy, dx) on (H, W)
    assert y[0, 0, 2, 3] == 1.0
    assert y.sum() == 1.0


@pytest.mark.parametrize(
    ("shape", "shift", "axes"),
    [
        ((7,), 3, None),
        ((7,), -9, None),
        ((2, 3, 5, 6), (1, -2), None),
        ((2, 3, 5, 6), (4, 1), (2, 3)),
        ((2, 3, 4, 5, 6), (1, 2, 3), None),
        ((2, 3, 5, 6), (1, -1), (-1, 1)),
        ((4, 5), np.int64(2), 0),
    ],
)
def test_circular_shift_matches_np_roll_and_torch_roll(
    shape: tuple[int, ...], shift: Any, axes: Any
) -> None:
    x = _random(shape)
    got = circular_shift(x, shift, axes)
    shifts = tuple(np.atleast_1d(shift).tolist())
    dims = tuple(range(x.ndim - len(shifts), x.ndim)) if axes is None else axes
    np.testing.assert_array_equal(got, np.roll(x, shift, dims))
    expected = torch.roll(torch.from_numpy(x), shifts, dims).numpy()
    np.testing.assert_array_equal(got, expected)
    assert got.shape == x.shape


def test_circular_shift_returns_a_new_array() -> None:
    x = np.arange(4)
    y = circular_shift(x, 0)
    y[0] = 99
    assert x[0] == 0


def test_circular_shift_empty_shift_is_identity() -> None:
    x = _random((3, 4))
    np.testing.assert_array_equal(circular_shift(x, ()), x)


@pytest.mark.parametrize(
    ("shift", "expected"),
    [(0, [1, 2, 3, 4]), (1, [0, 1, 2, 3]), (-2, [3, 4, 0, 0]), (4, [0, 0, 0, 0]), (-7, [0] * 4)],
)
def test_zero_shift_1d(shift: int, expected: list[int]) -> None:
    assert zero_shift(np.array([1, 2, 3, 4]), shift).tolist() == expected


def test_zero_shift_2d_matches_slicing() -> None:
    x = _random((2, 3, 6, 7))
    y = zero_shift(x, (2, -3))
    expected = np.zeros_like(x)
    expected[..., 2:, :4] = x[..., :4, 3:]
    np.testing.assert_array_equal(y, expected)
    assert y.dtype == x.dtype


def test_zero_shift_agrees_with_circular_shift_where_nothing_wraps() -> None:
    x = np.zeros((1, 1, 8, 8))
    x[..., 2:5, 3:6] = _random((3, 3))
    np.testing.assert_array_equal(zero_shift(x, (2, -3)), circular_shift(x, (2, -3)))


def test_zero_shift_is_not_invertible() -> None:
    x = np.array([1.0, 2.0, 3.0])
    assert zero_shift(zero_shift(x, 1), -1).tolist() == [1.0, 2.0, 0.0]


@pytest.mark.parametrize("shape", [(7,), (8,), (2, 5, 6), (3, 4, 5)])
def test_fourier_shift_equals_circular_shift_for_integers(shape: tuple[int, ...]) -> None:
    x = _random(shape)
    for v in (-3, -1, 0, 2, 5):
        shift = (v,) * min(len(shape), 2)
        np.testing.assert_allclose(fourier_shift(x, shift), circular_shift(x, shift), atol=1e-12)


def test_fourier_shift_group_law_odd_size() -> None:
    x = _random((3, 9))
    np.testing.assert_allclose(
        fourier_shift(fourier_shift(x, 0.3), 1.45), fourier_shift(x, 1.75), atol=1e-12
    )


def test_fourier_shift_half_step_even_size_loses_the_nyquist_component() -> None:
    x = np.array([1.0, -1.0, 1.0, -1.0])  # pure Nyquist: cos(pi / 2) = 0 kills it
    np.testing.assert_allclose(fourier_shift(x, 0.5), np.zeros(4), atol=1e-12)
    twice = fourier_shift(fourier_shift(x, 0.5), 0.5)
    assert not np.allclose(twice, circular_shift(x, 1))


def test_fourier_shift_accepts_numpy_reals_and_returns_float64() -> None:
    shift: Any = np.float32(1.0)
    y = fourier_shift(np.arange(5), shift)
    assert y.dtype == np.float64
    np.testing.assert_allclose(y, [4, 0, 1, 2, 3], atol=1e-12)


@pytest.mark.parametrize(
    ("shape", "expected"),
    [
        ((4,), [(-1,), (0,), (1,), (2,)]),
        ((3,), [(-1,), (0,), (1,)]),
        ((1,), [(0,)]),
        ((2, 3), [(0, -1), (0, 0), (0, 1), (1, -1), (1, 0), (1, 1)]),
    ],
)
def test_centered_shifts(shape: tuple[int, ...], expected: list[tuple[int, ...]]) -> None:
    assert centered_shifts(shape) == expected


@pytest.mark.parametrize("shape", [(5,), (6,), (3, 4), (2, 3, 4)])
def test_centered_shifts_cover_every_class_once(shape: tuple[int, ...]) -> None:
    shifts = centered_shifts(shape)
    classes = {tuple(v % n for v, n in zip(s, shape, strict=True)) for s in shifts}
    assert len(shifts) == len(classes) == int(np.prod(shape))
    assert shifts == sorted(shifts)


@pytest.mark.parametrize("function", [circular_shift, zero_shift])
@pytest.mark.parametrize(
    ("shift", "axes", "error", "match"),
    [
        (1.0, None, TypeError, "shift must be an integer"),
        (True, None, TypeError, "shift must be an integer"),
        ((1, 2.5), None, TypeError, "every entry of shift must be an integer"),
        ("1", None, TypeError, "sequence of integers"),
        ((1, 2), (0,), ValueError, "shift has 2 components but axes has 1"),
        (1, 3, ValueError, "axis 3 is out of range"),
        (1, -4, ValueError, "axis -4 is out of range"),
        ((1, 2), (1, -2), ValueError, "axes must be distinct"),
        ((1, 2, 3, 4), None, ValueError, "needs 4 axes, x has 3"),
        (1, 0.0, TypeError, "axes must be an integer"),
        (np.array(1.0), None, TypeError, r"sequence of integers, got np.float64\(1.0\)"),
    ],
)
def test_shift_errors(
    function: Any, shift: Any, axes: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        function(np.zeros((2, 3, 4)), shift, axes)


@pytest.mark.parametrize(
    ("x", "shift", "error", "match"),
    [
        (np.zeros(4, dtype=complex), 1.0, TypeError, "x must be real"),
        (np.array(["a", "b"]), 1.0, TypeError, "x must be real"),
        (np.zeros(4), True, TypeError, "must be a real number"),
        (np.zeros(4), 1j, TypeError, "must be a real number"),
        (np.zeros(4), np.inf, ValueError, "must be finite"),
        (np.zeros(4), (1.0, 2.0), ValueError, "needs 2 axes, x has 1"),
        (np.zeros(4, dtype="m8[s]"), 1, TypeError, r"x must be real .* got dtype timedelta64"),
        (np.zeros(4, dtype=object), 1, TypeError, "got dtype object"),
        (np.zeros(4), np.array(np.nan), ValueError, "must be finite"),
    ],
)
def test_fourier_shift_errors(x: Any, shift: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        fourier_shift(x, shift)


@pytest.mark.parametrize(
    ("shape", "error", "match"),
    [
        ((0, 3), ValueError, r"at least 1, got \(0, 3\)"),
        ((2.0,), TypeError, "must be an integer"),
        (0, ValueError, r"at least 1, got \(0,\)"),
        (-3, ValueError, r"at least 1, got \(-3,\)"),
    ],
)
def test_centered_shifts_errors(shape: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        centered_shifts(shape)


@pytest.mark.parametrize("function", [circular_shift, zero_shift])
@pytest.mark.parametrize("x", [None, np.array(["a", "b"]), np.zeros(2, dtype="M8[D]")])
def test_shifts_reject_arrays_that_are_not_numbers(function: Any, x: Any) -> None:
    with pytest.raises(TypeError, match="x must be numeric"):
        function(x, ())


def test_shifts_accept_complex_and_bool_arrays() -> None:
    z = np.array([1 + 2j, 3j, 0, 4])
    assert circular_shift(z, 1).tolist() == [4, 1 + 2j, 3j, 0]
    assert zero_shift(np.array([True, False]), 1).tolist() == [False, True]


def test_circular_shift_takes_shifts_beyond_int64() -> None:
    x = np.arange(7)
    huge = 7 * 2**80 + 3
    np.testing.assert_array_equal(circular_shift(x, huge), np.roll(x, 3))
    np.testing.assert_array_equal(circular_shift(x, -huge), np.roll(x, -3))
    assert zero_shift(x, huge).tolist() == [0] * 7
    assert circular_shift(np.zeros((2, 0)), 5).shape == (2, 0)


@pytest.mark.parametrize("v", [10**9 + 1, 2**53, 2**53 + 1, -(10**12) - 3, 2**70 + 5])
def test_fourier_shift_of_a_large_integer_is_the_circular_shift(v: int) -> None:
    x = np.random.default_rng(5).standard_normal(8)
    np.testing.assert_allclose(fourier_shift(x, v), circular_shift(x, v), atol=1e-12)
    if float(v) == v:  # a float that holds the same integer, reduced just as exactly
        np.testing.assert_allclose(fourier_shift(x, float(v)), circular_shift(x, v), atol=1e-12)


def test_fourier_shift_of_an_empty_array_is_empty() -> None:
    out = fourier_shift(np.zeros((3, 0)), (0.5, 1.5))
    assert out.shape == (3, 0)
    assert out.dtype == np.float64


def test_fourier_shift_takes_zero_dimensional_arrays() -> None:
    x = np.arange(5.0)
    two: Any = np.array(2)  # 0-d arrays, as indexing and reductions return
    half: Any = np.array(0.5)
    np.testing.assert_allclose(fourier_shift(x, two), np.roll(x, 2), atol=1e-12)
    np.testing.assert_allclose(fourier_shift(x, half), fourier_shift(x, 0.5))


def test_centered_shifts_takes_one_integer_for_one_axis() -> None:
    assert centered_shifts(3) == [(-1,), (0,), (1,)]
