// One run as the Runs table and chart show it (app/runs/runRecord.ts keeps a little more).
export interface RunCurve {
  steps: number[];
  bits: number[];  // bits per character (or per decision for spacing and classify)
}

export interface RunMetric {
  kind: 'accuracy' | 'f1';
  value: number;  // 0..1
}

export interface RunRow {
  id: string;
  number: number;       // 1, 2, 3… in the order the runs began (0 until it is first kept)
  startedAt: number;    // ms since 1970
  cell: string;
  hiddenSize: number;
  numLayers: number;
  task: string;
  bidirectional: boolean;
  firstStep: number;    // 0 for fresh weights; an opened model file's step otherwise
  step: number;
  trainMillis: number;  // time the worker spent on this run's training slices
  trainBits: number | null;       // smoothed, at the last step
  validationBits: number | null;  // the latest measurement
  metric: RunMetric | null;       // the task's held-out score at the latest validation
  curve: RunCurve;                // smoothed training loss, thinned
  validation: RunCurve;           // validation measurements, thinned
}
