"""Figures: deterministic bytes, both palettes, content-hash cache."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from shiftlab.figures import DARK, FIGURES, LIGHT, build, render
from shiftlab.figures.__main__ import main


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_render_is_deterministic_svg(name: str) -> None:
    first, second = render(name, LIGHT), render(name, LIGHT)
    assert first == second
    text = first.decode()
    assert text.startswith("<?xml")
    assert "</svg>" in text
    assert "<dc:date>" not in text  # no build date in the metadata


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_palettes_differ_and_use_their_foreground(name: str) -> None:
    light, dark = render(name, LIGHT).decode(), render(name, DARK).decode()
    assert light != dark
    assert LIGHT.foreground in light
    assert DARK.foreground in dark
    assert DARK.foreground not in light
    assert LIGHT.foreground not in dark


def test_backgrounds_are_transparent() -> None:
    svg = render("commutative-diagram", DARK).decode()
    # matplotlib writes an opaque white figure patch unless savefig.transparent is set
    assert not re.search(r'style="fill: #ffffff"', svg)


def test_build_skips_unchanged_and_redraws_on_force(tmp_path: Path) -> None:
    first = build(tmp_path, ["shift-kinds"])
    assert sorted(p.name for p in first.written) == [
        "shift-kinds.dark.svg",
        "shift-kinds.light.svg",
    ]
    before = (tmp_path / "shift-kinds.light.svg").stat().st_mtime_ns
    again = build(tmp_path, ["shift-kinds"])
    assert again.written == ()
    assert len(again.unchanged) == 2
    assert (tmp_path / "shift-kinds.light.svg").stat().st_mtime_ns == before
    forced = build(tmp_path, ["shift-kinds"], force=True)
    assert len(forced.written) == 2


def test_build_redraws_when_inputs_change(tmp_path: Path) -> None:
    build(tmp_path, ["shift-kinds"])
    manifest_path = tmp_path / ".manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["shift-kinds.dark.svg"] = "stale digest"
    manifest_path.write_text(json.dumps(manifest))
    (tmp_path / "shift-kinds.light.svg").unlink()
    result = build(tmp_path, ["shift-kinds"])
    assert sorted(p.name for p in result.written) == [
        "shift-kinds.dark.svg",
        "shift-kinds.light.svg",
    ]


def test_build_writes_the_same_bytes_as_render(tmp_path: Path) -> None:
    build(tmp_path, ["circulant-matrices"])
    assert (tmp_path / "circulant-matrices.dark.svg").read_bytes() == render(
        "circulant-matrices", DARK
    )


def test_unknown_figure_names_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="unknown figure 'nope'"):
        render("nope", LIGHT)
    with pytest.raises(KeyError, match=r"unknown figures \['nope'\]"):
        build(tmp_path, ["shift-kinds", "nope"])
    assert not list(tmp_path.glob("*.svg"))


def test_cli_reports_what_it_did(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path), "shift-kinds"]) == 0
    assert "2 written, 0 unchanged" in capsys.readouterr().out
    assert main([str(tmp_path), "shift-kinds"]) == 0
    assert "0 written, 2 unchanged" in capsys.readouterr().out


def test_the_normalisation_figure_uses_torch_s_definitions() -> None:
    # The figure re-implements the layers in numpy (figures may not import torch); its
    # statistics must be torch's: biased variance, eps 1e-5, over the same axes.
    import numpy as np
    import torch
    import torch.nn.functional as F  # noqa: N812

    from shiftlab.figures.normalisation import _normalise

    x = np.random.default_rng(0).standard_normal((3, 4, 5, 6))  # (N, C, H, W)
    t = torch.from_numpy(x)
    grouped = _normalise(x.reshape(3, 2, 2, 5, 6), (2, 3, 4)).reshape(x.shape)
    pairs = {
        "batch": (_normalise(x, (0, 2, 3)), F.batch_norm(t, None, None, training=True)),
        "layer": (_normalise(x, (1, 2, 3)), F.layer_norm(t, [4, 5, 6])),
        "group": (grouped, F.group_norm(t, 2)),
        "instance": (_normalise(x, (2, 3)), F.instance_norm(t)),
    }
    for name, (ours, theirs) in pairs.items():
        np.testing.assert_allclose(ours, theirs.numpy(), atol=1e-12, err_msg=name)
