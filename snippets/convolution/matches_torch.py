"""shiftlab's correlate computes what torch.nn.functional.conv2d computes."""

import numpy as np
import torch
import torch.nn.functional as F

from shiftlab.convolution import correlate

rng = np.random.default_rng(0)
x = rng.normal(size=(2, 3, 11, 12))  # (N, C_in, H, W)
w = rng.normal(size=(4, 3, 3, 5))  # (C_out, C_in, kh, kw)
b = rng.normal(size=4)
torch_mode = {"zero": "constant", "circular": "circular"}
torch_mode |= {"reflect": "reflect", "replicate": "replicate"}
for (
    mode,
    pad,
) in torch_mode.items():  # every padding mode, stride 2, dilation (2, 1)
    ours = correlate(x, w, b, stride=2, dilation=(2, 1), padding=mode)
    # the "same" amounts for kernel (3, 5) and dilation (2, 1): (before, after)
    # per axis, given to F.pad last axis first
    padded = F.pad(torch.from_numpy(x), (2, 2, 2, 2), mode=pad)
    weight, bias = torch.from_numpy(w), torch.from_numpy(b)
    theirs = F.conv2d(padded, weight, bias, stride=2, dilation=(2, 1))
    err = np.abs(ours - theirs.numpy()).max()
    print(
        f"{mode:>9}: output {ours.shape}, max |shiftlab - torch| < 1e-12:",
        err < 1e-12,
    )
    #>      zero: output (2, 4, 6, 6), max |shiftlab - torch| < 1e-12: True
    #>  circular: output (2, 4, 6, 6), max |shiftlab - torch| < 1e-12: True
    #>   reflect: output (2, 4, 6, 6), max |shiftlab - torch| < 1e-12: True
    #> replicate: output (2, 4, 6, 6), max |shiftlab - torch| < 1e-12: True
    assert err < 1e-12
