"""One optimizer step taken by PyTorch from a file equals one step taken by the core from the same file.

For each optimizer (Adam, RMSprop, Adagrad, SGD) and each cell: `charrnn train` makes a file mid-run
(moments built up over some steps); `charrnn train --resume FILE --steps 1` takes the core's next step;
continue_training.py --steps 1 takes PyTorch's (its main() in this process, so torch loads once; the
other tests run it as a command). The two files must agree: weights within 1e-5, the
optimizer's moments, the carried hidden state, and the step counts and place in the text exactly.
The step itself must be large against the tolerance, or the comparison would prove nothing.

Usage: optimizer_step_test.py path/to/charrnn WORKDIR
"""
import os

from support import Checks, charrnn, continue_training_ok, json_lines, main_args, make_text, max_difference, \
    max_relative_difference, read_model, with_metadata, write_text

WEIGHT_TOLERANCE = 1e-5
# Hidden state relative to its size (with 1 as the floor): an LSTM's cell state grows to ~100 here,
# where float32's own spacing is 8e-6.
STATE_TOLERANCE = 1e-5
MIN_STEP = 100 * WEIGHT_TOLERANCE
# Moments are compared relative to their size: Adagrad's sum and Adam's second moment grow as g².
SLOT_RELATIVE_TOLERANCE = 1e-4

# optimizer → training settings that exercise it; SGD's clip is below its gradient norms (0.1-0.4 at the
# compared step), so the clipped path is compared too.
CASES = {
    "adam": ["--lr", "0.01", "--clip", "5"],
    "rmsprop": ["--lr", "0.003", "--clip", "1"],
    "adagrad": ["--lr", "0.05", "--clip", "5"],
    "sgd": ["--lr", "0.5", "--clip", "0.1"],
}


def compare_one_step(checks, binary, text, name):
    """Takes one step from {name}-0.safetensors in the core and in PyTorch; checks the two files agree.
    Returns whether the step clipped the gradient."""
    core_lines = json_lines(charrnn(binary, "train", "--text", text, "--resume", f"{name}-0.safetensors", "--steps", "1",
                                    "--out", f"{name}-core.safetensors"))
    lines = continue_training_ok("--model", f"{name}-0.safetensors", "--text", text, "--steps", "1",
                                 "--out", f"{name}-torch.safetensors", here=True)
    exact = lines[0]["resumed_exactly"] and core_lines[0]["resumed_exactly"]
    clipped = core_lines[1]["clipped"]

    _, before = read_model(f"{name}-0.safetensors")
    core_meta, core = read_model(f"{name}-core.safetensors")
    torch_meta, torch_ = read_model(f"{name}-torch.safetensors")
    weights, where = max_difference(core, torch_, "rnn.")
    decoder, where_dec = max_difference(core, torch_, "decoder.")
    if decoder > weights:
        weights, where = decoder, where_dec
    step = max(max_difference(before, core, "rnn.")[0], max_difference(before, core, "decoder.")[0])
    state = max_relative_difference(core, torch_, "train.")
    slots = [n for n in core if n.startswith("optim.")]
    slot_error = max(float((core[n] - torch_[n]).abs().max() / (core[n].abs().max() + 1e-12)) for n in slots)
    same_meta = core_meta.keys() == torch_meta.keys() and all(core_meta[k] == torch_meta[k] for k in core_meta)
    checks.check(exact and clipped == lines[1]["clipped"] and weights <= WEIGHT_TOLERANCE and step >= MIN_STEP
                 and state <= STATE_TOLERANCE and slot_error <= SLOT_RELATIVE_TOLERANCE and same_meta,
                 f"{name:14s} weights max |core - torch| {weights:.2e} ({where}); the step moved weights up to "
                 f"{step:.2e}; hidden state (relative) {state:.2e}; moments (relative) {slot_error:.2e}; metadata "
                 f"{'identical' if same_meta else 'DIFFERS'}; resumed exactly: {exact}; clipped: core {clipped}, "
                 f"torch {lines[1]['clipped']}")
    if not same_meta:
        print("   ", {k: (core_meta.get(k), torch_meta.get(k)) for k in core_meta.keys() | torch_meta.keys()
                     if core_meta.get(k) != torch_meta.get(k)})
    return clipped


def main():
    binary, work = main_args()
    os.chdir(work)
    checks = Checks("one optimizer step: PyTorch vs the core")
    clipped_cases = []
    text = write_text("steps.txt", make_text(seed=1, sentences=400))
    for optim, extra in CASES.items():
        for cell, layers in (("lstm", "2"), ("gru", "2"), ("rnn", "1")):
            name = f"{optim}-{cell}"
            charrnn(binary, "train", "--text", text, "--cell", cell, "--hidden", "24", "--layers", layers,
                    "--seq", "16", "--batch", "8", "--steps", "25", "--optim", optim, *extra, "--seed", "3",
                    "--out", f"{name}-0.safetensors")
            if compare_one_step(checks, binary, text, name):
                clipped_cases.append(name)
    checks.check(len(clipped_cases) >= 3, f"the clipped path was compared: {', '.join(clipped_cases) or 'in no case'}")

    # SGD without momentum (a file edited to momentum 0): torch.optim.SGD keeps no buffer then, and the
    # core's buffer, μ·buf + g, is the last gradient, which is what must be written back.
    with_metadata("sgd-gru-0.safetensors", "sgd-no-momentum-0.safetensors", {"optim_momentum": "0"})
    compare_one_step(checks, binary, text, "sgd-no-momentum")
    checks.finish()


if __name__ == "__main__":
    main()
