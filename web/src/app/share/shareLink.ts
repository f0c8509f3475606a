// The page's link: settings (only what differs from the defaults), the text when it is short enough,
// and the lesson options. Compressing the text is asynchronous, so it is encoded once per text and
// the address bar catches up when it is done.
import { hasMessage, said, tDynamic, type Said } from '../../i18n';
import { CUSTOM, PRESETS, presetById } from '../../presets';
import { defaultHeatText, defaultProbeText } from '../../state/panelTexts';
import { lessonParams, type Lesson } from '../../state/lesson';
import type { PlaygroundSnapshot } from '../playground/playground';
import type { PlaygroundState } from '../../state/settings';
import { encodeLinkText, stateParams } from '../../state/url';

export class ShareLink {
  private encoded: { text: string; value: string | null } | null = null;

  // `later` is called when the text's encoding is ready and the hash should be written again.
  constructor(private readonly later: () => void) {}

  hash(s: PlaygroundState, text: string, lesson: Lesson): string {
    const params = stateParams(s, { probeText: defaultProbeText(text), heatText: defaultHeatText(text) });
    if (s.preset === CUSTOM) {
      if (this.encoded?.text === text) {
        if (this.encoded.value !== null) params.set('text', this.encoded.value);
      } else {
        void encodeLinkText(text).then((value) => {
          this.encoded = { text, value };
          this.later();
        });
      }
    }
    for (const [k, v] of lessonParams(lesson)) params.set(k, v);
    // The language goes last: it says how the rest is said, and a link reads the same up to it.
    const lang = params.get('lang');
    if (lang !== null) {
      params.delete('lang');
      params.set('lang', lang);
    }
    const q = params.toString();
    return q ? `#${q}` : '';
  }

  // Whether the text is in the link, in words for the Share dialog (encodes it first if need be).
  async textNote(snap: PlaygroundSnapshot): Promise<Said> {
    const preset = presetById(snap.state.preset);
    if (preset) return said('share.textPreset', { preset: presetName(preset.id, preset.title) });
    if (this.encoded?.text !== snap.text) this.encoded = { text: snap.text, value: await encodeLinkText(snap.text) };
    const count = [...snap.text].length;
    return this.encoded.value !== null
      ? said('share.textInLink', { count })
      : said('share.textTooLong', { count, preset: presetName(PRESETS[0].id, PRESETS[0].title) });
  }
}

function presetName(id: string, fallback: string): string {
  const key = `preset.${id}`;
  return hasMessage(key) ? tDynamic(key) : fallback;
}
