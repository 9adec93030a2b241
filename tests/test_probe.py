"""Tests for shiftlab.probe: oracles, strides, undefined shifts, model state, batching, errors.

The oracles never go through the probe's own comparison: per-layer errors are checked
against ``shiftlab.measures.equivariance_error`` run on the sub-model up to that layer
(numpy in, numpy out), the batched comparisons against ``shift_error`` on random arrays
(hypothesis), and the classifier numbers against ``shiftlab.consistency``. The small
residual network defined here is the one whose printed report the issue quotes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any, Literal

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from shiftlab.consistency import change_probability, shift_consistency
from shiftlab.layers import AdaptivePolyphaseSampling
from shiftlab.measures import ShiftError, equivariance_error, output_shift, shift_error
from shiftlab.probe import LayerReport, ProbeReport, auto_batch_size, batches, probe
from shiftlab.probe.batches import Plan
from shiftlab.probe.compare import Reference, Workspace, output_shifts, sort_order
from shiftlab.shifts import centered_shifts

Array = np.ndarray[Any, Any]
Padding = Literal["zeros", "reflect", "replicate", "circular"]
seeds = st.integers(0, 2**32 - 1)


def randn(*shape: int, seed: int = 0, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    return torch.randn(shape, generator=torch.Generator().manual_seed(seed), dtype=dtype)


def conv_stack(padding_mode: Padding = "zeros") -> nn.Sequential:
    """Conv - ReLU - max-pool - conv - ReLU, float64, 2 -> 3 channels."""
    torch.manual_seed(0)
    return nn.Sequential(
        nn.Conv2d(2, 4, 3, padding=1, padding_mode=padding_mode),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(4, 3, 3, padding=1, padding_mode=padding_mode),
        nn.ReLU(),
    ).double()


class Block(nn.Module):
    """A residual block: one ReLU module called twice, a functional skip connection."""

    def __init__(self, channels: int) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, padding_mode="circular")
        self.bn = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, padding_mode="circular")
        self.relu = nn.ReLU()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.relu(self.bn(self.conv1(x)))
        result: torch.Tensor = self.relu(self.conv2(out) + x)  # a functional skip connection
        return result


class ResidualNet(nn.Module):
    """A small residual CNN classifier: stem, block, pool, block, global average, linear."""

    def __init__(self, classes: int = 5) -> None:
        super().__init__()
        self.stem = nn.Conv2d(3, 8, 3, padding=1, padding_mode="circular")
        self.block1 = Block(8)
        self.pool = nn.MaxPool2d(2)
        self.block2 = Block(8)
        self.head = nn.Linear(8, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        features = self.block2(self.pool(self.block1(self.stem(x))))
        logits: torch.Tensor = self.head(features.mean(dim=(2, 3)))  # (N, classes)
        return logits


def residual_net() -> ResidualNet:
    torch.manual_seed(0)
    net = ResidualNet()
    for module in net.modules():  # running statistics that are not the identity
        if isinstance(module, nn.BatchNorm2d):
            assert module.running_mean is not None
            assert module.running_var is not None
            module.running_mean.uniform_(-0.5, 0.5)
            module.running_var.uniform_(0.5, 2.0)
    return net


def close(got: ShiftError, want: ShiftError, rtol: float = 1e-6, atol: float = 1e-12) -> bool:
    """Same shift and output shift; errors equal up to rounding, nan where nan."""
    if (got.shift, got.output_shift) != (want.shift, want.output_shift):
        return False
    pairs = ((got.relative_l2, want.relative_l2), (got.max_abs, want.max_abs))
    return all(
        (math.isnan(b) and math.isnan(a)) or a == b or abs(a - b) <= atol + rtol * abs(b)
        for a, b in pairs
    )


def sub_model(net: nn.Sequential, depth: int) -> Callable[[Array], Array]:
    part = net[:depth]

    def f(a: Array) -> Array:
        with torch.no_grad():
            out: Array = part(torch.from_numpy(a)).numpy()
        return out

    return f


SHIFTS = [(0, 0), (0, 1), (1, 0), (1, 1), (-1, 2), (2, -2), (3, 0), (-4, 4), (4, 6), (-7, -5)]


# --- the oracle: each layer against equivariance_error on the sub-model up to it --------


@pytest.mark.parametrize(
    ("padding_mode", "shift_mode", "crop"),
    [
        ("zeros", "circular", "auto"),  # zero padding under circular shifts: real errors
        ("circular", "circular", "auto"),
        ("zeros", "zero", "auto"),
        ("zeros", "zero", 0),
        ("reflect", "zero", "auto"),
    ],
)
def test_each_layer_equals_equivariance_error_on_the_sub_model(
    padding_mode: Padding, shift_mode: Any, crop: Any
) -> None:
    net, x = conv_stack(padding_mode), randn(1, 2, 16, 16, dtype=torch.float64)
    report = probe(net, x, SHIFTS, shift_mode=shift_mode, crop=crop)
    assert [row.name for row in report.layers] == ["0", "1", "2", "3", "4"]
    for depth, row in enumerate(report.layers, start=1):
        assert row.stride is not None
        assert row.upsample is not None
        assert row.crop is not None
        want = equivariance_error(
            sub_model(net, depth),
            x.numpy(),
            SHIFTS,
            stride=row.stride,
            upsample=row.upsample,
            crop=row.crop,
            shift_mode=shift_mode,
        )
        assert row.errors is not None
        bad = [(g, w) for g, w in zip(row.errors, want, strict=True) if not close(g, w)]
        assert not bad, f"layer {row.name}: {bad[:3]}"


def test_the_auto_crop_makes_a_zero_padded_stack_exact_under_zero_fill_shifts() -> None:
    net = conv_stack("zeros")
    net.append(nn.Conv2d(3, 3, 5, padding=2).double())
    x = randn(1, 2, 24, 24, dtype=torch.float64)
    report = probe(net, x, shift_mode="zero")
    crops = [row.crop for row in report.layers]
    assert crops == [(1, 1), (1, 1), (1, 1), (2, 2), (2, 2), (4, 4)]  # ceil(R / s)
    assert [row.radius for row in report.layers][-1] == (8.0, 8.0)  # 1 + 1 + 2 * (1 + 2)
    for row in report.layers:
        assert row.errors is not None
        measured = [e for e in row.errors if e.measured]
        assert len(measured) >= 40, row.name
        assert max(e.max_abs for e in measured) < 1e-12, row.name
    uncropped = probe(net, x, shift_mode="zero", crop=0)
    assert uncropped.layers[0].errors is not None
    assert uncropped.layers[0].errors.max_relative_l2 > 1e-2  # the border shows without it


# --- strides from the shapes, and undefined exactly where s does not divide v ------------


@pytest.mark.parametrize(
    ("layer", "stride", "upsample", "text"),
    [
        (nn.Conv2d(2, 2, 3, padding=1, padding_mode="circular"), (1, 1), (1, 1), "1"),
        (nn.Conv2d(2, 2, 3, stride=2, padding=1, padding_mode="circular"), (2, 2), (1, 1), "2"),
        (nn.Conv2d(2, 2, (1, 4), stride=(1, 4)), (1, 4), (1, 1), "1,4"),
        (nn.MaxPool2d(2), (2, 2), (1, 1), "2"),
        (nn.AvgPool2d(4), (4, 4), (1, 1), "4"),
        (nn.Upsample(scale_factor=2), (1, 1), (2, 2), "1/2"),
        (nn.ConvTranspose2d(2, 2, 2, stride=2), (1, 1), (2, 2), "1/2"),
        (nn.PixelUnshuffle(2), (2, 2), (1, 1), "2"),
    ],
)
def test_strides_are_found_from_the_shapes(
    layer: nn.Module, stride: tuple[int, ...], upsample: tuple[int, ...], text: str
) -> None:
    report = probe(layer, randn(1, 2, 8, 8), [(0, 0), (2, 4), (1, 2), (3, 1)])
    (row,) = report.layers
    assert (row.stride, row.upsample, row.stride_text) == (stride, upsample, text)
    assert row.errors is not None
    for error in row.errors:
        want = output_shift(error.shift, stride=stride, upsample=upsample, size=(8, 8))
        assert error.output_shift == want


def test_undefined_exactly_where_the_stride_does_not_divide_the_shift() -> None:
    report = probe(conv_stack("circular"), randn(1, 2, 8, 8, dtype=torch.float64))
    shifts = centered_shifts((8, 8))
    for row in report.layers:
        assert row.errors is not None
        assert row.stride is not None
        s = row.stride[0]
        assert [e.defined for e in row.errors] == [v[0] % s == 0 and v[1] % s == 0 for v in shifts]
        undefined = [e for e in row.errors if not e.defined]
        assert all(math.isnan(e.relative_l2) and math.isnan(e.max_abs) for e in undefined)
        assert max(e.relative_l2 for e in row.errors if e.defined) < 1e-12  # circular: exact


def test_a_grid_that_is_no_rescaled_input_is_skipped_with_the_reason() -> None:
    net = nn.Sequential(nn.Conv2d(1, 1, 3), nn.ReLU())  # "valid": 8 -> 6
    report = probe(net, randn(1, 1, 8, 8), [(0, 1)])
    assert [row.skipped is not None for row in report.layers] == [True, True]
    assert "neither 8 / 6 nor 6 / 8 is an integer" in str(report.layers[0].skipped)
    assert "skipped 0 (Conv2d, call 0): axis 0 has 6 samples" in str(report)


@given(st.data())
@settings(max_examples=60, deadline=None)
def test_output_shifts_agree_with_measures_output_shift(data: st.DataObject) -> None:
    k = data.draw(st.integers(1, 3))
    stride = tuple(data.draw(st.lists(st.integers(1, 4), min_size=k, max_size=k)))
    up = tuple(data.draw(st.lists(st.integers(1, 3), min_size=k, max_size=k)))
    size = tuple(data.draw(st.lists(st.integers(1, 12), min_size=k, max_size=k)))
    circular = data.draw(st.booleans())
    shifts = np.array(
        data.draw(st.lists(st.lists(st.integers(-13, 13), min_size=k, max_size=k), min_size=1))
    )
    u, defined = output_shifts(shifts, stride, up, size if circular else None)
    for v, w, ok in zip(shifts.tolist(), u.tolist(), defined.tolist(), strict=True):
        want = output_shift(v, stride=stride, upsample=up, size=size if circular else None)
        assert (tuple(w) if ok else None) == want


# --- the batched comparison against shift_error --------------------------------------------


@given(st.data(), seeds)
@settings(max_examples=80, deadline=None)
def test_batched_comparison_equals_shift_error(data: st.DataObject, seed: int) -> None:
    rng = np.random.default_rng(seed)
    k = data.draw(st.integers(1, 3))
    size = tuple(data.draw(st.lists(st.integers(1, 6), min_size=k, max_size=k)))
    zero = data.draw(st.booleans())
    crop = tuple(data.draw(st.integers(0, (n - 1) // 2)) for n in size)
    dtype = data.draw(st.sampled_from([torch.float32, torch.float64]))
    count = data.draw(st.integers(1, 10))
    shifts = np.stack([rng.integers(-n + 1, n, size=count) for n in size], axis=1)
    reference = rng.standard_normal((2, 2, *size))
    reference[..., : data.draw(st.integers(0, 1))] = 0.0  # zero windows: no evidence
    if data.draw(st.booleans()):
        reference[...] = 0.0
    order = sort_order(shifts, size)
    running = shifts[order]
    u, defined = output_shifts(running, (1,) * k, (1,) * k, None if zero else size)
    ref = torch.tensor(reference, dtype=dtype)
    axes = tuple(range(2, 2 + k))
    outputs = torch.stack([torch.roll(ref, tuple(v), axes) for v in running.tolist()])
    outputs += data.draw(st.sampled_from([0.0, 1e-3])) * torch.randn(
        outputs.shape, generator=torch.Generator().manual_seed(seed), dtype=dtype
    )
    if data.draw(st.booleans()):  # a non-finite value somewhere: shift_error decides the row
        outputs.view(-1)[data.draw(st.integers(0, outputs.numel() - 1))] = math.inf
    plan = Plan(Reference(ref, k), running, u, defined, crop, zero)
    batch, space = data.draw(st.integers(1, count)), Workspace()
    for start in range(0, count, batch):
        rows = slice(start, min(count, start + batch))
        plan.measure(outputs[rows], rows, space)
    got = plan.report(order)
    inverse = np.argsort(order)
    for i, v in enumerate(shifts.tolist()):
        want = shift_error(
            outputs[inverse[i]].double().numpy(),
            ref.double().numpy(),
            v,
            v,
            crop=crop,
            shift_mode="zero" if zero else "circular",
        )
        assert close(got.errors[i], want, rtol=1e-5), (v, got.errors[i], want)


# --- the model is left as found ------------------------------------------------------------


def state(net: nn.Module) -> tuple[dict[str, torch.Tensor], list[bool], list[int]]:
    tensors = {k: v.detach().clone() for k, v in net.state_dict().items()}
    hooks = [len(m._forward_hooks) + len(m._forward_pre_hooks) for m in net.modules()]
    return tensors, [m.training for m in net.modules()], hooks


def assert_unchanged(net: nn.Module, before: tuple[Any, ...]) -> None:
    tensors, flags, hooks = state(net)
    assert flags == before[1]
    assert hooks == before[2]
    assert tensors.keys() == before[0].keys()
    assert all(torch.equal(tensors[k], before[0][k]) for k in tensors)


def test_model_is_left_as_found() -> None:
    net = residual_net()
    net.train()
    net.block2.eval()  # partly in eval mode already
    before = state(net)
    x = randn(2, 3, 8, 8)
    saved = x.clone()
    probe(net, x, [(0, 1), (2, 2)])
    assert_unchanged(net, before)
    assert torch.equal(x, saved)


class Picky(nn.Module):
    """Accepts a batch of one sample only: fails on the shifted batches."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 1, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.shape[0] != 1:
            raise RuntimeError(f"batch of {x.shape[0]}")
        out: torch.Tensor = self.conv(x)
        return out


def test_hooks_are_removed_and_flags_restored_after_an_error() -> None:
    net = Picky().train()
    before = state(net)
    with pytest.raises(ValueError, match=r"fails on 2 shifted copies of x.*batch of 2"):
        probe(net, randn(1, 1, 6, 6), [(0, 1), (1, 0)])
    assert_unchanged(net, before)
    with pytest.raises(ValueError, match=r"rejects an input, shape \(1, 2, 6, 6\)"):
        probe(net, randn(1, 2, 6, 6), [(0, 1)])
    assert_unchanged(net, before)


class Writer(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.mul_(2.0)  # writes into its input


def test_a_model_that_writes_into_its_input_leaves_x_alone() -> None:
    x = randn(1, 1, 6)
    saved = x.clone()
    report = probe(nn.Sequential(Writer(), nn.ReLU()), x, [(1,), (2,)])
    assert torch.equal(x, saved)
    assert report.layers[1].errors is not None
    assert report.layers[1].errors.max_abs == 0.0


# --- batching -------------------------------------------------------------------------------


class Counting(nn.Sequential):
    calls = 0

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self.calls += 1
        for layer in self:
            x = layer(x)
        return x


@pytest.mark.parametrize("batch_size", [1, 3, 4, 64])
def test_one_forward_per_batch_and_results_independent_of_the_batch_size(
    batch_size: int,
) -> None:
    torch.manual_seed(0)
    layers = [*conv_stack("zeros"), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(3, 4)]
    net = Counting(*layers).double()
    x = randn(2, 2, 8, 8, dtype=torch.float64)
    report = probe(net, x, SHIFTS, batch_size=batch_size, classifier=False)
    assert net.calls == 1 + math.ceil(len(SHIFTS) / batch_size)
    reference = probe(net, x, SHIFTS, batch_size=len(SHIFTS), classifier=False)
    for row, want in zip(report.layers, reference.layers, strict=True):
        if row.errors is not None and want.errors is not None:
            assert all(close(g, w, rtol=1e-9) for g, w in zip(row.errors, want.errors, strict=True))
    pairs = zip(report.output.invariance, reference.output.invariance, strict=True)
    assert all(close(g, w, rtol=1e-9) for g, w in pairs)


@pytest.mark.parametrize(("images", "passes"), [(2, 1), (100, 32)])
def test_the_default_batch_size_aims_at_256_samples_per_pass(images: int, passes: int) -> None:
    torch.manual_seed(0)
    net = Counting(*conv_stack("circular")).double()
    x = randn(images, 2, 8, 8, dtype=torch.float64)  # all 64 shifts of the 8 x 8 grid
    assert auto_batch_size(x) == 256 // images
    probe(net, x, classifier=False)
    assert net.calls == 1 + passes  # 64 shifts in batches of 128, or of 2 copies


def test_the_default_batch_size_bounds_the_input_bytes_per_pass() -> None:
    big = torch.zeros(1, 4, 1024, 1024)  # 16 MiB per copy: 2 copies in 32 MiB, not 256
    assert auto_batch_size(big) == 2
    assert auto_batch_size(torch.zeros(1, 64, 1024, 1024)) == 1  # never fewer than one


def test_results_do_not_depend_on_the_chunks_compared_per_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    net, x = conv_stack("zeros"), randn(1, 2, 8, 8, dtype=torch.float64)
    for mode in ("circular", "zero"):
        whole = probe(net, x, SHIFTS, shift_mode=mode).to_json()
        assert "-0.0" not in whole  # a max-abs of a zero difference is 0.0
        monkeypatch.setattr(batches, "CHUNK", 100)  # a few rows per call
        assert probe(net, x, SHIFTS, shift_mode=mode).to_json() == whole
        monkeypatch.undo()


def test_progress_is_reported_per_batch() -> None:
    seen: list[tuple[int, int]] = []
    probe(nn.ReLU(), randn(1, 1, 4, 4), batch_size=5, progress=lambda *a: seen.append(a))
    assert seen == [(5, 16), (10, 16), (15, 16), (16, 16)]


def test_an_in_place_relu_does_not_spoil_the_layer_before_it() -> None:
    torch.manual_seed(0)
    conv = nn.Conv2d(1, 2, 3, padding=1)
    x = randn(1, 1, 8, 8)
    plain = probe(nn.Sequential(conv, nn.ReLU()), x, [(0, 1), (2, 3)])
    inplace = probe(nn.Sequential(conv, nn.ReLU(inplace=True)), x, [(0, 1), (2, 3)])
    assert plain.to_dict()["layers"] == inplace.to_dict()["layers"]


# --- residual blocks, outputs, ranks --------------------------------------------------------


def test_residual_network_rows_calls_and_exactness() -> None:
    net = residual_net()
    report = probe(net, randn(2, 3, 8, 8), [(0, 0), (0, 1), (2, 2), (2, -4)])
    names = [(row.name, row.call) for row in report.layers]
    assert ("block1.relu", 0) in names  # one module called twice: two rows
    assert ("block1.relu", 1) in names
    assert names[-1] == ("head", 0)
    assert report.layer("head").skipped == "its output (2, 5) has 0 spatial axes, the input 2"
    strides = {f"{r.name}#{r.call}": r.stride_text for r in report.measured}
    assert (strides["stem#0"], strides["pool#0"], strides["block2.relu#1"]) == ("1", "2", "2")
    for row in report.measured:  # circular padding, eval-mode BatchNorm: exact up to rounding
        assert row.errors is not None
        assert row.errors.max_relative_l2 < 1e-5, row.name
    assert report.output.invariance.errors[2].max_abs < 1e-5  # (2, 2): a multiple of the stride
    assert report.output.classes == 5
    assert report.output.change is not None


class Skip(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(2, 2, 3, padding=1, padding_mode="circular")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.conv(x) + x  # the output no module returned
        return out


def test_an_output_no_module_returned_gets_its_own_row() -> None:
    report = probe(Skip(), randn(1, 2, 6, 6), [(1, 2)])
    assert [row.name for row in report.layers] == ["conv", "(output)"]
    assert report.layers[1].type == "Skip"
    assert report.layers[1].errors is not None
    assert report.layers[1].errors.max_relative_l2 < 1e-5


def test_layers_selects_rows_blocks_included() -> None:
    report = probe(residual_net(), randn(1, 3, 8, 8), [(2, 2)], layers=["block1", "pool"])
    assert [row.name for row in report.layers] == ["block1", "pool"]
    with pytest.raises(ValueError, match=r"layers must name modules of the model, got \['nope'\]"):
        probe(residual_net(), randn(1, 3, 8, 8), [(2, 2)], layers=["nope"])


class TwoHeads(nn.Module):
    def __init__(self, as_dict: bool) -> None:
        super().__init__()
        self.conv, self.as_dict = nn.Conv1d(1, 2, 3, padding=1, padding_mode="circular"), as_dict

    def forward(self, x: torch.Tensor) -> Any:
        y = self.conv(x)
        return {"map": y, "mean": y.mean(dim=2)} if self.as_dict else (y.mean(dim=2), y)


def test_dict_and_tuple_outputs_need_a_selector() -> None:
    x = randn(1, 1, 8)
    with pytest.raises(ValueError, match=r"a dict with keys \['map', 'mean'\], not a tensor"):
        probe(TwoHeads(as_dict=True), x, [(1,)])
    with pytest.raises(ValueError, match=r"a tuple of 2, not a tensor: pass output="):
        probe(TwoHeads(as_dict=False), x, [(1,)])
    assert probe(TwoHeads(as_dict=True), x, [(1,)], output="mean").output.shape == (1, 2)
    assert probe(TwoHeads(as_dict=False), x, [(1,)], output=1).output.shape == (1, 2, 8)
    with pytest.raises(ValueError, match=r"output='nope' is not in what the model returned"):
        probe(TwoHeads(as_dict=True), x, [(1,)], output="nope")
    with pytest.raises(ValueError, match="the model returned a tensor"):
        probe(nn.ReLU(), x, [(1,)], output=0)


def test_one_and_three_spatial_axes() -> None:
    torch.manual_seed(0)
    line = nn.Sequential(
        nn.Conv1d(1, 3, 5, padding=2, padding_mode="circular"),
        nn.MaxPool1d(2),
        nn.Upsample(scale_factor=4),
    )
    report = probe(line, randn(1, 1, 12), [(2,), (3,), (4,)])
    assert [row.stride_text for row in report.layers] == ["1", "2", "1/2"]
    assert report.layers[2].errors is not None
    # The grid's stride, not the path's: after pool and upsampling T_{2v} exists for every v,
    # and odd shifts show the pool's real breakage.
    errors = report.layers[2].errors
    assert [e.output_shift for e in errors] == [(4,), (6,), (8,)]
    assert errors.errors[0].max_abs < 1e-5 < errors.errors[1].max_abs
    volume = nn.Sequential(nn.Conv3d(1, 2, 3, padding=1, padding_mode="circular"), nn.AvgPool3d(2))
    report = probe(volume, randn(1, 1, 4, 4, 4), [(0, 0, 1), (2, 0, 2)])
    assert [row.stride_text for row in report.layers] == ["1", "2"]
    assert report.layers[1].errors is not None
    assert [e.defined for e in report.layers[1].errors] == [False, True]
    assert report.layers[1].errors.max_relative_l2 < 1e-5


def test_tuple_outputs_of_a_layer_are_measured_by_their_first_tensor() -> None:
    torch.manual_seed(0)
    net = nn.Sequential(
        nn.Conv2d(1, 2, 3, padding=1, padding_mode="circular"), AdaptivePolyphaseSampling(2)
    ).double()
    report = probe(net, randn(1, 1, 8, 8, dtype=torch.float64), [(0, 1), (2, 4)], output=0)
    row = report.layer("1")
    assert (row.type, row.stride_text, row.output_shape) == (
        "AdaptivePolyphaseSampling",
        "2",
        (1, 2, 4, 4),
    )
    assert row.errors is not None
    assert [e.defined for e in row.errors] == [False, True]
    assert row.errors.max_abs < 1e-12


class Branchy(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.relu = nn.ReLU()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.relu(self.relu(x)) if x.shape[0] > 1 else self.relu(x)
        return out


def test_calls_that_depend_on_the_data_are_an_error() -> None:
    net = Branchy()
    before = state(net)
    with pytest.raises(ValueError, match="'relu' ran 2 times on shifted inputs but 1 times on x"):
        probe(net, randn(1, 1, 4, 4), [(0, 1), (1, 0)])
    assert_unchanged(net, before)


# --- zero fill: receptive-field bounds ------------------------------------------------------


class Swish(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * torch.sigmoid(x)


def test_zero_fill_skips_layers_without_a_bound_and_says_why() -> None:
    net = nn.Sequential(nn.Conv2d(1, 2, 3, padding=1), Swish(), nn.Conv2d(2, 2, 3, padding=1))
    x = randn(1, 1, 12, 12)
    report = probe(net, x, [(1, 1)], shift_mode="zero")
    assert report.layers[0].measured
    assert not report.layers[2].measured
    assert "1 (Swish) has no receptive-field rule; pass crop=" in str(report.layers[1].skipped)
    forced = probe(net, x, [(1, 1)], shift_mode="zero", crop=2)
    assert all(row.measured for row in forced.layers)
    normed = probe(
        nn.Sequential(nn.Conv2d(1, 2, 3, padding=1), nn.GroupNorm(1, 2)),
        x,
        [(1, 1)],
        shift_mode="zero",
    )
    assert "mixes all positions" in str(normed.layers[-1].skipped)
    circular = probe(net, x, [(1, 1)])  # circular shifts need no bound
    assert all(row.measured for row in circular.layers)


# --- the classifier measures, against shiftlab.consistency ------------------------------------


@pytest.mark.parametrize("shift_mode", ["circular", "zero"])
def test_classifier_measures_equal_the_consistency_module(shift_mode: Any) -> None:
    net, x = residual_net(), randn(3, 3, 8, 8)
    grid = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    report = probe(net, x, grid, shift_mode=shift_mode)
    kept = shift_consistency(net, x, max_shift=1, pairs="unshifted", shift_mode=shift_mode)
    assert report.output.consistency == kept
    assert report.output.change == change_probability(net, x, shift_mode=shift_mode)


def test_one_pixel_change_in_one_dimension_equals_a_loop() -> None:
    torch.manual_seed(3)
    net = nn.Sequential(nn.Conv1d(1, 4, 3, padding=1), nn.ReLU(), nn.Flatten(), nn.Linear(40, 3))
    x = randn(6, 1, 10, seed=1)
    report = probe(net, x, [(1,)])
    with torch.no_grad():
        labels = net(x).argmax(dim=1)
        changed = sum(
            int((net(torch.roll(x, v, 2)).argmax(dim=1) != labels).sum()) for v in (1, -1)
        )
    assert report.output.change is not None
    assert (report.output.change.count, report.output.change.total) == (changed, 12)
    assert probe(net, x, [(1,)], classifier=False).output.change is None
    with pytest.raises(ValueError, match=r"classifier=True needs \(N, K\) logits"):
        probe(nn.ReLU(), x, [(1,)], classifier=True)


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"x": randn(1, 2, 8, 8)}, ValueError, r"rejects an input, shape \(1, 2, 8, 8\)"),
        ({"shifts": [(8, 0)]}, ValueError, r"shift \(8, 0\) is as large as the input \(8, 8\)"),
        ({"shifts": []}, ValueError, "at least one shift, got an empty list"),
        ({"x": torch.zeros(1, 1, 8, 8, dtype=torch.int64)}, TypeError, "floating.*torch.int64"),
        ({"x": randn(1, 8)}, ValueError, r"\(N, C, W\), \(N, C, H, W\) or \(N, C, D, H, W\)"),
        ({"x": np.zeros((1, 1, 8, 8))}, TypeError, "x must be a torch.Tensor"),
        ({"shifts": [(1,)]}, ValueError, r"each shift needs 2 integers"),
        ({"shifts": "01"}, TypeError, "shifts must be a list of shifts"),
        ({"shift_mode": "reflect"}, ValueError, "shift_mode must be 'circular' or 'zero'"),
        ({"batch_size": 0}, ValueError, "batch_size must be >= 1"),
        ({"crop": -1}, ValueError, "crop must be 'auto' or integers >= 0"),
        ({"output": 1.5}, TypeError, "output must be a key"),
        ({"model": "net"}, TypeError, "model must be a torch.nn.Module"),
    ],
)
def test_bad_input_is_a_clear_error(kwargs: dict[str, Any], error: type, match: str) -> None:
    args: dict[str, Any] = {
        "model": nn.Conv2d(1, 1, 3, padding=1),
        "x": randn(1, 1, 8, 8),
        "shifts": [(0, 1)],
    } | kwargs
    with pytest.raises(error, match=match):
        probe(args.pop("model"), args.pop("x"), args.pop("shifts"), **args)


# --- the report -----------------------------------------------------------------------------


def test_report_text_json_and_back() -> None:
    report = probe(residual_net(), randn(1, 3, 8, 8), [(0, 1), (2, 2)])
    text = str(report)
    assert "undefined" in text
    assert "block1.relu" in text
    assert "skipped head (Linear" in text
    assert "classifier (5 classes)" in text
    encoded = report.to_json()
    assert "NaN" not in encoded
    assert "Infinity" not in encoded
    back = ProbeReport.from_dict(json.loads(encoded))
    assert back.to_json() == encoded
    assert back.layer("pool").stride == (2, 2)
    many = probe(nn.MaxPool2d(2), randn(1, 1, 4, 4))
    header = str(many).splitlines()[1].split()
    assert header[5:] == ["defined", "measured", "max", "rel", "L2", "max", "abs"]
    assert "4/16" in str(many)


def test_report_layer_lookup_names_what_exists() -> None:
    report = probe(nn.Sequential(nn.ReLU()), randn(1, 1, 4), [(1,)])
    assert isinstance(report.layer("0"), LayerReport)
    with pytest.raises(KeyError, match=r"no layer 'x' .* layers: '0'"):
        report.layer("x")


def test_figure_marks_undefined_cells_and_draws_both_palettes() -> None:
    from shiftlab.figures import DARK, LIGHT
    from shiftlab.figures.probe import probe_figure

    report = probe(conv_stack("circular"), randn(1, 2, 8, 8, dtype=torch.float64), SHIFTS[:6])
    for palette in (LIGHT, DARK):
        figure = probe_figure(report, palette)
        axes = figure.axes[0]
        labels = [t.get_text().split("\n")[0] for t in axes.get_xticklabels()]
        assert labels == ["0", "1", "2", "3", "4"]
        values, marks = (image.get_array() for image in axes.get_images())
        assert values is not None
        assert marks is not None
        undefined = np.asarray(marks)[..., 3] > 0  # (shifts, layers): the grey cells
        want = [[not e.defined for e in row.errors or ()] for row in report.layers]
        assert undefined.T.tolist() == want
        assert np.ma.getmaskarray(values)[undefined].all()  # never a colour of the scale
    with pytest.raises(ValueError, match="no measured layer"):
        probe_figure(probe(nn.Flatten(), randn(1, 1, 4), [(1,)]), LIGHT)
