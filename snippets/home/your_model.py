"""Recipe: how often does moving the content change your classifier's prediction?

Swap in your trained model and your test images on a larger canvas: the shifts are
windows cut from it (shift_mode="crop"), as a camera would frame them, not rolls.
Here: the shifted-digits networks (trained on centred digits) and the 597 held-out
digits centred on 24 x 24 canvases, so the 16 x 16 windows move a digit up to 4 px.
"""

import torch

from shiftlab.consistency import change_probability, shift_consistency
from shiftlab.experiments.digits import digits_on_canvas, split, trained_digit_net

canvases = torch.from_numpy(digits_on_canvas(24)[0][split()[1]])  # your test images
for kind in ("flatten", "gap-maxpool", "gap-blurpool", "gap-aps"):
    model = trained_digit_net(kind)  # your trained classifier
    same = shift_consistency(model, canvases, max_shift=4, shift_mode="crop", crop_size=16)
    moved = change_probability(model, canvases, shift_mode="crop", crop_size=16)
    print(f"{kind:12} two random crops agree: {same.value:.3f}, "
          f"a 1-px move changes it: {moved.value:.3f}")
    #> flatten      two random crops agree: 0.190, a 1-px move changes it: 0.368
    #> gap-maxpool  two random crops agree: 0.469, a 1-px move changes it: 0.442
    #> gap-blurpool two random crops agree: 0.955, a 1-px move changes it: 0.049
    #> gap-aps      two random crops agree: 1.000, a 1-px move changes it: 0.000
    assert kind != "gap-aps" or moved.value == 0.0  # APS: exact for these shifts
