"""A strided layer is its stride-1 version, then subsampling: f_s = D_s f_1."""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
# (N, C, H, W), odd H on purpose
x = torch.randn(2, 3, 17, 20, dtype=torch.float64)
w = torch.randn(4, 3, 3, 3, dtype=torch.float64)  # (C_out, C_in, 3, 3)
layers = {
    "max_pool2d": lambda a, k, s, p: F.max_pool2d(a, k, stride=s, padding=p),
    "avg_pool2d": lambda a, k, s, p: F.avg_pool2d(a, k, stride=s, padding=p),
    "conv2d": lambda a, k, s, p: F.conv2d(
        a, w[..., :k, :k], stride=s, padding=p
    ),
}
# (kernel, stride, padding)
settings = [(2, 2, 0), (3, 2, 1), (3, 3, 0), (2, 3, 1)]

gaps = {}
for name, f in layers.items():
    for k, s, p in settings:
        strided = f(x, k, s, p)  # f_s
        subsampled = f(x, k, 1, p)[..., ::s, ::s]  # D_s f_1
        assert strided.shape == subsampled.shape
        gaps[name, k, s, p] = (strided - subsampled).abs().max().item()
    largest = max(g for key, g in gaps.items() if key[0] == name)
    print(
        f"{name}: max |f_s - D_s f_1| over {len(settings)} settings "
        f"< 1e-12: {largest < 1e-12}"
    )
    #> max_pool2d: max |f_s - D_s f_1| over 4 settings < 1e-12: True
    #> avg_pool2d: max |f_s - D_s f_1| over 4 settings < 1e-12: True
    #> conv2d: max |f_s - D_s f_1| over 4 settings < 1e-12: True
# A max only selects values, so for max pooling the two sides agree bit for bit:
print(all(g == 0 for key, g in gaps.items() if key[0] == "max_pool2d"))
#> True
assert max(gaps.values()) < 1e-12
assert all(g == 0 for key, g in gaps.items() if key[0] == "max_pool2d")
