"""1-D: a convolutional network on time series, probed like an image one."""

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
# (N, C, W): four two-channel signals of 32 samples
x = torch.randn(4, 2, 32, dtype=torch.float64)
report = probe(model, x)  # every shift v = -16, ..., 15
for row in report.layers[:-1]:
    errors = row.errors  # a ShiftReport: one error per shift
    # after the stride only the even shifts have an output shift, v / 2
    print(
        f"{row.type:>9}: stride {row.stride_text}, "
        f"{errors.fraction_defined:4.0%} of 32 shifts defined, "
        f"max relative error {errors.max_relative_l2:.3f}"
    )
    #>    Conv1d: stride 1, 100% of 32 shifts defined, max relative error 0.000
    #>      ReLU: stride 1, 100% of 32 shifts defined, max relative error 0.000
    #> MaxPool1d: stride 2,  50% of 32 shifts defined, max relative error 0.000
    #>    Conv1d: stride 2,  50% of 32 shifts defined, max relative error 0.000
    assert errors.max_relative_l2 < 1e-12
invariance = report.output.invariance
change = {
    parity: [e.relative_l2 for e in invariance if e.shift[0] % 2 == parity]
    for parity in (0, 1)
}
print(f"global mean, even shifts: largest change {max(change[0]):.3f}")
#> global mean, even shifts: largest change 0.000
print(f"global mean, odd shifts: smallest change {min(change[1]):.3f}")
#> global mean, odd shifts: smallest change 0.152
assert max(change[0]) < 1e-12
assert min(change[1]) > 0.01
