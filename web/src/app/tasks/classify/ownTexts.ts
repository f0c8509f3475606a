// "Who wrote this line?" from the learner's own texts: the form's texts are checked (state/ownTexts.ts),
// labelled by the core (labelLines: every line gets its text's name), and the labelled lines become the
// page's text, a text of the learner's own like any pasted one (in a link only when short: README "Share").
import { engineSaid, hasMessage, said, t, tDynamic } from '../../../i18n';
import { loadPresetText, PRESETS } from '../../../presets';
import { labelName, ownTextsProblem, textLines, type OwnText } from '../../../state/ownTexts';
import { OwnTextsForm } from '../../../ui/tasks/classify/ownTextsForm';
import type { TaskContext } from '../taskFeed';

// Prose presets can be a text of the form (labelled lines already have labels of their own).
const PROSE = PRESETS.filter((p) => p.tasks.includes('spacing'));

export function ownTextsForm(ctx: TaskContext): OwnTextsForm {
  const form: OwnTextsForm = new OwnTextsForm({
    onUse: (texts) => void useTexts(ctx, form, texts),
    loadPreset: (id) => loadPresetText(id, ctx.state().distance),  // prose presets ignore the distance
  }, () => PROSE.map((p) => ({ id: p.id, title: presetTitle(p.id, p.title) })));
  form.element.hidden = ctx.textFixed;  // a lesson that fixes the text fixes the lines to classify too
  return form;
}

function presetTitle(id: string, fallback: string): string {
  const key = `preset.${id}`;
  return hasMessage(key) ? tDynamic(key) : fallback;
}

async function useTexts(ctx: TaskContext, form: OwnTextsForm, texts: OwnText[]): Promise<void> {
  const names = texts.map((x, i) => labelName(x.name, i, (n) => t('ownTexts.defaultName', { n })));
  const problem = ownTextsProblem(texts, names);
  if (problem) return form.say(problem, true);
  form.say(null);
  try {
    const r = await ctx.worker.request('labelLines', { labels: names, texts: texts.map((x) => x.text) }, { handleErrors: true });
    const lines = texts.reduce((sum, x) => sum + textLines(x.text).length, 0);
    if (await ctx.useText(r.text)) form.say(said('ownTexts.done', { lines, texts: texts.length }));
  } catch (e) {
    form.say(engineSaid(e instanceof Error ? e.message : String(e)), true);  // the core's refusal, in the learner's words when it has them
  }
}
