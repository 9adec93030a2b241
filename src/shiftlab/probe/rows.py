"""The rows of a probe report: one layer call, and the model's output; plain data.

Each converts to a dict of lists, numbers, strings and None (``to_dict``) and back
(``from_dict``), the errors as lists that follow the report's shifts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from shiftlab.consistency import Proportion
from shiftlab.measures import ShiftError, ShiftReport


@dataclass(frozen=True)
class LayerReport:
    """One call of one hooked module: where it sits, its stride, and its error per shift.

    Attributes:
        name: The module's name in ``model.named_modules()`` ("" for the model itself,
            "(output)" for a model output no hooked module returned).
        type: The module's class name.
        call: 0 for its first call in a forward pass, 1 for the second, ...
        input_shape: Shape of its first tensor argument (None if it had none).
        output_shape: Shape of its output tensor (of the first item of a tuple output).
        stride: Total stride ``s`` per spatial axis; None when skipped for it.
        upsample: Total up-factor ``q`` per spatial axis; None when skipped for it.
        crop: Output samples dropped on both sides of each axis before comparing.
        radius: The receptive-field bound ``R`` per axis in input samples that set an
            automatic crop; None when not used or unbounded.
        errors: One ``ShiftError`` per requested shift; None when skipped.
        skipped: Why the layer was not measured; None when it was.

    Examples:
        >>> row = LayerReport("pool", "MaxPool2d", 0, (1, 4, 8, 8), (1, 4, 4, 4), (2, 2), (1, 1),
        ...                   (0, 0), None, ShiftReport(()), None)
        >>> row.measured, row.stride_text
        (True, '2')
    """

    name: str
    type: str
    call: int
    input_shape: tuple[int, ...] | None
    output_shape: tuple[int, ...]
    stride: tuple[int, ...] | None
    upsample: tuple[int, ...] | None
    crop: tuple[int, ...] | None
    radius: tuple[float, ...] | None
    errors: ShiftReport | None
    skipped: str | None

    @property
    def measured(self) -> bool:
        """Whether the layer was compared (it may still have undefined shifts)."""
        return self.errors is not None

    @property
    def stride_text(self) -> str:
        """The stride per axis, ``1/q`` for an up-factor, one number if all axes agree."""
        if self.stride is None or self.upsample is None:
            return "-"
        parts = [
            str(s) if q == 1 else f"1/{q}" for s, q in zip(self.stride, self.upsample, strict=True)
        ]
        return parts[0] if len(set(parts)) == 1 else ",".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """The fields as lists, numbers and strings; errors as lists following the shifts."""
        data: dict[str, Any] = {"name": self.name, "type": self.type, "call": self.call}
        data |= {key: _list(getattr(self, key)) for key in _SHAPED}
        data["skipped"] = self.skipped
        return data | ({} if self.errors is None else _values(self.errors))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], shifts: Sequence[Sequence[int]]) -> LayerReport:
        """Read back ``to_dict()`` of a row measured under ``shifts``."""
        return cls(
            name=data["name"],
            type=data["type"],
            call=data["call"],
            input_shape=_tuple(data["input_shape"]),
            output_shape=tuple(data["output_shape"]),
            stride=_tuple(data["stride"]),
            upsample=_tuple(data["upsample"]),
            crop=_tuple(data["crop"]),
            radius=_tuple(data["radius"]),
            errors=_errors(shifts, data, invariance=False) if "relative_l2" in data else None,
            skipped=data["skipped"],
        )


@dataclass(frozen=True)
class OutputReport:
    """The model's output: its invariance error and, for a classifier, its predictions.

    Attributes:
        shape: Shape of the (selected) output for the input.
        invariance: ``f(T_v x)`` against ``f(x)`` per shift, nan where there is no evidence.
        classes: K for (N, K) logits measured as a classifier, else None.
        consistency: Of the N x S (image, shift) pairs, how many keep the unshifted
            prediction (``shift_consistency(..., pairs="unshifted")`` over these shifts).
        change: ``change_probability`` under the one-pixel shifts of every axis.

    Examples:
        >>> out = OutputReport((1, 3), ShiftReport((ShiftError((1,), (), 0.5, 0.25),)))
        >>> OutputReport.from_dict(out.to_dict(), [(1,)]) == out
        True
    """

    shape: tuple[int, ...]
    invariance: ShiftReport
    classes: int | None = None
    consistency: Proportion | None = None
    change: Proportion | None = None

    def to_dict(self) -> dict[str, Any]:
        """The fields as lists, numbers and strings; the invariance errors as two lists."""
        values = _values(self.invariance)
        del values["output_shifts"]  # always ()
        return {"shape": list(self.shape), **values, "classes": self.classes} | {
            "consistency": _rate(self.consistency),
            "change": _rate(self.change),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], shifts: Sequence[Sequence[int]]) -> OutputReport:
        """Read back ``to_dict()`` of an output measured under ``shifts``."""
        return cls(
            tuple(data["shape"]),
            _errors(shifts, data, invariance=True),
            data["classes"],
            _proportion(data["consistency"]),
            _proportion(data["change"]),
        )


def _values(report: ShiftReport) -> dict[str, Any]:
    return {
        "output_shifts": [None if e.output_shift is None else list(e.output_shift) for e in report],
        "relative_l2": [e.relative_l2 for e in report],
        "max_abs": [e.max_abs for e in report],
    }


def _errors(
    shifts: Iterable[Sequence[int]], data: Mapping[str, Any], *, invariance: bool
) -> ShiftReport:
    moves = data.get("output_shifts") or [[] for _ in data["relative_l2"]]
    return ShiftReport(
        tuple(
            ShiftError(tuple(v), () if invariance else (None if u is None else tuple(u)), *pair)
            for v, u, *pair in zip(
                shifts,
                moves,
                map(_float, data["relative_l2"]),
                map(_float, data["max_abs"]),
                strict=True,
            )
        )
    )


def _float(value: object) -> float:
    return math.nan if value is None else float(str(value))


def _rate(p: Proportion | None) -> dict[str, int] | None:
    return None if p is None else {"count": p.count, "total": p.total}


def _proportion(data: Mapping[str, int] | None) -> Proportion | None:
    return None if data is None else Proportion(data["count"], data["total"])


def _tuple(value: Iterable[Any] | None) -> tuple[Any, ...] | None:
    return None if value is None else tuple(value)


_SHAPED = ("input_shape", "output_shape", "stride", "upsample", "crop", "radius")


def _list(value: tuple[Any, ...] | None) -> list[Any] | None:
    return None if value is None else list(value)
