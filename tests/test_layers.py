"""Tests for shiftlab.layers: numpy oracles, the symmetry each layer has, the tie caveat, errors.

The oracles are written here from the definitions, through shiftlab's numpy core
(``pad_spatial``, ``correlate`` one channel at a time, ``max_pool``, ``subsample``) or a
direct formula (APS), never through the code under test. Property tests draw sizes,
strides and shifts with hypothesis and seed the array values by a drawn integer.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from typing import Any, get_args

import numpy as np
import pytest
import torch
from hypothesis import assume, given
from hypothesis import strategies as st

from shiftlab.convolution import correlate
from shiftlab.layers import (
    AdaptivePolyphaseSampling,
    BlurPool,
    ConvBlurPool,
    LayerPadding,
    MaxBlurPool,
    aps_downsample,
    binomial_filter,
    pad2d,
    split_padding,
)
from shiftlab.padding import pad_spatial
from shiftlab.pooling import max_pool, subsample

Array = np.ndarray[Any, Any]
MODES: tuple[LayerPadding, ...] = get_args(LayerPadding)
DTYPES = [torch.float32, torch.float64]
SHAPES = [(2, 3, 7, 9), (1, 4, 8, 6)]  # odd and even H, W; 3 and 4 channels
ATOL = {torch.float32: 1e-5, torch.float64: 1e-12}
# Rows of Pascal's triangle as written out in Zhang's antialiased-cnns code.
ZHANG_ROWS = {
    1: [1],
    2: [1, 1],
    3: [1, 2, 1],
    4: [1, 3, 3, 1],
    5: [1, 4, 6, 4, 1],
    6: [1, 5, 10, 10, 5, 1],
    7: [1, 6, 15, 20, 15, 6, 1],
}
seeds = st.integers(0, 2**32 - 1)


def _map(seed: int, shape: tuple[int, ...], dtype: torch.dtype = torch.float64) -> torch.Tensor:
    return torch.from_numpy(np.random.default_rng(seed).standard_normal(shape)).to(dtype)


def binomial_oracle(k: int) -> Array:
    """Row k - 1 of Pascal's triangle by repeated [1, 1] convolution, normalised, squared."""
    row = np.array([1.0])
    for _ in range(k - 1):
        row = np.convolve(row, [1.0, 1.0])
    row /= row.sum()
    return np.outer(row, row)


def blur_oracle(x: Array, k: int, s: int, mode: LayerPadding) -> Array:
    """Pad (Zhang's split), correlate each channel with the binomial filter, subsample."""
    pads = [((k - 1) // 2, math.ceil((k - 1) / 2))] * 2
    padded = pad_spatial(x, pads, mode)
    w = binomial_oracle(k).astype(x.dtype)[None, None]  # (1, 1, k, k)
    channels = [correlate(padded[:, c : c + 1], w) for c in range(x.shape[1])]
    return subsample(np.concatenate(channels, axis=1), s)


def aps_oracle(x: Array, s: int, p: float) -> tuple[Array, list[int]]:
    """Direct formula: per sample, the first component in raster order with the largest norm."""
    ys, phases = [], []
    for sample in x:  # (C, H, W)
        best, choice = -1.0, 0
        for i in range(s):
            for j in range(s):
                part = np.abs(sample[:, i::s, j::s].astype(np.float64))
                norm = part.max() if p == math.inf else (part**p).sum() ** (1 / p)
                if norm > best:  # strict: a tie keeps the earlier component
                    best, choice = norm, i * s + j
        i, j = divmod(choice, s)
        ys.append(sample[:, i::s, j::s])
        phases.append(choice)
    return np.stack(ys), phases


def norm_margin(x: torch.Tensor, s: int, p: float) -> float:
    """Smallest relative gap, over samples, between the largest and second largest norm."""
    gaps = []
    for sample in x.numpy():
        norms = sorted(
            float(np.linalg.norm(sample[:, i::s, j::s].ravel(), ord=p))
            for i in range(s)
            for j in range(s)
        )
        # One component, or all zero (after a ReLU): every choice gives the same output.
        gaps.append(1.0 if len(norms) == 1 or not norms[-1] else 1 - norms[-2] / norms[-1])
    return min(gaps)


# Shape and oracle ----------------------------------------------------------------------


@pytest.mark.parametrize("k", range(1, 8))
def test_binomial_filter_is_pascal_row_outer_product(k: int) -> None:
    row = np.array(ZHANG_ROWS[k], dtype=np.float64)
    expected = np.outer(row, row) / row.sum() ** 2
    assert binomial_filter(k).dtype == np.float64
    np.testing.assert_array_equal(binomial_filter(k), expected)
    np.testing.assert_array_equal(binomial_filter(k), binomial_oracle(k))
    # Exact in float32 too (dyadic fractions), and zero response at Nyquist for k >= 2.
    np.testing.assert_array_equal(binomial_filter(k).astype(np.float32), expected)
    assert (row * (-1.0) ** np.arange(k)).sum() == (k == 1)


def test_split_padding_follows_zhang() -> None:
    assert [split_padding(k) for k in range(1, 8)] == [
        (0, 0), (0, 1), (1, 1), (1, 2), (2, 2), (2, 3), (3, 3)
    ]  # fmt: skip


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("pads", [(0, 1), (2, 1), (3, 3)])
def test_pad2d_matches_pad_spatial(mode: LayerPadding, pads: tuple[int, int]) -> None:
    x = _map(0, (2, 3, 4, 5))
    expected = pad_spatial(x.numpy(), [pads, pads], mode)
    np.testing.assert_array_equal(pad2d(x, pads, mode).numpy(), expected)


def test_circular_pad2d_wraps_more_than_once() -> None:
    x = _map(1, (1, 2, 2, 3))
    expected = pad_spatial(x.numpy(), [(4, 5), (4, 5)], "circular")
    np.testing.assert_array_equal(pad2d(x, (4, 5), "circular").numpy(), expected)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("k", range(1, 8))
def test_blurpool_matches_oracle(
    k: int, stride: int, mode: LayerPadding, shape: tuple[int, ...], dtype: torch.dtype
) -> None:
    x = _map(k + 10 * stride, shape, dtype)
    got = BlurPool(k, stride, mode)(x)
    expected = blur_oracle(x.numpy(), k, stride, mode)
    assert got.dtype == dtype
    assert got.shape == (*shape[:2], math.ceil(shape[2] / stride), math.ceil(shape[3] / stride))
    np.testing.assert_allclose(got.numpy(), expected, rtol=0, atol=ATOL[dtype])
    if k == 1:  # Zhang's special case is plain subsampling, bit for bit
        np.testing.assert_array_equal(got.numpy(), x.numpy()[:, :, ::stride, ::stride])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("kernel", "k"), [(1, 4), (2, 1), (2, 4), (3, 3), (2, 7)])
def test_max_blurpool_matches_oracle(
    kernel: int, k: int, mode: LayerPadding, shape: tuple[int, ...], dtype: torch.dtype
) -> None:
    x = _map(kernel + 10 * k, shape, dtype)
    a = x.numpy()
    if mode == "circular":  # the max-pool wraps too, split as the blur's padding
        a = pad_spatial(a, [((kernel - 1) // 2, kernel // 2)] * 2, "circular")
    expected = blur_oracle(max_pool(a, kernel, stride=1), k, 2, mode)
    got = MaxBlurPool(kernel, k, 2, mode)(x)
    assert got.dtype == dtype
    np.testing.assert_allclose(got.numpy(), expected, rtol=0, atol=ATOL[dtype])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("sizes", [(1, 3, 2), (2, 4, 2), (3, 5, 3), (4, 2, 2)])
def test_conv_blurpool_matches_oracle(
    sizes: tuple[int, int, int], mode: LayerPadding, shape: tuple[int, ...], dtype: torch.dtype
) -> None:
    kernel, k, stride = sizes  # conv kernel, blur filter, stride
    layer = ConvBlurPool(shape[1], 5, kernel, filter_size=k, stride=stride, padding_mode=mode)
    layer = layer.to(dtype)
    assert layer.conv.bias is not None
    with torch.no_grad():  # seeded weights instead of torch's global generator
        layer.conv.weight.copy_(_map(kernel, tuple(layer.conv.weight.shape)))
        layer.conv.bias.copy_(_map(k, (5,)))
    x = _map(kernel + k, shape, dtype)
    w, b = layer.conv.weight.detach().numpy(), layer.conv.bias.detach().numpy()
    pads = [((kernel - 1) // 2, kernel // 2)] * 2
    features = np.maximum(correlate(x.numpy(), w, b, padding=mode, pad=pads), 0)
    expected = blur_oracle(features, k, stride, mode)
    with torch.no_grad():
        got = layer(x)
    assert got.dtype == dtype
    np.testing.assert_allclose(got.numpy(), expected, rtol=0, atol=10 * ATOL[dtype])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("p", [1.0, 2.0, 3.5, math.inf])
@pytest.mark.parametrize(
    ("stride", "shape"),
    [
        (1, (3, 2, 5, 7)),
        (2, (3, 2, 6, 8)),
        (2, (4, 1, 2, 10)),
        (3, (3, 3, 9, 3)),
        (3, (2, 2, 6, 12)),
    ],
)
def test_aps_matches_oracle(
    stride: int, shape: tuple[int, ...], p: float, dtype: torch.dtype
) -> None:
    x = _map(stride + len(shape), shape, dtype)
    y, phase = aps_downsample(x, stride, p)
    expected, phases = aps_oracle(x.numpy(), stride, p)
    assert phase.dtype == torch.int64
    assert phase.tolist() == phases
    assert y.dtype == dtype
    np.testing.assert_array_equal(y.numpy(), expected)  # a selection: bit for bit
    module_y, module_phase = AdaptivePolyphaseSampling(stride, p)(x)
    assert torch.equal(module_y, y)
    assert torch.equal(module_phase, phase)


def test_aps_reuses_a_given_phase() -> None:
    x, other = _map(3, (4, 2, 6, 6)), _map(4, (4, 5, 6, 6))
    _, phase = aps_downsample(x, 3)
    y, same = aps_downsample(other, 3, phase=phase)
    assert torch.equal(same, phase)
    for n, k in enumerate(phase.tolist()):
        i, j = divmod(k, 3)
        assert torch.equal(y[n], other[n, :, i::3, j::3])


def test_norms_are_compared_in_float64() -> None:
    x = torch.zeros(1, 1, 2, 4)  # float32; (0, 0) holds columns 0 and 2, (0, 1) columns 1 and 3
    x[0, 0, 0] = torch.tensor([3e20, 2e20, 0.0, 2.5e20])  # norms 3e20 < 3.2e20
    assert torch.linalg.vector_norm(x[..., 1::2]).isinf()  # in float32 the squares overflow
    assert aps_downsample(x)[1].tolist() == [1]


def test_blur_filter_is_a_buffer_that_follows_the_input() -> None:
    pool = BlurPool(5)
    assert list(pool.parameters()) == []
    assert list(pool.state_dict()) == ["filter"]
    assert pool.filter.dtype == torch.float64
    for dtype in DTYPES:
        assert pool(_map(0, (1, 2, 6, 6), dtype)).dtype == dtype
    assert pool.to(torch.float32).filter.dtype == torch.float32
    assert pool(_map(0, (1, 2, 6, 6))).dtype == torch.float64  # still follows the input


# Symmetry ------------------------------------------------------------------------------


@st.composite
def strided_layers(draw: st.DrawFn) -> tuple[torch.nn.Module, int, torch.Tensor]:
    """A circular BlurPool / MaxBlurPool / ConvBlurPool and an input with s | H, s | W."""
    s, k, c = draw(st.integers(1, 3)), draw(st.integers(1, 7)), draw(st.integers(1, 3))
    shape = (2, c, s * draw(st.integers(1, 4)), s * draw(st.integers(1, 4)))
    kind, seed = draw(st.sampled_from(["blur", "max", "conv"])), draw(seeds)
    layer: torch.nn.Module
    if kind == "blur":
        layer = BlurPool(k, s, "circular")
    elif kind == "max":
        layer = MaxBlurPool(draw(st.integers(1, 3)), k, s, "circular")
    else:
        kernel = draw(st.integers(1, 4))
        layer = ConvBlurPool(c, 2, kernel, filter_size=k, stride=s, padding_mode="circular")
        layer = layer.double()
        with torch.no_grad():
            layer.conv.weight.copy_(_map(seed + 1, tuple(layer.conv.weight.shape)))
    return layer, s, _map(seed, shape)


@given(strided_layers(), st.integers(-4, 4), st.integers(-4, 4))
def test_circular_blur_layers_commute_with_multiples_of_the_stride(
    case: tuple[torch.nn.Module, int, torch.Tensor], a: int, b: int
) -> None:
    layer, s, x = case
    with torch.no_grad():
        shifted = layer(torch.roll(x, (s * a, s * b), dims=(2, 3)))
        expected = torch.roll(layer(x), (a, b), dims=(2, 3))
    torch.testing.assert_close(shifted, expected, rtol=0, atol=1e-12)


def _best_output_shift_error(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor) -> float:
    """Relative error of f(T_(0,1) x) against the closest circular shift of f(x)."""
    y, y1 = f(x), f(torch.roll(x, 1, dims=3))
    H, W = y.shape[2:]
    return min(
        float((y1 - torch.roll(y, (a, b), dims=(2, 3))).norm() / y.norm())
        for a in range(H)
        for b in range(W)
    )


def test_blur_shrinks_but_does_not_remove_the_error_of_a_one_pixel_shift() -> None:
    x = _map(5, (1, 4, 16, 16))
    errors = [_best_output_shift_error(BlurPool(k, 2, "circular"), x) for k in (1, 3, 5, 7)]
    assert errors[0] > 1.0  # plain stride 2: the other component, unrelated white noise
    assert all(later < earlier for earlier, later in itertools.pairwise(errors))
    assert errors[-1] > 0.1  # not equivariant to a shift that the stride does not divide


@given(st.data(), seeds)
def test_aps_phase_and_output_move_as_the_theorem_says(data: st.DataObject, seed: int) -> None:
    s = data.draw(st.integers(1, 3))
    shape = (3, data.draw(st.integers(1, 3)), *(s * data.draw(st.integers(1, 3)) for _ in "hw"))
    p = data.draw(st.sampled_from([1.0, 2.0, math.inf]))
    v = (data.draw(st.integers(-7, 7)), data.draw(st.integers(-7, 7)))
    x = _map(seed, shape)
    assume(norm_margin(x, s, p) > 1e-9)  # the theorem's precondition: no near tie
    y, r = aps_downsample(x, s, p)
    y1, r1 = aps_downsample(torch.roll(x, v, dims=(2, 3)), s, p)
    for n, k in enumerate(r.tolist()):
        i, j = divmod(k, s)
        assert r1[n] == ((i + v[0]) % s) * s + (j + v[1]) % s
        u = ((i + v[0]) // s, (j + v[1]) // s)
        assert torch.equal(y1[n], torch.roll(y[n], u, dims=(1, 2)))


@given(st.data(), seeds)
def test_circular_conv_aps_global_pool_is_invariant_to_every_shift(
    data: st.DataObject, seed: int
) -> None:
    s, c_in, c_out = (data.draw(st.integers(a, 3)) for a in (2, 1, 1))
    H, W = s * data.draw(st.integers(1, 3)), s * data.draw(st.integers(1, 3))
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((2, c_in, H, W))
    w = rng.standard_normal(
        (c_out, c_in, data.draw(st.integers(1, 3)), data.draw(st.integers(1, 3)))
    )

    def features(a: Array) -> torch.Tensor:
        return torch.from_numpy(np.maximum(correlate(a, w, padding="circular"), 0))

    assume(norm_margin(features(x), s, 2.0) > 1e-9)  # generic input: no near tie

    def net(a: Array) -> torch.Tensor:
        return aps_downsample(features(a), s)[0].mean(dim=(2, 3))  # (N, C_out)

    reference = net(x)
    for v in np.ndindex(H, W):
        torch.testing.assert_close(net(np.roll(x, v, axis=(2, 3))), reference, rtol=0, atol=1e-12)


def test_a_fixed_stride_in_the_same_network_is_not_invariant() -> None:
    x = _map(6, (1, 2, 8, 8)).numpy()
    w = np.random.default_rng(7).standard_normal((3, 2, 3, 3))

    def net(a: Array, aps: bool) -> torch.Tensor:
        f = torch.from_numpy(np.maximum(correlate(a, w, padding="circular"), 0))
        return (aps_downsample(f)[0] if aps else f[:, :, ::2, ::2]).mean(dim=(2, 3))

    shifted = np.roll(x, 1, axis=3)
    assert float((net(shifted, aps=False) - net(x, aps=False)).abs().max()) > 1e-2
    torch.testing.assert_close(net(shifted, aps=True), net(x, aps=True), rtol=0, atol=1e-12)


# The tie caveat ------------------------------------------------------------------------


def test_exact_tie_goes_to_the_first_component_and_breaks_invariance() -> None:
    x = torch.zeros(1, 1, 2, 4, dtype=torch.float64)
    x[0, 0, 0, :2] = torch.tensor([1.0, -1.0])  # components (0, 0) and (0, 1) tie, norm 1
    y, phase = aps_downsample(x)
    assert phase.tolist() == [0]
    assert y.tolist() == [[[[1.0, 0.0]]]]
    shifted = torch.roll(x, 1, dims=3)  # [0, 1, -1, 0]: the tie is still there
    y1, phase1 = aps_downsample(shifted)
    assert phase1.tolist() == [0]  # the theorem's (0, 0 + 1) would be phase 1
    assert y1.tolist() == [[[[0.0, -1.0]]]]  # other values: no shift of y
    assert float(y1.amax()) != float(y.amax())  # so even a global max pool sees it
    theorem, _ = aps_downsample(shifted, phase=torch.tensor([1]))
    assert theorem.tolist() == y.tolist()  # u = floor((0 + 1) / 2) = 0


def test_float32_loses_a_margin_that_float64_keeps() -> None:
    x = torch.zeros(1, 1, 2, 2, dtype=torch.float64)
    x[0, 0, 0, :] = torch.tensor([1.0, -(1.0 + 1e-10)], dtype=torch.float64)  # (0, 1) wins
    shifted = torch.roll(x, 1, dims=3)
    y, phase = aps_downsample(x)
    y1, phase1 = aps_downsample(shifted)
    assert (phase.tolist(), phase1.tolist()) == ([1], [0])  # the phase moves with the content
    assert torch.equal(y, y1)
    y32, phase32 = aps_downsample(x.float())  # -(1 + 1e-10) rounds to -1: an exact tie
    y32_1, phase32_1 = aps_downsample(shifted.float())
    assert (phase32.tolist(), phase32_1.tolist()) == ([0], [0])
    assert (y32.item(), y32_1.item()) == (1.0, -1.0)


# Errors --------------------------------------------------------------------------------

X = torch.zeros(1, 2, 6, 6)
NOT_AN_INT: Any = 2.0  # wrong types on purpose, past the annotations
NOT_A_TENSOR: Any = X.numpy()
NOT_A_MODE: Any = "wrap"
ERRORS: list[tuple[Callable[[], object], type[Exception], str]] = [
    (lambda: BlurPool()(X[0]), ValueError, r"shape \(N, C, H, W\), got \(2, 6, 6\)"),
    (lambda: BlurPool(0), ValueError, "filter_size must be between 1 and 7, got 0"),
    (lambda: BlurPool(8), ValueError, "filter_size must be between 1 and 7, got 8"),
    (lambda: binomial_filter(NOT_AN_INT), TypeError, "filter_size must be an integer, got 2.0"),
    (lambda: BlurPool(True), TypeError, "filter_size must be an integer, got True"),
    (lambda: BlurPool(stride=0), ValueError, "stride must be >= 1, got 0"),
    (lambda: BlurPool()(X.long()), TypeError, "x must be floating .*, got torch.int64"),
    (lambda: BlurPool()(NOT_A_TENSOR), TypeError, "x must be a torch.Tensor, got ndarray"),
    (lambda: BlurPool()(X[:, :0]), ValueError, "at least one channel, row and column"),
    (lambda: BlurPool(padding_mode=NOT_A_MODE), ValueError, "padding_mode must be one of 'refl"),
    (lambda: BlurPool(7)(X[..., :3, :]), ValueError, r"reflect padding \(3, 3\) needs H and W"),
    (lambda: MaxBlurPool(0), ValueError, "kernel_size must be >= 1, got 0"),
    (lambda: MaxBlurPool(3)(X[..., :2, :]), ValueError, "at least 3 x 3 to max-pool"),
    (lambda: ConvBlurPool(3, 4)(X), ValueError, "x must have 3 channels, got 2"),
    (lambda: ConvBlurPool(3, 4, filter_size=8), ValueError, "filter_size must be between 1 and"),
    (lambda: aps_downsample(X[..., :5, :4]), ValueError, r"by the stride 2, got \(H, W\) = \(5, 4"),
    (lambda: aps_downsample(X, 4), ValueError, r"by the stride 4, got \(H, W\) = \(6, 6\)"),
    (lambda: aps_downsample(X, 0), ValueError, "stride must be >= 1, got 0"),
    (lambda: aps_downsample(X.int()), TypeError, "x must be floating .*, got torch.int32"),
    (lambda: aps_downsample(X[0]), ValueError, r"shape \(N, C, H, W\), got \(2, 6, 6\)"),
    (lambda: aps_downsample(X, p=0.5), ValueError, "p must be a number >= 1"),
    (lambda: aps_downsample(X, p=math.nan), ValueError, "p must be a number >= 1"),
    (lambda: aps_downsample(X, phase=torch.tensor([0, 1])), ValueError, r"\(1,\), got \(2,\)"),
    (lambda: aps_downsample(X, phase=torch.tensor([0.0])), ValueError, "an integer tensor"),
    (lambda: aps_downsample(X, phase=torch.tensor([4])), ValueError, r"in \[0, 4\) for stride 2"),
    (lambda: aps_downsample(torch.full_like(X, math.nan)), ValueError, "x must be finite"),
    (lambda: AdaptivePolyphaseSampling(stride=0), ValueError, "stride must be >= 1, got 0"),
    (lambda: AdaptivePolyphaseSampling(p=True), ValueError, "p must be a number >= 1"),
]


@pytest.mark.parametrize(("call", "error", "match"), ERRORS)
def test_bad_input_is_named(call: Callable[[], object], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        call()
