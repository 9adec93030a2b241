"""p4 layers commute with rotations by 90 degrees; plain convolutions do not."""

import torch

from shiftlab.layers import P4GroupConv, P4LiftingConv, p4_rotate

torch.manual_seed(0)
x = torch.randn(2, 3, 9, 9, dtype=torch.float64)  # (N, C, H, W)


def turn(a: torch.Tensor, k: int) -> torch.Tensor:
    return torch.rot90(a, k, dims=(-2, -1))


def p4_net(mode: str) -> torch.nn.Sequential:
    return torch.nn.Sequential(
        P4LiftingConv(3, 4, 3, padding_mode=mode),  # (N, 4, 4, H, W)
        torch.nn.ReLU(),
        P4GroupConv(4, 2, 5, padding_mode=mode),  # (N, 2, 4, H, W)
    ).double()


# Odd kernels, stride 1, "same" padding. Generic float64 data: equal to rounding
# (each sum adds its terms in another order)
with torch.no_grad():
    for mode in ("circular", "zero"):
        f = p4_net(mode)
        errors = [
            (f(turn(x, k)) - p4_rotate(f(x), k)).abs().max() for k in range(4)
        ]
        error = max(errors).item()
        tiny = error < 1e-12
        print(f"p4, {mode:>8} padding: max error, k = 0..3, < 1e-12: {tiny}")
        #> p4, circular padding: max error, k = 0..3, < 1e-12: True
        #> p4,     zero padding: max error, k = 0..3, < 1e-12: True
        assert error < 1e-12
    # a plain convolution, zero padding
    plain = torch.nn.Conv2d(3, 4, 3, padding=1, bias=False).double()
    y = plain(x)
    relative = ((plain(turn(x, 1)) - turn(y, 1)).norm() / y.norm()).item()
    print(
        f"plain Conv2d: ||f(rot90 x) - rot90 f(x)|| / ||f(x)|| = {relative:.3f}"
    )
    #> plain Conv2d: ||f(rot90 x) - rot90 f(x)|| / ||f(x)|| = 1.327
    assert relative > 0.5

    f = p4_net(
        "zero"
    )  # integer weights and input: every sum is exact in float64
    for p in f.parameters():
        p.copy_(torch.randint(-3, 4, p.shape))
    n = torch.randint(-5, 6, x.shape).double()
    exact = all(
        torch.equal(f(turn(n, k)), p4_rotate(f(n), k)) for k in range(4)
    )
    print("integer-valued data, equal bit for bit:", exact)
    #> integer-valued data, equal bit for bit: True
    assert exact
