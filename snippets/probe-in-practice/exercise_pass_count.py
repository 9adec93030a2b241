"""100 shifts in batches of 32: 1 + 4 + 2 forward passes (one per axis)."""

import torch

from shiftlab.experiments.layer_by_layer import network
from shiftlab.probe import probe

model = network("max")  # a classifier of 3 x 16 x 16 inputs
passes: list[int] = []
hook = model.register_forward_pre_hook(lambda m, a: passes.append(len(a[0])))
x = torch.randn(3, 3, 16, 16, generator=torch.Generator().manual_seed(0))
shifts = [(dy, dx) for dy in range(10) for dx in range(10)]  # 100 shifts
probe(model, x, shifts, batch_size=32)
hook.remove()
print(f"{len(passes)} forward passes, samples: {passes}")
#> 7 forward passes, samples: [3, 96, 96, 96, 12, 9, 9]
assert len(passes) == 1 + 4 + 2
