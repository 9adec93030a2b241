"""Weights of (C_in, H, W) -> (C_out, H, W): dense, locally connected, conv."""

import torch

C_in, C_out, H, W, k = 3, 16, 32, 32, 3
# shapes without memory: the dense layer alone has 50 M weights
meta = {"device": "meta"}
layers = {
    "dense": torch.nn.Linear(C_in * H * W, C_out * H * W, bias=False, **meta),
    # one (C_out, C_in k^2) matrix per position, the layout of
    # locally_connected.py
    "locally connected": torch.nn.ParameterList(
        [torch.empty(H * W, C_out, C_in * k * k, **meta)]
    ),
    # a kernel as large as the image: every shift-equivariant linear map
    # (circular padding)
    "convolution, H x W": torch.nn.Conv2d(
        C_in, C_out, (H, W), bias=False, **meta
    ),
    "convolution, k x k": torch.nn.Conv2d(C_in, C_out, k, bias=False, **meta),
}
formulas = {
    "dense": (H * W * C_in) * (H * W * C_out),
    "locally connected": H * W * C_out * C_in * k**2,
    "convolution, H x W": C_out * C_in * H * W,
    "convolution, k x k": C_out * C_in * k**2,
}
for name, layer in layers.items():
    count = sum(p.numel() for p in layer.parameters())
    print(f"{name:>18}: {count:>10,} weights")
    #>              dense: 50,331,648 weights
    #>  locally connected:    442,368 weights
    #> convolution, H x W:     49,152 weights
    #> convolution, k x k:        432 weights
    assert count == formulas[name]
print(
    "untied / tied:",
    formulas["locally connected"] // formulas["convolution, k x k"],
    "= H W",
)
#> untied / tied: 1024 = H W
