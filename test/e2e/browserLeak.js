// The last step of the chat e2e: the browser side of the leak test. After the scenario the browser is closed, so
// it has written everything it keeps (IndexedDB, Local and Session Storage, the workbench's stored view and
// webview state, caches) to its profile directory; that directory, and the code-server user-data dir the web
// workbench keeps its settings and state in, are searched for each secret in every form `leakScan` knows
// (plain, UTF-16, hex, base64 at each alignment), as the integration leak test searches the extension's files.
const fs = require('fs');
const path = require('path');
const { root } = require('../support/codeServerHost');
const { settle } = require('./workbench');

const { countFiles, scanForSecret } = require(path.join(root, 'out', 'test', 'support', 'leakScan.js'));

/** Closes the browser of `workbench`, then returns `{ searched, hits }` for `secrets` in its stored state. */
async function searchBrowserSide(workbench, secrets) {
  // The workbench saves view and webview state when the page goes away: reload once so that save runs, then
  // close the browser so its storage is flushed to disk.
  await settle(workbench.page.reload({ waitUntil: 'load' }), 15_000);
  await settle(workbench.browser.close(), 10_000);
  workbench.browser = undefined;
  const dirs = [workbench.browserProfile, workbench.dirs.userData].filter((d) => d && fs.existsSync(d));
  const searched = await countFiles(dirs);
  const hits = [];
  for (const [name, secret] of Object.entries(secrets)) {
    for (const hit of await scanForSecret(dirs, secret)) {
      hits.push(`${name} in ${path.relative(workbench.tmp, hit.file)} (${hit.encoding})`);
    }
  }
  return { searched, hits, stores: storesIn(workbench.browserProfile) };
}

/** Which of the browser's stores exist in the profile: the scan is vacuous if the browser kept nothing. */
function storesIn(profile) {
  const base = path.join(profile, 'Default');
  return ['IndexedDB', 'Local Storage', 'Session Storage'].filter((d) => fs.existsSync(path.join(base, d)));
}

module.exports = { searchBrowserSide };
