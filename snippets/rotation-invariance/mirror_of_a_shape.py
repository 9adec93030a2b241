"""An asymmetric shape's mirror image is no shift of it; a rectangle's is."""

import torch

x = torch.zeros(12, 16)
x[2:10, 3:5] = 1.0
x[2:4, 5:9] = 1.0  # an asymmetric shape: a bar with an arm to the right
box = torch.zeros(12, 16)
box[2:10, 3:9] = 1.0  # a rectangle, symmetric under the mirror


def mirror_is_a_shift(a: torch.Tensor) -> bool:  # M a == some roll of a
    shifts = [(dy, dx) for dy in range(12) for dx in range(16)]
    mirrored = torch.flip(a, dims=(-1,))  # M: column j -> W - 1 - j
    return any(torch.equal(torch.roll(a, v, (0, 1)), mirrored) for v in shifts)


found = mirror_is_a_shift(x), mirror_is_a_shift(box)
print(
    "mirror is a shift: of the shape", found[0], "| of the rectangle", found[1]
)
#> mirror is a shift: of the shape False | of the rectangle True
assert found == (False, True)
