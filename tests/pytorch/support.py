"""Shared by the continue_training tests: the real CLI and script as subprocesses, a model file reader of
their own (the format checked by an implementation independent of python/charrnn_torch), texts."""
import contextlib
import io
import json
import os
import random
import struct
import subprocess
import sys

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, "python", "continue_training.py")
PYTHON = "/usr/bin/python3"  # Debian's, which has torch (TOOLCHAIN.md)


class Checks:
    """Collects failures; every check prints one line, so a run reads as a report."""

    def __init__(self, name):
        self.name, self.failures = name, []

    def check(self, ok, line):
        print(f"{'ok ' if ok else 'BAD'} {line}", flush=True)
        if not ok:
            self.failures.append(line)

    def finish(self):
        if self.failures:
            raise SystemExit(f"{self.name}: {len(self.failures)} check(s) failed")
        print(f"{self.name}: all checks passed", flush=True)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def charrnn(binary, *args):
    """stdout of a charrnn command that must succeed."""
    done = run([binary, *args])
    if done.returncode != 0:
        raise SystemExit(f"charrnn {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def json_lines(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]


def continue_training(*args, threads=1):
    """The script as a user runs it; returns the finished process (check .returncode yourself)."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    return run([PYTHON, SCRIPT, "--threads", str(threads), *args], env=env)


def continue_training_here(*args, threads=1):
    """The script's main() in this process (torch loads once for many runs): the same code path as the
    command, which only adds sys.exit(main()). Returns (exit status, stdout, stderr)."""
    if ROOT + "/python" not in sys.path:
        sys.path.insert(0, os.path.join(ROOT, "python"))
    import continue_training
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = continue_training.main(["--threads", str(threads), *args])
        except SystemExit as e:  # argparse's exit for a malformed command line
            status = e.code
    return status, out.getvalue(), err.getvalue()


def continue_training_ok(*args, here=False):
    """Progress lines of a run that must succeed: as a command, or with here=True in this process."""
    if here:
        status, stdout, stderr = continue_training_here(*args)
        if status != 0:
            raise SystemExit(f"continue_training.py {' '.join(args)} failed: {stderr.strip()}")
        return json_lines(stdout)
    done = continue_training(*args)
    if done.returncode != 0:
        raise SystemExit(f"continue_training.py {' '.join(args)} failed: {done.stderr.strip()}")
    return json_lines(done.stdout)


def torchrun(processes, *args):
    """The script under Debian's torchrun on CPU (gloo); --redirects/--tee work around its Python 3.11 bug."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    return run(["torchrun", "--standalone", "--nproc_per_node", str(processes), "--redirects", "2", "--tee", "2",
                SCRIPT, "--threads", "1", *args], env=env)


def read_model(path):
    """(metadata, {name: float32 tensor}) straight from the safetensors bytes."""
    raw = open(path, "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    meta, data = header.pop("__metadata__"), raw[8 + n:]
    tensors = {}
    for name, t in header.items():
        assert t["dtype"] == "F32", name
        begin, end = t["data_offsets"]
        count = (end - begin) // 4
        values = struct.unpack(f"<{count}f", data[begin:end])
        tensors[name] = torch.tensor(values, dtype=torch.float32).reshape(t["shape"])
    return meta, tensors


def with_metadata(source, target, changes):
    """A copy of a model file with some metadata changed (the tensors untouched)."""
    raw = open(source, "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    header["__metadata__"].update(changes)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    open(target, "wb").write(struct.pack("<Q", len(text)) + text + raw[8 + n:])
    return target


def max_difference(a, b, prefix=""):
    """(largest |a - b| over the tensors whose names start with prefix, the tensor where it is)."""
    names = sorted(n for n in a if n.startswith(prefix))
    if names != sorted(n for n in b if n.startswith(prefix)):
        return float("inf"), f"different tensors: {names} vs {sorted(n for n in b if n.startswith(prefix))}"
    worst, where = 0.0, ""
    for n in names:
        if a[n].shape != b[n].shape:
            return float("inf"), f"{n}: shape {list(a[n].shape)} vs {list(b[n].shape)}"
        d = float((a[n] - b[n]).abs().max()) if a[n].numel() else 0.0
        if d > worst:
            worst, where = d, n
    return worst, where


def max_relative_difference(a, b, prefix):
    """Largest |a - b| / max(1, |a|) over the tensors whose names start with prefix: for values such as an
    LSTM's cell state, which can grow far above 1 where float32's spacing grows with it."""
    return max(float(((a[n] - b[n]).abs() / a[n].abs().clamp(min=1)).max()) for n in a if n.startswith(prefix))


WORDS = ("the a little old quick brown lazy small river stone house garden morning evening light rain wind sings "
         "walks waits falls rests over under beside into and but so then when while children birds").split()


def make_text(seed, sentences):
    """A deterministic text of simple sentences (lower case, spaces, punctuation, newlines)."""
    rng = random.Random(seed)
    lines = []
    for _ in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(4, 9))]
        lines.append(" ".join(words).capitalize() + rng.choice([".", ".", ",", "!", "?"]))
    return "\n".join(lines) + "\n"


def write_text(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def main_args():
    """charrnn binary, work directory (from test-pytorch.sh)."""
    if len(sys.argv) != 3:
        raise SystemExit(f"usage: {sys.argv[0]} path/to/charrnn WORKDIR")
    return os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
