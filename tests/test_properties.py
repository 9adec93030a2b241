"""Property tests (hypothesis) for the theorems the guide states.

Shapes, kernels, shifts, strides and dilations are drawn by hypothesis; the array values
come from a numpy generator seeded by a drawn integer, so every example is reproducible
under the deterministic profile in conftest.py.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st

from shiftlab.convolution import correlate
from shiftlab.measures import equivariance_error
from shiftlab.padding import same_padding
from shiftlab.pooling import avg_pool, global_avg_pool, global_max_pool, max_pool, subsample
from shiftlab.shifts import circular_shift, fourier_shift, zero_shift

Array = np.ndarray[Any, np.dtype[np.float64]]
seeds = st.integers(0, 2**32 - 1)


def _array(seed: int, shape: tuple[int, ...]) -> Array:
    return np.random.default_rng(seed).standard_normal(shape)


@st.composite
def grids(draw: st.DrawFn, max_axes: int = 3, max_size: int = 7) -> tuple[int, ...]:
    k = draw(st.integers(1, max_axes))
    return tuple(draw(st.lists(st.integers(1, max_size), min_size=k, max_size=k)))


def _shift_for(data: st.DataObject, shape: tuple[int, ...], limit: int = 12) -> tuple[int, ...]:
    return tuple(data.draw(st.integers(-limit, limit)) for _ in shape)


@given(st.data(), seeds)
def test_circular_shift_group_laws(data: st.DataObject, seed: int) -> None:
    shape = data.draw(grids(max_axes=3))
    x = _array(seed, (2, *shape))
    a, b = _shift_for(data, shape), _shift_for(data, shape)
    total = tuple(p + q for p, q in zip(a, b, strict=True))
    minus_a = tuple(-p for p in a)
    np.testing.assert_array_equal(circular_shift(circular_shift(x, b), a), circular_shift(x, total))
    np.testing.assert_array_equal(circular_shift(x, (0,) * len(shape)), x)
    np.testing.assert_array_equal(circular_shift(circular_shift(x, a), minus_a), x)
    np.testing.assert_array_equal(
        circular_shift(circular_shift(x, a), b), circular_shift(circular_shift(x, b), a)
    )
    np.testing.assert_array_equal(circular_shift(x, shape), x)  # T_n = id on every axis


@given(st.data(), seeds)
def test_zero_shift_loses_the_leaving_band(data: st.DataObject, seed: int) -> None:
    shape = data.draw(grids(max_axes=3))
    x = _array(seed, shape)
    a = _shift_for(data, shape, limit=8)
    expected = x.copy()
    for axis, (v, n) in enumerate(zip(a, shape, strict=True)):
        index: list[slice] = [slice(None)] * len(shape)
        # Content within |v| of the side it moves toward leaves the grid for good.
        index[axis] = slice(max(n - v, 0), None) if v > 0 else slice(None, min(-v, n))
        if v != 0:
            expected[tuple(index)] = 0.0
    back = zero_shift(zero_shift(x, a), tuple(-v for v in a))
    np.testing.assert_array_equal(back, expected)
    assert np.array_equal(back, x) == (not any(a))  # random content is never zero


@given(st.data(), seeds)
def test_fourier_shift_equals_circular_shift_for_integers(data: st.DataObject, seed: int) -> None:
    shape = data.draw(grids(max_axes=2, max_size=9))
    x = _array(seed, shape)
    v = _shift_for(data, shape)
    np.testing.assert_allclose(fourier_shift(x, v), circular_shift(x, v), rtol=0, atol=1e-10)


@given(st.data(), seeds)
def test_fourier_shift_group_law_for_odd_sizes(data: st.DataObject, seed: int) -> None:
    n = 2 * data.draw(st.integers(0, 5)) + 1
    x = _array(seed, (3, n))
    reals = st.floats(-6.0, 6.0, allow_nan=False)
    a, b = data.draw(reals), data.draw(reals)
    twice = fourier_shift(fourier_shift(x, a), b)
    np.testing.assert_allclose(twice, fourier_shift(x, a + b), rtol=0, atol=1e-10)


@st.composite
def convolutions(draw: st.DrawFn, max_size: int = 7) -> tuple[Array, Array, tuple[int, ...]]:
    """Input (N, C_in, *S), weight (C_out, C_in, *K) and dilation, 1 to 3 spatial axes."""
    shape = draw(grids(max_axes=3, max_size=max_size))
    kernel = tuple(draw(st.integers(1, 4)) for _ in shape)
    dilation = tuple(draw(st.integers(1, 3)) for _ in shape)
    c_in, c_out, seed = draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(seeds)
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((2, c_in, *shape))
    return x, rng.standard_normal((c_out, c_in, *kernel)), dilation


@given(convolutions(), st.data())
def test_circular_correlation_commutes_with_circular_shifts(
    case: tuple[Array, Array, tuple[int, ...]], data: st.DataObject
) -> None:
    x, w, dilation = case
    v = _shift_for(data, x.shape[2:])

    def f(a: Array) -> np.ndarray[Any, Any]:
        return correlate(a, w, padding="circular", dilation=dilation)

    np.testing.assert_allclose(f(circular_shift(x, v)), circular_shift(f(x), v), atol=1e-12)


@given(st.data(), seeds)
def test_strided_correlation_commutes_with_multiples_of_the_stride(
    data: st.DataObject, seed: int
) -> None:
    k = data.draw(st.integers(1, 3))
    strides = tuple(data.draw(st.integers(1, 3)) for _ in range(k))
    shape = tuple(s * data.draw(st.integers(1, 3)) for s in strides)  # divisible by s
    kernel = tuple(data.draw(st.integers(1, 4)) for _ in range(k))
    rng = np.random.default_rng(seed)
    x, w = rng.standard_normal((1, 2, *shape)), rng.standard_normal((3, 2, *kernel))
    u = _shift_for(data, shape, limit=4)
    v = tuple(s * p for s, p in zip(strides, u, strict=True))

    def f(a: Array) -> np.ndarray[Any, Any]:
        return correlate(a, w, padding="circular", stride=strides)

    np.testing.assert_allclose(f(circular_shift(x, v)), circular_shift(f(x), u), atol=1e-12)


@given(convolutions(max_size=9), st.data())
def test_zero_padded_correlation_commutes_with_zero_fill_inside(
    case: tuple[Array, Array, tuple[int, ...]], data: st.DataObject
) -> None:
    x, w, dilation = case
    # Output i reads input i - before .. i + after: the interior starts `before` from the
    # top border and ends `after` from the bottom one; after >= before, so crop `after`.
    radius = tuple(after for _, after in same_padding(w.shape[2:], dilation))

    def f(a: Array) -> np.ndarray[Any, Any]:
        return correlate(a, w, padding="zero", dilation=dilation)

    v = _shift_for(data, x.shape[2:], limit=6)
    interior: tuple[Any, ...] = (
        ...,
        *(slice(r, n - r) for r, n in zip(radius, x.shape[2:], strict=True)),
    )
    framed = np.zeros_like(x)
    framed[interior] = x[interior]  # content at least the radius away from the border
    np.testing.assert_allclose(
        f(zero_shift(framed, v))[interior], zero_shift(f(framed), v)[interior], atol=1e-12
    )


@given(st.data(), seeds)
def test_zero_padded_stacks_are_exact_under_zero_fill_on_the_measured_region(
    data: st.DataObject, seed: int
) -> None:
    # Any content, any depth: equivariance_error compares on the crop (the total radius)
    # minus the zero-filled band and one crop width next to it. Deeper than one layer
    # that strip matters: inside the stack, features there were cut off by the original
    # frame's border.
    k = data.draw(st.integers(1, 3))
    shape = tuple(data.draw(st.integers(8, 12)) for _ in range(k))
    depth = data.draw(st.integers(1, 3))
    kernels = [tuple(data.draw(st.integers(1, 4)) for _ in range(k)) for _ in range(depth)]
    dilations = [tuple(data.draw(st.integers(1, 2)) for _ in range(k)) for _ in range(depth)]
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((1, 2, *shape))
    weights = [rng.standard_normal((2, 2, *kernel)) for kernel in kernels]
    # Output i reads input i - before .. i + after, and after >= before: crop `after`.
    pads = [same_padding(w.shape[2:], d) for w, d in zip(weights, dilations, strict=True)]
    crop = tuple(sum(p[axis][1] for p in pads) for axis in range(k))

    def f(a: Array) -> np.ndarray[Any, Any]:
        for w, d in zip(weights, dilations, strict=True):
            a = np.maximum(correlate(a, w, padding="zero", dilation=d), 0.0)
        return a

    assume(all(2 * c < n for c, n in zip(crop, shape, strict=True)))
    v = _shift_for(data, shape, limit=4)
    report = equivariance_error(f, x, [v], shift_mode="zero", crop=crop)
    window: tuple[Any, ...] = (
        ...,
        *(
            slice(c + max(u, 0), max(c + max(u, 0), n - c + min(u, 0)))
            for c, n, u in zip(crop, shape, v, strict=True)
        ),
    )
    compared = (f(zero_shift(x, v))[window], zero_shift(f(x), v)[window])
    if any(np.any(side) for side in compared):
        assert report.max_abs < 1e-12
    else:  # an empty window, or ReLUs dead on both sides there: no evidence (nan), not 0
        assert math.isnan(report.max_abs)


@given(st.data(), seeds)
def test_global_pooling_is_invariant_to_every_circular_shift(
    data: st.DataObject, seed: int
) -> None:
    shape = data.draw(grids(max_axes=3))
    x = _array(seed, (2, 3, *shape))
    shifted = circular_shift(x, _shift_for(data, shape))
    np.testing.assert_allclose(global_avg_pool(shifted), global_avg_pool(x), atol=1e-12)
    np.testing.assert_array_equal(global_max_pool(shifted), global_max_pool(x))


@given(st.data(), seeds)
def test_strided_pool_is_subsampled_stride_one_pool(data: st.DataObject, seed: int) -> None:
    shape = data.draw(grids(max_axes=3, max_size=8))
    kernel = tuple(data.draw(st.integers(1, n)) for n in shape)
    stride = tuple(data.draw(st.integers(1, 3)) for _ in shape)
    padding = tuple(data.draw(st.integers(0, q // 2)) for q in kernel)
    x = _array(seed, (1, 2, *shape))
    np.testing.assert_array_equal(
        max_pool(x, kernel, stride, padding), subsample(max_pool(x, kernel, 1, padding), stride)
    )
    np.testing.assert_allclose(
        avg_pool(x, kernel, stride, padding), subsample(avg_pool(x, kernel, 1, padding), stride)
    )


@given(st.data(), seeds)
def test_subsampling_commutes_with_multiples_of_the_stride(data: st.DataObject, seed: int) -> None:
    k = data.draw(st.integers(1, 3))
    strides = tuple(data.draw(st.integers(1, 3)) for _ in range(k))
    shape = tuple(s * data.draw(st.integers(1, 3)) for s in strides)
    x = _array(seed, (1, 2, *shape))
    u = _shift_for(data, shape, limit=4)
    v = tuple(s * p for s, p in zip(strides, u, strict=True))
    np.testing.assert_array_equal(
        subsample(circular_shift(x, v), strides), circular_shift(subsample(x, strides), u)
    )


def _oracle_error(
    output: Array, expected: Array, keep: np.ndarray[Any, Any]
) -> tuple[float, float]:
    # Written from the definition with a boolean mask, independently of the slicing in
    # shiftlab.measures: nan where nothing is compared or both sides are zero.
    a, b = output[..., keep], expected[..., keep]
    if a.size == 0 or not (np.any(a) or np.any(b)):
        return math.nan, math.nan
    diff, scale = np.linalg.norm(a - b), np.linalg.norm(b)
    return (float(diff / scale) if scale else math.inf), float(np.max(np.abs(a - b)))


@given(st.data(), seeds)
def test_zero_fill_comparison_window_matches_its_definition(data: st.DataObject, seed: int) -> None:
    # Shifts in both directions, up to twice the frame: a window bound that goes
    # negative must leave the window empty, not count from the end (finding M6).
    n = data.draw(st.integers(1, 10))
    stride = data.draw(st.integers(1, 3))
    m = -(-n // stride)  # the output of x[..., ::stride]
    crop = data.draw(st.integers(0, (m - 1) // 2))
    v = data.draw(st.integers(-2 * n, 2 * n))
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((1, 2, n))
    weight, bias = rng.standard_normal(m), rng.standard_normal(m) * data.draw(st.booleans())

    def f(a: Array) -> Array:  # position-dependent, so errors are rarely zero
        out: Array = a[..., ::stride] * weight + bias
        return out

    report = equivariance_error(f, x, [v], stride=stride, crop=crop, shift_mode="zero")
    if v % stride:
        assert not report.errors[0].defined
        return
    u = v // stride
    i = np.arange(m)
    keep = (i >= crop + max(u, 0)) & (i < m - crop + min(u, 0))
    expected = _oracle_error(f(zero_shift(x, v)), zero_shift(f(x), u), keep)
    got = (report.errors[0].relative_l2, report.errors[0].max_abs)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=0, equal_nan=True)


@given(st.data(), seeds)
def test_strided_stacks_are_exact_with_a_crop_of_ceil_radius_over_stride(
    data: st.DataObject, seed: int
) -> None:
    # conv -> ReLU -> max pool 2 -> conv, all zero-padded "same": output i reads input
    # 2i - L .. 2i + R; crop = ceil(max(L, R) / 2) output samples (finding M3).
    n = data.draw(st.integers(12, 24))
    k1, k2 = data.draw(st.integers(1, 7)), data.draw(st.integers(1, 5))
    (b1, a1), (b2, a2) = same_padding((k1,))[0], same_padding((k2,))[0]
    left, right = 2 * b2 + b1, 2 * a2 + 1 + a1
    crop = -(-max(left, right) // 2)
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((1, 1, n))
    w1, w2 = rng.standard_normal((2, 1, k1)), rng.standard_normal((1, 2, k2))
    bias = rng.standard_normal(2)

    def f(a: Array) -> np.ndarray[Any, Any]:
        h = np.maximum(correlate(a, w1, bias, padding="zero"), 0.0)
        return correlate(max_pool(h, 2), w2, padding="zero")

    m = n // 2
    assume(2 * crop < m)
    v = 2 * data.draw(st.integers(-3, 3))
    report = equivariance_error(f, x, [v], stride=2, crop=crop, shift_mode="zero")
    u = v // 2
    window = slice(crop + max(u, 0), max(crop + max(u, 0), m - crop + min(u, 0)))
    compared = (f(zero_shift(x, v))[..., window], zero_shift(f(x), u)[..., window])
    if any(np.any(side) for side in compared):
        assert report.max_abs < 1e-12
    else:  # an empty window, or dead units on both sides: no evidence
        assert math.isnan(report.max_abs)


@given(st.data(), seeds)
def test_circular_measures_do_not_depend_on_the_representative_of_v(
    data: st.DataObject, seed: int
) -> None:
    stride = data.draw(st.integers(1, 3))
    n = stride * data.draw(st.integers(1, 4))
    v = data.draw(st.integers(-2 * n, 2 * n))
    wraps = data.draw(st.integers(-(2**70), 2**70))
    x = _array(seed, (1, 2, n))

    def f(a: Array) -> Array:
        out: Array = np.cumsum(a, axis=-1)[..., ::stride]  # not equivariant: errors vary
        return out

    one, other = equivariance_error(f, x, [v, v + wraps * n], stride=stride).errors
    assert one.defined == other.defined
    np.testing.assert_array_equal(
        [one.relative_l2, one.max_abs], [other.relative_l2, other.max_abs]
    )
