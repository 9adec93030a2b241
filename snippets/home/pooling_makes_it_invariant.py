"""Global average pooling makes equivariant features an invariant read-out."""

import torch

torch.manual_seed(0)
x = torch.randn(1, 3, 32, 32)  # (N, C, H, W)
layers = {
    "stride 1": torch.nn.Conv2d(3, 8, 5, padding=2, padding_mode="circular"),
    "stride 2": torch.nn.Conv2d(
        3, 8, 5, stride=2, padding=2, padding_mode="circular"
    ),
}


def readout(conv: torch.nn.Conv2d, image: torch.Tensor) -> torch.Tensor:
    # (N, C): global average pool
    return torch.relu(conv(image)).mean(dim=(-2, -1))


change = {}
with torch.no_grad():
    for name, conv in layers.items():
        for v in [(2, 0), (1, 0)]:
            moved = readout(conv, torch.roll(x, v, dims=(-2, -1)))
            rel = (moved - readout(conv, x)).norm() / readout(conv, x).norm()
            change[name, v] = rel.item()
            print(f"{name}, shift {v}: relative change {rel.item():.3f}")
            #> stride 1, shift (2, 0): relative change 0.000
            #> stride 1, shift (1, 0): relative change 0.000
            #> stride 2, shift (2, 0): relative change 0.000
            #> stride 2, shift (1, 0): relative change 0.157

assert max(change["stride 1", v] for v in [(2, 0), (1, 0)]) < 1e-6
assert change["stride 2", (2, 0)] < 1e-6
assert change["stride 2", (1, 0)] > 0.01
