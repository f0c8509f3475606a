// "Share this setup": builds a link to the page as it is (settings, text when short, probe text), with
// lesson options a teacher picks — panels to show, controls to lock or hide, the embed layout and the
// host origin allowed to drive it — and the <iframe> snippet for a course page.
import { CONTROLS, PANELS, panelShown, type Lesson } from '../../state/lesson';
import { h, setText, uid } from '../dom';
import { icon } from '../icons';
import './shareDialog.css';

export interface ShareContext {
  lesson: Lesson;                   // the page's own lesson: the starting point
  textNote: string;                 // whether the text is in the link, in words
  link(lesson: Lesson): string;     // the full link for these lesson options
}

type ControlMode = 'edit' | 'lock' | 'hide';

export class ShareDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly panelBoxes = new Map<string, HTMLInputElement>();
  private readonly controlModes = new Map<string, HTMLSelectElement>();
  private readonly embed: HTMLInputElement;
  private readonly origin: HTMLInputElement;
  private readonly originError: HTMLElement;
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
      return h('label', { class: 'check share-check' }, [box, h('span', { text: p.label })]);
    });
    const controls = CONTROLS.map((c) => {
      const id = uid(`share-${c.id}`);
      const options: [ControlMode, string][] = c.lockable ? [['edit', 'Can change'], ['lock', 'Locked'], ['hide', 'Hidden']] : [['edit', 'Shown'], ['hide', 'Hidden']];
      const select = h('select', { class: 'select select-small', id, attrs: { 'data-control': c.id } }, options.map(([v, label]) => h('option', { text: label, attrs: { value: v } })));
      select.addEventListener('change', () => this.update());
      this.controlModes.set(c.id, select);
      return h('div', { class: 'share-control' }, [h('label', { text: c.label, attrs: { for: id } }), select]);
    });
    this.embed = h('input', { id: 'share-embed', attrs: { type: 'checkbox' } });
    this.embed.addEventListener('change', () => this.update());
    const originId = uid('share-origin');
    this.origin = h('input', { class: 'input', id: originId, attrs: { type: 'url', placeholder: 'https://course.example', autocomplete: 'off', spellcheck: 'false' } });
    this.origin.addEventListener('input', () => this.update());
    this.originError = h('p', { class: 'field-error' });
    this.textNote = h('p', { class: 'panel-hint', id: 'share-text-note' });
    this.linkOut = h('input', { class: 'input share-output', id: 'share-link', attrs: { type: 'text', readonly: '', 'aria-label': 'Link to this setup' } });
    this.snippetOut = h('textarea', { class: 'text-input share-snippet', id: 'share-snippet', attrs: { readonly: '', rows: '3', 'aria-label': 'Embed snippet' } });
    this.copied = h('span', { class: 'share-copied', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.openLink = h('a', { class: 'btn btn-small', text: 'Open', attrs: { target: '_blank', rel: 'noopener', href: '#' } });

    const close = h('button', { class: 'btn btn-icon dialog-close', title: 'Close', attrs: { type: 'button', 'aria-label': 'Close' }, on: { click: () => this.dialog.close() } }, [icon('close')]);
    this.dialog = h('dialog', { class: 'dialog dialog-wide', id: 'share-dialog', attrs: { 'aria-labelledby': 'share-title' } }, [
      h('div', { class: 'dialog-head' }, [h('h2', { class: 'dialog-title', id: 'share-title', text: 'Share this setup' }), close]),
      h('p', { class: 'dialog-body', text: 'The link opens the playground with these settings and seed. For a lesson, choose what learners see and what they may change.' }),
      this.textNote,
      h('div', { class: 'share-grid' }, [
        h('fieldset', { class: 'fieldset share-panels' }, [h('legend', { text: 'Panels shown' }), ...panels]),
        h('fieldset', { class: 'fieldset share-controls' }, [h('legend', { text: 'Controls' }), h('div', { class: 'share-control-list' }, controls)]),
      ]),
      h('fieldset', { class: 'fieldset share-embed' }, [
        h('legend', { text: 'Embedding' }),
        h('label', { class: 'check share-check' }, [this.embed, h('span', { text: 'Embed layout: no page header or footer, fits its frame' })]),
        h('label', { class: 'mini-field', attrs: { for: originId } }, [h('span', { text: 'Course page origin allowed to control it (postMessage API), optional' }), this.origin]),
        this.originError,
      ]),
      h('div', { class: 'share-out' }, [
        h('label', { class: 'mini-field', attrs: { for: 'share-link' } }, [h('span', { text: 'Link' }),
          h('div', { class: 'share-row' }, [this.linkOut,
            h('button', { class: 'btn btn-small btn-primary', id: 'share-copy-link', attrs: { type: 'button' }, on: { click: () => void this.copy(this.linkOut.value, 'Link copied') } }, [icon('copy'), 'Copy link']),
            this.openLink])]),
        h('label', { class: 'mini-field', attrs: { for: 'share-snippet' } }, [h('span', { text: 'Embed in a web page' }), this.snippetOut]),
        h('div', { class: 'share-row share-row-end' }, [this.copied,
          h('button', { class: 'btn btn-small', id: 'share-copy-snippet', attrs: { type: 'button' }, on: { click: () => void this.copy(this.snippetOut.value, 'Snippet copied') } }, [icon('copy'), 'Copy snippet'])]),
      ]),
    ]);
    this.dialog.addEventListener('click', (e) => {
      if (e.target === this.dialog) this.dialog.close();  // a click on the backdrop
    });
    root.append(this.dialog);
  }

  open(context: ShareContext): void {
    this.context = context;
    const l = context.lesson;
    for (const [id, box] of this.panelBoxes) box.checked = panelShown(l, id);
    for (const [id, select] of this.controlModes) select.value = l.hide.includes(id) ? 'hide' : l.lock.includes(id) ? 'lock' : 'edit';
    this.embed.checked = l.embed;
    this.origin.value = l.origins.join(', ');
    setText(this.textNote, context.textNote);
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
    setText(this.originError, bad ? `“${bad}” is not a web origin (like https://course.example); it is left out.` : '');
    this.originError.hidden = !bad;
    return {
      panels: panels.length === PANELS.length ? null : panels, hide: mode('hide'), lock: mode('lock'),
      embed: this.embed.checked, origins: [...new Set(origins)],
    };
  }

  private update(): void {
    if (!this.context) return;
    const link = this.context.link(this.lesson());
    this.linkOut.value = link;
    this.openLink.href = link;
    this.snippetOut.value = iframeSnippet(link);
  }

  private async copy(text: string, done: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setText(this.copied, done);
    } catch {
      setText(this.copied, 'Select the text and copy it (the browser did not allow copying)');
    }
  }
}

// The snippet for a course page. The iframe needs no special permissions: no scripts of the host run
// inside it, and it asks for nothing (no cross-origin isolation, no storage access).
export function iframeSnippet(link: string): string {
  const src = link.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${src}" title="char-RNN playground" width="100%" height="720" style="border:0; max-width:100%;" loading="lazy"></iframe>`;
}
