"""(c) Data-parallel: a 2-process torchrun run on CPU (gloo) takes the same steps as 1 process with the
same global batch — weights, optimizer moments and the carried hidden state of all streams within 1e-5,
step counts and place in the text identical — and a batch that does not split evenly is refused.

Usage: torchrun_test.py path/to/charrnn WORKDIR
"""
import os

from support import Checks, charrnn, continue_training_ok, json_lines, main_args, make_text, max_difference, \
    max_relative_difference, read_model, torchrun, write_text

TOLERANCE = 1e-5


def main():
    binary, work = main_args()
    os.chdir(work)
    checks = Checks("torchrun: 2 processes vs 1")
    # A short text (about 18 windows an epoch): the 8 steps cross an epoch boundary, where states reset.
    text = write_text("dp.txt", make_text(seed=3, sentences=60))
    charrnn(binary, "train", "--text", text, "--cell", "gru", "--hidden", "32", "--layers", "2", "--seq", "16",
            "--batch", "8", "--steps", "15", "--lr", "0.01", "--optim", "adam", "--out", "dp0.safetensors")
    args = ["--model", "dp0.safetensors", "--text", text, "--steps", "8", "--log-every", "4"]
    one = continue_training_ok(*args, "--out", "one.safetensors")
    two = torchrun(2, *args, "--out", "two.safetensors")
    if two.returncode != 0:
        raise SystemExit(f"torchrun failed:\n{two.stdout}\n{two.stderr}")
    two_lines = json_lines(two.stdout)  # only rank 0 prints progress; --tee 2 passes stdout through as it is
    meta_one, one_file = read_model("one.safetensors")
    meta_two, two_file = read_model("two.safetensors")
    weights = max(max_difference(one_file, two_file, "rnn.")[0], max_difference(one_file, two_file, "decoder.")[0])
    moments, _ = max_difference(one_file, two_file, "optim.")
    state = max_relative_difference(one_file, two_file, "train.")
    same_meta = meta_one == meta_two
    losses = [(a["loss"], b["loss"]) for a, b in zip(one, two_lines) if "grad_norm" in a]
    checks.check(weights <= TOLERANCE and moments <= TOLERANCE and state <= TOLERANCE and same_meta
                 and int(meta_one["train_epoch"]) >= 1 and two_lines[0]["processes"] == 2 and one[0]["processes"] == 1 and len(losses) == 3,
                 f"8 steps, global batch 8: weights max |1 process - 2 processes| {weights:.2e}, moments {moments:.2e}, "
                 f"hidden state of all 8 streams (relative) {state:.2e}, metadata {'identical' if same_meta else 'DIFFERS'} "
                 f"(epoch {meta_one['train_epoch']}); "
                 f"losses {', '.join(f'{a:.6f}/{b:.6f}' for a, b in losses)}")

    odd = torchrun(2, *args, "--batch", "7", "--out", "odd.safetensors")
    said = "the batch of 7 streams cannot be split evenly across 2 processes" in odd.stderr + odd.stdout
    checks.check(odd.returncode != 0 and said and not os.path.exists("odd.safetensors"),
                 f"--batch 7 over 2 processes is refused with a message (exit {odd.returncode}), no file written")
    checks.finish()


if __name__ == "__main__":
    main()
