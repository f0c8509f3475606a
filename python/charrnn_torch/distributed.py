"""One process or many under torchrun: who this process is, and the few collective steps training needs
besides DistributedDataParallel's gradient averaging (agreeing on errors and inputs, gathering state)."""
import os
from dataclasses import dataclass

import torch
import torch.distributed as dist

from charrnn_torch.errors import UsageError


@dataclass
class World:
    rank: int = 0
    size: int = 1
    local_rank: int = 0
    local_size: int = 1

    @staticmethod
    def from_environment():
        """torchrun sets RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE; a plain run is a world of one."""
        env = os.environ
        try:
            return World(int(env.get("RANK", 0)), int(env.get("WORLD_SIZE", 1)), int(env.get("LOCAL_RANK", 0)),
                         int(env.get("LOCAL_WORLD_SIZE", env.get("WORLD_SIZE", 1))))
        except ValueError:
            raise UsageError("RANK, WORLD_SIZE, LOCAL_RANK are not whole numbers: start several processes with torchrun")

    @property
    def distributed(self):
        return self.size > 1

    @property
    def leader(self):
        return self.rank == 0

    def start(self, backend):
        if self.distributed:
            dist.init_process_group(backend=backend)

    def stop(self):
        if self.distributed and dist.is_initialized():
            dist.destroy_process_group()

    def agree_or_raise(self, error, device):
        """Every process raises if any did: a process that stopped alone would leave the others waiting."""
        if not self.distributed:
            if error:
                raise error
            return
        failed = torch.tensor([1.0 if error else 0.0], device=device)
        dist.all_reduce(failed)
        if error:
            raise error
        if failed.item() > 0:
            raise UsageError(f"another process stopped with an error (see its message); rank {self.rank} stops too")

    def check_same(self, what, value):
        """UsageError on every process unless all hold the same `value` (a string): the same model file
        and text on every machine, or the replicas would silently train different things."""
        if not self.distributed:
            return
        values = [None] * self.size
        dist.all_gather_object(values, value)
        for rank, other in enumerate(values):
            if other != values[0]:
                raise UsageError(f"rank {rank} has a different {what} than rank 0; give every process the same files")

    def all_mean(self, x):
        """The mean over processes of a float tensor (a copy)."""
        x = x.detach().clone()
        if self.distributed:
            dist.all_reduce(x)
            x /= self.size
        return x

    def gather_streams(self, local):
        """(L, b, H) per process → (L, B, H) in stream order: the state of the whole global batch."""
        if not self.distributed:
            return local
        parts = [torch.empty_like(local) for _ in range(self.size)]
        dist.all_gather(parts, local.contiguous())
        return torch.cat(parts, dim=1)
