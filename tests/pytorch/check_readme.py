"""Runs the two Python snippets of the README against real PyTorch and the native CLI.

1. For a model `charrnn train` wrote (each cell), the README's load_charrnn gives a PyTorch model whose
   loss on a text equals `charrnn eval`'s, and its sample() runs.
2. The README's save_charrnn writes a PyTorch model that `charrnn eval` reads with PyTorch's own loss.

Usage: check_readme.py README.md path/to/charrnn WORKDIR
"""
import json
import os
import re
import subprocess
import sys

import torch

readme, charrnn, workdir = (os.path.abspath(a) for a in sys.argv[1:4])
snippets = re.findall(r"```python\n(.*?)```", open(readme, encoding="utf-8").read(), re.S)
load_snippet = next(s for s in snippets if "def load_charrnn(" in s)
save_snippet = next(s for s in snippets if "def save_charrnn(" in s)
os.chdir(workdir)
TEXT = "The pease porridge hot, pease porridge cold, pease porridge in the pot, nine days old. " * 30
open("input.txt", "w", encoding="utf-8").write(TEXT)
HELD_OUT = "pease porridge in the pot, nine days old. the pease porridge cold, the pease porridge hot."
open("held_out.txt", "w", encoding="utf-8").write(HELD_OUT)


def cli(*args):
    done = subprocess.run([charrnn, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"charrnn {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


@torch.no_grad()
def pytorch_loss(rnn, decoder, vocab, text):
    """Mean cross-entropy (nats) of predicting every character after the first, from a zero state."""
    ids = torch.tensor([vocab.index(ch) for ch in text])
    out, _ = rnn(torch.nn.functional.one_hot(ids[:-1], len(vocab)).float().unsqueeze(1))
    return torch.nn.functional.cross_entropy(decoder(out[:, 0]), ids[1:]).item()


def close(a, b):
    return abs(a - b) <= 1e-4 * max(1.0, abs(b))


failures = []
for cell, nonlinearity in (("lstm", "tanh"), ("gru", "tanh"), ("rnn", "tanh"), ("rnn", "relu")):
    cli("train", "--text", "input.txt", "--cell", cell, "--nonlinearity", nonlinearity, "--hidden", "24", "--layers", "2",
        "--steps", "40", "--seq", "16", "--batch", "4", "--lr", "0.01", "--out", "model.safetensors")
    namespace = {}
    exec(load_snippet, namespace)  # defines load_charrnn and sample, then loads model.safetensors and samples
    model, vocab = namespace["model"], namespace["vocab"]
    torch_loss = pytorch_loss(model["rnn"], model["decoder"], vocab, HELD_OUT)
    cli_loss = json.loads(cli("eval", "--model", "model.safetensors", "--text", "held_out.txt"))["loss"]
    sampled = namespace["sample"](model, vocab, prime="pease ", length=50)
    ok = close(torch_loss, cli_loss) and len(sampled) == 56 and all(ch in vocab for ch in sampled)
    print(f"{'ok ' if ok else 'BAD'} {cell} ({nonlinearity}): CLI model in PyTorch, loss {torch_loss:.6f} vs charrnn eval {cli_loss:.6f}; "
          f"sample {sampled!r}")
    if not ok:
        failures.append(f"load {cell} {nonlinearity}")

namespace = {}
exec(save_snippet, namespace)  # a fresh nn.GRU(V, 64, 2) + nn.Linear written to from_pytorch.safetensors
torch_loss = pytorch_loss(namespace["rnn"], namespace["decoder"], namespace["vocab"], TEXT[:400])
open("slice.txt", "w", encoding="utf-8").write(TEXT[:400])
cli_loss = json.loads(cli("eval", "--model", "from_pytorch.safetensors", "--text", "slice.txt"))["loss"]
ok = close(torch_loss, cli_loss)
print(f"{'ok ' if ok else 'BAD'} PyTorch GRU read by charrnn: loss {torch_loss:.6f} vs charrnn eval {cli_loss:.6f}")
if not ok:
    failures.append("save gru")

if failures:
    raise SystemExit(f"README snippets disagree with the CLI: {', '.join(failures)}")
print(f"README PyTorch snippets agree with charrnn (torch {torch.__version__})")
