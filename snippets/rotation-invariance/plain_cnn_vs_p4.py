"""rot90 changes a plain CNN's read-out but not a p4 CNN's; upscaling, both."""

import torch
import torch.nn.functional as F
from torch import nn

from shiftlab.layers import OrientationPool, P4GroupConv, P4LiftingConv

c = {"padding_mode": "circular"}
convs = {  # 5 x 5 and 3 x 3, a ReLU after each; p4 then pools orientations
    "plain CNN": lambda: (nn.Conv2d(1, 16, 5, padding=2, **c),
                          nn.Conv2d(16, 16, 3, padding=1, **c)),
    "p4 CNN": lambda: (P4LiftingConv(1, 4, 5, **c), P4GroupConv(4, 4, 3, **c)),
}
x = torch.zeros(1, 1, 16, 16, dtype=torch.float64)  # (N, C, H, W)
# an L (a vertical and a level bar), blurred: an image with an orientation
x[..., 4:12, 4:6], x[..., 10:12, 4:11] = 1.0, 1.0
x = F.avg_pool2d(F.pad(x, (1, 1, 1, 1), mode="circular"), 3, stride=1)
moves = {
    "shift (3, 5)": lambda a: torch.roll(a, (3, 5), dims=(-2, -1)),
    "rot90": lambda a: torch.rot90(a, 1, dims=(-2, -1)),
    "2x upscale": lambda a: F.interpolate(a, scale_factor=2, mode="bilinear"),
}
print("| network | " + " | ".join(moves) + " |\n" + "| --- " * 4 + "|")
#> | network | shift (3, 5) | rot90 | 2x upscale |
#> | --- | --- | --- | --- |
for name, build in convs.items():
    changes = {m: [] for m in moves}
    for seed in range(5):  # five random networks of each kind
        torch.manual_seed(seed)
        pool = OrientationPool("max") if name == "p4 CNN" else nn.Identity()
        conv1, conv2 = build()
        net = nn.Sequential(conv1, nn.ReLU(), conv2, nn.ReLU(), pool).double()
        with torch.no_grad():
            ref = net(x).mean(dim=(-2, -1))  # (N, C): the global mean read-out
            for m, move in moves.items():
                out = net(move(x)).mean(dim=(-2, -1))
                changes[m].append(((out - ref).norm() / ref.norm()).item())
    # relative change of the read-out: smallest to largest of five
    cells = [f"{min(v):.3f} to {max(v):.3f}" for v in changes.values()]
    print(f"| {name} | " + " | ".join(cells) + " |")
    #> | plain CNN | 0.000 to 0.000 | 0.023 to 0.045 | 0.022 to 0.086 |
    #> | p4 CNN | 0.000 to 0.000 | 0.000 to 0.000 | 0.114 to 0.427 |
    assert max(changes["shift (3, 5)"]) < 1e-12
    assert min(changes["2x upscale"]) > 0.01
    assert (max(changes["rot90"]) < 1e-12) == (name == "p4 CNN")
