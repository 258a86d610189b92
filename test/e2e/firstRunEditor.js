// The first run's editor half for chat.e2e.js: a key pasted into a file flagged at once; "Secure GPT > Ask about
// Selection…" from the editor's real right-click menu, answered by the loopback server with the placeholder in what
// it received; Insert following the restore policy; a compatible profile added and used in one go, with the model
// picker filled from its /models; and a window reload with the history shown, timed from the view opening.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { root } = require('../support/codeServerHost');
// The load marks' names, from the compiled protocol (the e2e runs after the test compile).
const { LOAD_MARKS_ELEMENT_ID, SCRIPT_MARKS } = require(path.join(root, 'out/src/protocol/firstState.js'));

const PLACEHOLDER = /‹secret:github-pat#\d+›/;
const extensionId = 'secure-gpt-dev.secure-gpt';

/** The editor's rendered lines, with the non-breaking spaces Monaco renders turned back into spaces. */
async function editorLines(page) {
  // Monaco may keep its line elements out of order and places each by its `top`: read them in that order.
  const lines = await page.evaluate(() =>
    [...document.querySelectorAll('.editor-instance .view-lines .view-line')]
      .map((el) => ({ top: parseFloat(el.style.top) || 0, text: el.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text),
  );
  return lines.map((line) => line.replace(/\u00a0/g, ' '));
}

/** Polls `editorLines` until `done(lines)` holds or `ms` pass; returns the last lines read. */
async function editorLinesWhen(page, done, ms = 5_000) {
  const until = Date.now() + ms;
  let lines = await editorLines(page);
  while (!done(lines) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    lines = await editorLines(page);
  }
  return lines;
}

/** Answers one step of a multi-step quick input: waits for its `title`, types `value`, and picks `row` if given. */
async function quickStep(page, title, value, row) {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
  const box = page.locator('.quick-input-widget input.input');
  await box.fill(value);
  if (row !== undefined) {
    await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor();
  }
  await page.keyboard.press('Enter');
}

/**
 * Runs a command from the palette that opens a quick input of its own. (workbench.js's runCommand waits for the
 * palette to close, which a command that reuses the quick-input widget may never let happen.)
 */
async function commandWithSteps(page, title) {
  await page.locator('.monaco-workbench').click({ position: { x: 600, y: 300 } });
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input.input').fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The options the chat's model picker offers, once it offers exactly `expected`'s length. */
async function pickerModels(frame, count) {
  await frame.waitForFunction((n) => document.querySelectorAll('select.model option').length === n, count);
  return frame.locator('select.model option').evaluateAll((nodes) => nodes.map((n) => n.value));
}

async function editorChecks(ctx) {
  const { check, page, frame, runCommand, send, server, secondServer, editorToken, shots } = ctx;
  await check('a key pasted into a file is flagged at once', async () => {
    await page.locator('.editor-instance .view-lines', { hasText: 'fetchStatus' }).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    const squiggles = '.editor-instance .view-overlays [class*="squiggly-"]';
    const before = await page.locator(squiggles).count();
    // insertText is what a paste does: the whole line arrives in one edit, not keystroke by keystroke.
    await page.keyboard.insertText(`const token = "${editorToken}";`);
    await page.waitForFunction(([s, n]) => document.querySelectorAll(s).length > n, [squiggles, before]);
    // The status bar counts the findings of the file in words.
    await page.locator('.part.statusbar .statusbar-item', { hasText: /Secrets: [1-9]/ }).waitFor();
  });

  let asked;
  await check('right-click > Secure GPT > Ask about Selection… asks, and the loopback answers', async () => {
    const before = server.requestsTo('/chat/completions').length;
    const turnsBefore = await frame.locator('.turn').count();
    server.enqueue(
      {
        kind: 'ok',
        // The answer names the placeholder the request carried, as a model does when it quotes the code.
        text: (request) =>
          'Keep the token out of the source:\n\n```js\n' +
          `const token = "${request.rawBody.match(PLACEHOLDER)?.[0] ?? 'none'}";\n` +
          '```\n',
      },
      { path: '/chat/completions' },
    );
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    const line = page.locator('.editor-instance .view-line', { hasText: 'const token' });
    await line.click({ button: 'right', position: { x: 40, y: 5 } });
    const submenu = page.locator('.monaco-menu .action-label', { hasText: /^Secure GPT$/ });
    await submenu.hover();
    const item = page.locator('.monaco-menu .action-label', { hasText: 'Ask about Selection…' });
    await item.waitFor();
    const entries = await page.locator('.monaco-menu .action-label').allTextContents();
    for (const name of ['Explain Selection', 'Preview Outgoing Request']) {
      assert(entries.includes(name), `the submenu lists ${name}: ${entries.join(' | ')}`);
    }
    fs.mkdirSync(path.dirname(shots.contextMenu), { recursive: true });
    await page.screenshot({ path: shots.contextMenu });
    await item.click();
    asked = 'How do I keep this token out of the source?';
    await quickStep(page, 'Ask about Selection', asked);
    await frame.locator('.turn').nth(turnsBefore).and(frame.locator('.turn.done')).waitFor();
    const chats = server.requestsTo('/chat/completions');
    assert(chats.length === before + 1, `${chats.length - before} requests, expected 1`);
    const sent = chats[chats.length - 1].rawBody;
    assert(PLACEHOLDER.test(sent), 'the request carries no placeholder');
    assert(sent.includes(asked), 'the request lacks the typed question');
    assert(!sent.includes(editorToken), 'the pasted key left the machine');
    const turn = frame.locator('.turn').nth(turnsBefore);
    const heading = await turn.locator('h3.question').textContent();
    assert(heading.includes(asked), `the heading is the typed question: ${heading}`);
    await turn.locator('.code-actions button', { hasText: 'Insert at cursor' }).waitFor();
  });

  await check('Insert restores the placeholder as an environment reference, never the key', async () => {
    await page.locator('.editor-instance .view-lines', { hasText: 'fetchStatus' }).click();
    await page.keyboard.press('Control+End');
    const count = (await editorLines(page)).length;
    await page.keyboard.press('Enter');
    // The editor renders the new line a frame or more after the key press.
    const afterEnter = await editorLinesWhen(
      page,
      (lines) => lines.length > count && lines[lines.length - 1] === '',
    );
    const linesBefore = afterEnter.length;
    assert(afterEnter[linesBefore - 1] === '', 'the cursor is not on a new empty last line');
    await frame
      .locator('.turn.done')
      .last()
      .locator('.code-actions button', { hasText: 'Insert at cursor' })
      .click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const asks = await dialog.textContent();
    assert(asks.includes('names 1 secret'), `the restore dialog: ${asks}`);
    assert(!asks.includes(editorToken), 'the dialog shows the key');
    await dialog.locator('.monaco-button', { hasText: 'Use Environment References' }).click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('.editor-instance .view-lines .view-line').length > n,
      linesBefore,
    );
    const lines = await editorLines(page);
    // Written where the cursor was (the code block's own trailing newline follows it).
    const inserted = lines[linesBefore - 1];
    // The JavaScript reference the policy writes by default, in place of the quoted placeholder.
    assert(/^const token = process\.env\.[A-Z_]+;$/.test(inserted), `inserted: ${inserted}`);
    // The key stays in the file only where it was pasted: Insert wrote a reference, not the value.
    const withKey = (await editorLines(page)).filter((l) => l.includes(editorToken));
    assert(withKey.length === 1, `${withKey.length} lines hold the pasted key`);
  });

  await check('Add Profile (OpenAI-compatible) with "Use it now" makes it active in one go', async () => {
    await commandWithSteps(page, 'Secure GPT: Manage Profiles');
    await quickStep(page, 'Manage Profiles', 'Add Profile', 'Add Profile…');
    await quickStep(page, 'Add Profile: kind', 'OpenAI-compatible', 'OpenAI-compatible');
    await quickStep(page, 'Add Profile: name', 'local');
    await quickStep(page, 'Base URL', secondServer.url);
    await quickStep(page, "Add Profile: the key for 'local'", 'No key', 'No key');
    const toast = page.locator('.notification-toast', { hasText: "Added profile 'local'" });
    await toast.locator('.monaco-button', { hasText: 'Use it now' }).click();
    await frame.locator('.toolbar .badge', { hasText: 'local · no key needed' }).waitFor();
  });

  await check(
    "the model picker lists the new profile's /models, and a request uses the picked one",
    async () => {
      const models = await pickerModels(frame, secondServer.models.length);
      // The picker sorts what the server lists; none of the gpt-4o defaults is among them.
      assert.deepStrictEqual([...models].sort(), [...secondServer.models].sort());
      assert(secondServer.requestsTo('/models').length > 0, 'the new profile was never asked for its models');
      await frame.locator('select.model').selectOption(secondServer.models[1]);
      const turns = await frame.locator('.turn').count();
      await send(frame, 'Which model answers this?');
      await frame.locator('.turn').nth(turns).and(frame.locator('.turn.done')).waitFor();
      const chats = secondServer.requestsTo('/chat/completions');
      assert(chats.length === 1, `${chats.length} requests reached the new profile's server`);
      assert(chats[0].body.model === secondServer.models[1], `the request asked for ${chats[0].body.model}`);
      const meta = await frame.locator('.turn').nth(turns).locator('.meta').textContent();
      assert(meta.includes(secondServer.models[1]), `the turn records the model used: ${meta}`);
    },
  );

  return asked;
}

/**
 * Reloads the window and waits for the chat to show its turns again. Prints the load's timeline on one clock (the
 * browser's marks and the extension host's, which the page carries) and returns the milliseconds to the first turn
 * shown from VS Code handing the view to the extension, from the page's document starting, and from the chat's
 * webview appearing in the workbench. Nothing is asserted on them: the machine may be loaded.
 */
async function reloadWithHistory({ check, page, browser, runCommand, webviewFrame, lastQuestion, say }) {
  // Recorded in each frame from its first script on: in the workbench when the chat's webview is attached, in the
  // chat's own document when the first turn is rendered. Both are wall-clock times of one browser.
  await browser.addInitScript((id) => {
    const marks = (window.__secureGptMarks = { longTasks: [] });
    const now = () => performance.timeOrigin + performance.now();
    // How busy this frame's main thread is (tasks over 50 ms): the workbench's, while it waits for the host.
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) {
        marks.longTasks.push([performance.timeOrigin + task.startTime, task.duration]);
      }
    }).observe({ type: 'longtask', buffered: true });
    // Polled rather than observed: VS Code writes the webview's page with document.open(), which drops observers.
    const poll = setInterval(() => {
      if (!marks.viewOpened && document.querySelector(`iframe.webview[src*="extensionId=${id}"]`)) {
        marks.viewOpened = now();
      }
      if (!marks.shellShown && document.querySelector('textarea.input')) {
        marks.shellShown = now();
      }
      // In the webview's outer frame: VS Code shows the page's frame on its load event, or 200 ms after writing it.
      const active = document.querySelector('iframe#active-frame');
      if (!marks.revealed && active && active.style.visibility === 'visible') {
        marks.revealed = now();
      }
      if (!marks.turnShown && document.querySelector('.turn h3.question')) {
        marks.turnShown = now();
        marks.documentStart = performance.timeOrigin;
      }
    }, 2);
    setTimeout(() => clearInterval(poll), 60_000);
  }, extensionId);

  let timing;
  await check('after a window reload the chat shows its history', async () => {
    const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench .part.activitybar').waitFor();
    const frame = await webviewFrame(page, extensionId, '.turn h3.question >> nth=0');
    const headings = await frame.locator('.turn h3.question').allTextContents();
    assert(
      headings.some((h) => h.includes(lastQuestion)),
      `the reloaded chat shows: ${headings.join(' | ')}`,
    );
    const top = await page.evaluate(() => ({
      ...window.__secureGptMarks,
      workbenchStart: performance.timeOrigin,
    }));
    const inner = await frame.evaluate(
      ({ marksId, scriptMarks }) => {
        const at = (name) => {
          const entry = performance.getEntriesByName(name)[0];
          return entry ? performance.timeOrigin + entry.startTime : undefined;
        };
        let host = {};
        try {
          host = JSON.parse(document.getElementById(marksId)?.textContent ?? '{}');
        } catch {
          // an older page without marks: the host's rows are left out
        }
        return {
          ...window.__secureGptMarks,
          host,
          firstPaint: at('first-contentful-paint'),
          scriptStarted: at(scriptMarks.started),
          scriptDrew: at(scriptMarks.drawn),
        };
      },
      { marksId: LOAD_MARKS_ELEMENT_ID, scriptMarks: SCRIPT_MARKS },
    );
    const outer = await frame.parentFrame().evaluate(() => window.__secureGptMarks);
    assert(top?.viewOpened && inner?.turnShown, `timing marks: ${JSON.stringify({ top, inner })}`);
    const { host } = inner;
    // Shown = in the document and its frame made visible, whichever comes last.
    const shown = Math.max(inner.turnShown, outer?.revealed ?? 0);
    timing = {
      viewToHistory: Math.round(shown - top.viewOpened),
      documentToHistory: Math.round(shown - inner.documentStart),
      ...(host.resolved ? { resolveToHistory: Math.round(shown - host.resolved) } : {}),
      ...(inner.scriptStarted ? { beforeScript: Math.round(inner.scriptStarted - shown) } : {}),
    };
    // One clock (the machine's): the browser's marks and the extension host's Date.now() stamps.
    const rows = [
      ['workbench page started (reload)', top.workbenchStart],
      ['extension host process started', host.hostStarted],
      ['extension entry bundle began to run', host.moduleLoaded],
      ["chat view's webview iframe attached in the workbench", top.viewOpened],
      ['activate() began', host.activated],
      ['saved turns in memory (extension host)', host.historyLoaded],
      ['heavy bundles began to load (extension host)', host.featuresLoading],
      ['chat session and commands started (extension host)', host.featuresStarted],
      ["VS Code made the page's frame visible", outer?.revealed],
      ['resolveWebviewView called (VS Code hands us the view)', host.resolved],
      ['page HTML assigned', host.htmlSet],
      ['webview document started', inner.documentStart],
      ['first contentful paint', inner.firstPaint],
      ['webview script began to run', inner.scriptStarted],
      ['script drew the first state', inner.scriptDrew],
      ['a turn is in the document (2 ms poll)', inner.turnShown],
      ["the script's shell (composer) is in the document", inner.shellShown],
    ].filter(([, t]) => typeof t === 'number');
    say(`reload timeline (ms from the chat's iframe appearing):`);
    for (const [what, t] of rows.sort((a, b) => a[1] - b[1])) {
      say(`  ${String(Math.round(t - top.viewOpened)).padStart(6)}  ${what}`);
    }
    if (host.activated && host.resolved) {
      // Where the wait between activate and VS Code's call went: the workbench's main thread, and our bundles.
      const busy = (from, to) =>
        Math.round(
          top.longTasks.reduce((sum, [start, length]) => {
            return sum + Math.max(0, Math.min(to, start + length) - Math.max(from, start));
          }, 0),
        );
      const ours =
        host.featuresLoading && host.featuresStarted && host.featuresStarted <= host.resolved
          ? `, ${Math.round(host.featuresStarted - host.featuresLoading)} ms of it loading our heavy bundles`
          : '';
      say(
        `  activate() to resolveWebviewView: ${Math.round(host.resolved - host.activated)} ms; the workbench's ` +
          `main thread ran long tasks for ${busy(host.activated, host.resolved)} ms of it${ours}`,
      );
    }
    say(
      `reload: history shown ${timing.resolveToHistory ?? '?'} ms after VS Code handed us the view ` +
        `(resolveWebviewView; target 300 ms, not asserted), ${timing.documentToHistory} ms after the page's ` +
        `document started, ${timing.viewToHistory} ms after the chat's iframe appeared in the workbench` +
        (timing.beforeScript === undefined ? '' : `; ${timing.beforeScript} ms before the page's script ran`),
    );
  });
  return timing;
}

module.exports = { editorChecks, reloadWithHistory };
