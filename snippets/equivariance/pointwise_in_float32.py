"""In float32, sigmoid and SiLU commute with shifts only to within a few ulp."""

import torch

torch.manual_seed(0)
# (N, C, H, W), float32: 1023 values, so the vector blocks leave a tail
x = torch.randn(1, 1, 31, 33)
maps = {
    "ReLU": torch.relu,
    "sigmoid": torch.sigmoid,
    "SiLU": torch.nn.functional.silu,
}


def ulps(a: torch.Tensor, b: torch.Tensor) -> float:
    # the largest |a - b| in units of b's last place
    ulp = torch.nextafter(b.abs(), torch.tensor(float("inf"))) - b.abs()
    return ((a - b).abs() / ulp).max().item()


for name, f in maps.items():
    worst = 0.0
    for v in [(dy, dx) for dy in range(31) for dx in range(33)]:  # all 1023
        lhs = f(torch.roll(x, v, dims=(-2, -1)))  # f(T_v x)
        rhs = torch.roll(f(x), v, dims=(-2, -1))  # T_v f(x)
        worst = max(worst, ulps(lhs, rhs))
    print(
        f"{name:8s} bit for bit after all rolls: {worst == 0.0}; "
        f"within 4 ulp: {worst <= 4}"
    )
    #> ReLU     bit for bit after all rolls: True; within 4 ulp: True
    #> sigmoid  bit for bit after all rolls: False; within 4 ulp: True
    #> SiLU     bit for bit after all rolls: False; within 4 ulp: True
    assert worst <= 4  # the same function at every position, up to rounding
    assert worst == 0.0 or name != "ReLU"  # a comparison rounds nothing
