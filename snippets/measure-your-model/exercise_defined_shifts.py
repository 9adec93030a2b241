"""At stride 4, only shifts with both components divisible by 4 are defined."""

import torch

from shiftlab.experiments.digits import DigitNet
from shiftlab.probe import probe

torch.manual_seed(0)
x = torch.randn(1, 1, 16, 16, generator=torch.Generator().manual_seed(0))
shifts = [(0, 1), (2, 2), (4, 4), (4, 8), (12, 0)]
row = probe(DigitNet("gap-maxpool"), x, shifts).layer("features.5")
for e in row.errors:  # output_shift is v / s, or None where undefined
    print(f"input shift {e.shift}: output shift {e.output_shift}")
    #> input shift (0, 1): output shift None
    #> input shift (2, 2): output shift None
    #> input shift (4, 4): output shift (1, 1)
    #> input shift (4, 8): output shift (1, 2)
    #> input shift (12, 0): output shift (3, 0)
assert [e.defined for e in row.errors] == [False, False, True, True, True]
