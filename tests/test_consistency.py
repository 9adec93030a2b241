"""Tests for shiftlab.consistency: loop oracles, invariant models, model state, batching, errors.

The oracles run the model on one image at a time, shifted by numpy (``np.roll``,
``shiftlab.shifts.zero_shift``, a slice of the canvas), and count agreeing pairs with
explicit loops over images and shifts: never through the code under test. Property tests
draw sizes, shifts and modes with hypothesis and seed the values by a drawn integer.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from shiftlab.consistency import (
    UNIT_SHIFTS,
    Pairs,
    Proportion,
    ShiftMode,
    accuracy_per_shift,
    change_probability,
    predict_shifted,
    shift_consistency,
    shift_test,
)
from shiftlab.shifts import zero_shift

Array = np.ndarray[Any, Any]
MODES: list[ShiftMode] = ["circular", "zero", "crop"]
seeds = st.integers(0, 2**32 - 1)
M = TypeVar("M", bound=nn.Module)


def _seeded(model: M, seed: int) -> M:
    """Float64 copy of ``model`` with every parameter drawn from N(0, 1) by ``seed``."""
    model = model.double()
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=gen, dtype=p.dtype))
    return model


def flatten_model(shape: tuple[int, int, int], classes: int = 4, seed: int = 0) -> nn.Module:
    """Flatten + linear: every pixel has its own weight, so shifts change the logits."""
    C, h, w = shape
    return _seeded(nn.Sequential(nn.Flatten(), nn.Linear(C * h * w, classes)), seed)


def invariant_model(
    channels: int = 2, classes: int = 4, seed: int = 0, pool: type[nn.Module] = nn.AdaptiveAvgPool2d
) -> nn.Sequential:
    """Circular 3 x 3 conv (stride 1, size kept) + ReLU + global pool + linear."""
    conv = nn.Conv2d(channels, 6, 3, padding=1, padding_mode="circular")
    layers = nn.Sequential(conv, nn.ReLU(), pool(1), nn.Flatten(), nn.Linear(6, classes))
    return _seeded(layers, seed)


def images(seed: int, shape: tuple[int, ...]) -> torch.Tensor:
    return torch.from_numpy(np.random.default_rng(seed).standard_normal(shape))


def centred(model: nn.Sequential, x: torch.Tensor) -> nn.Sequential:
    """Shift the last layer's bias so each logit averages 0 over ``x``.

    Random weights after a ReLU and a pool give features with a large common mean, and
    one class then wins for every image: a consistency of 1 that says nothing. Centred,
    the predictions spread over the classes (checked where it matters).
    """
    with torch.no_grad():
        model[-1].bias -= model(x).mean(dim=0)
    return model


def classes_used(model: nn.Module, x: torch.Tensor) -> int:
    return len(set(predict_shifted(model, x, [(0, 0)])[:, 0].tolist()))


class Counting(nn.Module):
    """Records the batch size of every forward call of the wrapped model."""

    def __init__(self, inner: nn.Module) -> None:
        super().__init__()
        self.inner = inner
        self.calls: list[int] = []

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self.calls.append(x.shape[0])
        out: torch.Tensor = self.inner(x)
        return out


class Fixed(nn.Module):
    """Returns the same logits for every input, whatever it is."""

    def __init__(self, logits: Sequence[float]) -> None:
        super().__init__()
        self.logits = torch.tensor(logits, dtype=torch.float64)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.logits.expand(x.shape[0], -1)


# The oracles: one image, one shift, one forward call at a time.


def shift_one(image: Array, v: Sequence[int], mode: str, crop: tuple[int, int] | None) -> Array:
    """Image (C, H, W) shifted by v = (dy, dx): roll, zero fill, or the moved window."""
    if mode == "circular":
        return np.roll(image, tuple(v), axis=(1, 2))
    if mode == "zero":
        return zero_shift(image, tuple(v), axes=(1, 2))
    assert crop is not None
    (H, W), (h, w) = image.shape[1:], crop
    top, left = (H - h) // 2 - v[0], (W - w) // 2 - v[1]  # content moves by +v in the window
    assert 0 <= top <= H - h
    assert 0 <= left <= W - w
    return image[:, top : top + h, left : left + w]


def predict_one(model: nn.Module, image: Array) -> int:
    model.eval()
    with torch.no_grad():
        logits = model(torch.from_numpy(np.ascontiguousarray(image))[None])  # (1, K)
    return int(np.argmax(logits[0].numpy()))  # numpy's argmax: also the first maximum


def oracle_predictions(
    model: nn.Module,
    x: torch.Tensor,
    shifts: Sequence[Sequence[int]],
    mode: str,
    crop: tuple[int, int] | None = None,
) -> Array:
    arr = x.numpy()
    return np.array(
        [[predict_one(model, shift_one(image, v, mode, crop)) for v in shifts] for image in arr],
        dtype=np.int64,
    ).reshape(len(arr), len(shifts))


def all_shifts(lo: int, hi: int) -> list[tuple[int, int]]:
    return [(dy, dx) for dy in range(lo, hi + 1) for dx in range(lo, hi + 1)]


# Predictions and accuracy against the loop.


@pytest.mark.parametrize("mode", MODES)
def test_predict_shifted_matches_the_loop(mode: ShiftMode) -> None:
    x = images(1, (3, 2, 7, 6))  # (N, C, H, W), odd and even sizes
    crop = (5, 4) if mode == "crop" else None
    model = flatten_model((2, *(crop or (7, 6))))
    if mode == "crop":
        shifts = all_shifts(-1, 1)
    else:  # beyond the frame too: wraps around, or leaves only zeros
        shifts = [*all_shifts(-2, 2), (7, 0), (0, -6), (9, -13), (100, 3)]
    got = predict_shifted(model, x, shifts, shift_mode=mode, crop_size=crop, batch_size=5)
    assert got.dtype == np.int64
    assert got.shape == (3, len(shifts))
    np.testing.assert_array_equal(got, oracle_predictions(model, x, shifts, mode, crop))


@settings(max_examples=40)
@given(st.data(), seeds)
def test_predict_shifted_matches_the_loop_for_any_size_shift_and_mode(
    data: st.DataObject, seed: int
) -> None:
    mode = data.draw(st.sampled_from(MODES))
    N, C = data.draw(st.integers(1, 3)), data.draw(st.integers(1, 2))
    H, W = data.draw(st.integers(1, 6)), data.draw(st.integers(1, 6))
    x = images(seed, (N, C, H, W))
    if mode == "crop":
        h, w = data.draw(st.integers(1, H)), data.draw(st.integers(1, W))
        crop: tuple[int, int] | None = (h, w)
        top, left = (H - h) // 2, (W - w) // 2
        dy = st.integers(top - (H - h), top)
        dx = st.integers(left - (W - w), left)
    else:
        crop, h, w = None, H, W
        dy = dx = st.integers(-8, 8)
    shifts = data.draw(st.lists(st.tuples(dy, dx), min_size=1, max_size=6))
    model = flatten_model((C, h, w), classes=3, seed=seed)
    batch = data.draw(st.integers(1, 8))
    got = predict_shifted(model, x, shifts, shift_mode=mode, crop_size=crop, batch_size=batch)
    np.testing.assert_array_equal(got, oracle_predictions(model, x, shifts, mode, crop))


@pytest.mark.parametrize("mode", MODES)
def test_accuracy_per_shift_matches_the_loop(mode: ShiftMode) -> None:
    x = images(2, (12, 1, 6, 6))
    crop = (4, 4) if mode == "crop" else None
    model = flatten_model((1, *(crop or (6, 6))), classes=3, seed=2)
    shifts = all_shifts(-1, 1)
    labels = np.random.default_rng(3).integers(0, 3, size=12)
    predictions = oracle_predictions(model, x, shifts, mode, crop)
    expected = [np.mean([predictions[n, s] == labels[n] for n in range(12)]) for s in range(9)]
    for given_labels in (labels, torch.from_numpy(labels), labels.tolist()):
        got = accuracy_per_shift(model, x, given_labels, shifts, shift_mode=mode, crop_size=crop)
        assert got.dtype == np.float64
        np.testing.assert_array_equal(got, expected)


# Consistency and change probability against the loop.


def oracle_consistency_all_pairs(predictions: Array) -> tuple[int, int]:
    """Every ordered pair (a, b) of grid shifts of every image: how many agree."""
    agree = total = 0
    for row in predictions:
        for a, b in itertools.product(row, repeat=2):
            agree += int(a == b)
            total += 1
    return agree, total


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("pairs", ["random", "unshifted"])
def test_exact_consistency_matches_the_pair_loop(mode: ShiftMode, pairs: Pairs) -> None:
    x = images(4, (6, 2, 8, 8))
    crop = (6, 6) if mode == "crop" else None
    model = flatten_model((2, *(crop or (8, 8))), classes=3, seed=4)
    grid = all_shifts(-1, 1)
    predictions = oracle_predictions(model, x, grid, mode, crop)  # (N, 9)
    if pairs == "random":
        agree, total = oracle_consistency_all_pairs(predictions)
    else:
        reference = oracle_predictions(model, x, [(0, 0)], mode, crop)[:, 0]
        agree = sum(int(p == r) for row, r in zip(predictions, reference, strict=True) for p in row)
        total = predictions.size
    got = shift_consistency(model, x, max_shift=1, pairs=pairs, shift_mode=mode, crop_size=crop)
    assert got == Proportion(agree, total)
    assert 0 < got.value < 1  # the flatten model is not invariant


@pytest.mark.parametrize("pairs", ["random", "unshifted"])
def test_sampled_consistency_matches_the_loop_with_the_documented_draws(pairs: Pairs) -> None:
    x = images(5, (5, 1, 6, 6))
    model = flatten_model((1, 6, 6), classes=3, seed=5)
    k, lo, hi = 7, -2, 3
    got = shift_consistency(
        model,
        x,
        max_shift=(lo, hi),
        pairs=pairs,
        n_samples=k,
        rng=np.random.default_rng(9),
    )
    rng = np.random.default_rng(9)
    agree = 0
    if pairs == "random":
        draws = rng.integers(lo, hi, size=(5, k, 2, 2), endpoint=True)
        for n, j in itertools.product(range(5), range(k)):
            a, b = oracle_predictions(model, x[n : n + 1], draws[n, j].tolist(), "circular")[0]
            agree += int(a == b)
    else:
        draws = rng.integers(lo, hi, size=(5, k, 2), endpoint=True)
        for n, j in itertools.product(range(5), range(k)):
            a, b = oracle_predictions(model, x[n : n + 1], [(0, 0), draws[n, j]], "circular")[0]
            agree += int(a == b)
    assert got == Proportion(agree, 5 * k)


def test_every_shift_of_the_range_is_drawn_ends_included() -> None:
    # A model whose class is the column of the brightest pixel reads the drawn dx back.
    class Column(nn.Module):
        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return x.amax(dim=(1, 2))  # (N, W): argmax is the column of the max

    x = torch.zeros(1, 1, 1, 9)
    x[0, 0, 0, 4] = 1.0  # the dot at column 4; dx moves it to column 4 + dx
    seen = predict_shifted(Column(), x, all_shifts(-3, 3))
    assert sorted(set(seen[0].tolist())) == [1, 2, 3, 4, 5, 6, 7]
    # The exact count over the range [-3, 3]: 7 columns x 7 rows of shifts, one class each
    # column: 7 * 7**2 agreeing pairs of 49**2.
    assert shift_consistency(Column(), x, max_shift=3) == Proportion(7 * 49, 49 * 49)


def test_sampled_consistency_estimates_the_exact_value() -> None:
    x = images(6, (20, 1, 6, 6))
    model = flatten_model((1, 6, 6), classes=3, seed=6)
    exact = shift_consistency(model, x, max_shift=2).value
    sampled = shift_consistency(model, x, max_shift=2, n_samples=200, rng=np.random.default_rng(0))
    assert sampled.total == 20 * 200
    sigma = math.sqrt(exact * (1 - exact) / sampled.total)  # at most, for independent draws
    assert abs(sampled.value - exact) < 5 * sigma + 0.02  # images share draws' structure


@pytest.mark.parametrize("mode", MODES)
def test_change_probability_matches_the_loop(mode: ShiftMode) -> None:
    x = images(7, (10, 2, 6, 6))
    crop = (4, 4) if mode == "crop" else None
    model = flatten_model((2, *(crop or (6, 6))), classes=3, seed=7)
    predictions = oracle_predictions(model, x, [(0, 0), *UNIT_SHIFTS], mode, crop)
    changed = int((predictions[:, 1:] != predictions[:, :1]).sum())
    got = change_probability(model, x, shift_mode=mode, crop_size=crop)
    assert got == Proportion(changed, 40)
    assert got.count > 0


def test_zero_fill_is_a_crop_from_a_zero_padded_canvas() -> None:
    x = images(8, (4, 1, 5, 5))
    model = flatten_model((1, 5, 5), seed=8)
    canvas = nn.functional.pad(x, (2, 2, 2, 2))  # (N, C, 9, 9), zeros around
    shifts = all_shifts(-2, 2)
    zero = predict_shifted(model, x, shifts, shift_mode="zero")
    crop = predict_shifted(model, canvas, shifts, shift_mode="crop", crop_size=5)
    np.testing.assert_array_equal(zero, crop)


def test_zhangs_crop_offsets_are_the_shifts_minus_15_to_16() -> None:
    # The documented translation of Zhang's offsets {0..31} of a 224 crop in a 256 canvas
    # to max_shift=(-15, 16), on a scaled-down canvas: offsets {0..3} of a 4 crop in 8.
    x = images(9, (2, 1, 8, 8))
    model = flatten_model((1, 4, 4), seed=9)
    by_offset = [
        [predict_one(model, image[:, oy : oy + 4, ox : ox + 4]) for oy, ox in all_shifts(0, 3)]
        for image in x.numpy()
    ]
    by_shift = predict_shifted(
        model, x, [(2 - oy, 2 - ox) for oy, ox in all_shifts(0, 3)], shift_mode="crop", crop_size=4
    )
    np.testing.assert_array_equal(by_shift, by_offset)
    shift_consistency(model, x, max_shift=(-1, 2), shift_mode="crop", crop_size=4)  # fits


# One pass for the whole table.


@pytest.mark.parametrize("mode", MODES)
def test_shift_test_agrees_with_the_separate_measures_in_one_pass(mode: ShiftMode) -> None:
    x = images(16, (9, 1, 10, 10))
    crop = (6, 6) if mode == "crop" else None
    inner = flatten_model((1, *(crop or (10, 10))), classes=3, seed=16)
    labels = np.random.default_rng(16).integers(0, 3, size=9)
    model = Counting(inner)
    test = shift_test(model, x, labels, max_shift=2, shift_mode=mode, crop_size=crop, batch_size=50)
    assert model.calls == [50] * 4 + [25]  # 9 images x 25 shifts, nothing run twice
    grid = all_shifts(-2, 2)
    assert test.shifts.tolist() == [list(v) for v in grid]
    kw: dict[str, Any] = {"shift_mode": mode, "crop_size": crop}
    np.testing.assert_array_equal(test.predictions, predict_shifted(inner, x, grid, **kw))
    np.testing.assert_array_equal(test.accuracy, accuracy_per_shift(inner, x, labels, grid, **kw))
    assert test.consistency == shift_consistency(inner, x, max_shift=2, **kw)
    assert test.consistency_unshifted == shift_consistency(
        inner, x, max_shift=2, pairs="unshifted", **kw
    )
    assert test.change == change_probability(inner, x, **kw)
    assert test.mean_accuracy == pytest.approx(test.accuracy.mean(), abs=0)
    for i, j in itertools.product(range(5), repeat=2):
        column = grid.index((i - 2, j - 2))
        assert test.accuracy_map[i, j] == test.accuracy[column]
    with pytest.raises(ValueError, match="read-only"):
        test.predictions[0, 0] = 1


def test_shift_test_of_an_invariant_model_and_of_no_images() -> None:
    x = images(17, (12, 2, 8, 8))
    model = centred(invariant_model(seed=17, pool=nn.AdaptiveMaxPool2d), x)
    labels = predict_shifted(model, x, [(0, 0)])[:, 0]
    test = shift_test(model, x, labels, max_shift=4)
    assert (test.accuracy_map == 1.0).all()
    assert test.consistency == Proportion(12 * 81**2, 12 * 81**2)
    assert test.change == Proportion(0, 48)
    empty = shift_test(model, x[:0], labels[:0], max_shift=1)
    assert empty.predictions.shape == (0, 9)
    assert np.isnan(empty.accuracy_map).all()
    assert math.isnan(empty.mean_accuracy)
    for rate in (empty.consistency, empty.consistency_unshifted, empty.change):
        assert rate == Proportion(0, 0)


# Invariant and non-invariant models.


@pytest.mark.parametrize("pool", [nn.AdaptiveAvgPool2d, nn.AdaptiveMaxPool2d])
def test_an_invariant_model_is_consistent_and_never_changes(pool: type[nn.Module]) -> None:
    x = images(10, (16, 2, 8, 8))
    model = centred(invariant_model(pool=pool, seed=10), x)
    assert classes_used(model, x) >= 3  # a 1.0 that is not one class for everything
    kinds: tuple[Pairs, ...] = ("random", "unshifted")
    for pairs in kinds:
        exact = shift_consistency(model, x, max_shift=3, pairs=pairs)
        assert exact.count == exact.total == (16 * 49**2 if pairs == "random" else 16 * 49)
        sampled = shift_consistency(
            model,
            x,
            max_shift=3,
            pairs=pairs,
            n_samples=5,
            rng=np.random.default_rng(1),
        )
        assert sampled == Proportion(80, 80)
    assert change_probability(model, x) == Proportion(0, 64)
    labels = predict_shifted(model, x, [(0, 0)])[:, 0]
    labels[::3] = (labels[::3] + 1) % 4  # 6 of the 16 wrong
    accuracy = accuracy_per_shift(model, x, labels, all_shifts(-4, 4))
    assert np.all(accuracy == accuracy[0])
    assert accuracy[0] == 10 / 16


def test_the_invariant_model_is_not_invariant_to_zero_fill_shifts() -> None:
    # The same network under translation on a zero canvas: content leaves the frame.
    x = images(11, (16, 2, 8, 8))
    model = centred(invariant_model(seed=11), x)
    assert classes_used(model, x) >= 3
    assert shift_consistency(model, x, max_shift=3).value == 1.0
    assert shift_consistency(model, x, max_shift=3, shift_mode="zero").value < 1


@settings(max_examples=25)
@given(st.integers(1, 3), st.integers(2, 7), st.integers(2, 7), seeds)
def test_circular_conv_and_global_max_are_exactly_invariant(
    C: int, H: int, W: int, seed: int
) -> None:
    # A global max is order-free, so the logits are bitwise equal for every roll.
    x = images(seed, (3, C, H, W))
    model = centred(invariant_model(channels=C, seed=seed, pool=nn.AdaptiveMaxPool2d), x)
    assert shift_consistency(model, x, max_shift=2).value == 1.0
    assert change_probability(model, x).value == 0.0


def test_a_flatten_model_is_not_invariant() -> None:
    x = images(12, (16, 2, 8, 8))
    model = flatten_model((2, 8, 8), seed=12)
    assert shift_consistency(model, x, max_shift=3).value < 0.9
    assert change_probability(model, x).value > 0.1
    accuracy = accuracy_per_shift(
        model, x, predict_shifted(model, x, [(0, 0)])[:, 0], all_shifts(-1, 1)
    )
    assert accuracy[4] == 1.0  # the unshifted column: right by construction
    assert accuracy.min() < 1.0


# Ties.


def test_a_tie_goes_to_the_first_maximal_class() -> None:
    x = images(13, (3, 1, 4, 4))
    assert predict_shifted(Fixed([0.0, 0.0, 0.0]), x, [(0, 0), (1, 1)]).tolist() == [[0, 0]] * 3
    assert predict_shifted(Fixed([1.0, 3.0, 3.0]), x, [(0, 0)]).tolist() == [[1]] * 3
    # A constant model never changes its mind: consistency 1, change probability 0.
    assert shift_consistency(Fixed([1.0, 3.0, 3.0]), x, max_shift=1).value == 1.0
    assert change_probability(Fixed([2.0, 2.0]), x).value == 0.0


# The model as found, as left.


def bn_model() -> nn.Module:
    bn, pool, head = nn.BatchNorm2d(4), nn.AdaptiveAvgPool2d(1), nn.Linear(4, 3)
    bn.running_mean = torch.full((4,), 0.3)  # non-default statistics, so a reset would show
    bn.running_var = torch.full((4,), 2.0)
    pool.eval()  # mixed flags: one submodule already in eval mode
    head.weight.requires_grad_(False)
    conv = nn.Conv2d(1, 4, 3, padding=1)
    return nn.Sequential(conv, bn, nn.ReLU(), nn.Dropout(0.5), pool, nn.Flatten(), head)


MEASURES: dict[str, Callable[[nn.Module, torch.Tensor], object]] = {
    "predict_shifted": lambda m, x: predict_shifted(m, x, all_shifts(-1, 1)),
    "accuracy_per_shift": lambda m, x: accuracy_per_shift(m, x, [0] * len(x), [(0, 1)]),
    "shift_consistency": lambda m, x: shift_consistency(m, x, max_shift=1),
    "sampled_consistency": lambda m, x: shift_consistency(
        m, x, max_shift=1, pairs="unshifted", n_samples=3, rng=np.random.default_rng(0)
    ),
    "change_probability": change_probability,
    "shift_test": lambda m, x: shift_test(m, x, [1] * len(x), max_shift=1),
}


@pytest.mark.parametrize("measure", MEASURES.values(), ids=MEASURES.keys())
def test_the_model_is_left_as_found(measure: Callable[[nn.Module, torch.Tensor], object]) -> None:
    model = bn_model()
    flags = [m.training for m in model.modules()]
    state = {k: v.clone() for k, v in model.state_dict().items()}
    requires = [p.requires_grad for p in model.parameters()]
    measure(model, torch.randn(6, 1, 5, 5, generator=torch.Generator().manual_seed(0)))
    assert [m.training for m in model.modules()] == flags
    assert flags[:2] == [True, True]
    assert not flags[5]
    after = model.state_dict()
    assert after.keys() == state.keys()
    for key, value in state.items():  # running stats and num_batches_tracked included
        assert torch.equal(after[key], value), key
    assert [p.requires_grad for p in model.parameters()] == requires
    assert all(p.grad is None for p in model.parameters())
    assert all(
        not (m._forward_hooks or m._forward_pre_hooks or m._backward_hooks) for m in model.modules()
    )
    assert torch.is_grad_enabled()


def test_the_model_runs_in_eval_mode_without_gradients() -> None:
    seen: list[tuple[bool, bool]] = []

    class Probe(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = nn.Sequential(nn.Flatten(), nn.Linear(16, 2))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            seen.append((self.training or self.inner.training, torch.is_grad_enabled()))
            out: torch.Tensor = self.inner(x)
            return out

    probe = Probe().train()
    shift_consistency(probe, torch.randn(3, 1, 4, 4), max_shift=1)
    assert seen
    assert set(seen) == {(False, False)}
    assert probe.training
    assert probe.inner.training


def test_the_flags_are_restored_after_an_error() -> None:
    class Broken(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bn = nn.BatchNorm2d(1)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            raise RuntimeError("broken model")

    model = Broken().train()
    with pytest.raises(RuntimeError, match="broken model"):
        change_probability(model, torch.randn(2, 1, 4, 4))
    assert model.training
    assert model.bn.training
    assert torch.is_grad_enabled()


def test_a_model_without_parameters_runs_on_the_images_device() -> None:
    channel_max = nn.Sequential(nn.AdaptiveMaxPool2d(1), nn.Flatten())
    assert shift_consistency(channel_max, torch.randn(4, 3, 5, 5), max_shift=2).value == 1.0


# Batching.


@pytest.mark.parametrize(
    ("name", "run", "jobs"),
    [
        (
            "predict_shifted",
            lambda m, x, b: predict_shifted(m, x, all_shifts(-1, 1), batch_size=b),
            11 * 9,
        ),
        (
            "accuracy",
            lambda m, x, b: accuracy_per_shift(m, x, [1] * 11, all_shifts(-2, 2), batch_size=b),
            11 * 25,
        ),
        (
            "exact random",
            lambda m, x, b: shift_consistency(m, x, max_shift=1, batch_size=b),
            11 * 9,
        ),
        (
            "exact unshifted",
            lambda m, x, b: shift_consistency(m, x, max_shift=1, pairs="unshifted", batch_size=b),
            11 * 9 + 11,
        ),
        (
            "sampled random",
            lambda m, x, b: shift_consistency(
                m, x, max_shift=2, n_samples=4, rng=np.random.default_rng(3), batch_size=b
            ),
            11 * 4 * 2,
        ),
        (
            "sampled unshifted",
            lambda m, x, b: shift_consistency(
                m,
                x,
                max_shift=2,
                pairs="unshifted",
                n_samples=4,
                rng=np.random.default_rng(3),
                batch_size=b,
            ),
            11 * 4 + 11,
        ),
        ("change", lambda m, x, b: change_probability(m, x, batch_size=b), 11 * 5),
    ],
)
def test_results_do_not_depend_on_the_batch_size_and_forwards_are_bounded(
    name: str, run: Callable[[nn.Module, torch.Tensor, int], Any], jobs: int
) -> None:
    x = images(14, (11, 1, 6, 6))
    results = []
    for batch_size in (1, 7, 64, 10_000):
        model = Counting(flatten_model((1, 6, 6), classes=3, seed=14))
        results.append(run(model, x, batch_size))
        assert model.calls, name
        assert max(model.calls) <= batch_size
        assert sum(model.calls) == jobs
        assert len(model.calls) == math.ceil(jobs / batch_size)
    for result in results[1:]:
        if isinstance(result, Proportion):
            assert result == results[0]
        else:
            np.testing.assert_array_equal(result, results[0])


# No images: no evidence.


def test_no_images_give_nan_and_no_forward_call() -> None:
    model = Counting(flatten_model((1, 4, 4)))
    x = torch.zeros(0, 1, 4, 4)
    assert predict_shifted(model, x, [(0, 0), (1, 0)]).shape == (0, 2)
    accuracy = accuracy_per_shift(model, x, np.zeros(0, dtype=np.int64), [(0, 0), (1, 0)])
    assert accuracy.shape == (2,)
    assert np.isnan(accuracy).all()
    for rate in (
        shift_consistency(model, x, max_shift=2),
        shift_consistency(model, x, max_shift=2, pairs="unshifted"),
        shift_consistency(model, x, max_shift=2, n_samples=3, rng=np.random.default_rng(0)),
        change_probability(model, x),
        change_probability(flatten_model((1, 4, 4)), X, shifts=[]),
    ):
        assert rate.total == 0
        assert math.isnan(rate.value)
        assert str(rate) == "nan (0 of 0)"
    assert model.calls == []


# Errors name what was expected.

MODEL = flatten_model((1, 4, 4))
X = torch.zeros(2, 1, 4, 4, dtype=torch.float64)
# Typed Any: these calls break the annotations on purpose.
predict_any: Any = predict_shifted
accuracy_any: Any = accuracy_per_shift
shift_any: Any = shift_consistency
change_any: Any = change_probability


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: predict_any(MODEL, X[0], [(0, 0)]), ValueError, r"shape \(N, C, H, W\)"),
        (lambda: predict_any(MODEL, X[None], [(0, 0)]), ValueError, r"shape \(N, C, H, W\)"),
        (lambda: predict_any(MODEL, X.long(), [(0, 0)]), TypeError, "floating"),
        (lambda: predict_any(MODEL, X.numpy(), [(0, 0)]), TypeError, "torch.Tensor"),
        (lambda: predict_any(MODEL, torch.zeros(2, 0, 4, 4), [(0, 0)]), ValueError, "channel"),
        (lambda: predict_any(lambda a: a, X, [(0, 0)]), TypeError, "nn.Module"),
        (
            lambda: predict_any(MODEL, X, [(0, 0)], shift_mode="wrap"),
            ValueError,
            "shift_mode must be one of",
        ),
        (
            lambda: predict_any(MODEL, X, [(0, 0)], crop_size=2),
            ValueError,
            "only with shift_mode='crop'",
        ),
        (
            lambda: predict_any(MODEL, X, [(0, 0)], shift_mode="crop"),
            ValueError,
            "needs crop_size",
        ),
        (
            lambda: predict_any(MODEL, X, [(0, 0)], shift_mode="crop", crop_size=5),
            ValueError,
            "fit the 4 x 4",
        ),
        (
            lambda: predict_any(MODEL, X, [(0, 0)], shift_mode="crop", crop_size=0),
            ValueError,
            "fit the 4 x 4",
        ),
        (
            lambda: predict_any(MODEL, X, [(0, 0)], shift_mode="crop", crop_size=(2, 2, 2)),
            ValueError,
            "crop_size must be",
        ),
        (
            lambda: predict_any(MODEL, X, [(2, 0)], shift_mode="crop", crop_size=2),
            ValueError,
            r"dy must lie in \[-1, 1\]",
        ),
        (lambda: predict_any(MODEL, X, [(0, 0, 0)]), ValueError, r"pair \(dy, dx\)"),
        (lambda: predict_any(MODEL, X, [(0.5, 0)]), TypeError, "integer"),
        (lambda: predict_any(MODEL, X, "00"), TypeError, "sequence of"),
        (
            lambda: predict_any(MODEL, X, [(0, 0)], batch_size=0),
            ValueError,
            "batch_size must be >= 1",
        ),
        (
            lambda: predict_any(MODEL, X, [(0, 0)], batch_size=2.0),
            TypeError,
            "batch_size must be an integer",
        ),
        (
            lambda: predict_any(nn.Flatten(0), X, [(0, 0)]),
            ValueError,
            r"logits of shape \(2, K\), got \(32,\)",
        ),
        (
            lambda: predict_any(nn.Identity(), X, [(0, 0)]),
            ValueError,
            r"logits of shape \(2, K\)",
        ),
        (lambda: predict_any(Fixed([0.0, math.nan]), X, [(0, 0)]), ValueError, "nan logits"),
        (lambda: predict_any(Fixed([]), X, [(0, 0)]), ValueError, "no classes"),
        (
            lambda: accuracy_any(MODEL, X, [0], [(0, 0)]),
            ValueError,
            r"labels must have shape \(N,\) = \(2,\)",
        ),
        (
            lambda: accuracy_any(MODEL, X, [0.0, 1.0], [(0, 0)]),
            TypeError,
            "labels must be integers",
        ),
        (
            lambda: accuracy_any(MODEL, X, [0, 4], [(0, 0)]),
            ValueError,
            r"labels must lie in \[0, 4\)",
        ),
        (
            lambda: accuracy_any(MODEL, X, [-1, 0], [(0, 0)]),
            ValueError,
            r"labels must lie in \[0, 4\)",
        ),
        (
            lambda: shift_any(MODEL, X, max_shift=1, pairs="all"),
            ValueError,
            "pairs must be",
        ),
        (
            lambda: shift_any(MODEL, X, max_shift=-1),
            ValueError,
            "max_shift must be an integer >= 0",
        ),
        (lambda: shift_any(MODEL, X, max_shift=(2, 1)), ValueError, "low <= high"),
        (lambda: shift_any(MODEL, X, max_shift=(1, 2, 3)), ValueError, "max_shift must be"),
        (
            lambda: shift_any(MODEL, X, max_shift=1.5),
            TypeError,
            "max_shift must be an integer",
        ),
        (
            lambda: shift_any(MODEL, X, max_shift=2, shift_mode="crop", crop_size=2),
            ValueError,
            r"max_shift=2 moves the 2 x 2 window",
        ),
        (
            lambda: shift_any(MODEL, X, max_shift=(0, 2), shift_mode="crop", crop_size=3),
            ValueError,
            r"dy must lie in \[-1, 0\]",
        ),
        (
            lambda: shift_any(MODEL, X, max_shift=1, n_samples=0, rng=np.random.default_rng(0)),
            ValueError,
            "n_samples must be >= 1",
        ),
        (
            lambda: shift_any(MODEL, X, max_shift=1, n_samples=3),
            TypeError,
            "rng must be a numpy Generator",
        ),
        (
            lambda: shift_any(MODEL, X, max_shift=1, n_samples=3, rng=0),
            TypeError,
            "rng must be a numpy Generator",
        ),
        (
            lambda: shift_any(MODEL, X, max_shift=1, rng=np.random.default_rng(0)),
            ValueError,
            "rng is used only with n_samples",
        ),
        (lambda: change_any(MODEL, X, shifts=[(1,)]), ValueError, r"pair \(dy, dx\)"),
        (lambda: shift_test(MODEL, X, [0, 1], max_shift=0), ValueError, "max_shift must be >= 1"),
        (
            lambda: shift_test(MODEL, X, [0, 9], max_shift=1),
            ValueError,
            r"labels must lie in \[0, 4\)",
        ),
        (lambda: shift_test(MODEL, X, [0], max_shift=1), ValueError, r"labels must have shape"),
    ],
)
def test_bad_input_names_what_was_expected(
    call: Callable[[], object], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        call()


def test_shifts_come_as_sequences_arrays_or_tensors() -> None:
    x = images(15, (3, 1, 4, 4))
    model = flatten_model((1, 4, 4), seed=15)
    as_list = predict_shifted(model, x, [(0, 1), (1, -1)])
    np.testing.assert_array_equal(predict_shifted(model, x, np.array([[0, 1], [1, -1]])), as_list)
    np.testing.assert_array_equal(
        predict_shifted(model, x, torch.tensor([[0, 1], [1, -1]])), as_list
    )
    assert shift_consistency(model, x, max_shift=cast(Any, np.int64(1))) == shift_consistency(
        model, x, max_shift=1
    )


def test_proportion() -> None:
    assert Proportion(3, 4).value == 0.75
    assert float(Proportion(1, 3)) == 1 / 3
    assert str(Proportion(2, 3)) == "0.667 (2 of 3)"
    assert math.isnan(Proportion(0, 0).value)
