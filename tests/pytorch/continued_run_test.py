"""A run taken to PyTorch and back loses nothing.

(b) A short run continued in PyTorch lowers the loss `charrnn eval` reports on held-out text for the
    file PyTorch wrote.
(d) That file opens in `charrnn` and continues: `charrnn train --resume` takes it up exactly where PyTorch
    left it (resumed_exactly, the step count, the place in the text), and core → PyTorch → core ends on
    the weights of a run that stayed in the core all along (within float32 rounding of the steps between).
    A weights-only file (as the README's save_charrnn writes) gets a fresh optimizer in PyTorch and then
    resumes in the core too.

Usage: continued_run_test.py path/to/charrnn WORKDIR
"""
import json
import os
import struct

from support import Checks, charrnn, continue_training_ok, json_lines, main_args, make_text, max_difference, \
    read_model, write_text

ROUND_TRIP_TOLERANCE = 1e-4  # after 2 × 40 steps; one step agrees to 1e-5 (optimizer_step_test.py)


def eval_loss(binary, model, text):
    return json.loads(charrnn(binary, "eval", "--model", model, "--text", text))["loss"]


def strip_to_weights(source, target):
    """The model tensors and the core's base metadata only: a file as a plain PyTorch user would write it."""
    raw = open(source, "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    meta, data = header.pop("__metadata__"), raw[8 + n:]
    keep = {k: v for k, v in header.items() if k.startswith(("rnn.", "decoder."))}
    blobs, offset, new_header = [], 0, {}
    for name, t in sorted(keep.items(), key=lambda kv: kv[1]["data_offsets"][0]):
        blob = data[t["data_offsets"][0]:t["data_offsets"][1]]
        new_header[name] = dict(t, data_offsets=[offset, offset + len(blob)])
        blobs.append(blob)
        offset += len(blob)
    new_header["__metadata__"] = {k: meta[k] for k in ("format", "version", "cell", "hidden_size", "num_layers", "vocab")}
    text = json.dumps(new_header).encode()
    text += b" " * (-len(text) % 8)
    open(target, "wb").write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def main():
    binary, work = main_args()
    os.chdir(work)
    checks = Checks("continued run: core → PyTorch → core")
    text = write_text("run.txt", make_text(seed=2, sentences=1500))
    held_out = write_text("held_out.txt", make_text(seed=99, sentences=60))
    common = ["--text", text, "--cell", "lstm", "--hidden", "48", "--layers", "2", "--seq", "32", "--batch", "8",
              "--lr", "0.01", "--seed", "5"]
    charrnn(binary, "train", *common, "--steps", "30", "--out", "start.safetensors")

    # (b) PyTorch continues 150 steps: the held-out loss falls
    lines = continue_training_ok("--model", "start.safetensors", "--text", text, "--steps", "150", "--log-every", "50",
                                 "--out", "torch.safetensors")
    before, after = eval_loss(binary, "start.safetensors", held_out), eval_loss(binary, "torch.safetensors", held_out)
    checks.check(after < 0.8 * before and lines[-1]["event"] == "done" and lines[-1]["steps"] == 180,
                 f"(b) charrnn eval on held-out text: {before:.4f} nats/char before, {after:.4f} after 150 PyTorch steps "
                 f"(PyTorch's last training loss {lines[-1]['loss']:.4f}, validation {lines[-1].get('val_loss', 0):.4f})")

    # (d) the core takes the PyTorch file up where it stopped, and ends where the core alone would; on a
    # short text (23 windows an epoch), so the way crosses epoch boundaries in both.
    small = write_text("small.txt", make_text(seed=2, sentences=150))
    charrnn(binary, "train", *common[2:], "--text", small, "--steps", "30", "--out", "small.safetensors")
    short = continue_training_ok("--model", "small.safetensors", "--text", small, "--steps", "40",
                                 "--out", "torch40.safetensors")
    resumed = json_lines(charrnn(binary, "train", "--text", small, "--resume", "torch40.safetensors", "--steps", "40",
                                 "--out", "round_trip.safetensors"))
    charrnn(binary, "train", "--text", small, "--resume", "small.safetensors", "--steps", "80",
            "--out", "core_only.safetensors")
    torch_meta, _ = read_model("torch40.safetensors")
    trip_meta, trip = read_model("round_trip.safetensors")
    core_meta, core = read_model("core_only.safetensors")
    weights = max(max_difference(core, trip, "rnn.")[0], max_difference(core, trip, "decoder.")[0])
    same_place = all(trip_meta[k] == core_meta[k] for k in ("train_step", "train_position", "train_epoch", "optim_step"))
    epochs = int(core_meta["train_epoch"])
    checks.check(resumed[0]["resumed_exactly"] and resumed[0]["start_step"] == 70 and short[-1]["steps"] == 70
                 and torch_meta["train_step"] == "70" and torch_meta["optim_step"] == "70" and same_place
                 and epochs >= 3 and weights <= ROUND_TRIP_TOLERANCE,
                 f"(d) charrnn resumes the PyTorch file exactly (resumed_exactly {resumed[0]['resumed_exactly']}, "
                 f"from step {resumed[0]['start_step']}); core 30 → PyTorch 40 → core 40 vs core 110 steps: weights max "
                 f"|difference| {weights:.2e}, step/position/epoch {'the same' if same_place else 'DIFFER'} (epoch {epochs})")

    # A weights-only file: PyTorch starts Adam afresh and writes a run the core resumes exactly.
    strip_to_weights("start.safetensors", "weights_only.safetensors")
    fresh = continue_training_ok("--model", "weights_only.safetensors", "--text", text, "--steps", "20",
                                 "--seq", "16", "--batch", "4", "--out", "fresh.safetensors")
    fresh_meta, _ = read_model("fresh.safetensors")
    resumed = json_lines(charrnn(binary, "train", "--text", text, "--resume", "fresh.safetensors", "--steps", "5",
                                 "--out", "fresh_core.safetensors"))
    checks.check(not fresh[0]["resumed_exactly"] and fresh_meta["optim"] == "adam" and fresh_meta["optim_step"] == "20"
                 and resumed[0]["resumed_exactly"] and resumed[0]["start_step"] == 20 and resumed[-1]["steps"] == 25,
                 f"weights-only file: PyTorch trains it with a fresh {fresh_meta['optim']} (optim_step "
                 f"{fresh_meta['optim_step']}), charrnn resumes that exactly from step {resumed[0]['start_step']}")
    checks.finish()


if __name__ == "__main__":
    main()
