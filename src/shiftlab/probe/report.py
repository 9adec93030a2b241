"""What the probe found: one row per layer call, the output, and why some layers were skipped.

Plain data (tuples, floats, ``ShiftReport`` and ``Proportion``), with a text table,
``to_dict`` and JSON (no pandas). In JSON a nan (undefined shift, or no evidence) is
``null`` and an infinite relative error is the string ``"inf"``; ``from_dict`` reads both
back, so a saved report can be drawn by ``shiftlab.figures.probe.probe_figure`` later.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from shiftlab.measures import ShiftReport
from shiftlab.probe.rows import LayerReport, OutputReport

_COLUMNS = 6  # per-shift columns in the table; more shifts are summarised


def _cell(value: float, defined: bool = True) -> str:
    if not defined:
        return "undefined"
    if math.isnan(value) or math.isinf(value):
        return str(value)
    return "0" if value == 0 else f"{value:.2e}"


_SUMMARY = ("defined", "measured", "max rel L2", "max abs")


def _summary(errors: ShiftReport) -> list[str]:
    """Defined shifts, those with evidence, and the largest errors over the latter."""
    measured = [e for e in errors if e.measured]
    worst = [max((getattr(e, key) for e in measured), default=math.nan) for key in _KEYS]
    return [f"{len(errors.defined)}/{len(errors)}", str(len(measured)), *map(_cell, worst)]


_KEYS = ("relative_l2", "max_abs")


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]


def _json_safe(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None if math.isnan(value) else str(value)
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    return value


@dataclass(frozen=True)
class ProbeReport:
    """The probe's result: every hooked layer call in the order it ran, and the output.

    ``str(report)`` is a table: layer, type, call, stride, crop and the relative L2 error
    per shift (for up to six shifts; for more, how many are defined and the largest
    errors over those), then the output's invariance, the classifier's consistency, and
    the skipped layers with the reason.

    Attributes:
        model: The model's class name.
        input_shape: Shape of the input ``x``.
        shift_mode: "circular" or "zero".
        shifts: The requested shifts, in order; every ``ShiftReport`` follows it.
        layers: One ``LayerReport`` per hooked call, measured or skipped.
        output: The model's output.

    Examples:
        >>> import torch
        >>> from torch import nn
        >>> from shiftlab.probe import probe
        >>> conv = nn.Conv1d(1, 1, 3, padding=1, padding_mode="circular")
        >>> report = probe(nn.Sequential(conv, nn.MaxPool1d(2)), torch.ones(1, 1, 8), [(1,), (2,)])
        >>> print(str(report).splitlines()[3])
        1      MaxPool1d  0     2       0     undefined  0
        >>> back = ProbeReport.from_dict(json.loads(report.to_json()))
        >>> report.skipped, back.to_json() == report.to_json()
        ((), True)
    """

    model: str
    input_shape: tuple[int, ...]
    shift_mode: str
    shifts: tuple[tuple[int, ...], ...]
    layers: tuple[LayerReport, ...]
    output: OutputReport

    @property
    def measured(self) -> tuple[LayerReport, ...]:
        """The layers that were compared."""
        return tuple(row for row in self.layers if row.measured)

    @property
    def skipped(self) -> tuple[LayerReport, ...]:
        """The layers that were not compared; ``row.skipped`` says why."""
        return tuple(row for row in self.layers if not row.measured)

    def layer(self, name: str, call: int = 0) -> LayerReport:
        """The row of module ``name`` (its ``call``-th call), or KeyError naming the known ones."""
        for row in self.layers:
            if (row.name, row.call) == (name, call):
                return row
        known = ", ".join(sorted({repr(row.name) for row in self.layers}))
        raise KeyError(f"no layer {name!r} (call {call}) in the report; layers: {known}")

    def __str__(self) -> str:
        """The table, the output and the skipped layers."""
        few = len(self.shifts) <= _COLUMNS
        head = ["layer", "type", "call", "stride", "crop"]
        head += [str(v) for v in self.shifts] if few else [*_SUMMARY]
        rows = [head]
        for row in self.layers:
            crop = "-" if row.crop is None else ",".join(map(str, sorted(set(row.crop))))
            cells = [row.name or "(model)", row.type, str(row.call), row.stride_text, crop]
            if row.errors is None:
                cells += ["skipped"]
            elif few:
                cells += [_cell(e.relative_l2, e.defined) for e in row.errors]
            else:
                cells += _summary(row.errors)
            rows.append(cells + [""] * (len(head) - len(cells)))
        lines = [
            f"probe of {self.model} on input {self.input_shape}, {len(self.shifts)} "
            f"{self.shift_mode} shift{'s' * (len(self.shifts) != 1)}; relative L2 error of "
            "each layer against T_{v/s} of its unshifted output",
            *_table(rows),
            f"output {self.output.shape}, invariance: {self.output.invariance}",
        ]
        out = self.output
        if out.classes is not None and out.consistency is not None:
            lines.append(
                f"classifier ({out.classes} classes): unshifted prediction kept for "
                f"{out.consistency} of the (image, shift) pairs; changed by {out.change} of "
                "the one-pixel shifts"
            )
        if not few:
            lines.append(
                "defined: shifts with an output action T_{v/s}; measured: defined ones with "
                "evidence (not nan); the maxima are over the measured ones"
            )
        elif any(not e.defined for row in self.measured for e in row.errors or ()):
            lines.append("undefined: the stride s does not divide the shift v (no T_{v/s})")
        lines += [
            f"skipped {r.name or '(model)'} ({r.type}, call {r.call}): {r.skipped}"
            for r in self.skipped
        ]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Plain lists, numbers, strings and None; errors are lists following ``shifts``."""
        return {
            "model": self.model,
            "input_shape": list(self.input_shape),
            "shift_mode": self.shift_mode,
            "shifts": [list(v) for v in self.shifts],
            "layers": [row.to_dict() for row in self.layers],
            "output": self.output.to_dict(),
        }

    def to_json(self, indent: int | None = None) -> str:
        """``to_dict`` as strict JSON: nan becomes null, infinity the string "inf"."""
        return json.dumps(_json_safe(self.to_dict()), indent=indent, allow_nan=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ProbeReport:
        """Read back ``to_dict()`` or ``json.loads(to_json())``."""
        shifts = tuple(tuple(v) for v in data["shifts"])
        return cls(
            data["model"],
            tuple(data["input_shape"]),
            data["shift_mode"],
            shifts,
            tuple(LayerReport.from_dict(row, shifts) for row in data["layers"]),
            OutputReport.from_dict(data["output"], shifts),
        )
