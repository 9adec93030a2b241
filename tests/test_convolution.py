"""Tests for shiftlab.convolution: torch.nn.functional.conv1d/2d/3d as the oracle."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest
import torch
import torch.nn.functional as F  # noqa: N812

from shiftlab.convolution import convolve, correlate
from shiftlab.padding import same_padding
from shiftlab.shifts import circular_shift

CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}
TORCH_MODES = {"circular": "circular", "reflect": "reflect", "replicate": "replicate"}
# Spatial size and kernel per number of spatial axes: mixed odd / even kernel sizes, so
# that "same" padding is sometimes asymmetric; sizes big enough for reflect padding.
CASES = {1: ((9,), (3,)), 2: ((7, 8), (3, 2)), 3: ((6, 5, 6), (2, 3, 3))}


def _torch_pad(widths: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    return tuple(p for pair in reversed(widths) for p in pair)


def _torch_reference(
    x: np.ndarray[Any, Any],
    w: np.ndarray[Any, Any],
    b: np.ndarray[Any, Any] | None,
    *,
    padding: str,
    stride: int,
    dilation: int,
) -> np.ndarray[Any, Any]:
    k = w.ndim - 2
    tx, tw = torch.from_numpy(x), torch.from_numpy(w)
    tb = None if b is None else torch.from_numpy(b)
    conv = CONV[k]
    if padding == "valid":
        return conv(tx, tw, tb, stride=stride, dilation=dilation).numpy()
    if padding == "zero" and stride == 1:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # asymmetric "same" for even kernels
            return conv(tx, tw, tb, padding="same", dilation=dilation).numpy()
    widths = _torch_pad(same_padding(w.shape[2:], dilation))
    mode = TORCH_MODES.get(padding, "constant")
    return conv(F.pad(tx, widths, mode=mode), tw, tb, stride=stride, dilation=dilation).numpy()


@pytest.mark.parametrize("k", [1, 2, 3])
@pytest.mark.parametrize("padding", ["valid", "zero", "circular", "reflect", "replicate"])
@pytest.mark.parametrize("stride", [1, 2])
@pytest.mark.parametrize("dilation", [1, 2])
@pytest.mark.parametrize("with_bias", [False, True])
def test_correlate_matches_torch_float32(
    k: int, padding: Any, stride: int, dilation: int, with_bias: bool
) -> None:
    size, kernel = CASES[k]
    rng = np.random.default_rng(k * 100 + stride * 10 + dilation)
    x = rng.standard_normal((2, 3, *size)).astype(np.float32)
    w = rng.standard_normal((4, 3, *kernel)).astype(np.float32)
    b = rng.standard_normal(4).astype(np.float32) if with_bias else None
    got = correlate(x, w, b, stride=stride, padding=padding, dilation=dilation)
    expected = _torch_reference(x, w, b, padding=padding, stride=stride, dilation=dilation)
    assert got.dtype == np.float32
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("k", [1, 2, 3])
@pytest.mark.parametrize("padding", ["valid", "zero", "circular", "reflect", "replicate"])
def test_correlate_matches_torch_float64(k: int, padding: Any) -> None:
    size, kernel = CASES[k]
    rng = np.random.default_rng(k)
    x, w, b = rng.standard_normal((2, 2, *size)), rng.standard_normal((3, 2, *kernel)), None
    got = correlate(x, w, b, stride=(2,) * k, padding=padding, dilation=(1,) * k)
    np.testing.assert_allclose(
        got, _torch_reference(x, w, b, padding=padding, stride=2, dilation=1), rtol=0, atol=1e-10
    )


def test_correlate_explicit_full_padding_matches_torch() -> None:
    rng = np.random.default_rng(3)
    x, w = rng.standard_normal((1, 2, 6, 7)), rng.standard_normal((3, 2, 3, 2))
    got = correlate(x, w, padding="zero", pad=[(2, 2), (1, 1)])  # "full": d * (k - 1)
    expected = F.conv2d(torch.from_numpy(x), torch.from_numpy(w), padding=(2, 1)).numpy()
    assert got.shape == (1, 3, 8, 8)
    np.testing.assert_allclose(got, expected, atol=1e-12)


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ((10, 3, 1, 1, 0), 8),
        ((10, 3, 3, 1, 0), 3),
        ((10, 3, 2, 2, 0), 3),
        ((10, 4, 2, 1, 3), 7),
        ((5, 5, 1, 1, 0), 1),
    ],
)
def test_output_size(case: tuple[int, int, int, int, int], expected: int) -> None:
    size, kernel, stride, dilation, pad = case
    x, w = np.ones((1, 1, size)), np.ones((1, 1, kernel))
    mode: Any = "valid" if pad == 0 else "zero"
    out = correlate(x, w, stride=stride, dilation=dilation, padding=mode, pad=pad)
    assert out.shape == (1, 1, expected)
    assert out.shape[-1] == (size + 2 * pad - dilation * (kernel - 1) - 1) // stride + 1


@pytest.mark.parametrize(
    ("x_dtype", "w_dtype", "expected"),
    [
        (np.float32, np.float32, np.float32),
        (np.float32, np.float64, np.float64),
        (np.int64, np.float32, np.float64),
        (np.int32, np.int64, np.float64),
        (np.float16, np.float16, np.float64),
    ],
)
def test_result_dtype(x_dtype: Any, w_dtype: Any, expected: Any) -> None:
    x, w = np.ones((1, 1, 4), dtype=x_dtype), np.ones((1, 1, 2), dtype=w_dtype)
    assert correlate(x, w).dtype == expected


def test_bias_is_added_everywhere() -> None:
    x = np.zeros((2, 1, 5, 5))
    out = correlate(x, np.ones((3, 1, 3, 3)), [1.0, 2.0, 3.0], padding="zero")
    assert out.shape == (2, 3, 5, 5)
    np.testing.assert_array_equal(out[:, 2], np.full((2, 5, 5), 3.0))


@pytest.mark.parametrize("padding", ["valid", "zero", "circular", "reflect"])
def test_convolve_is_correlate_with_flipped_kernel(padding: Any) -> None:
    rng = np.random.default_rng(5)
    x, w = rng.standard_normal((2, 3, 6, 7)), rng.standard_normal((2, 3, 3, 2))
    got = convolve(x, w, padding=padding, stride=(1, 2))
    expected = correlate(x, w[:, :, ::-1, ::-1], padding=padding, stride=(1, 2))
    np.testing.assert_allclose(got, expected, atol=1e-12)


def test_convolve_1d_valid_matches_np_convolve() -> None:
    rng = np.random.default_rng(6)
    signal, kernel = rng.standard_normal(12), rng.standard_normal(4)
    got = convolve(signal[None, None], kernel[None, None])[0, 0]
    np.testing.assert_allclose(got, np.convolve(signal, kernel, mode="valid"), atol=1e-12)


def test_circular_correlate_commutes_with_circular_shift() -> None:
    rng = np.random.default_rng(7)
    x, w = rng.standard_normal((1, 2, 6, 7)), rng.standard_normal((3, 2, 3, 4))

    def f(a: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        return correlate(a, w, padding="circular", dilation=(1, 2))

    np.testing.assert_allclose(f(circular_shift(x, (2, -3))), circular_shift(f(x), (2, -3)))


def test_zero_padded_correlate_does_not_commute_with_circular_shift() -> None:
    rng = np.random.default_rng(8)
    x, w = rng.standard_normal((1, 1, 8, 8)), rng.standard_normal((1, 1, 3, 3))

    def f(a: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        return correlate(a, w, padding="zero")

    assert np.abs(f(circular_shift(x, (0, 3))) - circular_shift(f(x), (0, 3))).max() > 1e-3


@pytest.mark.parametrize(
    ("x_shape", "w_shape", "kwargs", "error", "match"),
    [
        ((1, 1, 5), (1, 5), {}, ValueError, r"weight must have shape \(C_out, C_in, \*kernel\)"),
        ((1, 1, 5), (1, 1, 1, 1, 1, 2), {}, ValueError, "1 to 3 spatial axes"),
        ((1, 1, 5, 5), (1, 1, 3), {}, ValueError, "with 1 spatial axes"),
        ((1, 2, 5), (1, 3, 3), {}, ValueError, "x has 2 channels but weight expects C_in = 3"),
        ((1, 1, 5), (1, 1, 6), {}, ValueError, "does not fit in the padded input"),
        ((1, 1, 5), (1, 1, 3), {"dilation": 3}, ValueError, "does not fit"),
        ((1, 1, 5), (1, 1, 0), {}, ValueError, "kernel sizes must be at least 1"),
        ((1, 1, 5), (1, 1, 3), {"stride": 0}, ValueError, "stride and dilation must be >= 1"),
        ((1, 1, 5), (1, 1, 3), {"dilation": 0}, ValueError, "stride and dilation must be >= 1"),
        ((1, 1, 5, 5), (1, 1, 3, 3), {"stride": (1, 2, 3)}, ValueError, "stride must be"),
        ((1, 1, 5), (1, 1, 3), {"stride": 1.0}, TypeError, "stride must be an integer"),
        ((1, 1, 5), (1, 1, 3), {"dilation": True}, TypeError, "dilation must be an integer"),
        ((1, 1, 5), (1, 1, 3), {"padding": "same"}, ValueError, "padding mode must be one of"),
        ((1, 1, 5), (1, 1, 3), {"pad": 1}, ValueError, "'valid' means no padding"),
        ((1, 1, 3), (1, 1, 3), {"padding": "reflect", "pad": 3}, ValueError, "reflect pad"),
        ((1, 1, 5), (2, 1, 3), {"bias": np.ones(3)}, ValueError, r"bias must have shape"),
    ],
)
def test_correlate_errors(
    x_shape: tuple[int, ...],
    w_shape: tuple[int, ...],
    kwargs: dict[str, Any],
    error: type[Exception],
    match: str,
) -> None:
    bias = kwargs.pop("bias", None)
    with pytest.raises(error, match=match):
        correlate(np.zeros(x_shape), np.zeros(w_shape), bias, **kwargs)


def test_complex_input_is_rejected() -> None:
    with pytest.raises(TypeError, match="x must be real"):
        correlate(np.zeros((1, 1, 4), dtype=complex), np.zeros((1, 1, 2)))
