// An independent reader of the model file, written from ARCHITECTURE.md's description of the format
// (safetensors: u64 LE header length, JSON header padded with spaces to a multiple of 8, one contiguous
// little-endian buffer without holes) — not from the C++ loader — so the interop tests check the format
// itself, not the core against itself.

export interface Tensor {
  shape: number[];
  data: Float32Array;
}

export interface ModelFile {
  metadata: Record<string, string>;
  tensors: Map<string, Tensor>;
}

export function readModelFile(bytes: Uint8Array): ModelFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength % 8 !== 0) throw new Error(`header length ${headerLength} is not a multiple of 8`);
  const header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  const buffer = bytes.subarray(8 + headerLength);
  const metadata = (header.__metadata__ ?? {}) as Record<string, string>;
  const tensors = new Map<string, Tensor>();
  const spans: [number, number][] = [];
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const { dtype, shape, data_offsets: [begin, end] } = entry as { dtype: string; shape: number[]; data_offsets: [number, number] };
    if (dtype !== 'F32') throw new Error(`${name}: dtype ${dtype}`);
    const count = shape.reduce((a, b) => a * b, 1);
    if (end - begin !== 4 * count) throw new Error(`${name}: ${end - begin} bytes for shape ${shape}`);
    const data = new Float32Array(count);
    const src = new DataView(buffer.buffer, buffer.byteOffset + begin, end - begin);
    for (let i = 0; i < count; ++i) data[i] = src.getFloat32(4 * i, true);
    tensors.set(name, { shape, data });
    spans.push([begin, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [begin, end] of spans) {
    if (begin !== at) throw new Error(`the buffer has a hole or an overlap at byte ${at}`);
    at = end;
  }
  if (at !== buffer.length) throw new Error(`the buffer has ${buffer.length - at} bytes no tensor uses`);
  return { metadata, tensors };
}

// The tensor, checked against the shape PyTorch's state_dict gives it.
export function tensor(file: ModelFile, name: string, shape: number[]): Float32Array {
  const t = file.tensors.get(name);
  if (!t) throw new Error(`missing tensor ${name}`);
  if (t.shape.join('x') !== shape.join('x')) throw new Error(`${name}: shape ${t.shape} instead of ${shape}`);
  return t.data;
}
