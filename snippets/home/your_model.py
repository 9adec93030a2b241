"""Recipe: how often does moving the content change your model's prediction?"""

import torch

from shiftlab.consistency import change_probability, shift_consistency
from shiftlab.experiments.digits import digits_on_canvas, split
from shiftlab.experiments.digits import trained_digit_net as your_model

# your test images; here 597 held-out digits, centred on 24 x 24 canvases
canvases = torch.from_numpy(digits_on_canvas(24)[0][split()[1]])
crop = {"shift_mode": "crop", "crop_size": 16}  # 16 x 16 windows: moves <= 4 px
for kind in ("flatten", "gap-maxpool", "gap-blurpool", "gap-aps"):
    model = your_model(kind)  # your trained classifier
    same = shift_consistency(model, canvases, max_shift=4, **crop).value
    moved = change_probability(model, canvases, **crop).value
    print(f"{kind:12} two random crops agree: {same:.3f}, "
          f"a 1-px move changes it: {moved:.3f}")
    #> flatten      two random crops agree: 0.190, a 1-px move changes it: 0.368
    #> gap-maxpool  two random crops agree: 0.469, a 1-px move changes it: 0.442
    #> gap-blurpool two random crops agree: 0.955, a 1-px move changes it: 0.049
    #> gap-aps      two random crops agree: 1.000, a 1-px move changes it: 0.000
    assert kind != "gap-aps" or moved == 0.0  # APS: exact for these moves
