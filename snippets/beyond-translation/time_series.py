"""1-D: a convolutional network on time series, probed layer by layer like an image one.

Conv1d with circular padding, ReLU, a stride-2 max pool, another Conv1d and a global
mean, on signals of 32 samples, under all 32 circular shifts: the layers before the
stride are exact for every shift, those after it for the even shifts (their output
moves by v / 2), and the global mean is invariant to the even shifts only.
"""

import torch

from shiftlab.probe import probe

torch.manual_seed(0)
model = torch.nn.Sequential(
    torch.nn.Conv1d(2, 8, 5, padding=2, padding_mode="circular"), torch.nn.ReLU(),
    torch.nn.MaxPool1d(2),  # (N, 8, 16): stride 2
    torch.nn.Conv1d(8, 8, 3, padding=1, padding_mode="circular"),
    torch.nn.AdaptiveAvgPool1d(1),  # (N, 8, 1): global mean
).double()
x = torch.randn(4, 2, 32, dtype=torch.float64)  # (N, C, W): four two-channel signals
report = probe(model, x)  # every shift v = -16, ..., 15
for row in report.layers[:-1]:
    errors = row.errors  # a ShiftReport: one error per shift
    print(f"{row.type:>9}: stride {row.stride_text}, {errors.fraction_defined:4.0%} "
          f"of 32 shifts defined, max relative error {errors.max_relative_l2:.3f}")
    #>    Conv1d: stride 1, 100% of 32 shifts defined, max relative error 0.000
    #>      ReLU: stride 1, 100% of 32 shifts defined, max relative error 0.000
    #> MaxPool1d: stride 2,  50% of 32 shifts defined, max relative error 0.000
    #>    Conv1d: stride 2,  50% of 32 shifts defined, max relative error 0.000
    assert errors.max_relative_l2 < 1e-12
change = {parity: [e.relative_l2 for e in report.output.invariance
                   if e.shift[0] % 2 == parity] for parity in (0, 1)}
print(f"global mean: even shifts, largest change {max(change[0]):.3f}; "
      f"odd shifts, smallest change {min(change[1]):.3f}")
#> global mean: even shifts, largest change 0.000; odd shifts, smallest change 0.152
assert max(change[0]) < 1e-12
assert min(change[1]) > 0.01
