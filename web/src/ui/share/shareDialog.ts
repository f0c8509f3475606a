// "Share this setup": builds a link to the page as it is (settings, text when short, probe text), with
// lesson options a teacher picks — panels to show, controls to lock or hide, the page's language, the
// embed layout and the host origin allowed to drive it — and the <iframe> snippet for a course page.
import { language, sayNow, t, tIn, type Language, type Said } from '../../i18n';
import { CONTROLS, PANELS, panelShown, type Lesson } from '../../state/lesson';
import { h, setText, uid } from '../dom';
import { icon } from '../icons';
import './shareDialog.css';

export interface ShareContext {
  lesson: Lesson;                                  // the page's own lesson: the starting point
  textNote: Said;                                  // whether the text is in the link, in words
  link(lesson: Lesson, lang: Language | ''): string;  // the full link ('' : the learner's browser decides the language)
}

type ControlMode = 'edit' | 'lock' | 'hide';

export class ShareDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly panelBoxes = new Map<string, HTMLInputElement>();
  private readonly controlModes = new Map<string, HTMLSelectElement>();
  private readonly embed: HTMLInputElement;
  private readonly origin: HTMLInputElement;
  private readonly originError: HTMLElement;
  private readonly language: HTMLSelectElement;
  private readonly linkOut: HTMLInputElement;
  private readonly snippetOut: HTMLTextAreaElement;
  private readonly textNote: HTMLElement;
  private readonly copied: HTMLElement;
  private readonly openLink: HTMLAnchorElement;
  private context: ShareContext | null = null;

  constructor(root: HTMLElement) {
    const panels = PANELS.map((p) => {
      const box = h('input', { attrs: { type: 'checkbox', 'data-panel': p.id } });
      box.addEventListener('change', () => this.update());
      this.panelBoxes.set(p.id, box);
      return h('label', { class: 'check share-check' }, [box, h('span', { say: p.label })]);
    });
    const controls = CONTROLS.map((c) => {
      const id = uid(`share-${c.id}`);
      const options: [ControlMode, 'share.canChange' | 'share.locked' | 'share.hidden' | 'share.shown'][] = c.lockable
        ? [['edit', 'share.canChange'], ['lock', 'share.locked'], ['hide', 'share.hidden']]
        : [['edit', 'share.shown'], ['hide', 'share.hidden']];
      const select = h('select', { class: 'select select-small', id, attrs: { 'data-control': c.id } }, options.map(([v, label]) => h('option', { say: label, attrs: { value: v } })));
      select.addEventListener('change', () => this.update());
      this.controlModes.set(c.id, select);
      return h('div', { class: 'share-control' }, [h('label', { say: c.label, attrs: { for: id } }), select]);
    });
    this.embed = h('input', { id: 'share-embed', attrs: { type: 'checkbox' } });
    this.embed.addEventListener('change', () => this.update());
    const originId = uid('share-origin');
    this.origin = h('input', { class: 'input', id: originId, attrs: { type: 'url', placeholder: 'https://course.example', autocomplete: 'off', spellcheck: 'false' } });
    this.origin.addEventListener('input', () => this.update());
    this.originError = h('p', { class: 'field-error' });
    this.language = h('select', { class: 'select select-small', id: 'share-lang' }, [
      h('option', { say: 'lang.ko', attrs: { value: 'ko', lang: 'ko' } }),
      h('option', { say: 'lang.en', attrs: { value: 'en', lang: 'en' } }),
      h('option', { say: 'share.languageBrowser', attrs: { value: '' } }),
    ]);
    this.language.addEventListener('change', () => this.update());
    this.textNote = h('p', { class: 'panel-hint', id: 'share-text-note' });
    this.linkOut = h('input', { class: 'input share-output', id: 'share-link', sayAttrs: { 'aria-label': 'share.linkLabel' }, attrs: { type: 'text', readonly: '' } });
    this.snippetOut = h('textarea', { class: 'text-input share-snippet', id: 'share-snippet', sayAttrs: { 'aria-label': 'share.snippetLabel' }, attrs: { readonly: '', rows: '3' } });
    this.copied = h('span', { class: 'share-copied', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.openLink = h('a', { class: 'btn btn-small', say: 'share.open', attrs: { target: '_blank', rel: 'noopener', href: '#' } });
    this.dialog = this.layout(panels, controls, originId);
    this.dialog.addEventListener('click', (e) => {
      if (e.target === this.dialog) this.dialog.close();  // a click on the backdrop
    });
    root.append(this.dialog);
  }

  private layout(panels: HTMLElement[], controls: HTMLElement[], originId: string): HTMLDialogElement {
    const close = h('button', { class: 'btn btn-icon dialog-close', sayAttrs: { title: 'dialog.close', 'aria-label': 'dialog.close' }, attrs: { type: 'button' }, on: { click: () => this.dialog.close() } }, [icon('close')]);
    const copyButton = (id: string, label: 'share.copyLink' | 'share.copySnippet', primary: boolean, what: () => string, done: 'share.linkCopied' | 'share.snippetCopied') =>
      h('button', { class: primary ? 'btn btn-small btn-primary' : 'btn btn-small', id, attrs: { type: 'button' }, on: { click: () => void this.copy(what(), done) } }, [icon('copy'), h('span', { say: label })]);
    return h('dialog', { class: 'dialog dialog-wide', id: 'share-dialog', attrs: { 'aria-labelledby': 'share-title' } }, [
      h('div', { class: 'dialog-head' }, [h('h2', { class: 'dialog-title', id: 'share-title', say: 'share.title' }), close]),
      h('p', { class: 'dialog-body', say: 'share.intro' }),
      this.textNote,
      h('div', { class: 'share-grid' }, [
        h('fieldset', { class: 'fieldset share-panels' }, [h('legend', { say: 'share.panels' }), ...panels]),
        h('fieldset', { class: 'fieldset share-controls' }, [h('legend', { say: 'share.controls' }), h('div', { class: 'share-control-list' }, controls)]),
      ]),
      h('label', { class: 'share-control share-language', attrs: { for: 'share-lang' } }, [h('span', { say: 'share.language' }), this.language]),
      h('fieldset', { class: 'fieldset share-embed' }, [
        h('legend', { say: 'share.embedding' }),
        h('label', { class: 'check share-check' }, [this.embed, h('span', { say: 'share.embedLayout' })]),
        h('label', { class: 'mini-field', attrs: { for: originId } }, [h('span', { say: 'share.origin' }), this.origin]),
        this.originError,
      ]),
      h('div', { class: 'share-out' }, [
        h('label', { class: 'mini-field', attrs: { for: 'share-link' } }, [h('span', { say: 'share.link' }),
          h('div', { class: 'share-row' }, [this.linkOut, copyButton('share-copy-link', 'share.copyLink', true, () => this.linkOut.value, 'share.linkCopied'), this.openLink])]),
        h('label', { class: 'mini-field', attrs: { for: 'share-snippet' } }, [h('span', { say: 'share.embedIn' }), this.snippetOut]),
        h('div', { class: 'share-row share-row-end' }, [this.copied, copyButton('share-copy-snippet', 'share.copySnippet', false, () => this.snippetOut.value, 'share.snippetCopied')]),
      ]),
    ]);
  }

  open(context: ShareContext): void {
    this.context = context;
    const l = context.lesson;
    for (const [id, box] of this.panelBoxes) box.checked = panelShown(l, id);
    for (const [id, select] of this.controlModes) select.value = l.hide.includes(id) ? 'hide' : l.lock.includes(id) ? 'lock' : 'edit';
    this.embed.checked = l.embed;
    this.origin.value = l.origins.join(', ');
    this.language.value = language();  // a shared link speaks the language it was made in
    setText(this.textNote, sayNow(context.textNote));
    setText(this.copied, '');
    this.update();
    this.dialog.showModal();
  }

  private lesson(): Lesson {
    const panels = [...this.panelBoxes].filter(([, b]) => b.checked).map(([id]) => id);
    const mode = (m: ControlMode) => [...this.controlModes].filter(([, s]) => s.value === m).map(([id]) => id);
    const origins: string[] = [];
    let bad = '';
    for (const part of this.origin.value.split(/[\s,]+/).filter(Boolean)) {
      try {
        const u = new URL(part);
        if (u.protocol === 'https:' || u.protocol === 'http:') origins.push(u.origin);
        else bad = part;
      } catch {
        bad = part;
      }
    }
    setText(this.originError, bad ? t('share.originBad', { origin: bad }) : '');
    this.originError.hidden = !bad;
    return {
      panels: panels.length === PANELS.length ? null : panels, hide: mode('hide'), lock: mode('lock'),
      embed: this.embed.checked, origins: [...new Set(origins)],
    };
  }

  private update(): void {
    if (!this.context) return;
    const lang = this.language.value === 'ko' || this.language.value === 'en' ? this.language.value : '';
    const link = this.context.link(this.lesson(), lang);
    this.linkOut.value = link;
    this.openLink.href = link;
    this.snippetOut.value = iframeSnippet(link, lang || language());
  }

  private async copy(text: string, done: 'share.linkCopied' | 'share.snippetCopied'): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setText(this.copied, t(done));
    } catch {
      setText(this.copied, t('share.copyFailed'));
    }
  }
}

// The snippet for a course page, its title in the link's language. The iframe needs no special
// permissions: no scripts of the host run inside it, and it asks for nothing (no cross-origin
// isolation, no storage access).
export function iframeSnippet(link: string, lang: Language = 'en'): string {
  const src = link.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const title = tIn(lang, 'share.frameTitle').replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${src}" title="${title}" width="100%" height="720" style="border:0; max-width:100%;" loading="lazy"></iframe>`;
}
