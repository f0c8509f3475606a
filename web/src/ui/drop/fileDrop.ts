// Files dropped anywhere on the page: a model file opens (as "Open model…" does), anything else is read
// as text to learn. While a file is dragged over the page an outline says where it will go.
import { said, type Said } from '../../i18n';
import { h } from '../dom';
import './fileDrop.css';

export interface FileDropEvents {
  onModel(file: File): void;
  onText(text: string, name: string): void;
  onRefused(why: Said): void;
}

export interface FileDropOptions {
  models: boolean;  // a lesson may hide model files
  texts: boolean;   // or lock the text
}

const MAX_TEXT_BYTES = 64 << 20;  // far beyond any text that trains in a browser tab; refused, not read

export function isModelFile(name: string): boolean {
  return /\.safetensors$/i.test(name);
}

export function listenForDrops(target: HTMLElement, options: FileDropOptions, events: FileDropEvents): void {
  const overlay = h('div', { class: 'drop-overlay', attrs: { 'aria-hidden': 'true' } }, [
    h('p', { class: 'drop-message', say: options.models ? 'drop.both' : 'drop.text' }),
  ]);
  overlay.hidden = true;
  target.append(overlay);
  let depth = 0;  // dragenter/dragleave fire for every child crossed
  const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
  target.addEventListener('dragenter', (e) => {
    if (!carriesFiles(e)) return;
    depth++;
    overlay.hidden = false;
  });
  target.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  target.addEventListener('dragover', (e) => {
    if (carriesFiles(e)) e.preventDefault();  // allows the drop
  });
  target.addEventListener('drop', (e) => {
    if (!carriesFiles(e)) return;
    const taken = e.defaultPrevented;  // a drop box inside the page took the file (the classifier's own texts)
    e.preventDefault();  // never let the browser navigate to the file
    depth = 0;
    overlay.hidden = true;
    if (taken) return;
    const file = e.dataTransfer!.files[0];
    if (!file) return;
    if (isModelFile(file.name)) {
      if (options.models) events.onModel(file);
      else events.onRefused(said('drop.noModels'));
    } else if (!options.texts) {
      events.onRefused(said('drop.textFixed'));
    } else if (file.size > MAX_TEXT_BYTES) {
      events.onRefused(said('drop.tooLarge', { file: file.name, megabytes: Math.round(file.size / (1 << 20)) }));
    } else {
      file.text().then((text) => events.onText(text, file.name), () => events.onRefused(said('drop.unreadable', { file: file.name })));
    }
  });
}
