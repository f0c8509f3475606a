// The note under a text box whose text holds characters the model does not know (the model reads each
// as an all-zero input: README "Model files"), with one click to use a piece of the training text instead.
import { displayChar } from '../format';
import { t } from '../i18n';
import { h, setText } from './dom';

export class UnknownCharactersNote {
  readonly element: HTMLElement;
  private readonly words: HTMLElement;
  private readonly button: HTMLButtonElement;

  constructor(onUsePiece: () => void, className: string) {
    this.words = h('span');
    this.button = h('button', {
      class: 'btn btn-small', say: 'text.usePiece',
      attrs: { type: 'button', 'data-action': 'use-text-piece' }, on: { click: onUsePiece },
    });
    this.element = h('p', { class: `panel-hint unknown-note ${className}` }, [this.words, ' ', this.button]);
    this.element.hidden = true;
  }

  render(unknown: readonly string[]): void {
    this.element.hidden = unknown.length === 0;
    setText(this.words, unknown.length > 0 ? t('text.unknown', { chars: unknown.map(displayChar).join(' ') }) : '');
  }
}
