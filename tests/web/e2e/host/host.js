// A course page embedding the playground: it drives it through the documented postMessage API and
// records every event it receives from the playground's origin (window.__events).
const params = new URLSearchParams(location.search);
const src = params.get('src');
const playgroundOrigin = new URL(src).origin;
const frame = document.createElement('iframe');
frame.src = src;
frame.title = 'char-RNN playground';
frame.loading = 'lazy';
document.getElementById('frame-box').append(frame);

window.__events = [];
window.addEventListener('message', (e) => {
  if (e.origin !== playgroundOrigin || e.data?.api !== 'charrnn-playground') return;
  window.__events.push(e.data);
  if (e.data.type === 'progress') {
    document.getElementById('host-status').textContent = `step ${e.data.step}, ${e.data.bitsPerChar?.toFixed(3)} bits/char`;
  } else {
    document.getElementById('host-status').textContent = e.data.type;
  }
});

window.send = (message) => frame.contentWindow.postMessage(message, playgroundOrigin);
const command = (type) => window.send({ api: 'charrnn-playground', v: 1, type });
document.getElementById('host-start').addEventListener('click', () => command('start'));
document.getElementById('host-pause').addEventListener('click', () => command('pause'));
