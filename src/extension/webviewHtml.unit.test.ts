// First: installs the fake `vscode` module before the extension modules below load it.
import { fakeVscode, fakeWebviewView } from '../../test/support/fakeVscode';
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { webviewHtml } from './webviewHtml';

describe('the chat page the host writes', () => {
  const ext = fakeVscode.Uri.file('/ext') as unknown as vscode.Uri;
  const webview = (fakeWebviewView().view as vscode.WebviewView).webview;
  const nonceOf = (html: string): string => /'nonce-([^']+)'/.exec(html)?.[1] ?? '';

  it('keeps its CSP nonce-only: no inline script or style runs without the nonce', () => {
    const html = webviewHtml(webview, ext, 'Chat', {
      body: '<section></section>',
      css: 'body { margin: 0; }',
    });
    const csp = /content="(default-src[^"]*)"/.exec(html)?.[1] ?? '';
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
    const nonce = nonceOf(html);
    assert.ok(nonce.length >= 22);
    for (const [tag] of html.matchAll(/<(script|style)\b[^>]*>/g)) {
      assert.ok(tag.includes(`nonce="${nonce}"`), `${tag} carries the nonce`);
    }
  });

  it('with drawn turns, writes the stylesheet in and loads the bundle after the load event', () => {
    const html = webviewHtml(webview, ext, 'Chat', {
      body: '<section id="drawn"></section>',
      css: '.turns { flex: 1; }',
    });
    assert.match(html, /<style nonce="[^"]+">\n\.turns \{ flex: 1; \}<\/style>/);
    assert.doesNotMatch(html, /<link rel="stylesheet"/);
    assert.match(html, /<main id="app" aria-live="polite"><section id="drawn"><\/section><\/main>/);
    assert.doesNotMatch(html, /<script[^>]* src=/, 'no bundle in the page to hold its load event');
    assert.match(html, /addEventListener\('load', \(\) => \{ const s = document\.createElement\('script'\);/);
  });

  it('without drawn turns, links the bundle deferred, with no inline script', () => {
    const html = webviewHtml(webview, ext, 'Chat', { firstState: { type: 'init' } });
    assert.match(html, /<script nonce="[^"]+" src="[^"]+" defer><\/script>/);
    assert.doesNotMatch(html, /<script nonce="[^"]+">/, 'no inline script');
  });

  it('links the stylesheet instead when its text could close the style element', () => {
    const html = webviewHtml(webview, ext, 'Chat', { css: 'a {} </style><script>alert(1)</script>' });
    assert.doesNotMatch(html, /alert/);
    assert.match(html, /<link rel="stylesheet" href=/);
  });

  it('writes the first state and the marks as JSON no text can break out of', () => {
    const html = webviewHtml(webview, ext, 'Chat', {
      firstState: { question: '</script><img src=x onerror=alert(1)>\u2028' },
      marks: { resolved: 1, htmlSet: 2 },
    });
    assert.doesNotMatch(html, /<img|<\/script><img/);
    assert.match(html, /\\u003c\/script\\u003e\\u003cimg src=x onerror=alert\(1\)\\u003e\\u2028/);
    assert.match(html, /id="secure-gpt-load-marks"[^>]*>\{"resolved":1,"htmlSet":2\}<\/script>/);
  });
});
