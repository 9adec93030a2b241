"""With filter size 1 (no blur), MaxBlurPool is a strided max pool: exactly when, measured.

MaxPool2d(k, s) = D_s MaxPool2d(k, 1), and MaxBlurPool(k, filter_size=1, stride=s) computes
the right-hand side: equal for every k, s and H, W >= k when the max pool is not padded
(padding modes "reflect", "zero", "replicate"). With "circular" the max pool wraps, its
window split as split_padding(k) = ((k - 1) // 2, k // 2). On maps larger than the window
the outputs then agree only for k = 1, or k = 2 when s divides neither H - 1 nor W - 1
(otherwise there is one extra, wrapped output); for k >= 3 the windows are centred.
"""

import itertools

import torch

from shiftlab.layers import MaxBlurPool

torch.manual_seed(0)
counts = {m: [0, 0] for m in ("reflect", "zero", "replicate", "circular")}  # [equal, tried]
for k, s, mode in itertools.product(range(1, 5), range(1, 4), counts):
    for H, W in itertools.product(range(k + 1, k + 7), repeat=2):
        x = torch.randn(2, 3, H, W)  # (N, C, H, W)
        plain = torch.nn.MaxPool2d(k, stride=s)(x)
        ours = MaxBlurPool(k, filter_size=1, stride=s, padding_mode=mode)(x)
        equal = plain.shape == ours.shape and torch.equal(plain, ours)  # bit for bit
        counts[mode][0] += equal
        counts[mode][1] += 1
        if mode != "circular":
            assert equal
        else:  # the rule stated above
            assert equal == (k == 1 or (k == 2 and (H - 1) % s != 0 and (W - 1) % s != 0))
for mode, (equal, tried) in counts.items():
    print(f"{mode:>9}: MaxBlurPool(k, filter_size=1) == MaxPool2d(k, s) in {equal} of {tried}")
    #>   reflect: MaxBlurPool(k, filter_size=1) == MaxPool2d(k, s) in 432 of 432
    #>      zero: MaxBlurPool(k, filter_size=1) == MaxPool2d(k, s) in 432 of 432
    #> replicate: MaxBlurPool(k, filter_size=1) == MaxPool2d(k, s) in 432 of 432
    #>  circular: MaxBlurPool(k, filter_size=1) == MaxPool2d(k, s) in 133 of 432
