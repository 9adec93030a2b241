"""MaxBlurPool without blur is a strided max pool, except in circular mode."""

import itertools

import torch

from shiftlab.layers import MaxBlurPool

torch.manual_seed(0)
modes = ("reflect", "zero", "replicate", "circular")
counts = {mode: [0, 0] for mode in modes}  # [equal, tried]
for k, s, mode in itertools.product(range(1, 5), range(1, 4), counts):
    for H, W in itertools.product(range(k + 1, k + 7), repeat=2):
        x = torch.randn(2, 3, H, W)  # (N, C, H, W)
        plain = torch.nn.MaxPool2d(k, stride=s)(x)
        ours = MaxBlurPool(k, filter_size=1, stride=s, padding_mode=mode)(x)
        # bit for bit
        equal = plain.shape == ours.shape and torch.equal(plain, ours)
        counts[mode][0] += equal
        counts[mode][1] += 1
        if mode != "circular":
            assert equal
        else:  # the max pool wraps: equal for k = 1, or k = 2 if s divides
            # neither H - 1 nor W - 1 (else one extra, wrapped output)
            neither = (H - 1) % s != 0 and (W - 1) % s != 0
            assert equal == (k == 1 or (k == 2 and neither))
print("MaxBlurPool(k, filter_size=1) == MaxPool2d(k, s), by padding mode:")
#> MaxBlurPool(k, filter_size=1) == MaxPool2d(k, s), by padding mode:
for mode, (equal, tried) in counts.items():
    print(f"{mode:>9}: in {equal} of {tried}")
    #>   reflect: in 432 of 432
    #>      zero: in 432 of 432
    #> replicate: in 432 of 432
    #>  circular: in 133 of 432
