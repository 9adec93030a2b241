"""Tests for shiftlab.measures on maps whose symmetry is known exactly."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from shiftlab.convolution import correlate
from shiftlab.measures import ShiftError, ShiftReport, equivariance_error, invariance_error
from shiftlab.pooling import global_avg_pool, global_max_pool, max_pool
from shiftlab.shifts import centered_shifts

RNG = np.random.default_rng(11)
X = RNG.standard_normal((2, 3, 8, 8))  # (N, C, H, W)
W = RNG.standard_normal((4, 3, 3, 3))  # (C_out, C_in, kh, kw): receptive-field radius 1


def test_circular_correlate_is_equivariant_over_all_shifts() -> None:
    report = equivariance_error(lambda a: correlate(a, W, padding="circular"), X)
    assert len(report) == 64
    assert [e.shift for e in report] == centered_shifts((8, 8))
    assert all(e.output_shift == e.shift for e in report)
    assert report.max_abs < 1e-12
    assert report.max_relative_l2 < 1e-12
    assert report.undefined_shifts == ()


def test_zero_padded_correlate_is_not_equivariant_under_circular_shift() -> None:
    report = equivariance_error(lambda a: correlate(a, W, padding="zero"), X)
    assert report.max_relative_l2 > 1e-3
    assert report.max_abs > 1e-3


@pytest.mark.parametrize(("kernel", "dilation"), [((3, 3), 1), ((5, 4), 1), ((3, 2), (2, 3))])
def test_zero_padded_correlate_is_exact_in_the_interior_under_zero_fill(
    kernel: tuple[int, int], dilation: Any
) -> None:
    w = RNG.standard_normal((2, 3, *kernel))
    x = RNG.standard_normal((1, 3, 11, 12))
    f = lambda a: correlate(a, w, padding="zero", dilation=dilation)  # noqa: E731
    d = (dilation, dilation) if isinstance(dilation, int) else dilation
    radius = tuple(di * (k - 1) - di * (k - 1) // 2 for k, di in zip(kernel, d, strict=True))
    report = equivariance_error(f, x, shift_mode="zero", crop=radius)
    assert report.max_abs < 1e-12
    assert equivariance_error(f, x, shift_mode="zero").max_abs > 1e-3  # the border matters


def test_strided_zero_padded_correlate_is_exact_in_the_interior() -> None:
    x = RNG.standard_normal((1, 3, 12, 12))
    f = lambda a: correlate(a, W, padding="zero", stride=2)  # noqa: E731
    # Output i reads input 2i - 1 .. 2i + 1: only i = 0 touches the padding.
    assert equivariance_error(f, x, stride=2, shift_mode="zero", crop=1).max_abs < 1e-12
    assert equivariance_error(f, x, stride=2, shift_mode="zero").max_abs > 1e-3


def test_stride_two_defines_even_shifts_only() -> None:
    f = lambda a: correlate(a, W, padding="circular", stride=2)  # noqa: E731
    report = equivariance_error(f, X, stride=2)
    odd = [v for v in centered_shifts((8, 8)) if v[0] % 2 or v[1] % 2]
    assert list(report.undefined_shifts) == odd
    assert len(report.defined) == 16
    assert all(e.output_shift == (e.shift[0] // 2, e.shift[1] // 2) for e in report.defined)
    assert all(math.isnan(e.relative_l2) and math.isnan(e.max_abs) for e in report if not e.defined)
    assert report.max_abs < 1e-12


def test_undefined_shifts_do_not_call_f() -> None:
    calls: list[int] = []

    def f(a: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        calls.append(a.shape[0])
        return a[..., ::2]

    report = equivariance_error(f, X[:1, :, 0], [1, 3, -1], stride=2)
    assert calls == []
    assert report.undefined_shifts == ((1,), (3,), (-1,))
    assert math.isnan(report.max_relative_l2)
    assert math.isnan(report.max_abs)


def test_per_axis_stride() -> None:
    f = lambda a: a[..., ::1, ::2]  # noqa: E731
    report = equivariance_error(f, X, [(1, 2), (1, 1), (3, -4)], stride=(1, 2))
    assert [e.output_shift for e in report] == [(1, 1), None, (3, -2)]
    assert report.max_abs == 0.0


@pytest.mark.parametrize("pool", [global_avg_pool, global_max_pool])
def test_global_pooling_is_invariant(pool: Any) -> None:
    report = invariance_error(lambda a: pool(correlate(a, W, padding="circular")), X)
    assert len(report) == 64
    assert all(e.output_shift == () for e in report)
    assert report.max_relative_l2 < 1e-12


def test_position_weighted_sum_is_not_invariant() -> None:
    weights = np.arange(64.0).reshape(8, 8)
    report = invariance_error(lambda a: (a * weights).sum(axis=(-2, -1)), X)
    assert report.max_relative_l2 > 0.1
    assert next(e for e in report if e.shift == (0, 0)).max_abs == 0.0


def test_strided_max_pool_is_invariant_only_to_multiples_of_the_stride() -> None:
    f = lambda a: global_max_pool(max_pool(a, 2))  # noqa: E731
    x = np.array([[[0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0]]])
    assert invariance_error(f, x, [2, -2, 4]).max_abs == 0.0
    assert invariance_error(lambda a: max_pool(a, 2), x, [1]).max_abs == 1.0


def test_batch_size_does_not_change_the_report() -> None:
    f = lambda a: correlate(a, W, padding="zero", stride=2)  # noqa: E731
    reports = [equivariance_error(f, X, stride=2, batch_size=b) for b in (1, 5, 64)]
    assert reports[0] == reports[1] == reports[2]


def test_batches_are_split_as_requested() -> None:
    sizes: list[int] = []

    def f(a: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        sizes.append(a.shape[0])
        return a

    equivariance_error(f, X, [(0, 1)] * 5, batch_size=2)
    assert sizes == [2, 4, 4, 2]  # f(x) once, then 2 + 2 + 1 shifted copies of N = 2


def test_zero_shifts_and_crop_on_the_identity() -> None:
    shifts = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    report = equivariance_error(lambda a: a, X, shifts, shift_mode="zero", crop=(2, 3))
    assert report.max_abs == 0.0
    # Shifts that leave no sample to compare (3 + 4 >= 8 - 3) say so with nan.
    vacuous = equivariance_error(lambda a: a, X, [(0, 4)], shift_mode="zero", crop=3)
    assert math.isnan(vacuous.max_abs)


def test_relative_error_conventions_for_zero_outputs() -> None:
    zero = equivariance_error(np.zeros_like, X, [(1, 0)])
    assert zero.errors[0].relative_l2 == 0.0
    assert zero.errors[0].max_abs == 0.0
    counter = iter(range(10))
    # f(x) is all zeros, f(T_v x) is not: the relative error is infinite.
    jump = invariance_error(lambda a: np.full(a.shape[:1], float(next(counter))), X, [(1, 0)])
    assert jump.errors[0].relative_l2 == math.inf
    assert jump.errors[0].max_abs == 1.0


def test_invariance_output_can_have_any_shape() -> None:
    report = invariance_error(lambda a: a.sum(axis=(1, 2, 3)), X, [(1, 1), (3, 0)])
    assert report.max_relative_l2 < 1e-12
    assert [e.output_shift for e in report] == [(), ()]


def test_one_dimensional_integer_shifts() -> None:
    x = RNG.standard_normal((1, 1, 9))
    shifts: list[Any] = [0, 1, np.int64(-2)]
    report = equivariance_error(lambda a: np.cumsum(a, axis=-1), x, shifts)
    assert [e.shift for e in report] == [(0,), (1,), (-2,)]
    assert report.errors[0].max_abs == 0.0
    assert report.max_abs > 0.1


def test_report_is_data() -> None:
    report = ShiftReport(
        (ShiftError((1,), None, math.nan, math.nan), ShiftError((2,), (1,), 0.5, 2.0))
    )
    assert len(report) == 2
    assert [e.shift for e in report] == [(1,), (2,)]
    assert report.defined == (report.errors[1],)
    assert report.undefined_shifts == ((1,),)
    assert (report.max_relative_l2, report.max_abs) == (0.5, 2.0)
    with pytest.raises(AttributeError):
        report.errors[0].shift = (3,)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"x": np.zeros((2, 3))}, ValueError, r"x must have shape \(N, C, \*S\)"),
        ({"shifts": [(1,)]}, ValueError, "one integer per spatial axis"),
        ({"shifts": [1]}, ValueError, "one integer per spatial axis"),
        ({"shifts": [(1, 2.0)]}, TypeError, "every entry of shift must be an integer"),
        ({"shifts": [(True, 0)]}, TypeError, "must be an integer"),
        ({"shifts": 3}, TypeError, "not iterable"),
        ({"stride": 0}, ValueError, "stride must be >= 1"),
        ({"stride": (1, 2, 3)}, ValueError, "stride must be an integer or 2 integers"),
        ({"crop": -1}, ValueError, "crop >= 0"),
        ({"crop": 4}, ValueError, "crop .* leaves nothing"),
        ({"shift_mode": "reflect"}, ValueError, "shift_mode must be 'circular' or 'zero'"),
        ({"batch_size": 0}, ValueError, "batch_size must be >= 1"),
        ({"batch_size": 2.0}, TypeError, "batch_size must be an integer"),
        ({"f": lambda a: a.sum(axis=(0, 1))}, ValueError, r"f\(x\) must have shape \(2, "),
        ({"f": lambda a: a[:, 0, 0, :]}, ValueError, r"f\(x\) must have shape"),
        ({"f": lambda a: a[:2]}, ValueError, "f must map samples 1:1"),
    ],
)
def test_equivariance_error_errors(
    kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    arguments: dict[str, Any] = {"f": lambda a: a, "x": X, "shifts": None, **kwargs}
    with pytest.raises(error, match=match):
        equivariance_error(arguments.pop("f"), arguments.pop("x"), **arguments)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"shift_mode": "wrap"}, ValueError, "shift_mode must be"),
        ({"f": lambda a: np.float64(a.sum())}, ValueError, r"f\(x\) must have shape \(2, "),
        ({"f": lambda a: a[:1]}, ValueError, r"f\(x\) must have shape \(2, "),
    ],
)
def test_invariance_error_errors(
    kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    f = kwargs.pop("f", lambda a: a.sum(axis=(2, 3)))
    with pytest.raises(error, match=match):
        invariance_error(f, X, [(1, 0)], **kwargs)


def test_a_zero_shift_that_leaves_nothing_to_compare_is_nan_not_zero() -> None:
    # Shifting an 8-wide output by 7 with zero fill and a crop of 1 leaves no sample that
    # both sides know: the error must not read as a perfect 0.
    report = equivariance_error(lambda a: a, X, [(0, 7), (0, 1)], shift_mode="zero", crop=1)
    vacuous, real = report.errors
    assert vacuous.defined
    assert math.isnan(vacuous.relative_l2)
    assert math.isnan(vacuous.max_abs)
    assert real.max_abs == 0.0
    assert math.isnan(report.max_abs)
