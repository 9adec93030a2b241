"""Recipe: how often does moving the content change your model's prediction?"""

import torch

from shiftlab.consistency import change_probability, shift_consistency
from shiftlab.experiments.digits import (
    digits_on_canvas,
    split,
    trained_digit_net,
)

# your test images; here the 597 held-out digits, centred on 24 x 24 canvases
canvases = torch.from_numpy(digits_on_canvas(24)[0][split()[1]])
for kind in ("flatten", "gap-maxpool", "gap-blurpool", "gap-aps"):
    model = trained_digit_net(kind)  # your trained classifier
    # 16 x 16 windows cut from the canvas: the digit moves by up to 4 px
    same = shift_consistency(
        model, canvases, max_shift=4, shift_mode="crop", crop_size=16
    )
    moved = change_probability(model, canvases, shift_mode="crop", crop_size=16)
    print(
        f"{kind:12} two random crops agree: {same.value:.3f}, "
        f"a 1-px move changes it: {moved.value:.3f}"
    )
    #> flatten      two random crops agree: 0.190, a 1-px move changes it: 0.368
    #> gap-maxpool  two random crops agree: 0.469, a 1-px move changes it: 0.442
    #> gap-blurpool two random crops agree: 0.955, a 1-px move changes it: 0.049
    #> gap-aps      two random crops agree: 1.000, a 1-px move changes it: 0.000
    # APS: exact for these shifts
    assert kind != "gap-aps" or moved.value == 0.0
