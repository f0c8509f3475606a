// The embed API: what a host page may send an embedded playground, and what the playground tells it.
// Every message, both ways, is { api: 'charrnn-playground', v: 1, type, … }. A message is accepted
// only if it has exactly this schema and comes from the parent window at an origin the link allowed
// (origin=…); anything else is ignored without a reply. Events go only to the allowed origins, never '*'.
export const API = 'charrnn-playground';
export const VERSION = 1;

export const COMMANDS = ['start', 'pause', 'step', 'reset', 'getState'] as const;
export type CommandType = (typeof COMMANDS)[number];

// Host → playground. `id` (optional) comes back in the reply to getState.
export interface HostCommand {
  api: typeof API;
  v: typeof VERSION;
  type: CommandType;
  id?: string | number;
}

export type Phase = 'starting' | 'blocked' | 'ready' | 'training' | 'failed';

export interface PlaygroundSnapshot {
  phase: Phase;
  step: number;
  loss: number | null;           // smoothed training loss, nats per character
  bitsPerChar: number | null;    // the same in bits
  validationBitsPerChar: number | null;
  // The task's held-out scores at the latest validation (null before one): accuracy for every task
  // (lm: of the next character), F1 of the predicted spaces for spacing (null for the other tasks).
  accuracy: number | null;
  f1: number | null;
  settings: Record<string, string | number | boolean>;
}

// Playground → host.
export type PlaygroundEvent =
  | { type: 'ready'; step: number; task: string; bidirectional: boolean; cell: string; hiddenSize: number; numLayers: number; vocabSize: number; labels: string[] }
  | { type: 'progress'; step: number; loss: number | null; bitsPerChar: number | null; validationBitsPerChar: number | null; accuracy: number | null; f1: number | null }
  | { type: 'paused'; step: number }
  | { type: 'stopped'; step: number; reason: 'diverged'; detail: 'nonFinite' | 'blowUp'; restoredStep: number | null }
  | ({ type: 'state'; id?: string | number } & PlaygroundSnapshot);

export type Envelope<E> = { api: typeof API; v: typeof VERSION } & E;

export function envelope<E extends PlaygroundEvent>(event: E): Envelope<E> {
  return { api: API, v: VERSION, ...event };
}

// The command a message carries, or null if it is not exactly one of ours.
export function parseHostCommand(data: unknown): HostCommand | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  if (Object.getPrototypeOf(data) !== Object.prototype) return null;
  const record = data as Record<string, unknown>;
  for (const k of Object.keys(record)) if (!['api', 'v', 'type', 'id'].includes(k)) return null;
  if (record.api !== API || record.v !== VERSION) return null;
  if (typeof record.type !== 'string' || !(COMMANDS as readonly string[]).includes(record.type)) return null;
  const id = record.id;
  if (id !== undefined) {
    const okString = typeof id === 'string' && id.length <= 64;
    const okNumber = typeof id === 'number' && Number.isFinite(id);
    if (!okString && !okNumber) return null;
  }
  const command: HostCommand = { api: API, v: VERSION, type: record.type as CommandType };
  if (id !== undefined) command.id = id as string | number;
  return command;
}

// Whether a message event may drive the playground: from our parent window, at an allowed origin.
// With no origins configured, nothing may.
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  return origin !== 'null' && origin !== '' && allowed.includes(origin);
}

export interface MessageLike {
  origin: string;
  source: unknown;
  data: unknown;
}

export function acceptCommand(e: MessageLike, parent: unknown, allowed: readonly string[]): HostCommand | null {
  if (parent === null || e.source !== parent || !originAllowed(e.origin, allowed)) return null;
  return parseHostCommand(e.data);
}

// Progress to the host at most this often, so a fast run does not flood the host page.
export const PROGRESS_EVERY_MS = 250;
