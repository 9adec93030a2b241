"""1 -> 8 channels on 28x28 with 5x5 filters: 156800 untied, 200 tied."""

import torch

C_in, C_out, H, W, k = 1, 8, 28, 28, 5
untied = H * W * C_out * C_in * k * k  # one filter per position
conv = torch.nn.Conv2d(C_in, C_out, k, bias=False)
tied = sum(p.numel() for p in conv.parameters())
print(f"locally connected {untied}, convolution {tied}, ratio {untied // tied}")
#> locally connected 156800, convolution 200, ratio 784
assert untied == 156800
assert tied == 200
assert untied // tied == H * W
