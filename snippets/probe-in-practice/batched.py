"""256 shifts of two images in batches of 64 take 7 forward passes."""

import torch

from shiftlab.experiments.layer_by_layer import network
from shiftlab.probe import probe

model = network("max")
batches: list[int] = []
count = model.register_forward_pre_hook(
    lambda m, args: batches.append(len(args[0]))
)
x = torch.randn(2, 3, 16, 16, generator=torch.Generator().manual_seed(0))
report = probe(model, x, batch_size=64)  # every shift of the grid
count.remove()
shift_count = len(report.shifts)
print(f"{shift_count} shifts, {len(batches)} forward calls, samples: {batches}")
#> 256 shifts, 7 forward calls, samples: [2, 128, 128, 128, 128, 6, 6]
assert len(batches) == 1 + 256 // 64 + 2
