"""The training loop of continue_training.py: the core's Trainer::step (core/train/trainer.cpp) in
PyTorch — next window, zero state at an epoch boundary, forward, mean cross-entropy, backward (averaged
over processes by DistributedDataParallel), global-norm clipping, the optimizer's update — and the
model file written back with weights, optimizer state and training state.
T steps, B batch (streams over all processes), b streams of this process, H hidden, V vocab, L layers.
"""
import json
import math
import sys
import time

import torch
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel

from charrnn_torch.batcher import TruncatedBpttBatcher
from charrnn_torch.corpus import load_text, split
from charrnn_torch.distributed import World
from charrnn_torch.errors import UsageError
from charrnn_torch.model_file import (FORMAT_VERSION, check_writable, parameter_names, read_model_file,
                                      write_model_file)
from charrnn_torch.network import CharRNN, bits, detach_state, evaluate
from charrnn_torch.optimizers import clip_gradient_norm, make_optimizer, optimizer_metadata, saved_slots
from charrnn_torch.settings import plan_run
from charrnn_torch.training_state import TrainingState, training_metadata, training_tensors

CORE_MAX_SEQ, CORE_MAX_BATCH = 1024, 256  # core/nn/config.hpp: the core refuses training state beyond them
VALIDATION_CHARS = 20000                  # as Session::validate


def pick_device(requested, world):
    cuda = torch.cuda.is_available()
    if requested == "auto":
        requested = "cuda" if cuda else "cpu"
    if requested.startswith("cuda"):
        if not cuda:
            raise UsageError(f"--device {requested}: this PyTorch sees no CUDA GPU (torch.cuda.is_available() is "
                             f"False); use --device cpu")
        if world.distributed:
            if world.local_size > torch.cuda.device_count():
                raise UsageError(f"{world.local_size} processes on this machine but only {torch.cuda.device_count()} "
                                 f"GPU(s): start one process per GPU (torchrun --nproc_per_node)")
            requested = f"cuda:{world.local_rank}"
    elif requested != "cpu":
        raise UsageError(f"--device {requested}: expected auto, cpu, cuda or cuda:N")
    try:
        device = torch.device(requested)
    except RuntimeError:
        raise UsageError(f"--device {requested}: expected auto, cpu, cuda or cuda:N")
    if device.type == "cuda":
        torch.cuda.set_device(device)
    return device


class Emitter:
    """Progress as charrnn train prints it: one JSON object per line, from the first process only."""

    def __init__(self, world):
        self.leader = world.leader

    def line(self, obj):
        if self.leader:
            print(json.dumps(obj), flush=True)

    def note(self, text):
        if self.leader:
            print(f"continue_training.py: note: {text}", file=sys.stderr, flush=True)


def run(args, threads):
    world = World.from_environment()
    out = Emitter(world)
    torch.set_num_threads(threads)
    device = pick_device(args.device, world)
    torch.backends.cuda.matmul.allow_tf32 = args.tf32
    torch.backends.cudnn.allow_tf32 = args.tf32

    # Everything that can be wrong with the inputs is found before the processes meet, then agreed on:
    # one process stopping alone would leave the others waiting for it.
    error = model_file = text = plan = None
    try:
        model_file = read_model_file(args.model)
        text = load_text(args.text, model_file.vocab)
        plan = plan_run(args, model_file, text)
        if plan.batch % world.size:
            raise UsageError(f"the batch of {plan.batch} streams cannot be split evenly across {world.size} processes; "
                             f"choose a --batch that is a multiple of {world.size}")
        train_ids, validation_ids = split(text.ids, plan.val_frac)
        per_process = plan.batch // world.size
        streams = range(world.rank * per_process, (world.rank + 1) * per_process)
        batcher = TruncatedBpttBatcher(train_ids, plan.seq, plan.batch, streams, plan.start.position, plan.start.epoch)
        if world.leader:
            check_writable(args.out)
    except UsageError as e:
        error = e
    world.start("nccl" if device.type == "cuda" else "gloo")
    try:
        world.agree_or_raise(error, device)
        world.check_same("model file", json.dumps(model_file.metadata, sort_keys=True) +
                         str(float(sum(t.double().sum() for t in model_file.weights.values()))))
        world.check_same("text", text.fingerprint)
        for note in plan.notes:
            out.note(note)
        return train(args, world, device, out, model_file, text, plan, batcher, train_ids, validation_ids, streams)
    finally:
        world.stop()


def train(args, world, device, out, model_file, text, plan, batcher, train_ids, validation_ids, streams):
    model = CharRNN(model_file.cell, len(model_file.vocab), model_file.hidden_size, model_file.num_layers,
                    model_file.nonlinearity)
    model.load_state_dict(model_file.weights)
    model.to(device)
    model.set_dropout(plan.dropout)
    model.train()
    net = DistributedDataParallel(model, device_ids=[device] if device.type == "cuda" else None) \
        if world.distributed else model
    named = [(name, p) for name, p in model.named_parameters()]
    params = [p for _, p in named]
    optimizer = make_optimizer(plan.optimizer, named, plan.optimizer_steps, plan.optimizer_slots)
    # PyTorch's own dropout masks (the core's generator is not reproduced): a stream per process and start.
    torch.manual_seed((plan.seed * 1000003 + world.rank * 7919 + plan.start.steps) % (2 ** 63))

    progress = TrainingState(**vars(plan.start))  # updated as training goes
    state = model.zero_state(len(streams), device)
    if plan.start.state_h is not None:
        h = plan.start.state_h[:, streams.start:streams.stop].to(device)
        state = (h, plan.start.state_c[:, streams.start:streams.stop].to(device)) if model.cell == "lstm" else h
    optimizer_steps = plan.optimizer_steps

    def validate():
        if not world.leader or len(validation_ids) < 2:
            return {}
        loss = evaluate(model, validation_ids[:max(2, min(VALIDATION_CHARS, len(validation_ids)))], device)
        return {"val_loss": loss, "val_bpc": bits(loss)}

    def save():
        hidden = state[0] if isinstance(state, tuple) else state
        progress.state_h = world.gather_streams(hidden.detach()).cpu()
        progress.state_c = world.gather_streams(state[1].detach()).cpu() if isinstance(state, tuple) else None
        progress.position, progress.epoch = batcher.position, batcher.epoch
        if world.leader:
            write(args.out, model_file, model, named, optimizer, plan, optimizer_steps, progress, out)

    out.line({"event": "start", "characters": len(text.ids), "vocab_size": len(model_file.vocab),
              "train_characters": len(train_ids), "val_characters": len(validation_ids),
              "parameters": sum(p.numel() for p in params), "start_step": progress.steps,
              "resumed_exactly": plan.exact, "optimizer": plan.optimizer.kind, "optimizer_step": optimizer_steps,
              "seq": plan.seq, "batch": plan.batch, "device": str(device), "processes": world.size})
    started = time.monotonic()
    last_good = [p.detach().clone() for p in params]
    loss_value = None
    for i in range(args.steps):
        inputs, targets, new_epoch = batcher.next()  # (T, b)
        if new_epoch:
            state = model.zero_state(len(streams), device)
        logits, next_state = net(inputs.to(device), state)  # (T, b, V)
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.to(device).reshape(-1))
        loss_value = float(world.all_mean(loss))  # of the global batch: every process decides alike
        if not math.isfinite(loss_value):
            # These weights gave a non-finite loss: put back the ones before the last update, as the core.
            with torch.no_grad():
                for p, good in zip(params, last_good):
                    p.copy_(good)
            state = model.zero_state(len(streams), device)
            save()
            raise UsageError(f"training diverged at step {progress.steps + 1} (the loss is not a finite number); the "
                             f"last good model was saved to '{args.out}'; try a lower --lr or a smaller --clip")
        optimizer.zero_grad(set_to_none=False)
        loss.backward()
        grad_norm = clip_gradient_norm(params, plan.clip)
        if not math.isfinite(grad_norm):
            state = model.zero_state(len(streams), device)
            save()
            raise UsageError(f"training diverged at step {progress.steps + 1} (the gradient is not a finite number); "
                             f"the last good model was saved to '{args.out}'; try a lower --lr or a smaller --clip")
        for good, p in zip(last_good, params):
            good.copy_(p.detach())
        optimizer.step()
        optimizer_steps += 1
        progress.steps += 1
        state = detach_state(next_state)

        last = i + 1 == args.steps
        if progress.steps % args.log_every == 0 or last:
            elapsed = time.monotonic() - started
            line = {"step": progress.steps, "loss": loss_value, "bpc": bits(loss_value), "grad_norm": grad_norm,
                    "clipped": plan.clip > 0 and grad_norm > plan.clip, "elapsed_s": elapsed,
                    "chars_per_sec": (i + 1) * plan.seq * plan.batch / max(elapsed, 1e-9)}
            if progress.steps % args.eval_every == 0 or last:
                line.update(validate())
            out.line(line)
        if args.save_every and progress.steps % args.save_every == 0 and not last:
            save()
    save()
    done = {"event": "done", "steps": progress.steps, "out": args.out, "elapsed_s": time.monotonic() - started}
    if loss_value is not None:
        done["loss"] = loss_value
    done.update(validate())
    out.line(done)
    return 0


def write(path, model_file, model, named, optimizer, plan, optimizer_steps, progress, out):
    """The model file as the core writes it: weights, optimizer slots, training state (within the core's
    limits), the file's other metadata carried through."""
    meta = {k: v for k, v in model_file.metadata.items() if not k.startswith(("optim", "train_"))}
    meta.update({"format": "charrnn", "version": FORMAT_VERSION, "cell": model_file.cell,
                 "hidden_size": str(model_file.hidden_size), "num_layers": str(model_file.num_layers)})
    weights = dict(model.state_dict())
    tensors = [(name, weights[name]) for name in parameter_names(model_file.num_layers)]
    slots = saved_slots(optimizer, plan.optimizer, named)
    for slot, values in slots.items():
        tensors += [(f"optim.{slot}.{name}", values[name]) for name in parameter_names(model_file.num_layers)]
    meta.update(optimizer_metadata(plan.optimizer, optimizer_steps))
    if plan.seq <= CORE_MAX_SEQ and plan.batch <= CORE_MAX_BATCH:
        meta.update(training_metadata(progress))
        tensors += training_tensors(progress)
    elif not getattr(write, "warned", False):
        write.warned = True
        out.note(f"batch {plan.batch} or sequence {plan.seq} is beyond the core's limits ({CORE_MAX_BATCH}, "
                 f"{CORE_MAX_SEQ}): '{path}' holds weights and optimizer state, not the place in the text")
    write_model_file(path, tensors, meta)
