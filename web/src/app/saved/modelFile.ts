// Reads the settings a model file carries, so the page can show what the core continues with. When
// a file with its training state is opened on the same text, the core resumes that run exactly — with
// the file's sequence length, batch, clipping, dropout, seed and split, not the page's (core load()).
// The file is safetensors: a little-endian u64 header length, then a JSON header whose
// "__metadata__" holds strings (../../../core/io/model_file.cpp writes them).
import type { PlaygroundState } from '../../state/settings';

export function modelFileMetadata(bytes: ArrayBuffer): Record<string, string> | null {
  if (bytes.byteLength < 8) return null;
  const view = new DataView(bytes);
  const length = Number(view.getBigUint64(0, true));
  if (length <= 0 || length > bytes.byteLength - 8 || length > 64 << 20) return null;
  try {
    const header = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 8, length))) as Record<string, unknown>;
    const meta = header.__metadata__;
    if (typeof meta !== 'object' || meta === null) return null;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(meta)) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return null;  // the core says what is wrong with the file
  }
}

// The page settings a resumed run continues with, from the file's metadata: raw strings per setting
// key, to be checked against the settings table like anything typed.
export function resumedSettings(meta: Record<string, string>): Partial<Record<keyof PlaygroundState, string>> {
  const pairs: [keyof PlaygroundState, string][] = [
    ['seqLen', 'train_seq_len'], ['batch', 'train_batch'], ['clip', 'train_clip'], ['dropout', 'train_dropout'],
    ['seed', 'train_seed'], ['valFrac', 'train_val_frac'], ['optimizer', 'optim'], ['learningRate', 'optim_lr'],
  ];
  const out: Partial<Record<keyof PlaygroundState, string>> = {};
  for (const [key, name] of pairs) if (meta[name] !== undefined) out[key] = shortFloat(meta[name]);
  return out;
}

// The file writes float32 values with 9 digits ("0.100000001"); 7 are all a float32 holds, and they
// give back the number a person typed ("0.1").
export function shortFloat(text: string): string {
  const v = Number(text);
  return text.trim() !== '' && Number.isFinite(v) && !Number.isInteger(v) ? String(Number(v.toPrecision(7))) : text;
}
