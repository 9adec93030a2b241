"""Forward hooks that see every layer call: shapes and references once, errors per batch.

One hook per module, removed by ``Recorder.remove`` (the probe calls it in a ``finally``).
The unshifted pass records each call (module, call index, shapes, the receptive-field
bound so far) and keeps a copy of each spatial output, the reference ``F(x)``. In the
shifted passes a hook compares its output with the shifted references at once, before
a later in-place operation (``ReLU(inplace=True)``) can overwrite it, and keeps only the
numbers; the activations of a batch are never stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from functools import partial
from typing import Any

import torch
from torch import nn

from shiftlab.probe.batches import Plan
from shiftlab.probe.compare import Workspace
from shiftlab.probe.reach import ReachBound


class ProbeError(ValueError):
    """A model the probe cannot measure as called; the message says what was expected.

    A ``ValueError``, so ``except ValueError`` catches it with the other bad input.

    Examples:
        >>> from torch import nn
        >>> from shiftlab.probe import probe
        >>> try:
        ...     probe(nn.Conv2d(3, 1, 3), torch.zeros(1, 1, 8, 8), [(0, 1)])
        ... except ProbeError as error:
        ...     str(error).split(":")[0]
        'the model rejects an input, shape (1, 1, 8, 8) (torch.float32)'
    """


class HookError(RuntimeError):
    """A failure inside the probe's own hook code, never blamed on the model.

    Examples:
        >>> issubclass(HookError, ProbeError)
        False
    """


def _first_tensor(value: object) -> torch.Tensor | None:
    """The tensor itself, or the first item of a tuple or list when it is a tensor."""
    if isinstance(value, list | tuple) and value:
        value = value[0]
    return value if isinstance(value, torch.Tensor) else None


@dataclass
class Call:
    """One call of a hooked module in the unshifted pass (see ``Recorder``)."""

    name: str
    module: nn.Module
    call: int
    input_shape: tuple[int, ...] | None
    output_shape: tuple[int, ...] | None
    reference: torch.Tensor | None  # a copy of the spatial output, else None
    crop: tuple[int, ...] | None  # ceil(R / s) from the bound so far, None if unbounded
    radius: tuple[float, ...] | None
    problem: str | None  # why the bound is unbounded
    row: bool  # reported as a row (all leaves, or the layers asked for)
    unfit: str | None = None  # why the output is not a spatial tensor


@dataclass(frozen=True)
class _Site:
    """A hooked module: its name, whether it is a leaf, and whether it gets a row."""

    name: str
    leaf: bool
    row: bool


class Recorder:
    """The hooks on one model: the leaves (every module without children) and ``extra``.

    Examples:
        >>> from torch import nn
        >>> net = nn.Sequential(nn.Conv1d(1, 2, 3, padding=1), nn.ReLU(), nn.Flatten())
        >>> recorder = Recorder(net, torch.zeros(1, 1, 8), extra=set())
        >>> recorder.mode = "reference"
        >>> _ = net(torch.zeros(1, 1, 8))
        >>> [(c.name, c.output_shape, c.unfit is None) for c in recorder.calls]
        [('0', (1, 2, 8), True), ('1', (1, 2, 8), True), ('2', (1, 16), False)]
        >>> recorder.remove()
        >>> any(module._forward_hooks for module in net.modules())
        False
    """

    def __init__(self, model: nn.Module, x: torch.Tensor, extra: Collection[str]) -> None:
        """Hook the leaves of ``model`` and the modules named in ``extra``; ``x`` is the input."""
        self.n, self.k, self.ndim = x.shape[0], x.ndim - 2, x.ndim
        self.bound = ReachBound(x.shape[2:])
        self.calls: list[Call] = []
        self.plans: dict[tuple[str, int], Plan] = {}
        self.counts: Counter[str] = Counter()
        self.expected: Counter[str] = Counter()
        self.seen: list[torch.Tensor] = []  # the unshifted outputs, to recognise the model's
        self.mode = "off"
        self.rows = slice(0, 0)  # the shifts of the batch running now
        self.space = Workspace()
        self.handles: list[torch.utils.hooks.RemovableHandle] = []
        try:
            for name, module in model.named_modules():
                leaf = next(module.children(), None) is None
                if leaf or name in extra:
                    site = _Site(name, leaf, not extra or name in extra)
                    self.handles.append(module.register_forward_hook(partial(self._hook, site)))
        except Exception:
            self.remove()  # no hook left behind if one cannot be added
            raise

    def remove(self) -> None:
        """Remove every hook this recorder added."""
        for handle in self.handles:
            handle.remove()
        self.handles.clear()

    def spatial(self, tensor: torch.Tensor | None) -> bool:
        """Whether ``tensor`` is (N, C, *S) like the input: floating, batch first, same rank."""
        return self.unfit(tensor) is None

    def unfit(self, tensor: torch.Tensor | None) -> str | None:
        """Why ``tensor`` is not a floating (N, C, *S) map like the input, or None."""
        if tensor is None:
            return "its output is not a tensor (nor a tuple or list starting with one)"
        shape = tuple(tensor.shape)
        if not tensor.is_floating_point():
            return f"its output {shape} is {tensor.dtype}, not floating"
        if tensor.ndim != self.ndim:
            return (
                f"its output {shape} has {max(tensor.ndim - 2, 0)} spatial axes, the input {self.k}"
            )
        if tensor.shape[0] != self.n:
            return f"its output {shape} does not keep the input's {self.n} samples on axis 0"
        return None

    def _size(self, tensor: torch.Tensor | None) -> tuple[int, ...] | None:
        return tuple(tensor.shape[2:]) if tensor is not None and self.spatial(tensor) else None

    def start(self, rows: slice) -> None:
        """Measure the next forward pass: the batch of the shifts ``rows`` (running order)."""
        self.mode, self.rows = "shifted", rows
        self.counts.clear()

    def finish(self) -> None:
        """Check that the shifted pass made the calls the unshifted one made."""
        self.mode = "off"
        if self.counts != self.expected:
            name = next(
                n for n in self.expected | self.counts if self.counts[n] != self.expected[n]
            )
            raise ProbeError(
                f"module {name!r} ran {self.counts[name]} times on shifted inputs but "
                f"{self.expected[name]} times on x: the probe needs the same calls for every "
                "input (no control flow that depends on the data)"
            )

    def _hook(self, site: _Site, module: nn.Module, args: Any, out: Any) -> None:
        if self.mode == "off":
            return
        try:
            self._see(site, module, args, _first_tensor(out))
        except ProbeError:
            raise
        except Exception as exc:
            raise HookError(f"the probe failed in its hook on {site.name!r}: {exc}") from exc

    def _see(self, site: _Site, module: nn.Module, args: Any, tensor: torch.Tensor | None) -> None:
        call = self.counts[site.name]
        self.counts[site.name] += 1
        if self.mode == "reference":
            self._record(site, module, call, args, tensor)
            return
        plan = self.plans.get((site.name, call))
        if plan is None or tensor is None:
            return
        count, shape = self.rows.stop - self.rows.start, plan.reference.tensor.shape
        if tensor.shape != (count * self.n, *shape[1:]):
            raise ProbeError(
                f"module {site.name!r} returned {tuple(tensor.shape)} for {count} shifted "
                f"copies of x but {tuple(shape)} for x: it must map samples 1:1"
            )
        plan.measure(tensor.detach().reshape(count, *shape), self.rows, self.space)  # (B, N, ...)

    def _record(
        self, site: _Site, module: nn.Module, call: int, args: Any, tensor: torch.Tensor | None
    ) -> None:
        given = next((a for a in args if isinstance(a, torch.Tensor)), None)
        size = self._size(tensor)
        if site.leaf:
            self.bound.add(site.name, module, self._size(given), size)
        if tensor is not None and size is not None:
            self.seen.append(tensor)
        keep = tensor is not None and size is not None and site.row
        self.calls.append(
            Call(
                site.name, module, call,
                None if given is None else tuple(given.shape),
                None if tensor is None else tuple(tensor.shape),
                tensor.detach().clone() if keep and tensor is not None else None,
                None if size is None else self.bound.crop(size),
                self.bound.radius(),
                self.bound.problem,
                site.row,
                self.unfit(tensor),
            )
        )  # fmt: skip
        self.expected[site.name] += 1
