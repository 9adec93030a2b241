"""Tests for shiftlab.padding: torch.nn.functional.pad and padding="same" as oracles."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest
import torch
import torch.nn.functional as F  # noqa: N812

from shiftlab.padding import pad_spatial, same_padding

TORCH_MODES = {
    "zero": "constant",
    "circular": "circular",
    "reflect": "reflect",
    "replicate": "replicate",
}


def _torch_pad(widths: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    # torch lists the last axis first: (W_before, W_after, H_before, H_after, ...).
    return tuple(p for pair in reversed(widths) for p in pair)


@pytest.mark.parametrize("mode", list(TORCH_MODES))
@pytest.mark.parametrize(
    ("shape", "widths"),
    [
        ((2, 3, 7), ((2, 3),)),
        ((2, 3, 5, 6), ((1, 2), (3, 0))),
        ((1, 2, 4, 5, 6), ((1, 1), (0, 2), (3, 2))),
    ],
)
def test_pad_spatial_matches_torch_pad(
    mode: Any, shape: tuple[int, ...], widths: tuple[tuple[int, int], ...]
) -> None:
    x = np.random.default_rng(0).standard_normal(shape)
    got = pad_spatial(x, widths, mode)
    expected = F.pad(torch.from_numpy(x), _torch_pad(widths), mode=TORCH_MODES[mode]).numpy()
    np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize(
    ("pad", "expected_shape"),
    [(2, (1, 1, 7, 8)), ((1, 0), (1, 1, 5, 4)), ([(0, 1), (2, 3)], (1, 1, 4, 9))],
)
def test_pad_forms(pad: Any, expected_shape: tuple[int, ...]) -> None:
    x = np.ones((1, 1, 3, 4))
    assert pad_spatial(x, pad, "zero").shape == expected_shape


def test_valid_with_zero_pad_is_a_copy() -> None:
    x = np.arange(6.0).reshape(1, 1, 6)
    y = pad_spatial(x, 0, "valid")
    np.testing.assert_array_equal(y, x)
    y[0, 0, 0] = 5.0
    assert x[0, 0, 0] == 0.0


def test_circular_pad_wider_than_the_axis_keeps_wrapping() -> None:
    assert pad_spatial(np.array([[[1, 2]]]), 3, "circular").tolist() == [[[2, 1, 2, 1, 2, 1, 2, 1]]]


@pytest.mark.parametrize(
    ("kernel_size", "dilation", "expected"),
    [
        ((3,), 1, ((1, 1),)),
        ((4,), 1, ((1, 2),)),
        ((2, 5), 1, ((0, 1), (2, 2))),
        ((4, 3), (3, 2), ((4, 5), (2, 2))),
        ((1, 1, 1), 1, ((0, 0), (0, 0), (0, 0))),
    ],
)
def test_same_padding(kernel_size: tuple[int, ...], dilation: Any, expected: Any) -> None:
    assert same_padding(kernel_size, dilation) == expected


@pytest.mark.parametrize(
    ("kernel", "dilation"), [((4,), 1), ((2, 3), 1), ((4, 2), (1, 3)), ((2, 2, 3), 2)]
)
def test_same_padding_matches_torch_padding_same(kernel: tuple[int, ...], dilation: Any) -> None:
    rng = np.random.default_rng(1)
    x = rng.standard_normal((1, 2, *(7,) * len(kernel)))
    w = rng.standard_normal((3, 2, *kernel))
    conv = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}[len(kernel)]
    with warnings.catch_warnings():
        # Even kernels make torch pad asymmetrically and say so in a UserWarning.
        warnings.simplefilter("ignore", UserWarning)
        expected = conv(torch.from_numpy(x), torch.from_numpy(w), padding="same", dilation=dilation)
    padded = pad_spatial(x, same_padding(kernel, dilation), "zero")
    got = conv(torch.from_numpy(padded), torch.from_numpy(w), dilation=dilation)
    np.testing.assert_allclose(got.numpy(), expected.numpy(), atol=1e-12)


@pytest.mark.parametrize(
    ("x", "pad", "mode", "error", "match"),
    [
        (np.zeros((2, 3)), 1, "zero", ValueError, r"x must have shape \(N, C, \*S\)"),
        (np.zeros((1, 1, 4)), 1, "wrap", ValueError, "padding mode must be one of"),
        (np.zeros((1, 1, 4)), 1, "valid", ValueError, "'valid' means no padding"),
        (np.zeros((1, 1, 4)), 4, "reflect", ValueError, "reflect pad must be smaller"),
        (np.zeros((1, 1, 4)), [(0, 5)], "reflect", ValueError, "reflect pad must be smaller"),
        (np.zeros((1, 1, 4)), -1, "zero", ValueError, "must not be negative"),
        (np.zeros((1, 1, 4, 4)), (1, 2, 3), "zero", ValueError, "one entry per spatial axis"),
        (np.zeros((1, 1, 4)), [(1, 2, 3)], "zero", ValueError, "integer or a pair"),
        (np.zeros((1, 1, 4)), 1.5, "zero", TypeError, "pad must be an integer"),
        (np.zeros((1, 1, 4)), [True], "zero", TypeError, "pad must be an integer"),
        (np.zeros((1, 1, 4)), 1, ["zero"], ValueError, r"padding mode must be one of .*\['zero'\]"),
        (np.zeros((1, 1, 4)), 1, None, ValueError, "padding mode must be one of"),
        (np.zeros((1, 1, 4)), 10**30, "zero", ValueError, "pad must be at most"),
        (np.zeros((1, 1, 4)), [(0, 2**63)], "circular", ValueError, "pad must be at most"),
        (np.zeros((1, 1, 0)), 1, "circular", ValueError, "needs samples to copy"),
        (np.zeros((1, 1, 0)), 1, "replicate", ValueError, "needs samples to copy"),
        (np.zeros((1, 1, 0)), 1, "reflect", ValueError, "reflect pad must be smaller"),
    ],
)
def test_pad_spatial_errors(
    x: Any, pad: Any, mode: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        pad_spatial(x, pad, mode)


@pytest.mark.parametrize(
    ("kernel_size", "dilation", "error", "match"),
    [
        ((0, 3), 1, ValueError, "kernel_size must be at least 1"),
        ((3,), 0, ValueError, "dilation must be at least 1"),
        ((3, 3), (1, 2, 3), ValueError, "dilation must be an integer or 2 integers"),
        ((3.0,), 1, TypeError, "kernel_size must be an integer"),
        ((3,), 1.0, TypeError, "dilation must be an integer"),
    ],
)
def test_same_padding_errors(
    kernel_size: Any, dilation: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        same_padding(kernel_size, dilation)


def test_zero_padding_an_empty_axis_gives_the_padding() -> None:
    assert pad_spatial(np.zeros((1, 1, 0)), 2, "zero").tolist() == [[[0.0] * 4]]
    assert pad_spatial(np.zeros((1, 1, 0)), 0, "circular").shape == (1, 1, 0)
