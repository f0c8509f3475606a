"""The core's truncated-BPTT batcher (core/train/batcher.cpp), window for window: the training text is
cut into B contiguous segments of equal length (one stream each) walked in windows of T steps, so the
state one window leaves is the right start for the next window of the same stream. When a stream has
no full window left, all wrap to their start and the state is zeroed: an epoch boundary.

Data-parallel: a process takes a contiguous slice of the B streams; every process walks the same
positions, so N processes see exactly the windows one process would.
T steps, B batch (streams), b streams of this process; windows are (T, b) time-major.
"""
import torch

from charrnn_torch.errors import UsageError


def min_length(steps, batch):
    return batch * (steps + 1)


class TruncatedBpttBatcher:
    def __init__(self, train_ids, steps, batch, streams, position=0, epoch=0):
        """streams: the range of the B streams this process trains on."""
        if len(train_ids) < min_length(steps, batch):
            raise UsageError(
                f"the training text has {len(train_ids)} characters, too few for batch {batch} × (sequence length "
                f"{steps} + 1) = {min_length(steps, batch)}; use a longer text, a shorter sequence or a smaller batch")
        self.ids = train_ids
        self.T, self.B = steps, batch
        self.segment = len(train_ids) // batch
        if not 0 <= position <= self.segment:
            raise UsageError(f"the saved position {position} does not fit this text's segments of {self.segment}")
        self.position, self.epoch = position, epoch
        t = torch.arange(steps, dtype=torch.int64)[:, None]                        # (T, 1)
        s = torch.tensor(list(streams), dtype=torch.int64)[None, :] * self.segment  # (1, b)
        self._offsets = t + s                                                       # (T, b)

    def next(self):
        """(inputs, targets, new_epoch): (T, b) int64 windows; new_epoch means the state must be zeroed first."""
        new_epoch = self.position == 0
        if self.position + self.T + 1 > self.segment:
            self.position = 0
            self.epoch += 1
            new_epoch = True
        at = self._offsets + self.position
        inputs = self.ids[at].long()
        targets = self.ids[at + 1].long()
        self.position += self.T
        return inputs, targets, new_epoch
