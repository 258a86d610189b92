/**
 * Realistic files to embed a generated positive in: the lines a secret usually sits among in a
 * JavaScript/TypeScript module, a Python script, a Go file, YAML, a .env file, JSON, a shell script
 * and a Dockerfile. The positive line keeps its own syntax; the surroundings give the scanner the
 * neighbouring code, comments and keywords it meets in a real repository.
 */

/** One kind of file: lines before and after the embedded text, and how a line is written there. */
export interface FileContext {
  readonly name: string;
  readonly before: string;
  readonly after: string;
  /** Rewrites a `KEY=value` line the way this file writes it (`export KEY=…`, `ENV KEY=…`). */
  readonly assignment?: (line: string) => string;
}

const js: FileContext = {
  name: 'typescript',
  before: [
    "import { createClient } from './client';",
    "import type { Config } from './config';",
    '',
    '// Values below are read once at start-up; see docs/configuration.md.',
    'export function loadConfig(env: NodeJS.ProcessEnv): Config {',
    '  const timeoutMs = Number(env.TIMEOUT_MS ?? 30_000);',
  ].join('\n'),
  after: ['  return { timeoutMs, retries: 3, baseUrl: "https://api.internal/v1" };', '}', ''].join('\n'),
};

const python: FileContext = {
  name: 'python',
  before: [
    'import logging',
    'import requests',
    '',
    'logger = logging.getLogger(__name__)',
    '',
    'def make_session(timeout: float = 10.0) -> requests.Session:',
    '    """Build the HTTP session used by the sync job."""',
  ].join('\n'),
  after: [
    '    session = requests.Session()',
    '    session.headers["User-Agent"] = "sync-job/1.4"',
    '    return session',
    '',
  ].join('\n'),
};

const go: FileContext = {
  name: 'go',
  before: [
    'package main',
    '',
    'import (',
    '\t"context"',
    '\t"net/http"',
    ')',
    '',
    '// Default settings for the exporter; override them with flags.',
    'const (',
  ].join('\n'),
  after: [
    ')',
    '',
    'func newClient(ctx context.Context) *http.Client {',
    '\treturn &http.Client{}',
    '}',
    '',
  ].join('\n'),
};

const yaml: FileContext = {
  name: 'yaml',
  before: [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: exporter',
    'spec:',
    '  replicas: 2',
    '# settings the container reads at start-up',
    'settings:',
  ].join('\n'),
  after: ['  logLevel: info', '  region: eu-west-1', ''].join('\n'),
};

const dotenv: FileContext = {
  name: 'env',
  before: [
    '# Local development settings; do not commit real values',
    'NODE_ENV=development',
    'PORT=3000',
    'LOG_LEVEL=debug',
  ].join('\n'),
  after: ['FEATURE_FLAGS=search,export', 'TZ=UTC', ''].join('\n'),
};

const json: FileContext = {
  name: 'json',
  before: [
    '{',
    '  "name": "exporter",',
    '  "version": "1.4.0",',
    '  "settings": [',
    '    { "region": "eu-west-1" },',
  ].join('\n'),
  after: ['  ],', '  "private": true', '}', ''].join('\n'),
};

const shell: FileContext = {
  name: 'shell',
  before: [
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    '',
    '# Deploy the exporter to the staging cluster.',
    'cd "$(dirname "$0")/.."',
  ].join('\n'),
  after: ['kubectl apply -f deploy/exporter.yaml', 'echo "deployed"', ''].join('\n'),
  assignment: (line) => (line.startsWith('export ') ? line : `export ${line}`),
};

const dockerfile: FileContext = {
  name: 'dockerfile',
  before: [
    'FROM node:20-alpine AS build',
    'WORKDIR /app',
    'COPY package*.json ./',
    'RUN npm ci --omit=dev',
  ].join('\n'),
  after: ['COPY . .', 'EXPOSE 3000', 'CMD ["node", "dist/server.js"]', ''].join('\n'),
  assignment: (line) => `ENV ${line.replace(/^export\s+/, '')}`,
};

const markdown: FileContext = {
  name: 'markdown',
  before: ['# Exporter', '', 'To run it locally, set the credentials first:', '', '```'].join('\n'),
  after: ['```', '', 'Then run `npm start`.', ''].join('\n'),
};

/** Every context, in a stable order. */
export const CONTEXTS: readonly FileContext[] = [
  js,
  python,
  go,
  yaml,
  dotenv,
  json,
  shell,
  dockerfile,
  markdown,
];

/**
 * The contexts a positive fits in, judged by its first line's syntax: `KEY=value` lines go to .env,
 * shell and Dockerfile; `key: value` to YAML; JSON objects to JSON; declarations to code; the rest
 * (bare tokens, headers, URLs, key blocks) anywhere.
 */
export function contextsFor(positive: string): readonly FileContext[] {
  const first = positive.split('\n', 1)[0]!.trimStart();
  if (/^(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=/.test(first)) {
    return [dotenv, shell, dockerfile];
  }
  if (/^[\w.-]+:\s/.test(first)) {
    return [yaml, markdown];
  }
  if (first.startsWith('{') || first.startsWith('"')) {
    return [json];
  }
  if (/^(?:const|let|var|export|private|public)\b/.test(first)) {
    return [js];
  }
  return CONTEXTS;
}

/**
 * Embeds `text` in `context`; returns the file and the offset where `text` starts in it (after any
 * prefix the file's syntax adds to an assignment line).
 */
export function embed(context: FileContext, text: string): { file: string; offset: number } {
  const written = context.assignment && !text.includes('\n') ? context.assignment(text) : text;
  const head = `${context.before}\n`;
  const shift = written.length - text.length;
  return { file: `${head}${written}\n${context.after}`, offset: head.length + shift };
}
