"""1-D: after a stride 2, the global mean is invariant to even shifts only."""

import torch

from shiftlab.probe import probe

torch.manual_seed(0)
model = torch.nn.Sequential(
    torch.nn.Conv1d(2, 8, 5, padding=2, padding_mode="circular"),
    torch.nn.ReLU(),
    torch.nn.MaxPool1d(2),  # (N, 8, 16): stride 2
    torch.nn.Conv1d(8, 8, 3, padding=1, padding_mode="circular"),
    torch.nn.AdaptiveAvgPool1d(1),  # (N, 8, 1): global mean
).double()
x = torch.randn(4, 2, 32, dtype=torch.float64)  # (N, C, W): 32 samples
changes = probe(model, x).output.invariance  # every shift v = -16, ..., 15
even = max(e.relative_l2 for e in changes if e.shift[0] % 2 == 0)
odd = min(e.relative_l2 for e in changes if e.shift[0] % 2 == 1)
print(f"even shifts: largest change {even:.3f}")
#> even shifts: largest change 0.000
print(f"odd shifts: smallest change {odd:.3f}")
#> odd shifts: smallest change 0.152
assert even < 1e-12
assert odd > 0.01
