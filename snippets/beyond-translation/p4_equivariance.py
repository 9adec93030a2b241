"""p4 layers commute with quarter turns, to rounding, for both paddings."""

import torch

from shiftlab.layers import P4GroupConv, P4LiftingConv, p4_rotate

torch.manual_seed(0)
x = torch.randn(2, 3, 9, 9, dtype=torch.float64)  # (N, C, H, W)
for mode in ("circular", "zero"):
    # odd kernels, stride 1, "same" padding
    f = torch.nn.Sequential(
        P4LiftingConv(3, 4, 3, padding_mode=mode),  # (N, 4, 4, H, W)
        torch.nn.ReLU(),
        P4GroupConv(4, 2, 5, padding_mode=mode),  # (N, 2, 4, H, W)
    ).double()
    with torch.no_grad():
        error = max(
            (f(torch.rot90(x, k, (-2, -1))) - p4_rotate(f(x), k)).abs().max()
            for k in range(4)
        ).item()
    print(
        f"{mode:>8} padding: max error over k = 0..3 < 1e-12: {error < 1e-12}"
    )
    #> circular padding: max error over k = 0..3 < 1e-12: True
    #>     zero padding: max error over k = 0..3 < 1e-12: True
    assert error < 1e-12
