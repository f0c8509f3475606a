#!/usr/bin/env python3
"""Continue a playground or `charrnn` training run in PyTorch — on the CPU, a GPU, or data-parallel
across GPUs or machines with torchrun — and write a model file the playground and `charrnn` continue.

  python3 python/continue_training.py --model run.safetensors --text input.txt --steps 5000 --out next.safetensors
  torchrun --standalone --nproc_per_node 4 python/continue_training.py --model … --text … --out …

The model, the optimizer (Adam, RMSprop, Adagrad, SGD: its moments become torch.optim's state) and,
for the text the run was on, its place in the text and carried hidden state come from the file; one
step here is the core's step (python/charrnn_torch/optimizers.py says how each update maps).
Standard library and torch only.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

DESCRIPTION = __doc__.split("\n\n")[0]
EPILOG = """\
What carries over. The weights and the optimizer state always. When --text is the text the run was
trained on (the file remembers its fingerprint) and --seq, --batch and --val-frac are left as the file
has them, the run continues exactly where it stopped: the same position in the text, the same hidden
state carried into the next window, the same step count, and the file written holds them again, so the
playground and `charrnn train --resume` continue from there. On another text (or with another --seq,
--batch, --val-frac), training starts at the text's beginning with a zero state; the optimizer state
still carries over. With dropout, PyTorch draws its own dropout masks (the run continues correctly, not
bit for bit). A global batch above 256 streams or a sequence above 1024 steps is beyond the core's
limits: the file is then written without the training state (weights and optimizer only).

Data-parallel (torchrun): the --batch streams of every step are split evenly across the processes
(--batch must be a multiple of their number) and DistributedDataParallel averages their gradients, so N
processes take the same steps as one process with the same --batch. Every process must read the same
model file and text. Backend: NCCL on GPUs, gloo on CPUs. Debian's torchrun needs --redirects 2 --tee 2:
  torchrun --standalone --nproc_per_node 2 --redirects 2 --tee 2 python/continue_training.py …
  torchrun --nnodes 2 --node_rank R --master_addr HOST --master_port 29500 --nproc_per_node 8 …
    (8 processes on each of 2 machines: R = 0 on HOST, 1 on the other; then the script and its options)

Output: one JSON object per progress line on stdout, as `charrnn train` prints (start, step lines with
loss, bpc, grad_norm, clipped, chars_per_sec, val_loss/val_bpc, done). Errors: one line on stderr naming
the problem, exit status 1, and no partial file."""


def parse_arguments(argv):
    p = argparse.ArgumentParser(prog="continue_training.py", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", required=True, metavar="FILE",
                   help="the model file to continue (.safetensors from the playground's Download model or charrnn train)")
    p.add_argument("--text", required=True, metavar="FILE",
                   help="UTF-8 text to train on; it may use only the model's characters")
    p.add_argument("--out", required=True, metavar="FILE", help="where to write the continued model (whole or not at all)")
    p.add_argument("--steps", type=int, default=1000, metavar="N", help="optimizer steps to take (default 1000)")
    p.add_argument("--lr", type=float, metavar="X", help="learning rate (default: the file's)")
    p.add_argument("--clip", type=float, metavar="X",
                   help="clip the global gradient norm to X, 0 = off (default: the file's, else 5)")
    p.add_argument("--dropout", type=float, metavar="P",
                   help="dropout between layers and before the decoder (default: the file's, else 0)")
    p.add_argument("--seq", type=int, metavar="T", help="truncated-BPTT window in characters (default: the file's, else 64)")
    p.add_argument("--batch", type=int, metavar="B",
                   help="streams per step, over all processes (default: the file's, else 32)")
    p.add_argument("--val-frac", type=float, metavar="F",
                   help="share of the text held out at its end for validation, 0-0.5 (default: the file's, else 0.1)")
    p.add_argument("--optim", choices=["adam", "sgd", "rmsprop", "adagrad"],
                   help="optimizer when the file has none (default adam); another kind than the file's starts it afresh")
    p.add_argument("--seed", type=int, metavar="S",
                   help="seed of PyTorch's dropout masks, kept in the file as the run's seed (default: the file's, else 1)")
    p.add_argument("--device", default="auto", metavar="D",
                   help="auto (a GPU when there is one), cpu, cuda or cuda:N; under torchrun each process takes "
                        "the GPU of its LOCAL_RANK")
    p.add_argument("--threads", type=int, metavar="N",
                   help="CPU threads per process (default: the cores divided by the processes on this machine)")
    p.add_argument("--tf32", action="store_true",
                   help="let Ampere or newer GPUs use TensorFloat-32 in matrix products: faster, about 3 digits of "
                        "precision in products (off: float32 as the core)")
    p.add_argument("--log-every", type=int, default=10, metavar="N", help="a progress line every N steps (default 10)")
    p.add_argument("--eval-every", type=int, default=100, metavar="N",
                   help="validation loss every N steps, on at most 20000 held-out characters (default 100)")
    p.add_argument("--save-every", type=int, default=0, metavar="N",
                   help="also write --out every N steps, to keep a long run's progress (default 0: at the end only)")
    args = p.parse_args(argv)
    for name, low in (("steps", 0), ("log_every", 1), ("eval_every", 1), ("save_every", 0), ("threads", 1)):
        value = getattr(args, name)
        if value is not None and value < low:
            p.error(f"--{name.replace('_', '-')} must be at least {low} (got {value})")
    return args


def main(argv=None):
    args = parse_arguments(argv)
    local_size = int(os.environ.get("LOCAL_WORLD_SIZE", "1") or 1)
    threads = args.threads or max(1, (os.cpu_count() or 1) // max(1, local_size))
    # Before torch loads: OpenMP and OpenBLAS threads would otherwise oversubscribe the cores (TOOLCHAIN.md).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", str(threads))
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    from charrnn_torch.errors import UsageError
    from charrnn_torch.run import run
    try:
        return run(args, threads)
    except UsageError as e:
        rank = os.environ.get("RANK")
        where = f" (rank {rank})" if rank is not None and os.environ.get("WORLD_SIZE", "1") != "1" else ""
        print(f"continue_training.py{where}: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
