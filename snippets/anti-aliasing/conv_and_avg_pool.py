"""Where the stride moves in a strided convolution and in average pooling."""

import itertools

import torch
import torch.nn.functional as F

from shiftlab.layers import BlurPool, ConvBlurPool

torch.manual_seed(0)
# ReLU(conv, stride s) = D_s ReLU(conv, stride 1), as ReLU commutes with D_s
conv_gap, conv_cases = 0.0, 0
for k, s, mode in itertools.product((1, 3, 5), (1, 2, 3), ("zero", "circular")):
    layer = ConvBlurPool(
        3, 4, k, filter_size=1, stride=s, padding_mode=mode
    ).double()
    for H, W in itertools.product(range(5, 11), repeat=2):
        x = torch.randn(2, 3, H, W, dtype=torch.float64)  # (N, C, H, W)
        torch_mode = "zeros" if mode == "zero" else mode
        strided = torch.nn.Conv2d(
            3, 4, k, stride=s, padding=(k - 1) // 2, padding_mode=torch_mode
        ).double()
        # the same weights and bias
        strided.load_state_dict(layer.conv.state_dict())
        a, b = F.relu(strided(x)), layer(x)
        assert a.shape == b.shape
        conv_gap = max(conv_gap, (a - b).abs().max().item())
        conv_cases += 1
print(f"ConvBlurPool(filter_size=1) vs ReLU(strided conv): {conv_cases} cases")
#> ConvBlurPool(filter_size=1) vs ReLU(strided conv): 648 cases
print(f"max |difference| < 1e-12: {conv_gap < 1e-12}")
#> max |difference| < 1e-12: True
# AvgPool2d(2, 2) = D_2 of a 2 x 2 box blur, the binomial filter of size 2
for H, W in [(8, 8), (8, 7), (7, 7)]:
    x = torch.randn(2, 3, H, W, dtype=torch.float64)
    avg, blur = torch.nn.AvgPool2d(2)(x), BlurPool(2, stride=2)(x)
    h, w = avg.shape[2:]
    same = torch.allclose(avg, blur[..., :h, :w], rtol=0, atol=1e-12)
    avg_size, blur_size = tuple(avg.shape[2:]), tuple(blur.shape[2:])
    print(
        f"{H} x {W}: AvgPool2d(2) {avg_size}, BlurPool(2) {blur_size}\n"
        f"       equal where both are defined: {same}"
    )
    #> 8 x 8: AvgPool2d(2) (4, 4), BlurPool(2) (4, 4)
    #>        equal where both are defined: True
    #> 8 x 7: AvgPool2d(2) (4, 3), BlurPool(2) (4, 4)
    #>        equal where both are defined: True
    #> 7 x 7: AvgPool2d(2) (3, 3), BlurPool(2) (4, 4)
    #>        equal where both are defined: True
    assert same
    assert (blur.shape == avg.shape) == (H % 2 == 0 and W % 2 == 0)
