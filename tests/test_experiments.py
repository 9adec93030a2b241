"""The experiment layer: results keyed on code and parameters, saying what the pages say.

The last tests read the shifted-digits result (from the cache `make experiments` filled,
or by running it) and check each qualitative claim the Global pooling page makes about it.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

from shiftlab import shifts
from shiftlab.experiments import EXPERIMENTS, Experiment, run
from shiftlab.experiments.cache import Result, cache_dir, digest, fetch, shiftlab_sources, store
from shiftlab.experiments.digits import MODELS, DigitNet, digits_on_canvas


def test_digest_changes_with_name_params_and_code() -> None:
    base = digest("demo", "shiftlab.shifts", {"seed": 0})
    assert base == digest("demo", "shiftlab.shifts", {"seed": 0})
    assert base != digest("other", "shiftlab.shifts", {"seed": 0})
    assert base != digest("demo", "shiftlab.shifts", {"seed": 1})
    assert base != digest("demo", "shiftlab.experiments.digits", {"seed": 0})  # more code
    with pytest.raises(TypeError, match="not JSON serializable"):
        digest("demo", "shiftlab.shifts", {"seed": object()})


def test_sources_follow_imports_transitively() -> None:
    names = {p.relative_to(p.parents[1]).as_posix() for p in shiftlab_sources("shiftlab.layers")}
    # layers/__init__ imports blurpool, which imports layers.padding and shiftlab.pooling,
    # whose package __init__ imports the whole numpy core.
    assert {"layers/blurpool.py", "layers/padding.py", "layers/polyphase.py"} <= names
    assert {"shiftlab/pooling.py", "shiftlab/measures.py"} <= names
    assert not any(name.startswith("figures/") for name in names)
    with pytest.raises(ValueError, match="expected a shiftlab module with a source file"):
        shiftlab_sources("shiftlab.no_such_module")


def test_store_and_fetch_round_trip(tmp_path: Path) -> None:
    arrays = {"grid": np.arange(6.0).reshape(2, 3), "labels": np.array([1, 2], dtype=np.int8)}
    result = Result("demo", {"seed": 0}, "abc", {"accuracy": 0.5, "models": ["a"]}, arrays, 1.5)
    meta = store(result, tmp_path)
    assert json.loads(meta.read_text())["metrics"] == {"accuracy": 0.5, "models": ["a"]}
    back = fetch("demo", "abc", tmp_path)
    assert back is not None
    assert (back.name, back.params, back.key, back.metrics, back.seconds) == (
        "demo",
        {"seed": 0},
        "abc",
        {"accuracy": 0.5, "models": ["a"]},
        1.5,
    )
    for name, array in arrays.items():
        np.testing.assert_array_equal(back.arrays[name], array)
        assert back.arrays[name].dtype == array.dtype
    assert fetch("demo", "other-key", tmp_path) is None


def test_an_interrupted_store_leaves_nothing_to_read(tmp_path: Path) -> None:
    (tmp_path / "demo-abc.json.partial").write_text("{")
    (tmp_path / "demo-abc.npz").write_bytes(b"")
    assert fetch("demo", "abc", tmp_path) is None


def test_cache_dir_default_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHIFTLAB_EXPERIMENT_CACHE", raising=False)
    assert cache_dir() == Path(".cache") / "experiments"
    monkeypatch.setenv("SHIFTLAB_EXPERIMENT_CACHE", "/tmp/elsewhere")
    assert cache_dir() == Path("/tmp/elsewhere")
    assert cache_dir("given") == Path("given")


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Register a tiny experiment that records its calls and checks torch's settings."""
    calls: list[dict[str, Any]] = []

    def tiny(*, scale: float) -> tuple[dict[str, Any], dict[str, Any]]:
        calls.append(
            {
                "scale": scale,
                "threads": torch.get_num_threads(),
                "deterministic": torch.are_deterministic_algorithms_enabled(),
            }
        )
        if scale < 0:
            raise RuntimeError("asked to fail")
        return {"twice": 2 * scale}, {"ramp": scale * np.arange(3.0)}

    # Registered as if it lived in shiftlab.shifts: that module's code is what its key covers.
    monkeypatch.setattr(shifts, "tiny_experiment", tiny, raising=False)
    monkeypatch.setitem(
        EXPERIMENTS, "tiny", Experiment("shiftlab.shifts", "tiny_experiment", {"scale": 1.0})
    )
    return calls


def test_run_caches_until_code_or_parameters_change(
    counted: list[dict[str, Any]], tmp_path: Path
) -> None:
    first = run("tiny", cache=tmp_path)
    again = run("tiny", cache=tmp_path)
    assert len(counted) == 1  # read back, not run again
    assert again.metrics == first.metrics == {"twice": 2.0}
    np.testing.assert_array_equal(again.arrays["ramp"], [0.0, 1.0, 2.0])
    assert again.key == first.key
    other = run("tiny", cache=tmp_path, scale=3.0)
    assert len(counted) == 2
    assert other.key != first.key
    assert other.metrics == {"twice": 6.0}
    run("tiny", cache=tmp_path, force=True)
    assert len(counted) == 3


def test_run_is_reproducible_and_restores_torch(
    counted: list[dict[str, Any]], tmp_path: Path
) -> None:
    threads, deterministic = torch.get_num_threads(), torch.are_deterministic_algorithms_enabled()
    run("tiny", cache=tmp_path)
    assert counted[-1]["threads"] == 1
    assert counted[-1]["deterministic"] is True
    with pytest.raises(RuntimeError, match="asked to fail"):
        run("tiny", cache=tmp_path, scale=-1.0)
    assert torch.get_num_threads() == threads
    assert torch.are_deterministic_algorithms_enabled() == deterministic
    assert not list(tmp_path.glob("tiny-*.json.partial"))


def test_run_rejects_unknown_names_and_parameters(counted: list[dict[str, Any]]) -> None:
    with pytest.raises(KeyError, match="unknown experiment 'nope'; expected one of"):
        run("nope")
    with pytest.raises(
        TypeError, match=r"tiny has no parameters \['sacle'\]; it takes \['scale'\]"
    ):
        run("tiny", sacle=2.0)
    assert counted == []


def test_the_command_line_runs_and_reports(counted: list[dict[str, Any]], tmp_path: Path) -> None:
    from shiftlab.experiments.__main__ import main

    assert main(["tiny", "--cache", str(tmp_path)]) == 0
    assert main(["tiny", "--cache", str(tmp_path)]) == 0
    assert len(counted) == 1


# The digits experiment's data and networks.
def test_digits_sit_centred_with_a_four_pixel_margin() -> None:
    images, labels = digits_on_canvas()
    assert images.shape == (1797, 1, 16, 16)
    assert images.dtype == np.float32
    assert labels.shape == (1797,)
    assert set(labels.tolist()) == set(range(10))
    inside = np.zeros((16, 16), dtype=bool)
    inside[4:12, 4:12] = True
    assert not images[..., ~inside].any()  # so rolls by at most 4 never wrap the digit
    assert images.min() == 0.0
    assert images.max() == 1.0
    with pytest.raises(ValueError, match="the canvas must hold an 8 x 8 digit, got size 7"):
        digits_on_canvas(7)


def test_a_roll_by_at_most_four_is_the_translation_on_the_canvas() -> None:
    images, _ = digits_on_canvas()
    for v in [(dy, dx) for dy in range(-4, 5) for dx in range(-4, 5)]:
        rolled = torch.roll(torch.from_numpy(images[:50]), v, dims=(-2, -1)).numpy()
        moved = np.zeros_like(images[:50])
        dy, dx = v
        moved[..., 4 + dy : 12 + dy, 4 + dx : 12 + dx] = images[:50, :, 4:12, 4:12]
        np.testing.assert_array_equal(rolled, moved)


@pytest.mark.parametrize("kind", MODELS)
def test_networks_map_canvases_to_ten_scores(kind: str) -> None:
    torch.manual_seed(0)
    scores = DigitNet(kind)(torch.zeros(3, 1, 16, 16))
    assert scores.shape == (3, 10)
    with pytest.raises(ValueError, match="kind must be one of"):
        DigitNet("resnet")


# The shifted-digits result, and every qualitative claim the page makes about it.
@pytest.fixture(scope="module")
def digits() -> Result:
    return run("shifted-digits")


def _metric(result: Result, model: str, name: str) -> float:
    value: float = result.metrics[model][name]
    return value


def test_the_result_has_every_model_and_shift(digits: Result) -> None:
    assert digits.metrics["models"] == list(MODELS)
    assert digits.arrays["accuracy"].shape == (5, 9, 9)
    assert digits.arrays["predictions"].shape == (5, digits.metrics["test_size"], 81)


def test_flatten_collapses_off_centre(digits: Result) -> None:
    accuracy = digits.arrays["accuracy"][MODELS.index("flatten")]
    assert accuracy[4, 4] > 0.9
    assert accuracy[0, 0] < 0.3
    assert accuracy[8, 8] < 0.3
    assert _metric(digits, "flatten", "accuracy_mean") < 0.5


def test_gap_with_max_pooling_is_periodic_with_the_total_stride(digits: Result) -> None:
    index = MODELS.index("gap-maxpool")
    grid = digits.arrays["predictions"][index].reshape(-1, 9, 9)  # (N, dy, dx)
    assert np.array_equal(grid[:, 4:, :], grid[:, :5, :])  # shifts v and v + (4, 0) agree
    assert np.array_equal(grid[:, :, 4:], grid[:, :, :5])
    accuracy = digits.arrays["accuracy"][index]
    assert accuracy.min() < accuracy[4, 4] - 0.2  # but between the multiples it is not
    assert _metric(digits, "gap-maxpool", "change_1px") > 0


def test_blurring_raises_consistency(digits: Result) -> None:
    assert _metric(digits, "gap-blurpool", "consistency") > _metric(
        digits, "gap-maxpool", "consistency"
    )
    assert _metric(digits, "gap-blurpool", "change_1px") < _metric(
        digits, "gap-maxpool", "change_1px"
    )
    assert _metric(digits, "gap-blurpool", "consistency") < 1.0  # better, not exact


@pytest.mark.parametrize("model", ["gap-aps", "gap-stride1"])
def test_aps_and_no_downsampling_are_invariant(digits: Result, model: str) -> None:
    predictions = digits.arrays["predictions"][MODELS.index(model)]
    assert np.array_equal(predictions, predictions[:, [40]].repeat(81, axis=1))  # (0, 0) is 40
    assert _metric(digits, model, "consistency") == 1.0
    assert _metric(digits, model, "change_1px") == 0.0
    assert np.ptp(digits.arrays["accuracy"][MODELS.index(model)]) == 0.0


def test_no_downsampling_is_invariant_but_less_accurate(digits: Result) -> None:
    ours = _metric(digits, "gap-stride1", "accuracy_mean")
    assert ours < _metric(digits, "gap-aps", "accuracy_mean")
    assert ours < _metric(digits, "gap-blurpool", "accuracy_mean")


def test_blurpool_and_aps_add_no_parameters(digits: Result) -> None:
    counts = {m: digits.metrics[m]["parameters"] for m in MODELS}
    assert counts["gap-maxpool"] == counts["gap-blurpool"] == counts["gap-aps"]
    assert counts["gap-stride1"] == counts["gap-maxpool"]
    assert counts["flatten"] > counts["gap-maxpool"]


def test_every_network_predicts_every_class(digits: Result) -> None:
    # Consistency 1.0 from a network stuck on one class would mean nothing.
    assert all(digits.metrics[m]["classes_predicted"] == 10 for m in MODELS)


def test_the_stored_numbers_are_finite_rates(digits: Result) -> None:
    for model in MODELS:
        for name in ("accuracy_centred", "accuracy_mean", "accuracy_min", "consistency"):
            value = _metric(digits, model, name)
            assert math.isfinite(value), (model, name)
            assert 0.0 <= value <= 1.0, (model, name)


def test_reading_a_stored_result_needs_no_torch() -> None:
    # The key is computed from sources on disk and the registry names functions without
    # importing them, so `make experiments` with nothing changed does not load torch.
    probe = (
        "import sys\n"
        "from shiftlab.experiments import EXPERIMENTS\n"
        "from shiftlab.experiments.cache import digest\n"
        "e = EXPERIMENTS['shifted-digits']\n"
        "digest('shifted-digits', e.module, e.params)\n"
        "print('torch' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
