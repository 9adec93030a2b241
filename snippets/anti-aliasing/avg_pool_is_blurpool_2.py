"""AvgPool2d(2) is BlurPool(2); on an odd size BlurPool keeps one more row."""

import torch

from shiftlab.layers import BlurPool

torch.manual_seed(0)
for H, W in [(8, 8), (8, 7), (7, 7)]:
    x = torch.randn(2, 3, H, W, dtype=torch.float64)  # (N, C, H, W)
    avg, blur = torch.nn.AvgPool2d(2)(x), BlurPool(2, stride=2)(x)
    h, w = avg.shape[2:]
    same = torch.allclose(avg, blur[..., :h, :w], rtol=0, atol=1e-12)
    blur_size = tuple(blur.shape[2:])
    print(f"{H} x {W}: AvgPool2d(2) {(h, w)}, BlurPool(2) {blur_size}, "
          f"equal on {(h, w)}: {same}")
    #> 8 x 8: AvgPool2d(2) (4, 4), BlurPool(2) (4, 4), equal on (4, 4): True
    #> 8 x 7: AvgPool2d(2) (4, 3), BlurPool(2) (4, 4), equal on (4, 3): True
    #> 7 x 7: AvgPool2d(2) (3, 3), BlurPool(2) (4, 4), equal on (3, 3): True
    assert same
    assert (blur_size == (h, w)) == (H % 2 == 0 and W % 2 == 0)
