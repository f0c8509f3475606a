"""The playground's model as a torch module: one-hot input → nn.RNN|LSTM|GRU(V, H, L) → nn.Linear(H, V).
Its state_dict has exactly the file's names. Dropout as the core places it (core/nn/network.cpp):
between layers (nn.LSTM's own `dropout`) and before the decoder, never on the recurrent path.
T steps, B batch (streams), H hidden, V vocab, L layers.
"""
import math

import torch
import torch.nn.functional as F
from torch import nn

RNN_MODULES = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}


class CharRNN(nn.Module):
    def __init__(self, cell, vocab_size, hidden, num_layers, nonlinearity="tanh"):
        super().__init__()
        extra = {"nonlinearity": nonlinearity} if cell == "rnn" else {}
        self.cell = cell
        self.vocab_size = vocab_size
        self.rnn = RNN_MODULES[cell](vocab_size, hidden, num_layers, **extra)
        self.decoder = nn.Linear(hidden, vocab_size)
        self.dropout = 0.0

    def set_dropout(self, p):
        # nn.RNN applies its `dropout` to every layer's output but the last; the decoder's input is ours.
        self.dropout = p
        self.rnn.dropout = p if self.rnn.num_layers > 1 else 0.0

    def forward(self, inputs, state):
        """inputs (T, B) indices; state h (L, B, H), or (h, c) for an LSTM → logits (T, B, V), new state."""
        x = F.one_hot(inputs, self.vocab_size).float()  # the core gathers a column of W_ih: same numbers
        out, state = self.rnn(x, state)
        return self.decoder(F.dropout(out, self.dropout, self.training)), state

    def zero_state(self, batch, device):
        h = torch.zeros(self.rnn.num_layers, batch, self.rnn.hidden_size, device=device)
        return (h, torch.zeros_like(h)) if self.cell == "lstm" else h


def detach_state(state):
    return tuple(s.detach() for s in state) if isinstance(state, tuple) else state.detach()


@torch.no_grad()
def evaluate(model, ids, device, streams=16, window=128):
    """Mean cross-entropy (nats) of predicting every character of `ids` after the first, from a zero
    state, as core/infer/evaluate.cpp: the text cut into `streams` contiguous pieces evaluated side by
    side (the last takes the remainder), each from a zero state. None for fewer than 2 characters."""
    predictions = len(ids) - 1
    if predictions < 1:
        return None
    was_training = model.training
    model.eval()
    B = max(1, min(streams, predictions))
    segment = predictions // B
    lengths = torch.tensor([segment] * (B - 1) + [predictions - segment * (B - 1)])  # (B,)
    starts = torch.arange(B) * segment                                                # (B,)
    state = model.zero_state(B, device)
    total, count = 0.0, 0
    for pos in range(0, int(lengths[-1]), window):
        t = torch.arange(pos, min(pos + window, int(lengths[-1])))[:, None]  # (T, 1)
        # A stream that ran out repeats its last pair, which is not counted.
        at = starts[None, :] + torch.minimum(t, lengths[None, :] - 1)       # (T, B)
        counted = (t < lengths[None, :]).to(device)
        inputs, targets = ids[at].long().to(device), ids[at + 1].long().to(device)
        logits, state = model(inputs, state)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]).double(), targets.reshape(-1), reduction="none")
        total += float((loss * counted.reshape(-1)).sum())
        count += int(counted.sum())
    model.train(was_training)
    return total / count


def bits(nats):
    return nats / math.log(2.0)
