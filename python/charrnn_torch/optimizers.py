"""The core's optimizers (core/train/optimizer.cpp) as torch.optim optimizers with the file's state.

The core's update equations, line by line against torch.optim 1.13 (_single_tensor_*):
  sgd      buf = μ·buf + g; p -= lr·buf
           torch.optim.SGD(momentum=μ, dampening=0, nesterov=False): buf.mul_(μ).add_(g) (a missing buffer
           starts as g, which is μ·0 + g); p.add_(buf, alpha=-lr). The same.
           With μ = 0 torch keeps no buffer; the core's buffer is then the last gradient, written as such.
  adagrad  sum += g²; p -= lr·g / (√sum + ε)
           torch.optim.Adagrad(lr_decay=0, initial_accumulator_value=0): state_sum.addcmul_(g, g);
           std = state_sum.sqrt().add_(ε); p.addcdiv_(g, std, value=-lr). The same; the file's `sum` replaces
           the initial accumulator.
  rmsprop  v = α·v + (1-α)·g²; p -= lr·g / (√v + ε)
           torch.optim.RMSprop(momentum=0, centered=False): square_avg.mul_(α).addcmul_(g, g, value=1-α);
           avg = square_avg.sqrt().add_(ε); p.addcdiv_(g, avg, value=-lr). The same (ε outside the root).
  adam     m = β1·m + (1-β1)·g; v = β2·v + (1-β2)·g²; p -= (lr/bc1)·m / (√v/√bc2 + ε), bc_i = 1 - β_i^step
           torch.optim.Adam(amsgrad=False, weight_decay=0): the same moments; step_size = lr / bc1;
           denom = (exp_avg_sq.sqrt() / √bc2).add_(ε); p.addcdiv_(exp_avg, denom, value=-step_size).
           The same (ε outside the root, after the bias correction); the core multiplies by 1/√bc2 where
           torch divides by √bc2, a difference in the last bit. Bias corrections in double, as the core.
So every kind is torch.optim's own optimizer; only its state is filled from the file. Hyper-parameters
are the core's float32 values (f32), so torch computes with the same numbers.
"""
import math
from dataclasses import dataclass

import torch

from charrnn_torch.errors import UsageError
from charrnn_torch.model_file import checked_tensor, f32, f32_text

SLOTS = {"sgd": ("momentum_buffer",), "adagrad": ("sum",), "rmsprop": ("square_avg",), "adam": ("exp_avg", "exp_avg_sq")}
HYPER = ("lr", "momentum", "beta1", "beta2", "alpha", "eps")


@dataclass
class OptimizerSettings:
    """The core's OptimizerSettings (core/train/optimizer.hpp), defaults included."""
    kind: str = "adam"
    lr: float = f32(2e-3)
    momentum: float = f32(0.9)
    beta1: float = f32(0.9)
    beta2: float = f32(0.999)
    alpha: float = f32(0.99)
    eps: float = -1.0  # < 0: the kind's PyTorch default

    def epsilon(self):
        return self.eps if self.eps >= 0 else f32(1e-10 if self.kind == "adagrad" else 1e-8)

    def validate(self):
        if not (math.isfinite(self.lr) and 0 < self.lr <= 10):
            raise UsageError(f"the learning rate must be a number above 0 and at most 10 (got {self.lr:g})")
        for name, value in (("momentum", self.momentum), ("Adam beta1", self.beta1), ("Adam beta2", self.beta2),
                            ("RMSprop alpha", self.alpha)):
            if not (math.isfinite(value) and 0 <= value < 1):
                raise UsageError(f"{name} must be in [0, 1) (got {value:g})")


def read_saved_optimizer(model):
    """(settings, steps, {slot: {parameter name: tensor}}) from the file, or None when it has no optimizer state."""
    meta = model.metadata
    if "optim" not in meta:
        return None
    kind = meta["optim"]
    if kind not in SLOTS:
        raise UsageError(f"model file '{model.path}': metadata optim = '{kind}' (expected adam, sgd, rmsprop or adagrad)")
    values = {}
    for key in ["optim_step"] + [f"optim_{h}" for h in HYPER]:
        if key not in meta:
            raise UsageError(f"model file '{model.path}': metadata has optimizer state but no {key}")
    if not (meta["optim_step"].isdigit() and meta["optim_step"].isascii()):
        raise UsageError(f"model file '{model.path}': metadata optim_step = '{meta['optim_step']}' is not a whole number")
    for h in HYPER:
        try:
            values[h] = f32(float(meta[f"optim_{h}"]))
        except ValueError:
            values[h] = math.nan
        if not math.isfinite(values[h]):
            raise UsageError(f"model file '{model.path}': metadata optim_{h} = '{meta[f'optim_{h}']}' is not a number")
    settings = OptimizerSettings(kind, **values)
    try:
        settings.validate()
    except UsageError as e:
        raise UsageError(f"model file '{model.path}': optimizer settings: {e}")
    slots = {slot: {name: checked_tensor(model, f"optim.{slot}.{name}", t.shape) for name, t in model.weights.items()}
             for slot in SLOTS[kind]}
    return settings, int(meta["optim_step"]), slots


def make_optimizer(settings, named_parameters, steps, slots):
    """torch.optim's optimizer of `settings.kind` over the parameters, its state set to the file's
    (`slots` None: a fresh state, zeros, as the core starts one)."""
    params = [p for _, p in named_parameters]
    eps = settings.epsilon()
    if settings.kind == "sgd":
        opt = torch.optim.SGD(params, lr=settings.lr, momentum=settings.momentum, dampening=0, nesterov=False,
                              weight_decay=0)
    elif settings.kind == "adagrad":
        opt = torch.optim.Adagrad(params, lr=settings.lr, lr_decay=0, weight_decay=0, initial_accumulator_value=0,
                                  eps=eps)
    elif settings.kind == "rmsprop":
        opt = torch.optim.RMSprop(params, lr=settings.lr, alpha=settings.alpha, eps=eps, weight_decay=0, momentum=0,
                                  centered=False)
    else:
        opt = torch.optim.Adam(params, lr=settings.lr, betas=(settings.beta1, settings.beta2), eps=eps, weight_decay=0,
                               amsgrad=False)
    for name, p in named_parameters:
        state = {slot: (slots[slot][name] if slots else torch.zeros_like(p)).to(p.device, torch.float32).clone()
                 for slot in SLOTS[settings.kind]}
        if settings.kind == "sgd" and settings.momentum == 0:
            state = {}  # torch.optim.SGD keeps no buffer without momentum: the update is p -= lr·g either way
        elif settings.kind != "sgd":
            # torch's own step counter: Adam's bias correction reads it (exact up to 2^24 steps, where
            # the correction is 1 to float precision anyway); the count written back is kept apart.
            state["step"] = torch.tensor(float(steps))
        opt.state[p] = state
    return opt


def saved_slots(opt, settings, named_parameters):
    """{slot: {parameter name: tensor}} of the optimizer's state, as the core holds it."""
    slots = {}
    for slot in SLOTS[settings.kind]:
        slots[slot] = {}
        for name, p in named_parameters:
            state = opt.state[p]
            if settings.kind == "sgd" and settings.momentum == 0:
                # The core's buffer: μ·buf + g with μ = 0, i.e. the last (clipped) gradient; zeros before any step.
                value = p.grad if p.grad is not None else torch.zeros_like(p)
            else:
                value = state[slot]
            slots[slot][name] = value.detach()
    return slots


def optimizer_metadata(settings, steps):
    meta = {"optim": settings.kind, "optim_step": str(steps), "optim_eps": f32_text(settings.epsilon())}
    for h in ("lr", "momentum", "beta1", "beta2", "alpha"):
        meta[f"optim_{h}"] = f32_text(getattr(settings, h))
    return meta


def clip_gradient_norm(parameters, max_norm):
    """Global-norm clipping as the core (core/train/optimizer.cpp, torch.nn.utils.clip_grad_norm_'s rule):
    the norm summed in double; when max_norm > 0 and the float32 coefficient max_norm / (norm + 1e-6) is
    below 1, every gradient is scaled by it. Returns the norm before clipping (a float)."""
    grads = [p.grad for p in parameters if p.grad is not None]
    norm = torch.sqrt(sum((g.double() ** 2).sum() for g in grads)).float()
    if max_norm > 0 and bool(torch.isfinite(norm)):
        coefficient = torch.tensor(max_norm, dtype=torch.float32, device=norm.device) / (norm + torch.tensor(1e-6, device=norm.device))
        if bool(coefficient < 1):
            for g in grads:
                g.mul_(coefficient)
    return float(norm)
