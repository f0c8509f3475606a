// The playground's panels, built in the page's elements with this controller's methods as their
// events: what a person does on a panel is one method call here.
import { ControlsPanel } from '../../ui/controls/controlsPanel';
import { LossChart } from '../../ui/chart/lossChart';
import { mustFind } from '../../ui/dom';
import { EngineBadge } from '../../ui/header/engineBadge';
import { HeatmapPanel } from '../../ui/heatmap/heatmapPanel';
import { NoticeList } from '../../ui/notices/noticeList';
import { ProbePanel } from '../../ui/probe/probePanel';
import { RunBar } from '../../ui/runbar/runBar';
import { SamplePanel } from '../../ui/samples/samplePanel';
import { TextPanel } from '../../ui/text/textPanel';
import type { PlaygroundPanels } from './panelDrawing';
import type { Playground } from './playground';
import { changeTask, type TaskChangeHost } from '../tasks/taskChange';

// `noticeAction`: a notice's button that the playground itself does not handle (saved models' offers).
export function buildPanels(app: Playground, otherNoticeAction: (id: string) => void): PlaygroundPanels {
  return {
    engine: new EngineBadge(mustFind('engine')),
    runBar: new RunBar(mustFind('runbar'), {
      onTrain: () => app.train(),
      onPause: () => app.pause(),
      onStep: () => app.stepOnce(),
      onReset: () => app.reset(),
    }),
    text: new TextPanel(mustFind('text-panel'), {
      onInput: (text) => app.text.input(text),
      onPreset: (id) => void app.text.choosePreset(id),
      onValFrac: (raw) => void app.changeSetting('valFrac', raw === '' ? raw : String(Number(raw) / 100)),
      onApplyText: () => app.text.apply(),
      onRevertText: () => app.text.revert(),
      onFix: (id) => app.fix(id),
    }),
    controls: new ControlsPanel(mustFind('controls-panel'), {
      onChange: (key, raw) => void (key === 'task' ? changeTask(taskHost(app), String(raw)) : app.changeSetting(key, raw)),
      onNewSeed: () => app.newSeed(),
      onDownload: () => void app.requestDownload(),
      onOpen: (file) => void app.openModel(file),
    }),
    chart: new LossChart(mustFind('chart-panel')),
    samples: new SamplePanel(mustFind('sample-panel'), {
      onSampleNow: () => app.sampleNow(),
      onTemperature: (raw) => void app.changeSetting('temperature', raw),
      onLength: (raw) => void app.changeSetting('sampleLength', raw),
      onPrime: (text) => app.setPrime(text),
    }),
    probe: new ProbePanel(mustFind('probe-panel'), {
      onInput: (text) => app.probeInput(text),
      onPick: (char) => app.probePick(char),
      onUseTextPiece: () => app.useTextPiece('probe'),
    }),
    heatmap: new HeatmapPanel(mustFind('heatmap-panel'), {
      onText: (text) => app.heatText(text),
      onLayer: (raw) => void app.changeSetting('layer', raw),
      onPickUnit: (unit, gate) => app.pickUnit(unit, gate),
      onUseTextPiece: () => app.useTextPiece('heat'),
    }),
    notices: new NoticeList(mustFind('notices'), {
      onAction: (id, action) => {
        if (!app.noticeAction(id, action)) otherNoticeAction(action);
      },
      onDismiss: (id) => app.dismiss(id),
    }),
  };
}

function taskHost(app: Playground): TaskChangeHost {
  return {
    state: () => app.store.state,
    choosePreset: (id, settings) => app.text.choosePreset(id, settings),
    changeSetting: (key, raw) => app.changeSetting(key, raw),
  };
}
