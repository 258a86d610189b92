import { ALNUM, BASE64URL, LOWER_ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';
import { END_ALNUM, END_TOKEN, START_TOKEN, tokenRule } from './ruleKit';

// OpenAI, Anthropic and Google: the keys this extension itself handles, so every known prefix gets
// its own rule (and its own id in ignore comments). Other AI providers live in aiPlatforms.ts.

const openAiRisk = 'anyone with this file can spend on your OpenAI account and read your data';
const openAiRevoke = 'https://platform.openai.com/api-keys';
// `T3BlbkFJ` is base64 for "OpenAI": it sits in the middle of every key OpenAI has issued.
const MARK = 'T3BlbkFJ';

/**
 * Random base64url has lower case, upper case and digits; a kebab-case name after the prefix
 * (`sk-proj-2024-roadmap-planning-notes-v2-final`) does not.
 */
function randomCase(secret: string): boolean {
  const body = secret.replace(/^sk-(?:ant-[a-z0-9]+|[A-Za-z]+)-/, '');
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /\d/.test(body);
}

/** A new-format OpenAI key: prefix, then 58 or 74 base64url characters on each side of the marker. */
function openAiNew(id: string, prefix: string, description: string, extra: readonly string[] = []): Rule {
  const prefixes = [prefix, ...extra];
  const alternatives = prefixes.map((p) => p.replace(/-/g, '\\-')).join('|');
  return tokenRule({
    id,
    provider: 'OpenAI',
    description,
    risk: openAiRisk,
    keywords: prefixes.map((p) => p.toLowerCase()),
    // The marker is not required: the prefix already identifies OpenAI, and older keys of these kinds
    // were shorter. The length floor keeps `sk-proj-settings` and truncated examples out.
    pattern: new RegExp(`${START_TOKEN}(?:${alternatives})[A-Za-z0-9_-]{40,220}${END_TOKEN}`),
    maxLength: 240,
    minEntropy: 3.5,
    validate: randomCase,
    revokeUrl: openAiRevoke,
    sample: () => `${prefix}${randomToken(BASE64URL, 74)}${MARK}${randomToken(BASE64URL, 74)}`,
    negatives: [
      `${prefix}...`,
      `OPENAI_API_KEY=${prefix}your-key-here`,
      `${prefix}XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`,
      `.${prefix}dashboard-settings-panel-header-title-text { display: none }`,
      `${prefix}2024-roadmap-planning-notes-for-q3-review-v2-final`,
      `${prefix}abc123def456`,
    ],
  });
}

const anthropicRisk = 'anyone with this file can call Claude on your Anthropic account and run up your bill';
const anthropicRevoke = 'https://console.anthropic.com/settings/keys';

/** Anthropic keys: `sk-ant-<kind><version>-`, then 93 base64url characters and `AA` (not required). */
function anthropic(id: string, kinds: readonly string[], description: string, risk: string): Rule {
  const first = kinds[0] ?? 'api03';
  return tokenRule({
    id,
    provider: 'Anthropic',
    description,
    risk,
    keywords: kinds.map((k) => `sk-ant-${k}-`),
    pattern: new RegExp(`${START_TOKEN}sk-ant-(?:${kinds.join('|')})-[A-Za-z0-9_-]{80,120}${END_TOKEN}`),
    maxLength: 140,
    minEntropy: 3.5,
    validate: randomCase,
    revokeUrl: anthropicRevoke,
    sample: () => `sk-ant-${first}-${randomToken(BASE64URL, 93)}AA`,
    negatives: [
      `ANTHROPIC_API_KEY=sk-ant-${first}-...`,
      `sk-ant-${first}-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXAA`,
      `sk-ant-${first}-0aB1cD2eF3gH4iJ5`,
      `"sk-ant-${first}-<your key>"`,
    ],
  });
}

/** The kinds of Anthropic key that have a rule of their own (see `anthropic`). */
const ANTHROPIC_KINDS = ['api03', 'admin01', 'oat01', 'ort01', 'sid01'];

export const aiRules: readonly Rule[] = [
  tokenRule({
    id: 'openai-api-key',
    provider: 'OpenAI',
    description: 'OpenAI API key',
    risk: openAiRisk,
    keywords: [MARK.toLowerCase()],
    pattern: new RegExp(`${START_TOKEN}sk-[A-Za-z0-9]{20}${MARK}[A-Za-z0-9]{20}${END_ALNUM}`),
    maxLength: 51,
    minEntropy: 3.5,
    revokeUrl: openAiRevoke,
    sample: () => `sk-${randomToken(ALNUM, 20)}${MARK}${randomToken(ALNUM, 20)}`,
    negatives: [
      'sk-...',
      `sk-XXXXXXXXXXXXXXXXXXXX${MARK}XXXXXXXXXXXXXXXXXXXX`,
      `sk-abc${MARK}def`,
      'OPENAI_API_KEY=sk-your-openai-key',
    ],
  }),
  openAiNew('openai-project-key', 'sk-proj-', 'OpenAI project API key'),
  openAiNew('openai-service-account-key', 'sk-svcacct-', 'OpenAI service account key', ['sk-service-']),
  openAiNew('openai-admin-key', 'sk-admin-', 'OpenAI admin key'),
  openAiNew('openai-user-key', 'sk-None-', 'OpenAI user API key'),
  tokenRule({
    id: 'openai-compatible-api-key',
    provider: 'OpenAI-compatible API',
    description: 'OpenAI-style API key (OpenAI legacy, Moonshot, Stability and other sk- keys)',
    risk: 'anyone with this file can call the AI API it belongs to and spend your credits',
    // Both letter cases and digits: hex digests and words after `sk-` are not keys.
    keywords: ['sk-'],
    pattern: new RegExp(`${START_TOKEN}sk-(?![A-Za-z0-9]{20}${MARK})[A-Za-z0-9]{32,64}${END_TOKEN}`),
    maxLength: 67,
    minEntropy: 4,
    validate: (s) => /[a-z]/.test(s.slice(3)) && /[A-Z]/.test(s) && /\d/.test(s),
    revokeUrl: openAiRevoke,
    sample: () => `sk-${randomToken(ALNUM, 48)}`,
    negatives: [
      'sk-0123456789abcdef0123456789abcdef01234567',
      'sk-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'task-runner-configuration-for-the-build-pipeline',
      'OPENAI_API_KEY=sk-your-api-key-goes-here-replace-me',
      'sk-AbCd1234',
    ],
  }),
  anthropic('anthropic-api-key', ['api03'], 'Anthropic API key', anthropicRisk),
  anthropic(
    'anthropic-admin-key',
    ['admin01'],
    'Anthropic Admin API key',
    'anyone with this file can manage your Anthropic organisation: members, workspaces and keys',
  ),
  anthropic(
    'anthropic-oauth-token',
    ['oat01', 'ort01'],
    'Claude OAuth token (Claude Code, setup-token)',
    'anyone with this file can use your Claude subscription as you',
  ),
  anthropic(
    'anthropic-session-key',
    ['sid01'],
    'claude.ai session key',
    'anyone with this file is logged in to claude.ai as you and can read your conversations',
  ),
  tokenRule({
    id: 'anthropic-key',
    provider: 'Anthropic',
    description: 'Anthropic key of a kind not listed above',
    risk: anthropicRisk,
    keywords: ['sk-ant-'],
    // `sk-ant-` is Anthropic's alone and each kind carries its version (`api03`, `oat01`): a kind this
    // list does not name yet, or a new version of one, is still an Anthropic credential. The named
    // kinds are left to their own rules.
    pattern: new RegExp(
      `${START_TOKEN}sk-ant-(?!(?:${ANTHROPIC_KINDS.join('|')})-)[a-z0-9]{3,12}-[A-Za-z0-9_-]{80,120}${END_TOKEN}`,
    ),
    maxLength: 140,
    minEntropy: 3.5,
    validate: randomCase,
    revokeUrl: anthropicRevoke,
    sample: () =>
      `sk-ant-${randomToken('abcdefghijklmnopqrstuvwxyz', 4)}${randomToken(LOWER_ALNUM, 2)}-${randomToken(BASE64URL, 93)}AA`,
    negatives: [
      'sk-ant-api04-...',
      'sk-ant-kind01-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXAA',
      '"sk-ant-api04-<your key>"',
      'sk-ant-api04-0aB1cD2eF3gH4iJ5',
    ],
  }),
  tokenRule({
    id: 'google-api-key',
    provider: 'Google',
    description: 'Google API key (Gemini, Maps, Firebase, Cloud)',
    risk: 'anyone with this file can call the Google APIs it is enabled for (Gemini, Maps…) on your bill',
    keywords: ['aiza'],
    pattern: new RegExp(`${START_TOKEN}AIza[A-Za-z0-9_-]{35}${END_TOKEN}`),
    maxLength: 39,
    minEntropy: 3.8,
    revokeUrl: 'https://console.cloud.google.com/apis/credentials',
    sample: () => `AIzaSy${randomToken(BASE64URL, 33)}`,
    negatives: [
      'AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'GEMINI_API_KEY=AIza...',
      'AIzaSyShort12345',
      'AIZASYALLUPPERCASEBUTNOTAKEYATALL12345',
    ],
  }),
  tokenRule({
    id: 'huggingface-access-token',
    provider: 'Hugging Face',
    description: 'Hugging Face user access token',
    risk: 'anyone with this file can read your private models and datasets, and push to them with a write token',
    keywords: ['hf_'],
    // 34 characters exactly, as every peer reads the format: `hf_` before 40 lower-case letters is a C
    // identifier (`hf_servingcellpriority…`), not a token one character too long.
    pattern: new RegExp(`${START_TOKEN}hf_[A-Za-z0-9]{34}${END_ALNUM}`),
    maxLength: 37,
    minEntropy: 3.8,
    // Real tokens are random letters; an identifier such as `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` is words:
    // camelCase pieces that each hold a vowel. Random letters fall into camelCase pieces about once in 5,000
    // draws, and then nearly always with a piece of consonants only (`…EaPwfscEgdnebf…`): one in 1,000,000.
    validate: (s) => !/^hf_(?:[A-Z][a-z]*[aeiouy][a-z]*)+\d*$/.test(s),
    revokeUrl: 'https://huggingface.co/settings/tokens',
    sample: () => `hf_${randomToken(ALNUM, 34)}`,
    negatives: [
      'HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'from transformers import 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',
      'hf_hub_download(repo_id="gpt2")',
      'hf_abc123',
      '  M_UINT (PrioField, H_PRIO, 2, &hf_servingcellpriorityparametersdescription_h_prio),',
    ],
  }),
  tokenRule({
    id: 'huggingface-org-token',
    provider: 'Hugging Face',
    description: 'Hugging Face organisation API token (legacy)',
    risk: 'anyone with this file can act for your Hugging Face organisation',
    keywords: ['api_org_'],
    pattern: new RegExp(`${START_TOKEN}api_org_[A-Za-z0-9]{34}${END_ALNUM}`),
    maxLength: 42,
    minEntropy: 3.8,
    revokeUrl: 'https://huggingface.co/settings/tokens',
    sample: () => `api_org_${randomToken(ALNUM, 34)}`,
    negatives: [
      'api_org_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'def api_org_settings(request):',
      'api_org_id = 42',
    ],
  }),
];
