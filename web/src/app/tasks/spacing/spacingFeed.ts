// The spacing task's feed: after every held-out measurement it asks the model to space a piece of the
// held-out text (spacingBreakdown: the decision and each direction's share per character), keeps the
// scores over training, and runs the forward-only vs bidirectional comparison on request.
import type { TaskScores } from '../../../protocol';
import { coreSettings } from '../../../state/settings';
import { SpacingPanel } from '../../../ui/tasks/spacing/spacingPanel';
import { spacedCharacters, type SpacedCharacter } from '../../../ui/tasks/spacing/spacedText';
import { RequestSlot } from '../../live/requestSlot';
import { ScoreHistory } from '../scoreHistory';
import type { TaskContext, TaskFeed } from '../taskFeed';
import { DirectionsRun } from './directionsRun';
import { heldOutPiece } from './heldOut';

const PIECE_CHARACTERS = 600;

export function spacingFeed(ctx: TaskContext): TaskFeed {
  return new SpacingFeed(ctx);
}

class SpacingFeed implements TaskFeed {
  private readonly panel: SpacingPanel;
  private readonly history = new ScoreHistory();
  private readonly directions: DirectionsRun;
  private chars: SpacedCharacter[] | null = null;
  private charsStep = -1;
  private piece = '';
  private readonly slot = new RequestSlot(
    (text: string) => this.ctx.worker.request('spacingBreakdown', { text }, { handleErrors: true }),
    (r) => {
      this.chars = spacedCharacters(r.breakdown);
      this.charsStep = r.step;
      this.ctx.changed();
    },
  );

  constructor(private readonly ctx: TaskContext) {
    this.directions = new DirectionsRun(ctx.spawnWorker, ctx.changed);
    this.panel = new SpacingPanel({
      onCompare: () => this.directions.start(ctx.text(), coreSettings(ctx.state())),
    });
  }

  get element(): HTMLElement {
    return this.panel.element;
  }

  modelChanged(): void {
    this.history.clear();
    this.slot.reset();
    this.chars = null;
    this.piece = heldOutPiece(this.ctx.text(), this.ctx.state().valFrac, PIECE_CHARACTERS);
  }

  validated(step: number, scores: TaskScores): void {
    this.history.add(step, scores);
    if (this.piece) this.slot.request(this.piece);
  }

  draw(): void {
    this.panel.render({
      scores: this.history.points, chars: this.chars, charsStep: this.charsStep,
      bidirectional: this.ctx.summary()?.bidirectional ?? false, heldOut: this.ctx.state().valFrac > 0,
      compare: this.directions.view,
    });
  }

  dispose(): void {
    this.directions.stop();
    this.slot.reset();
  }
}
