"""Tests for shiftlab.measures on maps whose symmetry is known exactly."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
import torch

from shiftlab.convolution import correlate
from shiftlab.measures import (
    ShiftError,
    ShiftReport,
    equivariance_error,
    invariance_error,
    output_shift,
    shift_error,
)
from shiftlab.pooling import global_avg_pool, global_max_pool, max_pool
from shiftlab.shifts import centered_shifts, zero_shift

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
    # Both sides zero (dead units) is no evidence: nan, not a reassuring 0.
    zero = equivariance_error(np.zeros_like, X, [(1, 0)])
    assert math.isnan(zero.errors[0].relative_l2)
    assert math.isnan(zero.errors[0].max_abs)
    assert zero.unmeasured_shifts == ((1, 0),)
    assert math.isnan(zero.max_relative_l2)
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
        ({"shifts": 3}, TypeError, "shifts must be an iterable of shifts, got 3"),
        ({"shifts": np.int64(3)}, TypeError, "shifts must be an iterable"),
        ({"stride": 0}, ValueError, "stride must be >= 1 on every axis, got 0"),
        ({"upsample": (1, 0)}, ValueError, r"upsample must be >= 1 on every axis, got \(1, 0\)"),
        ({"upsample": 1.5}, TypeError, "upsample must be an integer"),
        ({"stride": (1, 2, 3)}, ValueError, "stride must be an integer or 2 integers"),
        ({"crop": -1}, ValueError, "crop must be >= 0"),
        ({"stride": 3}, ValueError, r"circular shifts need an output grid .* \(8 \* 1 / 3, "),
        ({"f": lambda a: a[..., 1:]}, ValueError, r"got spatial shape \(8, 7\)"),
        ({"f": lambda a: a[..., ::2, ::2], "stride": (2, 1)}, ValueError, "output grid"),
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


# M1: the output action T_{v/s} needs s | N and an output of N / s samples; circular
# shifts are decided modulo N, so every representative of v gives the same answer.
def test_a_stride_that_does_not_divide_n_raises_for_circular_shifts() -> None:
    x = RNG.standard_normal((1, 1, 7))
    with pytest.raises(
        ValueError, match=r"output grid .*\(7 \* 1 / 2\).* got spatial shape \(4,\)"
    ):
        equivariance_error(lambda a: a[..., ::2], x, [2, -5, 14], stride=2)
    # Zero-fill shifts act on any grid: the same map is exact there for even shifts.
    report = equivariance_error(lambda a: a[..., ::2], x, [2, -5, 14], stride=2, shift_mode="zero")
    assert report.errors[0].relative_l2 == 0.0
    assert not report.errors[1].defined
    assert report.errors[2].output_shift == (7,)
    assert math.isnan(report.errors[2].relative_l2)  # everything pushed out: no evidence


def test_every_representative_of_a_circular_shift_gives_the_same_answer() -> None:
    x = RNG.standard_normal((2, 3, 8, 8))
    f = lambda a: correlate(a, W, padding="circular", stride=2)  # noqa: E731
    big = 2**70  # beyond int64, a multiple of 8
    shifts = [(2, -3), (2 - 8, -3 + 8), (2 + big, -3 - big), (4, 2), (3 + big, 2 - 8)]
    report = equivariance_error(f, x, shifts, stride=2)
    assert [e.defined for e in report] == [False, False, False, True, False]
    assert report.errors[3].max_abs < 1e-12
    defined = equivariance_error(f, x, [(2, 4), (2 - 8, 4 + big), (10, -4)], stride=2)
    assert [e.output_shift for e in defined] == [(1, 2), (-3, 2 + big // 2), (5, -2)]
    assert defined.max_abs < 1e-12


def test_stride_one_needs_a_same_size_output_for_circular_shifts() -> None:
    valid = lambda a: correlate(a, W)  # noqa: E731  # "valid": 6 x 6 from 8 x 8
    with pytest.raises(ValueError, match=r"\(8 \* 1 / 1, 8 \* 1 / 1\).*\(6, 6\)"):
        equivariance_error(valid, X)
    # A valid correlation commutes with zero-fill shifts wherever both sides are known.
    report = equivariance_error(valid, X, shift_mode="zero")
    assert report.max_abs < 1e-12 or math.isnan(report.max_abs)
    assert max(e.max_abs for e in report if e.measured) < 1e-12


# M2: the maxima cover the defined shifts only; the report says how many those are.
def test_the_report_says_how_many_shifts_were_defined() -> None:
    f = lambda a: a[..., ::8, ::8]  # noqa: E731  # a stride-8 map on 8 x 8: one output sample
    report = equivariance_error(f, X, stride=8)
    assert report.fraction_defined == 1 / 64
    assert report.max_relative_l2 == 0.0  # from v = 0 alone
    assert str(report).startswith("64 shifts, 1 defined (2%): max relative L2 0")
    assert math.isnan(ShiftReport(()).fraction_defined)
    assert str(ShiftReport(())).startswith("0 shifts, 0 defined (no shifts)")
    dead = equivariance_error(np.zeros_like, X, [(0, 1), (1, 0)])
    assert str(dead).endswith("2 defined shifts had no evidence (nan)")


# M3: crop counts output samples whose receptive field reaches outside the frame.
def _conv7_pool2_conv3(a: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    w7 = np.random.default_rng(1).standard_normal((2, 1, 7))
    w3 = np.random.default_rng(2).standard_normal((1, 2, 3))
    h = np.maximum(correlate(a, w7, np.ones(2), padding="zero"), 0.0)  # radius 3
    h = max_pool(h, 2)  # stride 2: output m reads input 2m - 3 .. 2m + 4
    return correlate(h, w3, padding="zero")  # output i reads input 2i - 5 .. 2i + 6


def test_the_crop_after_a_stride_is_ceil_of_radius_over_stride() -> None:
    x = np.random.default_rng(3).standard_normal((1, 1, 32))
    shifts = list(range(-8, 9, 2))
    exact = equivariance_error(_conv7_pool2_conv3, x, shifts, stride=2, crop=3, shift_mode="zero")
    assert exact.max_abs < 1e-12  # ceil(6 / 2) = 3 of the larger side
    short = equivariance_error(_conv7_pool2_conv3, x, shifts, stride=2, crop=2, shift_mode="zero")
    assert short.max_relative_l2 > 0.01


def test_full_padding_needs_a_crop_of_k_minus_one() -> None:
    w = RNG.standard_normal((2, 3, 4, 4))
    full = lambda a: correlate(a, w, padding="zero", pad=3)  # noqa: E731  # 11 x 11 from 8 x 8
    shifts = [(1, 0), (0, -2), (2, 1), (-1, -1)]
    assert equivariance_error(full, X, shifts, crop=3, shift_mode="zero").max_abs < 1e-12
    assert equivariance_error(full, X, shifts, crop=2, shift_mode="zero").max_abs > 1e-3


# M5: an up-factor: a transposed convolution with kernel 2 and stride 2 commutes with T_{2v}.
def test_transposed_convolution_is_equivariant_with_twice_the_shift() -> None:
    up = torch.nn.ConvTranspose2d(3, 2, kernel_size=2, stride=2).double()

    def f(a: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        with torch.no_grad():
            out: np.ndarray[Any, Any] = up(torch.from_numpy(a)).numpy()
        return out

    report = equivariance_error(f, X, upsample=2)
    assert report.fraction_defined == 1.0
    assert all(e.output_shift == (2 * e.shift[0], 2 * e.shift[1]) for e in report)
    assert report.max_abs < 1e-12
    halved = equivariance_error(
        lambda a: f(a)[..., ::4, ::4], X, [(1, 0), (2, 2)], upsample=2, stride=4
    )
    assert [e.output_shift for e in halved] == [None, (1, 1)]
    assert halved.max_abs < 1e-12


# M6: a window bound that went negative compared the wrong samples.
def test_zero_fill_shifts_past_the_frame_have_no_evidence_in_both_directions() -> None:
    x = np.arange(1.0, 9.0).reshape(1, 1, 8)
    report = equivariance_error(lambda a: a * np.arange(8), x, [9, -9], shift_mode="zero")
    assert all(math.isnan(e.relative_l2) and math.isnan(e.max_abs) for e in report)


def test_a_valid_correlation_never_reports_inf_under_zero_fill_shifts() -> None:
    x = RNG.standard_normal((1, 1, 8))
    w = RNG.standard_normal((1, 1, 7))
    report = equivariance_error(lambda a: correlate(a, w), x, shift_mode="zero")  # 2 outputs
    for e in report:
        if abs(e.shift[0]) >= 2:  # the whole 2-sample output is in the zero band
            assert math.isnan(e.relative_l2), e
        else:
            assert e.max_abs < 1e-12, e


# Bad input and edge cases.
def test_the_callers_array_is_not_handed_to_f() -> None:
    x = X.copy()

    def clobber(a: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        out = a.copy()
        a[...] = 0.0  # a careless f that writes into its argument
        return out

    report = equivariance_error(clobber, x, [(1, 2), (0, 3)])
    assert np.array_equal(x, X)
    assert report.max_abs == 0.0


@pytest.mark.parametrize("scale", [1e160, 1e-170])
def test_the_relative_error_survives_huge_and_tiny_norms(scale: float) -> None:
    bump = np.arange(8) == 0  # a position-dependent offset: not equivariant
    reference = equivariance_error(lambda a: a + bump, X, [(0, 1)])
    report = equivariance_error(lambda a: scale * a + scale * bump, X, [(0, 1)])
    assert math.isclose(report.max_relative_l2, reference.max_relative_l2, rel_tol=1e-9)
    assert math.isfinite(report.max_abs)


def test_a_zero_dimensional_array_is_a_shift() -> None:
    x = RNG.standard_normal((1, 2, 6))
    shifts: list[Any] = [np.array(2), np.array([-1])]
    report = equivariance_error(lambda a: a, x, shifts)
    assert [e.shift for e in report] == [(2,), (-1,)]


# shift_error and output_shift: the pieces equivariance_error is built from, for callers
# that run f themselves (the model probe).
def test_shift_error_agrees_with_equivariance_error() -> None:
    def f(a: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        return correlate(a, W, padding="zero", stride=2)

    shifts = [(2, 0), (-2, 4), (1, 0), (6, -6)]
    report = equivariance_error(f, X, shifts, stride=2, crop=1, shift_mode="zero")
    reference = f(X)
    for expected, v in zip(report, shifts, strict=True):
        u = output_shift(v, stride=2)
        got = shift_error(f(zero_shift(X, v)), reference, v, u, crop=1, shift_mode="zero")
        assert got.output_shift == expected.output_shift
        np.testing.assert_array_equal(
            [got.relative_l2, got.max_abs], [expected.relative_l2, expected.max_abs]
        )


def test_output_shift_rules() -> None:
    assert output_shift((4, -2), stride=2) == (2, -1)
    assert output_shift((3, 0), stride=2) is None
    assert output_shift(1, upsample=2) == (2,)
    assert output_shift(-2, stride=4, size=8) is None  # 6 mod 8: not a multiple of 4
    assert output_shift(-4, stride=4, size=8) == (-1,)
    assert output_shift(2**70 * 8 + 4, stride=4, size=8) == (2**70 * 2 + 1,)
    with pytest.raises(ValueError, match="stride must be >= 1 on every axis"):
        output_shift(1, stride=0)


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        ((np.zeros(4), np.zeros(5), 1, (1,)), {}, "must have one shape"),
        ((np.zeros(4), np.zeros(4), 1, (1,)), {"shift_mode": "wrap"}, "shift_mode must be"),
        ((np.zeros(4), np.zeros(4), 1, (1, 1)), {}, "more axes than the output"),
        ((np.zeros(4), np.zeros(4), 1, (1,)), {"crop": 2}, "must be >= 0 and leave part"),
    ],
)
def test_shift_error_errors(args: tuple[Any, ...], kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        shift_error(*args, **kwargs)
