"""1-D: the probe finds each layer exact, for the even shifts after a stride."""

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
report = probe(model, x)  # every shift v = -16, ..., 15
for row in report.layers[:-1]:  # after the stride, shift v / 2 for even v
    e = row.errors
    print(
        f"{row.type:>9}: stride {row.stride_text}, {e.fraction_defined:4.0%} "
        f"of 32 shifts defined, max error {e.max_relative_l2:.3f}"
    )
    #>    Conv1d: stride 1, 100% of 32 shifts defined, max error 0.000
    #>      ReLU: stride 1, 100% of 32 shifts defined, max error 0.000
    #> MaxPool1d: stride 2,  50% of 32 shifts defined, max error 0.000
    #>    Conv1d: stride 2,  50% of 32 shifts defined, max error 0.000
    assert e.max_relative_l2 < 1e-12
