"""After a stride, the check against the unscaled shift T_v invents errors."""

import torch

from shiftlab.experiments.layer_by_layer import DEPTHS, network
from shiftlab.probe import probe

net = network("max", padding="circular").eval()
x = torch.randn(2, 3, 16, 16, generator=torch.Generator().manual_seed(0))
shifts = [(0, 2), (2, 2), (0, 1)]
right = probe(net, x, shifts)  # against T_{v/s_l}, undefined unless s_l | v


@torch.no_grad()
def outputs(a: torch.Tensor) -> dict[str, torch.Tensor]:  # F_l(a), every l
    out: dict[str, torch.Tensor] = {}
    for name, layer in net.named_children():
        a = out[name] = layer(a)
    return out


plain = outputs(x)
moved = [outputs(torch.roll(x, v, dims=(2, 3))) for v in shifts]
pairs = [f"T_v {v} | T_v/s".replace(", ", ",") for v in shifts]
print("| layer | s_l | " + " | ".join(pairs) + " |\n" + "| --- " * 8 + "|")
#> | layer | s_l | T_v (0,2) | T_v/s | T_v (2,2) | T_v/s | T_v (0,1) | T_v/s |
#> | --- | --- | --- | --- | --- | --- | --- | --- |
for name in DEPTHS:
    f, row = plain[name], right.layer(name)
    wrong = [(m[name] - f.roll(v, (2, 3))).norm() / f.norm()
             for m, v in zip(moved, shifts, strict=True)]  # against T_v
    ok = [f"{e.relative_l2:.3f}" if e.defined else "undef" for e in row.errors]
    cells = [f"{w:.3f} | {r}" for w, r in zip(wrong, ok, strict=True)]
    print(f"| {name} | {row.stride_text} | " + " | ".join(cells) + " |")
    #> | conv1 | 1 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 |
    #> | relu1 | 1 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 |
    #> | pool1 | 2 | 0.777 | 0.000 | 0.809 | 0.000 | 0.573 | undef |
    #> | conv2 | 2 | 0.741 | 0.000 | 0.761 | 0.000 | 0.537 | undef |
    #> | relu2 | 2 | 0.774 | 0.000 | 0.803 | 0.000 | 0.582 | undef |
    #> | pool2 | 4 | 0.440 | undef | 0.440 | undef | 0.400 | undef |
    #> | conv3 | 4 | 0.400 | undef | 0.388 | undef | 0.349 | undef |
    assert all(e.relative_l2 < 1e-6 for e in row.errors if e.defined)
    # after a stride the unscaled check fails every shift, (0, 1) included
    assert row.stride_text == "1" or min(wrong) > 0.1
