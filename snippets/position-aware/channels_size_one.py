"""A size of 1 has no extent to scale to [-1, 1]: shiftlab raises."""

from shiftlab.layers import coordinate_channels

try:
    coordinate_channels(1, 5)
    raised = False
except ValueError as error:
    raised = True
    print("size 1:", error)
    #> size 1: coordinate channels need H and W >= 2 to span [-1, 1], got (1, 5)
assert raised
