'use strict';
// Reads Go string literals and tokens, enough for the peers' test tables.

function goString(lit) {
  if (lit.startsWith('`')) return lit.slice(1, -1);
  return JSON.parse(lit.replace(/\\'/g, "'").replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1'));
}

function tokenize(src) {
  const re = /\s+|\/\/[^\n]*|("(?:[^"\\\n]|\\.)*"|`[^`]*`)|([A-Za-z_][\w.]*)|(\.\.\.)|(.)/gy;
  const toks = [];
  let m;
  while ((m = re.exec(src))) {
    if (m[1]) toks.push({ t: 'str', v: goString(m[1]) });
    else if (m[2]) toks.push({ t: 'id', v: m[2] });
    else if (m[3]) toks.push({ t: 'p', v: '...' });
    else if (m[4]) toks.push({ t: 'p', v: m[4] });
  }
  return toks;
}

module.exports = { goString, tokenize };
