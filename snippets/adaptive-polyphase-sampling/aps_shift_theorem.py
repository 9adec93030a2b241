"""APS: a circular shift of the input gives a circular shift of the output."""

import itertools

import torch

from shiftlab.layers import aps_downsample

torch.manual_seed(0)
x = torch.randn(4, 3, 12, 12)  # (N, C, H, W), float32: APS only selects values
for s in (2, 3):
    y, phase = aps_downsample(x, stride=s)
    # (r_h, r_w) per sample, k = r_h * s + r_w
    r = [divmod(int(k), s) for k in phase]
    as_predicted = 0
    for v in itertools.product(range(12), repeat=2):
        y_v, phase_v = aps_downsample(torch.roll(x, v, dims=(2, 3)), stride=s)
        ok = True
        for n, (rh, rw) in enumerate(r):
            # predicted: phase r' = (r + v) mod s, output shift u = (r + v) // s
            r_new = ((rh + v[0]) % s, (rw + v[1]) % s)
            u = ((rh + v[0]) // s, (rw + v[1]) // s)
            ok &= divmod(int(phase_v[n]), s) == r_new
            ok &= torch.equal(
                y_v[n], torch.roll(y[n], u, dims=(1, 2))
            )  # bitwise
        as_predicted += ok
    print(
        f"stride {s}: phases of x {phase.tolist()}; "
        f"as predicted for {as_predicted} of 144 shifts"
    )
    #> stride 2: phases of x [1, 1, 0, 2]; as predicted for 144 of 144 shifts
    #> stride 3: phases of x [5, 5, 4, 6]; as predicted for 144 of 144 shifts
    assert as_predicted == 144
