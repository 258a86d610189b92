// The pieces of an end-to-end run in the real VS Code 1.100.3 web workbench (code-server) that the chat test drives
// like a user: a throwaway instance with the extension loaded from the repo, headless Chromium on its workbench, the
// command palette, and the chat webview's frame. Starting and stopping code-server is codeServerHost.js's job.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const host = require('../support/codeServerHost');

/**
 * Starts code-server on a copy of `workspace` with `settings` as the USER settings (where application-scoped
 * settings such as secureGpt.profile live), opens the workbench in headless Chromium with the repo's extension as
 * the development extension, and resolves once the workbench has rendered. `onLog` gets code-server's output.
 */
async function openWorkbench({ entry, workspace, settings, viewport, onLog = () => {} }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-gpt-e2e-'));
  const dirs = host.instanceDirs(tmp);
  const folder = path.join(tmp, 'workspace');
  host.copyDir(workspace, folder);
  // code-server keeps the web workbench's user settings on the server, below its user-data dir.
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const state = {
    tmp,
    dirs,
    server: undefined,
    browser: undefined,
    browserProfile: undefined,
    page: undefined,
  };
  state.close = () => close(state);
  try {
    const port = await host.freePort();
    state.server = host.startServer({
      entry,
      dirs,
      port,
      folder,
      env: host.serverEnv(dirs),
      onOutput: onLog,
    });
    await state.server.listening;
    // A persistent profile in the instance's dir, not Playwright's throwaway one: the leak check searches what
    // the browser stored (IndexedDB, Local/Session Storage, webview state) once it is closed.
    state.browserProfile = path.join(tmp, 'browser-profile');
    state.browser = await chromium.launchPersistentContext(state.browserProfile, {
      ...host.chromiumOptions(),
      viewport,
    });
    state.page = state.browser.pages()[0] ?? (await state.browser.newPage());
    await host.serveEscapedWebviewResources(state.page, [host.root, dirs.extensions, folder]);
    const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${host.root}`]];
    await state.page.goto(
      `${state.server.url}?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    await state.page.locator('.monaco-workbench .part.activitybar').waitFor();
    return state;
  } catch (error) {
    await close(state);
    throw error;
  }
}

/** Stops the browser and the server (each step bounded, so cleanup cannot hang) and removes the instance's dirs. */
async function close(state) {
  await settle(state.browser?.close(), 5000);
  await settle(state.server?.stop(), 10_000);
  fs.rmSync(state.tmp, { recursive: true, force: true });
}

/** Waits for `promise` (if any) to settle, but no longer than `ms`. */
function settle(promise, ms) {
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([Promise.resolve(promise).catch(() => {}), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Resolves once the workbench shows the activity-bar entry titled `title`: the extension's contributions
 * (commands, views) are registered then, so the palette lists its commands. A palette opened earlier keeps the
 * list it was opened with.
 */
async function activityBarEntry(page, title) {
  const entry = page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${title}"]`);
  await entry.waitFor();
  return entry;
}

/** Runs a command from the palette (F1) the way a user does: by its title as the palette lists it. */
async function runCommand(page, title) {
  await page.locator('.monaco-workbench').click({ position: { x: 600, y: 300 } });
  await page.keyboard.press('F1');
  const box = page.locator('.quick-input-widget input.input');
  await box.waitFor();
  await box.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Opens a workspace file with Quick Open (Ctrl+P) and resolves once its editor shows `text`. */
async function openFile(page, name, text) {
  await page.locator('.monaco-workbench').click({ position: { x: 600, y: 300 } });
  await page.keyboard.press('Control+P');
  const box = page.locator('.quick-input-widget input.input');
  await box.waitFor();
  await box.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .view-lines', { hasText: text }).waitFor();
}

/** Drags the side bar's edge `by` pixels wider, as a user does to give a view more room. */
async function widenSideBar(page, by) {
  const box = await page.locator('.part.sidebar').boundingBox();
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + by, y, { steps: 5 });
  await page.mouse.up();
}

/**
 * The frame of the webview of `extensionId` whose document holds `selector`. VS Code nests each webview: an outer
 * iframe.webview (its src names the extension) holding the iframe#active-frame with the extension's page.
 */
async function webviewFrame(page, extensionId, selector) {
  const outer = page.locator(`iframe.webview[src*="extensionId=${extensionId}"]`);
  await outer.waitFor({ state: 'attached' });
  const outerFrame = await (await outer.elementHandle()).contentFrame();
  const inner = outerFrame.locator('iframe#active-frame');
  await inner.waitFor({ state: 'attached' });
  const frame = await (await inner.elementHandle()).contentFrame();
  await frame.locator(selector).waitFor();
  return frame;
}

module.exports = {
  openWorkbench,
  activityBarEntry,
  runCommand,
  openFile,
  widenSideBar,
  webviewFrame,
  settle,
};
