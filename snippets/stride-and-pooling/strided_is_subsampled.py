"""A strided layer is its stride-1 version, then subsampling: f_s = D_s f_1."""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 3, 17, 20, dtype=torch.float64)  # (N, C, H, W), odd H
w = torch.randn(4, 3, 3, 3, dtype=torch.float64)  # (C_out, C_in, 3, 3)
layers = {  # f(a, kernel, stride, padding)
    "max_pool2d": lambda a, k, s, p: F.max_pool2d(a, k, stride=s, padding=p),
    "avg_pool2d": lambda a, k, s, p: F.avg_pool2d(a, k, stride=s, padding=p),
    "conv2d": lambda a, k, s, p: F.conv2d(a, w[..., :k, :k], None, s, p),
}
settings = [(2, 2, 0), (3, 2, 1), (3, 3, 0), (2, 3, 1)]  # (k, s, p)
for name, f in layers.items():
    gaps = []
    for k, s, p in settings:
        strided, subsampled = f(x, k, s, p), f(x, k, 1, p)[..., ::s, ::s]
        assert strided.shape == subsampled.shape
        gaps.append((strided - subsampled).abs().max().item())
    gap = max(gaps)
    print(f"{name}: max |f_s - D_s f_1| over 4 settings < 1e-12: {gap < 1e-12}")
    #> max_pool2d: max |f_s - D_s f_1| over 4 settings < 1e-12: True
    #> avg_pool2d: max |f_s - D_s f_1| over 4 settings < 1e-12: True
    #> conv2d: max |f_s - D_s f_1| over 4 settings < 1e-12: True
    assert gap < 1e-12
    # a max only selects values: for max pooling, equal bit for bit
    assert gap == 0 or name != "max_pool2d"
