"""Bad input to continue_training.py gets one line on stderr naming the problem, exit status 1 (2 for a
malformed command line, as argparse), and no output file — never a traceback. The cases run main() in
this process (torch loads once); one runs as a command, to see what reaches the shell.

Usage: errors_test.py path/to/charrnn WORKDIR
"""
import os

from support import Checks, charrnn, continue_training, continue_training_here, main_args, make_text, \
    with_metadata, write_text


def main():
    binary, work = main_args()
    os.chdir(work)
    checks = Checks("continue_training.py errors")
    text = write_text("ok.txt", make_text(seed=4, sentences=200))
    charrnn(binary, "train", "--text", text, "--hidden", "16", "--seq", "16", "--batch", "4", "--steps", "3",
            "--out", "m.safetensors")
    write_text("unknown.txt", "The quick brown — naïve\n" * 20)
    open("bad_utf8.txt", "wb").write(b"the rain\xff falls")
    write_text("short.txt", "the rain")
    open("cut.safetensors", "wb").write(open("m.safetensors", "rb").read()[:300])
    with_metadata("m.safetensors", "spacing.safetensors", {"task": "spacing"})
    with_metadata("m.safetensors", "bidi.safetensors", {"bidirectional": "true"})
    with_metadata("m.safetensors", "adamw.safetensors", {"optim": "adamw"})

    cases = [
        ("a text file as the model", ["--model", text, "--text", text], "model file 'ok.txt': "),
        ("a missing model file", ["--model", "none.safetensors", "--text", text], "cannot read 'none.safetensors'"),
        ("a truncated model file", ["--model", "cut.safetensors", "--text", text], "truncated"),
        ("characters outside the vocabulary", ["--model", "m.safetensors", "--text", "unknown.txt"],
         "the character '—' (U+2014) at position 16 is not in the model's vocabulary"),
        ("invalid UTF-8", ["--model", "m.safetensors", "--text", "bad_utf8.txt"], "invalid UTF-8 at byte 8"),
        ("a text too short for the batch", ["--model", "m.safetensors", "--text", "short.txt"],
         "too few for batch 4 × (sequence length 16 + 1)"),
        ("a task other than the language model", ["--model", "spacing.safetensors", "--text", text],
         "its task is 'spacing'; continue_training.py trains language models (task 'lm') only"),
        ("bidirectional layers", ["--model", "bidi.safetensors", "--text", text], "bidirectional layers"),
        ("an unknown optimizer in the file", ["--model", "adamw.safetensors", "--text", text], "optim = 'adamw'"),
        ("an unknown device", ["--model", "m.safetensors", "--text", text, "--device", "tpu"],
         "--device tpu: expected auto, cpu, cuda or cuda:N"),
        ("a learning rate out of range", ["--model", "m.safetensors", "--text", text, "--lr", "50"],
         "the learning rate must be a number above 0 and at most 10"),
        ("dropout out of range", ["--model", "m.safetensors", "--text", text, "--dropout", "0.95"],
         "--dropout is 0.95"),
        ("an output in a missing folder", ["--model", "m.safetensors", "--text", text, "--out", "no/dir/x.safetensors"],
         "cannot write 'no/dir/x.safetensors'"),
    ]
    for what, args, expected in cases:
        out = [] if "--out" in args else ["--out", "x.safetensors"]
        status, _, stderr = continue_training_here(*args, *out, "--steps", "2")
        message = stderr.strip()
        ok = (status == 1 and expected in message and "\n" not in message and "Traceback" not in message
              and not os.path.exists("x.safetensors"))
        checks.check(ok, f"{what}: exit {status}, {message!r}")

    status, _, stderr = continue_training_here("--model", "m.safetensors", "--text", text, "--out", "x.safetensors",
                                               "--steps", "-1")
    checks.check(status == 2 and "--steps must be at least 0" in stderr,
                 f"a negative --steps: exit {status}, {stderr.strip().splitlines()[-1]!r}")

    # As a command: the exit status and the one line reach the shell, without a traceback.
    done = continue_training("--model", "m.safetensors", "--text", "unknown.txt", "--out", "x.safetensors")
    checks.check(done.returncode == 1 and done.stderr.count("\n") == 1 and "not in the model's vocabulary" in done.stderr
                 and not os.path.exists("x.safetensors"),
                 f"as a command: exit {done.returncode}, {len(done.stderr.splitlines())} line on stderr")
    checks.finish()


if __name__ == "__main__":
    main()
