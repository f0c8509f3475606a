"""The playground's model file, read and written with the standard library and torch only.

Format (ARCHITECTURE.md "Model file", core/io/model_file.cpp): safetensors — a u64 little-endian header
length N, N bytes of JSON padded with spaces to a multiple of 8, then one buffer of little-endian F32
tensors with no holes. Tensors: a PyTorch state_dict of rnn = nn.RNN|LSTM|GRU(V, H, L) and
decoder = nn.Linear(H, V); optionally optimizer slots `optim.<slot>.<parameter>` and the training state
`train.state_h`, `train.state_c` (L, B, H). Metadata: format, version, cell, hidden_size, num_layers,
vocab (JSON array), optim* and train_* keys; keys this module does not know are carried through.
G gates, H hidden, V vocab, L layers, B batch.
"""
import ctypes
import json
import math
import os
import struct
import sys
from dataclasses import dataclass, field

import torch

from charrnn_torch.errors import UsageError

GATES = {"rnn": 1, "gru": 3, "lstm": 4}
MAX_HEADER = 100 << 20  # the reference implementation's limit, as the core's reader
MAX_LAYERS, MAX_HIDDEN = 4, 1024  # core/nn/config.hpp Limits
FORMAT_VERSION = "1"


def f32(x):
    """The Python float equal to the float32 nearest x: the core keeps its settings as float."""
    return struct.unpack("<f", struct.pack("<f", float(x)))[0]


def f32_text(x):
    """A float32 as the core writes it (printf %.9g): reads back to the same float32."""
    return "%.9g" % f32(x)


def parameter_names(num_layers):
    """The model's tensors in the core's parameter layout order (core/nn/parameters.cpp)."""
    names = []
    for k in range(num_layers):
        names += [f"rnn.weight_ih_l{k}", f"rnn.weight_hh_l{k}", f"rnn.bias_ih_l{k}", f"rnn.bias_hh_l{k}"]
    return names + ["decoder.weight", "decoder.bias"]


def parameter_shapes(cell, vocab_size, hidden, num_layers):
    gh = GATES[cell] * hidden
    shapes = {}
    for k in range(num_layers):
        shapes[f"rnn.weight_ih_l{k}"] = [gh, vocab_size if k == 0 else hidden]
        shapes[f"rnn.weight_hh_l{k}"] = [gh, hidden]
        shapes[f"rnn.bias_ih_l{k}"] = [gh]
        shapes[f"rnn.bias_hh_l{k}"] = [gh]
    shapes["decoder.weight"] = [vocab_size, hidden]
    shapes["decoder.bias"] = [vocab_size]
    return shapes


@dataclass
class ModelFile:
    path: str
    metadata: dict          # everything in __metadata__ (strings)
    tensors: dict           # name -> float32 tensor (CPU), every tensor of the file
    vocab: list             # characters, index order
    cell: str               # "rnn" | "gru" | "lstm"
    hidden_size: int
    num_layers: int
    nonlinearity: str = "tanh"
    weights: dict = field(default_factory=dict)  # the model's own tensors (rnn.*, decoder.*)


def _bad(path, what):
    raise UsageError(f"model file '{path}': {what}")


def read_safetensors(path):
    """(metadata, {name: tensor}) of a safetensors file with F32 tensors; UsageError naming the problem."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise UsageError(f"cannot read '{path}': {e.strerror or e}")
    if len(raw) < 8:
        _bad(path, f"too short to be a safetensors file ({len(raw)} bytes)")
    (n,) = struct.unpack("<Q", raw[:8])
    if n > MAX_HEADER:
        _bad(path, f"header length {n} is larger than the 100 MB limit (not a safetensors file?)")
    if n > len(raw) - 8:
        _bad(path, f"header length {n} runs past the end of the file ({len(raw)} bytes; truncated?)")
    if n < 2 or raw[8:9] != b"{":
        _bad(path, "the header does not start with a JSON object (not a safetensors file?)")
    try:
        header = json.loads(raw[8:8 + n].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        _bad(path, "the header is not valid JSON")
    if not isinstance(header, dict):
        _bad(path, "the header is not a JSON object")
    metadata = header.pop("__metadata__", {})
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        _bad(path, "__metadata__ must map names to strings")
    if sys.byteorder != "little":
        _bad(path, "this reader needs a little-endian machine")
    buffer = bytearray(raw[8 + n:])  # writable, so torch.frombuffer shares it without a warning
    tensors = {}
    for name, info in header.items():
        if not isinstance(info, dict) or not {"dtype", "shape", "data_offsets"} <= info.keys():
            _bad(path, f"entry '{name}' needs dtype, shape and data_offsets")
        if info["dtype"] != "F32":
            _bad(path, f"tensor '{name}' has dtype {info['dtype']}; only F32 is read (call .float() before saving)")
        shape, offsets = info["shape"], info["data_offsets"]
        if not (isinstance(shape, list) and all(isinstance(d, int) and d >= 0 for d in shape)):
            _bad(path, f"tensor '{name}' has a shape that is not a list of non-negative integers")
        if not (isinstance(offsets, list) and len(offsets) == 2 and all(isinstance(o, int) for o in offsets)
                and 0 <= offsets[0] <= offsets[1] <= len(buffer)):
            _bad(path, f"tensor '{name}' has data_offsets outside the file's {len(buffer)} bytes of data (truncated?)")
        count = math.prod(shape)
        if offsets[1] - offsets[0] != 4 * count:
            _bad(path, f"tensor '{name}' has {offsets[1] - offsets[0]} bytes of data but its shape needs {4 * count}")
        flat = (torch.frombuffer(buffer, dtype=torch.float32, count=count, offset=offsets[0]) if count
                else torch.zeros(0))
        tensors[name] = flat.reshape(shape)
    return metadata, tensors


def _integer(path, metadata, key, lo, hi):
    text = metadata[key]
    if not (text.isdigit() and text.isascii()) or not lo <= int(text) <= hi:
        _bad(path, f"metadata {key} = '{text}' is not an integer from {lo} to {hi}")
    return int(text)


def read_model_file(path):
    """Reads and checks a model file as the core does (core/io/model_file.cpp), plus what this tool
    cannot train yet (tasks other than the language model, bidirectional layers)."""
    metadata, tensors = read_safetensors(path)
    if metadata.get("format", "charrnn") != "charrnn":
        _bad(path, f"metadata format is '{metadata['format']}', not 'charrnn'")
    if "vocab" not in metadata:
        _bad(path, "metadata has no 'vocab' (a JSON array of the model's characters in index order)")
    try:
        vocab = json.loads(metadata["vocab"])
    except json.JSONDecodeError:
        _bad(path, "metadata vocab is not valid JSON")
    if not isinstance(vocab, list) or not vocab or not all(isinstance(c, str) and len(c) == 1 for c in vocab):
        _bad(path, "metadata vocab must be a non-empty JSON array of one-character strings")
    if len(set(vocab)) != len(vocab):
        _bad(path, "metadata vocab holds a character twice")
    task = metadata.get("task", "lm")
    if task != "lm":
        _bad(path, f"its task is '{task}'; continue_training.py trains language models (task 'lm') only so far")
    if metadata.get("bidirectional", "false") != "false" or any(n.endswith("_reverse") for n in tensors):
        _bad(path, "it has bidirectional layers; continue_training.py trains one-directional language models only so far")
    nonlinearity = metadata.get("nonlinearity", "tanh")
    if nonlinearity not in ("tanh", "relu"):
        _bad(path, f"metadata nonlinearity = '{nonlinearity}' is neither 'tanh' nor 'relu'")

    num_layers = 0
    while f"rnn.weight_ih_l{num_layers}" in tensors:
        num_layers += 1
    if num_layers == 0:
        _bad(path, "tensor 'rnn.weight_ih_l0' is missing (not a charrnn model?)")
    if num_layers > MAX_LAYERS:
        _bad(path, f"the model has more than {MAX_LAYERS} layers")
    hh = tensors.get("rnn.weight_hh_l0")
    if hh is None or hh.dim() != 2 or not 1 <= hh.shape[1] <= MAX_HIDDEN:
        _bad(path, f"tensor 'rnn.weight_hh_l0' must have shape [G*H, H] with 1 ≤ H ≤ {MAX_HIDDEN}")
    hidden = hh.shape[1]
    gates = hh.shape[0] // hidden
    if hh.shape[0] % hidden or gates not in (1, 3, 4):
        _bad(path, f"tensor 'rnn.weight_hh_l0' has {hh.shape[0]} rows, not 1, 3 or 4 times the hidden size {hidden}")
    cell = {1: "rnn", 3: "gru", 4: "lstm"}[gates]
    if metadata.get("cell", cell) != cell:
        _bad(path, f"metadata says cell '{metadata['cell']}' but the weights have the shape of a {cell}")
    if "hidden_size" in metadata and _integer(path, metadata, "hidden_size", 1, MAX_HIDDEN) != hidden:
        _bad(path, f"metadata hidden_size = {metadata['hidden_size']} but the weights have hidden size {hidden}")
    if "num_layers" in metadata and _integer(path, metadata, "num_layers", 1, MAX_LAYERS) != num_layers:
        _bad(path, f"metadata num_layers = {metadata['num_layers']} but the file has {num_layers} layers of weights")
    if nonlinearity == "relu" and cell != "rnn":
        _bad(path, "metadata nonlinearity 'relu' is for the plain RNN cell only")

    model = ModelFile(path, metadata, tensors, vocab, cell, hidden, num_layers, nonlinearity)
    for name, shape in parameter_shapes(cell, len(vocab), hidden, num_layers).items():
        model.weights[name] = checked_tensor(model, name, shape)
    return model


def checked_tensor(model, name, shape):
    """The file's tensor `name`, which must have exactly `shape` and hold only finite numbers."""
    t = model.tensors.get(name)
    if t is None:
        _bad(model.path, f"tensor '{name}' is missing")
    if list(t.shape) != list(shape):
        _bad(model.path, f"tensor '{name}' has shape {list(t.shape)} but this model needs {list(shape)}")
    if not torch.isfinite(t).all():
        _bad(model.path, f"tensor '{name}' holds a value that is not a finite number")
    return t


def check_writable(path):
    """Fails now, before a long run, if `path` could not be written at the end."""
    probe = path + ".partial"
    try:
        with open(probe, "wb"):
            pass
        os.remove(probe)
    except OSError as e:
        raise UsageError(f"cannot write '{path}': {e.strerror or e}")


def write_model_file(path, tensors, metadata):
    """Writes [(name, tensor)] and metadata as safetensors, whole or not at all (temporary file, then rename)."""
    header, blobs, offset = {}, [], 0
    for name, t in tensors:
        t = t.detach().to("cpu", torch.float32).contiguous()
        # The tensor's own bytes (little-endian F32): standard library only, no numpy.
        blob = ctypes.string_at(t.data_ptr(), 4 * t.numel()) if t.numel() else b""
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    header["__metadata__"] = dict(metadata)
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    partial = path + ".partial"
    try:
        with open(partial, "wb") as f:
            f.write(struct.pack("<Q", len(text)))
            f.write(text)
            for blob in blobs:
                f.write(blob)
        os.replace(partial, path)
    except OSError as e:
        try:
            os.remove(partial)
        except OSError:
            pass
        raise UsageError(f"cannot write '{path}': {e.strerror or e}")
