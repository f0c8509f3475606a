// Plain W3C WebDriver over node's fetch: just what the WebKit check needs (WebKitWebDriver speaks no
// BiDi, and Playwright's own WebKit build cannot be downloaded here). One session of MiniBrowser.

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';  // the W3C key of an element reference

export async function startSession(driverUrl) {
  const call = async (method, path, body) => {
    const res = await fetch(`${driverUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const reply = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${reply.value?.error ?? res.status} ${reply.value?.message ?? ''}`.trim());
    return reply.value;
  };
  const created = await call('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
  });
  const at = `/session/${created.sessionId}`;
  const find = async (css) => (await call('POST', `${at}/element`, { using: 'css selector', value: css }))[ELEMENT];
  return {
    version: created.capabilities.browserVersion,
    goto: (url) => call('POST', `${at}/url`, { url }),
    windowSize: (width, height) => call('POST', `${at}/window/rect`, { width, height }),
    // A function body run in the page; its return value comes back as JSON.
    run: (body, ...args) => call('POST', `${at}/execute/sync`, { script: body, args }),
    // The same, for a body that ends by calling arguments[arguments.length - 1](result).
    runAsync: (body, ...args) => call('POST', `${at}/execute/async`, { script: body, args }),
    // A real click at the element's centre, as a person makes it (scrolled into view first).
    click: async (css) => call('POST', `${at}/element/${await find(css)}/click`, {}),
    // Types into an element; for a file input, the text is the path of the file to pick.
    type: async (css, text) => call('POST', `${at}/element/${await find(css)}/value`, { text }),
    screenshot: async () => Buffer.from(await call('GET', `${at}/screenshot`), 'base64'),
    end: () => call('DELETE', at).catch(() => {}),
  };
}

// Asks `probe` until it returns something truthy, at most `seconds` long (a bound for hangs, not a
// measure of speed): returns that value, or throws naming what never happened.
export async function waitFor(what, probe, seconds = 120) {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`gave up after ${seconds} s waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
