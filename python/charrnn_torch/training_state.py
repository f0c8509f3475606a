"""Where a run stands beyond weights and optimizer (core/io/model_file.cpp read_training, core/train/
trainer.hpp TrainingProgress): its settings, the batcher's place in the text, the dropout generator's
state and the hidden state carried into the next window. With them a run continues exactly.
L layers, B batch, H hidden.
"""
import math
from dataclasses import dataclass
from typing import Optional

import torch

from charrnn_torch.errors import UsageError
from charrnn_torch.model_file import checked_tensor, f32, f32_text

KEYS = ("train_seq_len", "train_batch", "train_clip", "train_dropout", "train_seed", "train_val_frac", "train_text",
        "train_step", "train_position", "train_epoch", "train_rng")


@dataclass
class TrainingState:
    seq_len: int
    batch: int
    clip: float
    dropout: float
    seed: int
    val_frac: float
    text_fingerprint: str
    steps: int
    position: int
    epoch: int
    rng: list                      # the core's xoshiro128** state, 4 words: dropout masks
    state_h: torch.Tensor          # (L, B, H)
    state_c: Optional[torch.Tensor]  # (L, B, H), LSTM only


def core_rng_state(seed):
    """The state of the core's dropout generator at the start of a run: Rng(seed ^ 0xD50), splitmix64
    seeding (core/util/rng.hpp, core/train/trainer.cpp)."""
    words, s = [], (seed ^ 0xD50) & 0xFFFFFFFFFFFFFFFF
    for _ in range(4):
        s = (s + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        words.append((z ^ (z >> 31)) >> 32)
    return words


def read_training_state(model):
    """The file's training state, or None when it has none (it needs optimizer state too, as in the core)."""
    meta = model.metadata
    if "optim" not in meta or "train_step" not in meta:
        return None
    for key in KEYS:
        if key not in meta:
            raise UsageError(f"model file '{model.path}': metadata has training state but no {key}")

    def whole(key, hi=1 << 50):
        text = meta[key]
        if not (text.isdigit() and text.isascii()) or int(text) > hi:
            raise UsageError(f"model file '{model.path}': metadata {key} = '{text}' is not a whole number up to {hi}")
        return int(text)

    def number(key):
        try:
            value = float(meta[key])
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise UsageError(f"model file '{model.path}': metadata {key} = '{meta[key]}' is not a number")
        return f32(value)

    rng = meta["train_rng"].split(",")
    if len(rng) != 4 or not all(w.isdigit() and w.isascii() and int(w) < 2 ** 32 for w in rng):
        raise UsageError(f"model file '{model.path}': metadata train_rng must be 4 comma-separated numbers below 2^32")
    batch = whole("train_batch", 4096)
    shape = [model.num_layers, batch, model.hidden_size]
    return TrainingState(
        seq_len=whole("train_seq_len", 4096), batch=batch, clip=number("train_clip"), dropout=number("train_dropout"),
        seed=whole("train_seed", 2 ** 64 - 1), val_frac=number("train_val_frac"), text_fingerprint=meta["train_text"],
        steps=whole("train_step"), position=whole("train_position"), epoch=whole("train_epoch"),
        rng=[int(w) for w in rng], state_h=checked_tensor(model, "train.state_h", shape),
        state_c=checked_tensor(model, "train.state_c", shape) if model.cell == "lstm" else None)


def training_metadata(t):
    return {
        "train_seq_len": str(t.seq_len), "train_batch": str(t.batch), "train_clip": f32_text(t.clip),
        "train_dropout": f32_text(t.dropout), "train_seed": str(t.seed), "train_val_frac": f32_text(t.val_frac),
        "train_text": t.text_fingerprint, "train_step": str(t.steps), "train_position": str(t.position),
        "train_epoch": str(t.epoch), "train_rng": ",".join(str(w) for w in t.rng),
    }


def training_tensors(t):
    tensors = [("train.state_h", t.state_h)]
    if t.state_c is not None:
        tensors.append(("train.state_c", t.state_c))
    return tensors
