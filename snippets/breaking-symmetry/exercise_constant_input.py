"""An equivariant network maps a constant input to a constant output."""

import torch

torch.manual_seed(0)
c = {"padding": 1, "padding_mode": "circular"}
net = torch.nn.Sequential(
    torch.nn.Conv2d(2, 8, 3, **c),
    torch.nn.ReLU(),
    torch.nn.Conv2d(8, 1, 3, **c),
).double()
x = torch.tensor([0.3, -0.7], dtype=torch.float64).reshape(1, 2, 1, 1)
x = x.expand(1, 2, 16, 16)  # the same two numbers at every pixel
with torch.no_grad():
    y = net(x)[0, 0]
spread = (y.max() - y.min()).item()
print(f"output spread over the 256 pixels < 1e-12: {spread < 1e-12}")
#> output spread over the 256 pixels < 1e-12: True
assert spread < 1e-12
