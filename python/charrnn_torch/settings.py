"""What a continued run trains with: the file's settings and state where they apply, the command line's
where given — the same rule as the core's Session resuming a file (core/api/session.cpp): the saved
run continues exactly when the file has its training state and the text is the one it was on."""
import math
from dataclasses import dataclass
from typing import Optional

from charrnn_torch.errors import UsageError
from charrnn_torch.model_file import f32
from charrnn_torch.optimizers import OptimizerSettings, read_saved_optimizer
from charrnn_torch.training_state import TrainingState, core_rng_state, read_training_state

# charrnn train's defaults, for a file without training settings
DEFAULTS = {"seq": 64, "batch": 32, "clip": 5.0, "dropout": 0.0, "val_frac": 0.1, "seed": 1}
MAX_SEQ, MAX_BATCH = 1 << 16, 1 << 20


@dataclass
class Plan:
    seq: int
    batch: int
    clip: float
    dropout: float
    val_frac: float
    seed: int
    optimizer: OptimizerSettings
    optimizer_steps: int
    optimizer_slots: Optional[dict]  # {slot: {parameter: tensor}}; None: a fresh optimizer
    exact: bool                      # the saved run continues where it stopped
    start: TrainingState             # steps, position, epoch, rng and state to start from (state None: zeros)
    notes: list                      # what the user should know, said once on stderr


def plan_run(args, model, text):
    notes = []
    saved_opt = read_saved_optimizer(model)
    saved = read_training_state(model)
    same_text = saved is not None and saved.text_fingerprint == text.fingerprint

    def pick(name, value, saved_attribute):
        if value is not None:
            return value
        return getattr(saved, saved_attribute) if saved is not None else DEFAULTS[name]

    seq = pick("seq", args.seq, "seq_len")
    batch = pick("batch", args.batch, "batch")
    val_frac = f32(pick("val_frac", args.val_frac, "val_frac"))
    clip = f32(pick("clip", args.clip, "clip"))
    dropout = f32(pick("dropout", args.dropout, "dropout"))
    seed = pick("seed", args.seed, "seed")
    if not 1 <= seq <= MAX_SEQ:
        raise UsageError(f"--seq is {seq}; it must be between 1 and {MAX_SEQ}")
    if not 1 <= batch <= MAX_BATCH:
        raise UsageError(f"--batch is {batch}; it must be between 1 and {MAX_BATCH}")
    if not (math.isfinite(val_frac) and 0 <= val_frac <= 0.5):
        raise UsageError(f"--val-frac is {val_frac:g}; it must be between 0 and 0.5")
    if not (math.isfinite(clip) and clip >= 0):
        raise UsageError(f"--clip is {clip:g}; it must be 0 (off) or a positive number")
    if not (math.isfinite(dropout) and 0 <= dropout <= 0.9):
        raise UsageError(f"--dropout is {dropout:g}; it must be between 0 and 0.9")
    if not 0 <= seed < 2 ** 64:
        raise UsageError(f"--seed is {seed}; it must be a whole number from 0 to 2^64 - 1")

    if saved_opt is not None and args.optim in (None, saved_opt[0].kind):
        optimizer, optimizer_steps, slots = saved_opt
    else:
        if saved_opt is not None:
            notes.append(f"the file's {saved_opt[0].kind} state is left behind: --optim {args.optim} starts afresh")
        optimizer, optimizer_steps, slots = OptimizerSettings(kind=args.optim or "adam"), 0, None
    if args.lr is not None:
        optimizer.lr = f32(args.lr)
    optimizer.validate()

    exact = (same_text and slots is not None and seq == saved.seq_len and batch == saved.batch
             and val_frac == saved.val_frac)
    if exact:
        start = TrainingState(seq, batch, clip, dropout, seed, val_frac, text.fingerprint, saved.steps, saved.position,
                              saved.epoch, saved.rng, saved.state_h, saved.state_c)
    else:
        if same_text:
            notes.append("another --seq, --batch, --val-frac or --optim than the saved run's: training starts at "
                         "the text's beginning with a zero state")
        elif saved is not None:
            notes.append("the file's run was on another text: training starts at this text's beginning with a zero state")
        start = TrainingState(seq, batch, clip, dropout, seed, val_frac, text.fingerprint, 0, 0, 0, core_rng_state(seed),
                              None, None)
    return Plan(seq, batch, clip, dropout, val_frac, seed, optimizer, optimizer_steps, slots, exact, start, notes)
