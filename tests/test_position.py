"""Tests for the position-aware layers and the coordinate classification experiment.

Oracles are direct formulas written here, with explicit loops over positions and offsets
and numpy padding from ``shiftlab.padding``, never the code under test. The last tests
read the stored ``coordconv-quadrant`` result and check what the Position-aware layers
page says about it.
"""

from __future__ import annotations

import itertools
import math
from typing import Any, get_args

import numpy as np
import pytest
import torch
from torch import nn

from shiftlab.experiments import Result, run
from shiftlab.experiments.coordconv import (
    MODELS,
    CoordConvPainter,
    DeconvPainter,
    coordinate_classification,
    quadrant_split,
)
from shiftlab.layers import (
    AbsolutePositionEmbedding,
    CoordConv2d,
    LayerPadding,
    LocallyConnected2d,
    RelativePositionSelfAttention,
    coordinate_channels,
    split_padding,
)
from shiftlab.layers.attention import Offsets
from shiftlab.padding import pad_spatial

Array = np.ndarray[Any, Any]
MODES: tuple[LayerPadding, ...] = get_args(LayerPadding)


def _map(seed: int, shape: tuple[int, ...]) -> torch.Tensor:
    return torch.from_numpy(np.random.default_rng(seed).standard_normal(shape))


def _shifts(H: int, W: int) -> list[tuple[int, int]]:
    return list(itertools.product(range(H), range(W)))


def _roll(x: torch.Tensor, v: tuple[int, int]) -> torch.Tensor:
    return torch.roll(x, v, dims=(2, 3))


def _equivariance_gap(f: nn.Module, x: torch.Tensor) -> float:
    """Largest |f(T_v x) - T_v f(x)| over every circular shift of the grid."""
    with torch.no_grad():
        base = f(x)
        return max(
            float((f(_roll(x, v)) - _roll(base, v)).abs().max()) for v in _shifts(*x.shape[2:])
        )


def _window_oracle(xpad: Array, weight_at: Any, bias_at: Any, grid: tuple[int, int]) -> Array:
    """y[n, o, i, j] = b[o] + sum over c, a, b of w[o, c, a, b] xpad[n, c, i + a, j + b].

    ``w = weight_at(i, j)`` and ``b = bias_at(i, j)``: the same everywhere for a convolution.
    """
    N, C_out = xpad.shape[0], bias_at(0, 0).shape[0]
    H, W = grid
    k = xpad.shape[2] - H + 1
    y = np.zeros((N, C_out, H, W))
    for i, j in itertools.product(range(H), range(W)):
        patch = xpad[:, :, i : i + k, j : j + k]  # (N, C, k, k)
        y[:, :, i, j] = np.einsum("ocab,ncab->no", weight_at(i, j), patch) + bias_at(i, j)
    return y


# Coordinate channels against their definition.
@pytest.mark.parametrize(("H", "W"), [(2, 2), (3, 5), (4, 7), (8, 8), (9, 2)])
def test_coordinate_channels_are_the_scaled_row_and_column_index(H: int, W: int) -> None:
    c = coordinate_channels(H, W, dtype=torch.float64)
    assert c.shape == (2, H, W)
    for i, j in itertools.product(range(H), range(W)):
        assert c[0, i, j].item() == pytest.approx(2 * i / (H - 1) - 1, abs=1e-15)  # rows first
        assert c[1, i, j].item() == pytest.approx(2 * j / (W - 1) - 1, abs=1e-15)
    assert torch.equal(c[0], c[0][:, :1].expand(H, W))  # constant along each row
    assert torch.equal(c[1], c[1][:1].expand(H, W))  # constant down each column


@pytest.mark.parametrize("n", [2, 3, 4, 5, 16, 17, 64])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.float16])
def test_coordinate_endpoints_and_symmetry_are_exact(n: int, dtype: torch.dtype) -> None:
    rows = coordinate_channels(n, n, dtype=dtype)[0, :, 0]
    assert rows.dtype == dtype
    assert rows[0].item() == -1.0
    assert rows[-1].item() == 1.0
    assert torch.equal(rows, -rows.flip(0))  # c[i] == -c[n - 1 - i], exactly
    assert bool((rows.diff() > 0).all())
    assert (0.0 in rows.tolist()) == (n % 2 == 1)  # the middle row of an odd size only


@pytest.mark.parametrize(("H", "W"), [(1, 4), (4, 1), (1, 1), (0, 3)])
def test_coordinate_channels_reject_sizes_below_two(H: int, W: int) -> None:
    with pytest.raises(ValueError, match=r"need H and W >= 2 to span \[-1, 1\]"):
        coordinate_channels(H, W)


def test_coordinate_channels_reject_bad_arguments() -> None:
    with pytest.raises(TypeError, match=r"height must be an integer, got 2\.0"):
        coordinate_channels(2.0, 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="width must be an integer, got True"):
        coordinate_channels(3, True)
    with pytest.raises(TypeError, match=r"dtype must be floating, got torch\.int64"):
        coordinate_channels(3, 3, dtype=torch.int64)


# CoordConv.
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("k", [1, 2, 3])
def test_coordconv_matches_the_formula(mode: LayerPadding, k: int) -> None:
    torch.manual_seed(k)
    layer = CoordConv2d(2, 3, k, padding_mode=mode).double()
    x = _map(k, (2, 2, 5, 6))
    coords = np.broadcast_to(coordinate_channels(5, 6, dtype=torch.float64).numpy(), (2, 2, 5, 6))
    both = np.concatenate([x.numpy(), coords], axis=1)  # (N, C_in + 2, H, W)
    xpad = pad_spatial(both, [split_padding(k)] * 2, mode)
    w, b = layer.conv.weight.detach().numpy(), layer.conv.bias.detach().numpy()  # type: ignore[union-attr]
    expected = _window_oracle(xpad, lambda i, j: w, lambda i, j: b, (5, 6))
    np.testing.assert_allclose(layer(x).detach().numpy(), expected, atol=1e-12)


def test_coordconv_is_a_convolution_plus_a_map_that_ignores_the_input() -> None:
    torch.manual_seed(0)
    layer = CoordConv2d(3, 4, 3, padding_mode="circular").double()
    x, z = _map(0, (2, 3, 6, 6)), torch.zeros(2, 3, 6, 6, dtype=torch.float64)
    plain = nn.Conv2d(3, 4, 3, padding=1, padding_mode="circular", bias=False).double()
    with torch.no_grad():
        plain.weight.copy_(layer.conv.weight[:, :3])
        b = layer(z)  # conv_c(c) + bias: the same for every input
        torch.testing.assert_close(layer(x), plain(x) + b, rtol=0, atol=1e-12)
        gap = max(
            float((layer(_roll(x, v)) - _roll(layer(x), v) - (b - _roll(b, v))).abs().max())
            for v in _shifts(6, 6)
        )
    assert gap < 1e-12  # the equivariance error is b - T_v b, whatever x is
    assert _equivariance_gap(layer, x) > 0.1  # and with random weights that is not 0


def test_coordconv_with_zero_coordinate_weights_is_the_plain_convolution() -> None:
    torch.manual_seed(1)
    layer = CoordConv2d(2, 3, 3, padding_mode="circular").double()
    plain = nn.Conv2d(2, 3, 3, padding=1, padding_mode="circular").double()
    with torch.no_grad():
        layer.conv.weight[:, 2:] = 0.0
        plain.weight.copy_(layer.conv.weight[:, :2])
        assert plain.bias is not None
        assert layer.conv.bias is not None
        plain.bias.copy_(layer.conv.bias)
    x = _map(1, (1, 2, 7, 5))
    torch.testing.assert_close(layer(x), plain(x), rtol=0, atol=1e-12)
    assert _equivariance_gap(layer, x) < 1e-12


def test_coordconv_rejects_bad_input() -> None:
    layer = CoordConv2d(2, 3)
    with pytest.raises(ValueError, match=r"x must have 2 channels, got shape \(1, 3, 4, 4\)"):
        layer(torch.zeros(1, 3, 4, 4))
    with pytest.raises(ValueError, match="need H and W >= 2"):
        layer(torch.zeros(1, 2, 1, 4))
    with pytest.raises(ValueError, match=r"x must have shape \(N, C, H, W\)"):
        layer(torch.zeros(2, 4, 4))
    with pytest.raises(TypeError, match="x must be floating"):
        layer(torch.zeros(1, 2, 4, 4, dtype=torch.int64))
    with pytest.raises(ValueError, match="padding_mode must be one of"):
        CoordConv2d(2, 3, padding_mode="same")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kernel_size must be >= 1, got 0"):
        CoordConv2d(2, 3, 0)


# Absolute position embedding.
def test_position_embedding_adds_its_map_and_its_error_is_its_own_change() -> None:
    torch.manual_seed(2)
    embed = AbsolutePositionEmbedding(3, 4, 5, std=1.0).double()
    x = _map(2, (2, 3, 4, 5))
    P = embed.embedding.detach()
    with torch.no_grad():
        assert torch.equal(embed(x), x + P)
        for v in _shifts(4, 5):
            gap = embed(_roll(x, v)) - _roll(embed(x), v)
            torch.testing.assert_close(gap, (P - torch.roll(P, v, dims=(1, 2))).expand_as(x))
        embed.embedding.copy_(torch.tensor([1.0, -2.0, 3.0])[:, None, None].expand(3, 4, 5))
    assert _equivariance_gap(embed, x) < 1e-12  # constant over positions: a bias


def test_position_embedding_scale_and_errors() -> None:
    torch.manual_seed(3)
    assert float(AbsolutePositionEmbedding(8, 16, 16).embedding.detach().std()) == pytest.approx(
        0.02, rel=0.1
    )
    assert not AbsolutePositionEmbedding(2, 3, 3, std=0).embedding.any()
    embed = AbsolutePositionEmbedding(2, 3, 3)
    with pytest.raises(ValueError, match=r"the embedding is built for \(H, W\) = \(3, 3\)"):
        embed(torch.zeros(1, 2, 3, 4))
    with pytest.raises(ValueError, match="x must have 2 channels"):
        embed(torch.zeros(1, 1, 3, 3))
    for std in (-1.0, math.nan, math.inf, True):
        with pytest.raises(ValueError, match="std must be a finite number >= 0"):
            AbsolutePositionEmbedding(2, 3, 3, std=std)


# Relative position bias.
def _attention_oracle(layer: RelativePositionSelfAttention, x: torch.Tensor) -> Array:
    """The layer's formula with explicit offsets per pair of positions, in numpy."""
    N, C, H, W = x.shape
    h, d = layer.heads, layer.head_channels
    wqkv = layer.qkv.weight.detach().numpy()[:, :, 0, 0]
    bqkv = layer.qkv.bias.detach().numpy()  # type: ignore[union-attr]
    flat = x.numpy().reshape(N, C, H * W)
    qkv = (np.einsum("oc,ncp->nop", wqkv, flat) + bqkv[:, None]).reshape(N, 3, h, d, H * W)
    q, k, v = qkv[:, 0], qkv[:, 1], qkv[:, 2]  # (N, h, d, HW) each
    table = layer.bias.detach().numpy()
    out = np.zeros((N, h, d, H * W))
    for p in range(H * W):
        (pi, pj) = divmod(p, W)
        bias = np.empty((h, H * W))
        for r in range(H * W):
            (ri, rj) = divmod(r, W)
            if layer.offsets == "circular":
                bias[:, r] = table[:, (pi - ri) % H, (pj - rj) % W]
            else:
                bias[:, r] = table[:, pi - ri + H - 1, pj - rj + W - 1]
        logits = np.einsum("nhd,nhdr->nhr", q[..., p], k) / math.sqrt(d) + bias
        weights = np.exp(logits - logits.max(-1, keepdims=True))
        weights /= weights.sum(-1, keepdims=True)
        out[..., p] = np.einsum("nhr,nhdr->nhd", weights, v)
    wout = layer.out.weight.detach().numpy()[:, :, 0, 0]
    bout = layer.out.bias.detach().numpy()  # type: ignore[union-attr]
    y: Array = np.einsum("oc,ncp->nop", wout, out.reshape(N, h * d, H * W)) + bout[:, None]
    return y.reshape(N, C, H, W)


@pytest.mark.parametrize("offsets", ["circular", "linear"])
@pytest.mark.parametrize(("heads", "d"), [(1, None), (2, 3)])
def test_relative_attention_matches_the_formula(offsets: Any, heads: int, d: int | None) -> None:
    torch.manual_seed(4)
    layer = RelativePositionSelfAttention(
        3, 3, 4, heads=heads, head_channels=d, offsets=offsets, std=1.0
    ).double()
    x = _map(4, (2, 3, 3, 4))
    np.testing.assert_allclose(layer(x).detach().numpy(), _attention_oracle(layer, x), atol=1e-12)


def test_the_bias_depends_only_on_the_offset() -> None:
    torch.manual_seed(5)
    H, W = 3, 4
    circular = RelativePositionSelfAttention(2, H, W, std=1.0).position_bias()[0]
    linear = RelativePositionSelfAttention(2, H, W, offsets="linear", std=1.0).position_bias()[0]
    for p, r in itertools.product(range(H * W), repeat=2):
        (pi, pj), (ri, rj) = divmod(p, W), divmod(r, W)
        for s, t in itertools.product(range(H * W), repeat=2):
            (si, sj), (ti, tj) = divmod(s, W), divmod(t, W)
            if ((pi - ri) % H, (pj - rj) % W) == ((si - ti) % H, (sj - tj) % W):
                assert circular[p, r] == circular[s, t]
            if (pi - ri, pj - rj) == (si - ti, sj - tj):
                assert linear[p, r] == linear[s, t]
    assert len(set(circular.flatten().tolist())) == H * W  # one entry per offset on the torus
    assert len(set(linear.flatten().tolist())) == (2 * H - 1) * (2 * W - 1)


@pytest.mark.parametrize(("H", "W"), [(4, 4), (3, 5)])
def test_circular_offsets_commute_with_every_circular_shift(H: int, W: int) -> None:
    torch.manual_seed(6)
    layer = RelativePositionSelfAttention(3, H, W, heads=2, std=1.0).double()
    assert _equivariance_gap(layer, _map(6, (2, 3, H, W))) < 1e-12


def test_linear_offsets_do_not_unless_the_table_is_periodic() -> None:
    torch.manual_seed(7)
    H, W = 4, 5
    layer = RelativePositionSelfAttention(3, H, W, offsets="linear", std=1.0).double()
    x = _map(7, (2, 3, H, W))
    assert _equivariance_gap(layer, x) > 1e-3
    with torch.no_grad():  # B[d] := B[d mod (H, W)]: the circular table in disguise
        periodic = torch.randn(H, W, dtype=torch.float64)
        di = torch.arange(-(H - 1), H) % H
        dj = torch.arange(-(W - 1), W) % W
        layer.bias.copy_(periodic[di][:, dj][None])
    assert _equivariance_gap(layer, x) < 1e-12


def test_without_a_bias_attention_commutes_with_any_shift() -> None:
    torch.manual_seed(8)
    for offsets in get_args(Offsets):
        layer = RelativePositionSelfAttention(3, 4, 4, offsets=offsets, std=0).double()
        assert _equivariance_gap(layer, _map(8, (1, 3, 4, 4))) < 1e-12


def test_relative_attention_rejects_bad_arguments() -> None:
    layer = RelativePositionSelfAttention(2, 3, 3)
    with pytest.raises(ValueError, match=r"the layer is built for \(H, W\) = \(3, 3\)"):
        layer(torch.zeros(1, 2, 4, 3))
    with pytest.raises(ValueError, match="x must have 2 channels"):
        layer(torch.zeros(1, 3, 3, 3))
    with pytest.raises(ValueError, match="offsets must be 'circular' or 'linear', got 'wrapped'"):
        RelativePositionSelfAttention(2, 3, 3, offsets="wrapped")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="heads must be >= 1, got 0"):
        RelativePositionSelfAttention(2, 3, 3, heads=0)
    with pytest.raises(ValueError, match="std must be a finite number >= 0"):
        RelativePositionSelfAttention(2, 3, 3, std=-0.1)


# Locally connected layers.
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("k", [1, 2, 3])
def test_locally_connected_matches_the_formula(mode: LayerPadding, k: int) -> None:
    torch.manual_seed(9)
    H, W = 4, 5
    layer = LocallyConnected2d(2, 3, k, H, W, padding_mode=mode).double()
    x = _map(9, (2, 2, H, W))
    xpad = pad_spatial(x.numpy(), [split_padding(k)] * 2, mode)
    w = layer.weight.detach().numpy().reshape(H, W, 3, 2, k, k)  # raster positions
    b = layer.bias.detach().numpy()  # type: ignore[union-attr]
    expected = _window_oracle(xpad, lambda i, j: w[i, j], lambda i, j: b[:, i, j], (H, W))
    np.testing.assert_allclose(layer(x).detach().numpy(), expected, atol=1e-12)


@pytest.mark.parametrize("mode", ["zero", "circular"])
def test_tied_weights_give_back_the_convolution(mode: LayerPadding) -> None:
    torch.manual_seed(10)
    padding_mode = "zeros" if mode == "zero" else mode
    conv = nn.Conv2d(2, 3, 3, padding=1, padding_mode=padding_mode).double()
    tied = LocallyConnected2d.from_conv(conv, 5, 6, padding_mode=mode)
    x = _map(10, (2, 2, 5, 6))
    torch.testing.assert_close(tied(x), conv(x), rtol=0, atol=1e-12)
    untied = LocallyConnected2d(2, 3, 3, 5, 6, padding_mode="circular").double()
    if mode == "circular":
        assert _equivariance_gap(tied, x) < 1e-12
    assert _equivariance_gap(untied, x) > 0.1


def test_locally_connected_initial_values_and_no_bias() -> None:
    torch.manual_seed(11)
    layer = LocallyConnected2d(4, 2, 3, 6, 6, bias=False)
    assert layer.bias is None
    assert layer.weight.shape == (36, 2, 36)
    assert float(layer.weight.detach().abs().max()) <= 1 / 6  # 1 / sqrt(C_in k k)
    assert tuple(layer(torch.zeros(1, 4, 6, 6)).shape) == (1, 2, 6, 6)


def test_locally_connected_rejects_bad_input() -> None:
    layer = LocallyConnected2d(2, 3, 3, 4, 4)
    with pytest.raises(ValueError, match=r"the layer is built for \(H, W\) = \(4, 4\)"):
        layer(torch.zeros(1, 2, 5, 4))
    with pytest.raises(ValueError, match="x must have 2 channels"):
        layer(torch.zeros(1, 1, 4, 4))
    with pytest.raises(TypeError, match=r"conv must be a torch\.nn\.Conv2d, got Linear"):
        LocallyConnected2d.from_conv(nn.Linear(2, 2), 4, 4)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="conv must be square with stride 1"):
        LocallyConnected2d.from_conv(nn.Conv2d(2, 2, 3, stride=2), 4, 4)
    with pytest.raises(ValueError, match="conv must have groups=1, got 2"):
        LocallyConnected2d.from_conv(nn.Conv2d(2, 2, 3, groups=2), 4, 4)
    with pytest.raises(ValueError, match="padding_mode must be one of"):
        LocallyConnected2d(2, 3, 3, 4, 4, padding_mode="wrap")  # type: ignore[arg-type]


# The coordinate classification experiment: data, networks, and the stored result.
def test_the_quadrant_split() -> None:
    coords, held = quadrant_split(6)
    assert coords.shape == (36, 2)
    grid = held.reshape(6, 6)
    assert grid[3:, 3:].all()
    assert int(held.sum()) == 9
    assert coords.min().item() == -1.0
    assert coords.max().item() == 1.0
    torch.testing.assert_close(coords[7], torch.tensor([-0.6, -0.6]))
    assert torch.equal(coords.T.reshape(2, 6, 6), coordinate_channels(6, 6))  # CoordConv's
    with pytest.raises(ValueError, match="size must be an integer >= 2, got 1"):
        quadrant_split(1)


def test_the_networks_paint_one_logit_per_pixel() -> None:
    torch.manual_seed(0)
    assert CoordConvPainter(8)(torch.zeros(2, 2)).shape == (2, 64)
    assert DeconvPainter(8).eval()(torch.zeros(2, 2)).shape == (2, 64)
    with pytest.raises(ValueError, match="N must be 2\\^k, got 12"):
        DeconvPainter(12)
    with pytest.raises(ValueError, match="size must be a power of 2 of at least 4, got 2"):
        coordinate_classification(size=2)


def test_without_coordinate_channels_every_pixel_gets_the_same_logit() -> None:
    # The CoordConv painter minus its coordinates: 1 x 1 convolutions of a tiled input.
    torch.manual_seed(0)
    painter = CoordConvPainter(8)
    with torch.no_grad():
        first = painter.net[0]
        assert isinstance(first, CoordConv2d)
        first.conv.weight[:, 2:] = 0.0
        logits = painter(torch.rand(5, 2) * 2 - 1)
    assert torch.equal(logits, logits[:, :1].expand_as(logits))


@pytest.fixture(scope="module")
def quadrant() -> Result:
    return run("coordconv-quadrant")


def _metric(result: Result, model: str, name: str) -> float:
    value: float = result.metrics[model][name]
    return value


def test_coordconv_beats_the_plain_net_on_the_held_out_quadrant(quadrant: Result) -> None:
    assert _metric(quadrant, "coordconv", "heldout_accuracy") >= 0.95
    assert _metric(quadrant, "deconv", "heldout_accuracy") <= 0.1
    assert _metric(quadrant, "coordconv", "heldout_accuracy") > _metric(
        quadrant, "deconv", "heldout_accuracy"
    )


def test_both_networks_fit_the_training_quadrants(quadrant: Result) -> None:
    # So the difference on the held-out quadrant is generalisation, not under-fitting.
    for model in MODELS:
        assert _metric(quadrant, model, "train_accuracy") >= 0.95, model


def test_the_plain_net_mostly_paints_outside_the_unseen_quadrant(quadrant: Result) -> None:
    assert _metric(quadrant, "deconv", "heldout_in_quadrant") < 0.5
    assert _metric(quadrant, "deconv", "heldout_distance") > 1.0
    assert _metric(quadrant, "coordconv", "heldout_distance") < 0.1
    assert _metric(quadrant, "deconv", "parameters") > _metric(quadrant, "coordconv", "parameters")


def test_the_stored_arrays_agree_with_the_metrics(quadrant: Result) -> None:
    N = quadrant.metrics["size"]
    _, held = quadrant_split(N)
    predicted, probability = quadrant.arrays["predicted"], quadrant.arrays["probability"]
    assert predicted.shape == probability.shape == (len(MODELS), N, N)
    np.testing.assert_allclose(probability.sum(axis=(1, 2)), 1.0, rtol=1e-5)
    right = predicted.reshape(len(MODELS), -1) == np.arange(N * N)
    for index, model in enumerate(MODELS):
        heldout = float(right[index][held.numpy()].mean())
        assert heldout == pytest.approx(_metric(quadrant, model, "heldout_accuracy"))
    assert held[quadrant.metrics["example"]]  # the figure's example is a held-out target
