"""Zero margin, then roll: exact without bias when the margin is >= |v| + R."""

import torch
import torch.nn.functional as F

torch.manual_seed(0)
v, R = (3, -2), 2  # R: receptive-field radius of two 3x3 layers
image = torch.randn(1, 1, 12, 12, dtype=torch.float64)  # content to the border


def error(bias: bool, margin: int, crop: int = 0) -> float:
    torch.manual_seed(1)  # relative error on the canvas minus the crop
    net = torch.nn.Sequential(
        torch.nn.Conv2d(1, 4, 3, padding=1, bias=bias), torch.nn.ReLU(),
        torch.nn.Conv2d(4, 4, 3, padding=1, bias=bias),
    ).double()
    x = F.pad(image, (margin,) * 4)  # zero margin on every side
    with torch.no_grad():
        rhs = net(x).roll(v, (-2, -1))
        gap = net(x.roll(v, (-2, -1))) - rhs
    inner = (..., slice(crop, rhs.shape[-2] - crop),
             slice(crop, rhs.shape[-1] - crop))
    return (gap[inner].norm() / rhs[inner].norm()).item()


for margin in (0, 4, 5):
    print(f"no bias, margin {margin}: rel. error {error(False, margin):.3f}")
    #> no bias, margin 0: rel. error 0.606
    #> no bias, margin 4: rel. error 0.075
    #> no bias, margin 5: rel. error 0.000
whole, cropped = error(True, 5), error(True, 5, R + 3)
print(f"bias, margin 5: whole canvas {whole:.3f}, crop R + 3 {cropped:.3f}")
#> bias, margin 5: whole canvas 0.204, crop R + 3 0.000
assert error(False, 5) < 1e-12
assert cropped < 1e-12
assert min(error(False, 0), error(False, 4), whole) > 0.01
