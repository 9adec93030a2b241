"""Borders and padding: the theorems of the page, the experiment code, and its results.

The property tests check the page's two exact statements for random sizes and weights:
zero padding commutes with zero-fill shifts at outputs at least R from the border before
and after the shift, and one full-padded layer (bias included) gives any two placements
of a patch inside the canvas the same multiset of feature values (not so at depth 2 with
a bias). The last tests read the stored experiments and check what the page says of them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from shiftlab.convolution import correlate
from shiftlab.experiments import Result, run
from shiftlab.experiments.borders import (
    CORNER_MODES,
    READOUT_MODES,
    CornerNet,
    conv_layer,
    corner_images,
    readout_net,
    spearman,
)
from shiftlab.shifts import zero_shift

Array = np.ndarray[Any, np.dtype[np.float64]]


def _relu_stack(x: Array, layers: list[tuple[Array, Array]], pad: int | None = None) -> Array:
    for w, b in layers:
        x = np.maximum(correlate(x, w, b, padding="zero", pad=pad), 0.0)
    return x


@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(6, 14),
    radii=st.lists(st.integers(0, 2), min_size=1, max_size=3),
    v=st.tuples(st.integers(-4, 4), st.integers(-4, 4)),
)
def test_zero_padding_is_exact_at_least_r_from_the_border(
    seed: int, n: int, radii: list[int], v: tuple[int, int]
) -> None:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(1, 2, n, n))
    layers = [(rng.normal(size=(2, 2, 2 * r + 1, 2 * r + 1)), rng.normal(size=2)) for r in radii]
    big_r = sum(radii)
    moved_first = _relu_stack(zero_shift(x, v), layers)
    moved_after = zero_shift(_relu_stack(x, layers), v)
    window = [slice(big_r + max(c, 0), n - big_r + min(c, 0)) for c in v]  # p, p - v interior
    np.testing.assert_allclose(
        moved_first[..., window[0], window[1]], moved_after[..., window[0], window[1]], atol=1e-9
    )


@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 12),
    patch=st.integers(1, 12),
    radius=st.integers(0, 2),
    data=st.data(),
)
def test_one_full_padded_layer_sees_every_placement_alike(
    seed: int, n: int, patch: int, radius: int, data: st.DataObject
) -> None:
    patch = min(patch, n)
    rng = np.random.default_rng(seed)
    content = rng.normal(size=(1, 1, patch, patch))
    corners = [data.draw(st.tuples(st.integers(0, n - patch), st.integers(0, n - patch)))]
    corners.append(data.draw(st.tuples(st.integers(0, n - patch), st.integers(0, n - patch))))
    images = np.zeros((2, 1, n, n))
    for image, (top, left) in zip(images, corners, strict=True):
        image[:, top : top + patch, left : left + patch] = content[0]
    k = 2 * radius + 1
    layer = (rng.normal(size=(3, 1, k, k)), rng.normal(size=3))  # with a bias
    maps = _relu_stack(images, [layer], pad=k - 1).reshape(2, 3, -1)  # full padding
    # Equal in exact arithmetic. The numpy reference hands its sums to BLAS, which may
    # round the same window differently at another position (found by this test with
    # two identical images), so: equal to rounding, not bit for bit.
    np.testing.assert_allclose(
        np.sort(maps[0], axis=-1), np.sort(maps[1], axis=-1), rtol=1e-12, atol=1e-12
    )


def test_two_full_padded_layers_need_no_bias() -> None:
    rng = np.random.default_rng(0)
    images, _ = corner_images(rng.random((1, 1, 4, 4)), 10)
    w1, w2 = rng.normal(size=(3, 1, 3, 3)), rng.normal(size=(3, 3, 3, 3))
    b1, b2 = np.abs(rng.normal(size=3)), rng.normal(size=3)  # ReLU(b1) > 0: a background

    def values(layers: list[tuple[Array, Array]]) -> Array:
        maps = _relu_stack(images.astype(np.float64), layers, pad=2)
        out: Array = np.sort(maps.reshape(2, 3, -1))
        return out

    no_bias = values([(w1, np.zeros(3)), (w2, np.zeros(3))])
    np.testing.assert_allclose(no_bias[0], no_bias[1], rtol=1e-12, atol=1e-12)
    biased = values([(w1, b1), (w2, b2)])
    assert np.abs(biased[0] - biased[1]).max() > 1e-3


@pytest.mark.parametrize(
    ("mode", "side"),
    [("zero", 8), ("valid", 4), ("reflect", 8), ("replicate", 8), ("circular", 8), ("full", 12)],
)
def test_conv_layer_padding_sets_the_output_size(mode: Any, side: int) -> None:
    layer = conv_layer(mode, 1, 2, 5)
    assert layer(torch.zeros(1, 1, 8, 8)).shape == (1, 2, side, side)


def test_conv_layer_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="mode must be one of"):
        conv_layer("same", 1, 1, 3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kernel must be odd, got 4"):
        conv_layer("zero", 1, 1, 4)


def test_corner_images_are_flush_and_a_roll_apart() -> None:
    patches = np.random.default_rng(0).random((3, 1, 4, 4)) + 0.1  # nowhere zero
    images, labels = corner_images(patches, 9)
    assert images.shape == (6, 1, 9, 9)
    assert labels.tolist() == [0, 0, 0, 1, 1, 1]
    np.testing.assert_array_equal(images[:3, :, :4, :4], patches.astype(np.float32))
    np.testing.assert_array_equal(images[3:, :, 5:, 5:], patches.astype(np.float32))
    assert (images[:3, :, 4:, :] == 0).all()
    assert (images[:3, :, :, 4:] == 0).all()
    np.testing.assert_array_equal(np.roll(images[:3], (5, 5), axis=(-2, -1)), images[3:])


def test_corner_images_rejects_bad_patches() -> None:
    with pytest.raises(ValueError, match="shape \\(N, 1, P, P\\)"):
        corner_images(np.zeros((2, 4, 4)), 8)
    with pytest.raises(ValueError, match="does not fit"):
        corner_images(np.zeros((1, 1, 9, 9)), 8)


@pytest.mark.parametrize("seed", range(5))
def test_corner_net_pools_the_corners_alike_exactly_when_proved(seed: int) -> None:
    rng = np.random.default_rng(seed)
    images, _ = corner_images(rng.random((4, 1, 6, 6)), 16)
    x = torch.from_numpy(images)
    for mode in CORNER_MODES:
        torch.manual_seed(seed)
        net = CornerNet(mode)
        with torch.no_grad():
            pooled = net.pooled(x).reshape(2, 4, -1)
            values = torch.relu(net.conv(x)).flatten(2).sort(dim=-1).values.reshape(2, 4, 8, -1)
        if mode in ("circular", "full"):
            assert torch.equal(pooled[0], pooled[1])
        # The multisets of feature values differ for every other mode: a filter can
        # find the difference (the trained ones do), though a random one's max may not.
        assert torch.equal(values[0], values[1]) == (mode in ("circular", "full"))
        assert net(x).shape == (8, 2)


def test_spearman_against_its_definition() -> None:
    assert float(spearman([1.0, 2.0, 3.0, 4.0], [10.0, 20.0, 25.0, 100.0])) == 1.0
    assert float(spearman([1.0, 2.0, 3.0], [3.0, 2.0, 1.0])) == -1.0
    # Ties share the mean rank: ranks (1.5, 1.5, 3, 4) against (1, 2, 3, 4).
    ranks, other = np.array([1.5, 1.5, 3.0, 4.0]), np.arange(1.0, 5.0)
    expected = np.corrcoef(ranks, other)[0, 1]
    assert float(spearman([7.0, 7.0, 8.0, 9.0], [1.0, 2.0, 3.0, 4.0])) == pytest.approx(expected)
    # Invariant to any increasing map of either side.
    a, b = np.random.default_rng(0).normal(size=(2, 50))
    assert float(spearman(a, b)) == pytest.approx(float(spearman(np.exp(a), b**3)))


def test_spearman_matches_scipy_when_it_is_there() -> None:
    stats = pytest.importorskip("scipy.stats")
    rng = np.random.default_rng(1)
    a = rng.integers(0, 5, size=(6, 40)).astype(float)  # many ties
    b = rng.normal(size=40)
    ours = spearman(a, b)
    theirs = [stats.spearmanr(row, b).statistic for row in a]
    np.testing.assert_allclose(ours, theirs, rtol=1e-12)


def test_spearman_is_nan_without_evidence_and_rejects_bad_input() -> None:
    out = spearman([[1.0, 1.0, 1.0], [1.0, 2.0, 3.0]], [1.0, 2.0, 3.0])
    assert np.isnan(out[0])
    assert out[1] == 1.0
    with pytest.raises(ValueError, match="at least 2 samples"):
        spearman([1.0], [2.0])
    with pytest.raises(ValueError, match="finite"):
        spearman([1.0, np.nan], [1.0, 2.0])


@pytest.mark.parametrize(("mode", "side"), [("zero", 16), ("circular", 16), ("valid", 6)])
def test_readout_net_maps_noise_to_one_map(mode: Any, side: int) -> None:
    torch.manual_seed(0)
    assert readout_net(mode)(torch.zeros(2, 1, 16, 16)).shape == (2, 1, side, side)


@pytest.fixture(scope="module")
def corner() -> Result:
    """The stored corner experiment (run once if the cache has no matching result)."""
    return run("corner-padding")


@pytest.fixture(scope="module")
def readout() -> Result:
    """The stored position read-out (run once if the cache has no matching result)."""
    return run("position-readout")


def test_corner_result_has_every_mode(corner: Result) -> None:
    assert corner.metrics["modes"] == list(CORNER_MODES)
    test_pairs, channels = corner.params["test_pairs"], corner.params["channels"]
    assert corner.arrays["pooled"].shape == (len(CORNER_MODES), 2, test_pairs, channels)
    assert corner.arrays["weights"].shape == (len(CORNER_MODES), channels, 1, 5, 5)
    assert corner.arrays["example"].shape == (2, 1, 16, 16)


@pytest.mark.parametrize("mode", ["circular", "full"])
def test_circular_and_full_padding_score_exactly_one_half(corner: Result, mode: str) -> None:
    m = corner.metrics[mode]
    assert m["test_accuracy"] == 0.5
    assert m["train_accuracy"] == 0.5
    assert m["identical_features"]
    pooled = corner.arrays["pooled"][CORNER_MODES.index(mode)]
    np.testing.assert_array_equal(pooled[0], pooled[1])


@pytest.mark.parametrize("mode", ["zero", "valid", "reflect", "replicate"])
def test_other_paddings_tell_the_corners_apart(corner: Result, mode: str) -> None:
    m = corner.metrics[mode]
    assert m["test_accuracy"] > 0.95
    assert not m["identical_features"]
    assert m["feature_gap"] > 0.1


def test_zero_padding_reads_out_position_and_circular_does_not(readout: Result) -> None:
    zero, circular = readout.metrics["zero"], readout.metrics["circular"]
    assert zero["spearman_mean"] > 0.8
    assert zero["spearman_mean"] > circular["spearman_mean"] + 0.5  # clearly above
    assert zero["spearman_mean"] - 5 * zero["spearman_se"] > 0


@pytest.mark.parametrize("mode", ["circular", "valid"])
def test_without_a_border_the_readout_is_about_zero(readout: Result, mode: str) -> None:
    m = readout.metrics[mode]
    assert abs(m["spearman_mean"]) < 3 * m["spearman_se"]
    assert abs(m["spearman_mean"]) < 0.1


def test_readout_arrays(readout: Result) -> None:
    assert readout.metrics["modes"] == list(READOUT_MODES)
    for mode in READOUT_MODES:
        side = readout.metrics[mode]["output_side"]
        assert readout.arrays[f"example-{mode}"].shape == (side, side)
        assert readout.arrays[f"mean-{mode}"].shape == (side, side)
        rho = readout.arrays[f"spearman-{mode}"]
        assert rho.shape == (readout.params["test_size"],)
        assert np.isfinite(rho).all()
        assert rho.mean() == pytest.approx(readout.metrics[mode]["spearman_mean"])
