"""Where the stride moves in a strided convolution and in average pooling (Zhang 2019).

ReLU(conv with stride s) = D_s ReLU(conv with stride 1), since a pointwise map commutes with
D_s: ConvBlurPool with filter_size=1 is exactly that, for odd kernels and every H, W. And
AvgPool2d(2, 2) = D_2 of a 2 x 2 box blur, the binomial filter of size 2: it is BlurPool(2)
on even H, W; on odd ones BlurPool keeps one more row or column, read through the padding.
"""

import itertools

import torch
import torch.nn.functional as F

from shiftlab.layers import BlurPool, ConvBlurPool

torch.manual_seed(0)
conv_gap, conv_cases = 0.0, 0
for k, s, mode in itertools.product((1, 3, 5), (1, 2, 3), ("zero", "circular")):
    layer = ConvBlurPool(3, 4, k, filter_size=1, stride=s, padding_mode=mode).double()
    for H, W in itertools.product(range(5, 11), repeat=2):
        x = torch.randn(2, 3, H, W, dtype=torch.float64)  # (N, C, H, W)
        strided = torch.nn.Conv2d(3, 4, k, stride=s, padding=(k - 1) // 2,
                                  padding_mode="zeros" if mode == "zero" else mode).double()
        strided.load_state_dict(layer.conv.state_dict())  # the same weights and bias
        a, b = F.relu(strided(x)), layer(x)
        assert a.shape == b.shape
        conv_gap, conv_cases = max(conv_gap, (a - b).abs().max().item()), conv_cases + 1
print(f"ConvBlurPool(filter_size=1) vs ReLU(strided conv): {conv_cases} cases, "
      f"max |difference| < 1e-12: {conv_gap < 1e-12}")
#> ConvBlurPool(filter_size=1) vs ReLU(strided conv): 648 cases, max |difference| < 1e-12: True
for H, W in [(8, 8), (8, 7), (7, 7)]:
    x = torch.randn(2, 3, H, W, dtype=torch.float64)
    avg, blur = torch.nn.AvgPool2d(2)(x), BlurPool(2, stride=2)(x)
    h, w = avg.shape[2:]
    same = torch.allclose(avg, blur[..., :h, :w], rtol=0, atol=1e-12)
    print(f"{H} x {W}: AvgPool2d(2) {tuple(avg.shape[2:])}, BlurPool(2) {tuple(blur.shape[2:])}, "
          f"equal where both are defined: {same}")
    #> 8 x 8: AvgPool2d(2) (4, 4), BlurPool(2) (4, 4), equal where both are defined: True
    #> 8 x 7: AvgPool2d(2) (4, 3), BlurPool(2) (4, 4), equal where both are defined: True
    #> 7 x 7: AvgPool2d(2) (3, 3), BlurPool(2) (4, 4), equal where both are defined: True
    assert same
    assert (blur.shape == avg.shape) == (H % 2 == 0 and W % 2 == 0)
