"""Weights of (C_in, H, W) -> (C_out, H, W): dense, locally connected, conv."""

import torch

C_in, C_out, H, W, k = 3, 16, 32, 32, 3
meta = {"device": "meta", "bias": False}  # shapes only: no memory for 50 M
layers = {  # name: (module, the count by formula)
    "dense": (torch.nn.Linear(C_in * H * W, C_out * H * W, **meta),
              (H * W * C_in) * (H * W * C_out)),
    "locally connected": (None, H * W * C_out * C_in * k**2),  # a filter each
    # a kernel as large as the image: every shift-equivariant linear map
    "convolution, H x W": (torch.nn.Conv2d(C_in, C_out, (H, W), **meta),
                           C_out * C_in * H * W),
    "convolution, k x k": (torch.nn.Conv2d(C_in, C_out, k, **meta),
                           C_out * C_in * k**2),
}
for name, (layer, formula) in layers.items():
    if layer is not None:
        assert sum(p.numel() for p in layer.parameters()) == formula
    print(f"{name:>18}: {formula:>10,} weights")
    #>              dense: 50,331,648 weights
    #>  locally connected:    442,368 weights
    #> convolution, H x W:     49,152 weights
    #> convolution, k x k:        432 weights
untied, tied = layers["locally connected"][1], layers["convolution, k x k"][1]
print("untied / tied:", untied // tied, "= H W")
#> untied / tied: 1024 = H W
assert untied // tied == H * W
