// Choosing a task in the controls: a task that cannot learn from the text in use (classification
// needs labelled lines; the others prose) brings a preset that suits it, in the same new model.
import { language } from '../../i18n';
import { presetForTask } from '../../presets';
import { field, parseField, type PlaygroundState } from '../../state/settings';

export interface TaskChangeHost {
  state(): PlaygroundState;
  choosePreset(id: string, settings: Partial<PlaygroundState>): Promise<void>;
  changeSetting(key: keyof PlaygroundState, raw: string | boolean): Promise<void>;
}

export function changeTask(host: TaskChangeHost, raw: string): Promise<void> {
  const parsed = parseField(field('task'), raw);
  if (!parsed.ok) return host.changeSetting('task', raw);  // says what is wrong with it
  const task = parsed.value as PlaygroundState['task'];
  const preset = presetForTask(task, host.state().preset, language());
  return preset === null ? host.changeSetting('task', raw) : host.choosePreset(preset, { task });
}

// A dropped file becomes the text; a .tsv (labelled lines, label<TAB>text) also makes the task classify.
export function dropText(app: { text: { drop(text: string): void }; store: { state: PlaygroundState }; changeSetting: TaskChangeHost['changeSetting'] }, text: string, name: string): void {
  app.text.drop(text);
  if (/\.tsv$/i.test(name) && app.store.state.task !== 'classify') void app.changeSetting('task', 'classify');
}
