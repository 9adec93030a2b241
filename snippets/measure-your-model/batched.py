"""Batched: all shifts go through the model in a few forward passes, not one per shift.

A forward pre-hook counts the calls of the guide's MaxPool network while the probe
measures all 256 circular shifts of a 16 x 16 input in batches of 64 shifted copies:
one unshifted pass, 256 / 64 = 4 batches, and (the output is a classifier's scores)
one small pass per spatial axis for the one-pixel change.
"""

import torch

from shiftlab.experiments.layer_by_layer import network
from shiftlab.probe import probe

model = network("max")
batches: list[int] = []
count = model.register_forward_pre_hook(lambda m, args: batches.append(len(args[0])))
x = torch.randn(2, 3, 16, 16, generator=torch.Generator().manual_seed(0))
report = probe(model, x, batch_size=64)  # every shift of the grid
count.remove()
print(f"{len(report.shifts)} shifts, {len(batches)} forward calls, samples: {batches}")
#> 256 shifts, 7 forward calls, samples: [2, 128, 128, 128, 128, 6, 6]
assert len(batches) == 1 + 256 // 64 + 2
