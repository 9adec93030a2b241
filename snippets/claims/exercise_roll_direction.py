"""torch.roll([1, 2, 3, 4], 1) is [4, 1, 2, 3]: content moves to the right."""

import torch

x = torch.tensor([1, 2, 3, 4])
rolled = torch.roll(x, 1)
by_formula = x[(torch.arange(4) - 1) % 4]  # (T_1 x)[i] = x[(i - 1) mod 4]
print("torch.roll:", rolled.tolist(), "| T_1 by formula:", by_formula.tolist())
#> torch.roll: [4, 1, 2, 3] | T_1 by formula: [4, 1, 2, 3]
assert rolled.tolist() == by_formula.tolist() == [4, 1, 2, 3]
