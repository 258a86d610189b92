import { ALNUM, HEX, LOWER_ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';
import { keyed } from './fixedPrefix';
import type { PrefixSpec } from './ruleKit';
import { END_ALNUM, START_TOKEN, anyCase, contextRule, near, prefixedRule, tokenRule } from './ruleKit';

// AI inference, search and tooling platforms other than OpenAI, Anthropic and Google (see ai.ts).

/** Risk line shared by pay-per-use inference APIs. */
function spend(provider: string): string {
  return `anyone with this file can run models on your ${provider} account and spend your credits`;
}

function prefixed(p: Omit<PrefixSpec, 'risk'> & { readonly risk?: string }): Rule {
  return prefixedRule({ ...p, risk: p.risk ?? spend(p.provider) });
}

function contextual(
  id: string,
  provider: string,
  description: string,
  words: readonly string[],
  value: string,
  make: () => string,
  revokeUrl: string,
  valueMax: number,
): Rule {
  return contextRule({
    id,
    provider,
    description,
    risk: spend(provider),
    words,
    value,
    valueMax,
    make,
    revokeUrl,
    // Hex values next to a provider name are often digests; the name must also say key or token.
    credentialName: value.includes('[a-f0-9]'),
  });
}

/** What an NGC legacy key decodes to: an id, `:`, and a key of letters, digits and dashes. */
const NGC_DECODED = /^[A-Za-z0-9]{26}:[A-Za-z0-9-]{36}$/;

export const aiPlatformRules: readonly Rule[] = [
  prefixed({
    id: 'openrouter-api-key',
    provider: 'OpenRouter',
    description: 'OpenRouter API key',
    prefix: 'sk-or-v1-',
    body: '[a-f0-9]{64}',
    bodyMax: 64,
    make: () => randomToken(HEX, 64),
    revokeUrl: 'https://openrouter.ai/settings/keys',
  }),
  prefixed({
    id: 'groq-api-key',
    provider: 'Groq',
    description: 'Groq API key',
    prefix: 'gsk_',
    body: '[A-Za-z0-9]{48,56}',
    bodyMax: 56,
    make: () => randomToken(ALNUM, 52),
    revokeUrl: 'https://console.groq.com/keys',
  }),
  prefixed({
    id: 'replicate-api-token',
    provider: 'Replicate',
    description: 'Replicate API token',
    prefix: 'r8_',
    // Issued with 37 after the prefix; Kingfisher reads on past them (its own example has 45), as here to 48.
    body: '[A-Za-z0-9]{37,48}',
    bodyMax: 48,
    make: () => randomToken(ALNUM, 37),
    revokeUrl: 'https://replicate.com/account/api-tokens',
  }),
  prefixed({
    id: 'perplexity-api-key',
    provider: 'Perplexity',
    description: 'Perplexity API key',
    prefix: 'pplx-',
    body: '[A-Za-z0-9]{40,56}',
    bodyMax: 56,
    make: () => randomToken(ALNUM, 48),
    revokeUrl: 'https://www.perplexity.ai/settings/api',
  }),
  prefixed({
    id: 'xai-api-key',
    provider: 'xAI',
    description: 'xAI (Grok) API key',
    prefix: 'xai-',
    body: '[A-Za-z0-9_]{70,90}',
    bodyMax: 90,
    // xAI issues one format, `xai-` and 80 characters: a 41-character body is a look-alike.
    exactShape: true,
    make: () => randomToken(ALNUM, 80),
    revokeUrl: 'https://console.x.ai',
  }),
  prefixed({
    id: 'nvidia-api-key',
    provider: 'NVIDIA',
    description: 'NVIDIA NGC / build.nvidia.com API key',
    prefix: 'nvapi-',
    body: '[A-Za-z0-9_-]{56,72}',
    bodyMax: 72,
    make: () => randomToken(ALNUM, 64),
    revokeUrl: 'https://org.ngc.nvidia.com/setup/api-keys',
  }),
  tokenRule({
    id: 'nvidia-ngc-legacy-key',
    provider: 'NVIDIA',
    description: 'NVIDIA NGC API key (legacy, base64 of `<26>:<key>`)',
    risk: spend('NVIDIA NGC'),
    // The decoded structure is the proof, as a checksum is: an error, like the other self-identifying keys.
    severity: 'error',
    keywords: ['ngc'],
    // 84 base64 characters that decode to 26 letters and digits, `:` and a 36-character key (a UUID in
    // NGC's keys): the decoded structure, not the word, says what the value is; the word only finds it.
    pattern: new RegExp(near(anyCase('ngc'), '[A-Za-z0-9+/]{84}', '(?![A-Za-z0-9+/=])')),
    maxLength: 140,
    minEntropy: 4,
    validate: (t) => NGC_DECODED.test(Buffer.from(t, 'base64').toString('latin1')),
    revokeUrl: 'https://org.ngc.nvidia.com/setup/api-keys',
    sample: () =>
      Buffer.from(
        `${randomToken(LOWER_ALNUM, 26)}:${randomToken(HEX, 8)}-${randomToken(HEX, 4)}-${randomToken(HEX, 4)}-${randomToken(HEX, 4)}-${randomToken(HEX, 12)}`,
      ).toString('base64'),
    lines: (k) => [`NGC_API_KEY=${k}`, `ngc token: '${k}'`, `export NGC_CLI_API_KEY="${k}"`],
    negatives: [
      // 84 base64 characters that decode to bytes without that structure.
      `NGC_API_KEY=${'QUJD'.repeat(21)}`,
      'NGC_API_KEY=<your NGC API key>',
    ],
  }),
  prefixed({
    id: 'elevenlabs-api-key',
    provider: 'ElevenLabs',
    description: 'ElevenLabs API key',
    prefix: 'sk_',
    body: '[a-f0-9]{48}',
    bodyMax: 48,
    make: () => randomToken(HEX, 48),
    revokeUrl: 'https://elevenlabs.io/app/settings/api-keys',
  }),
  prefixed({
    id: 'tavily-api-key',
    provider: 'Tavily',
    description: 'Tavily search API key',
    prefix: 'tvly-',
    body: '(?:dev-|prod-)?[A-Za-z0-9]{32}',
    bodyMax: 37,
    make: () => `dev-${randomToken(ALNUM, 32)}`,
    revokeUrl: 'https://app.tavily.com',
  }),
  prefixed({
    id: 'pinecone-api-key',
    provider: 'Pinecone',
    description: 'Pinecone API key',
    prefix: 'pcsk_',
    body: '[A-Za-z0-9]{4,8}_[A-Za-z0-9]{56,70}',
    bodyMax: 79,
    make: () => `${randomToken(ALNUM, 6)}_${randomToken(ALNUM, 63)}`,
    revokeUrl: 'https://app.pinecone.io',
    risk: 'anyone with this file can read, overwrite and delete your Pinecone vector indexes',
  }),
  tokenRule({
    id: 'langsmith-api-key',
    provider: 'LangSmith',
    description: 'LangSmith API key (personal access token or service key)',
    risk: 'anyone with this file can read your LangSmith traces: prompts, completions and tool calls',
    keywords: ['lsv2_pt_', 'lsv2_sk_'],
    // Both parts are hex (a UUID without its dashes, then ten more), as LangSmith issues them and the
    // peers read them: another letter in either is a typed near miss, which name rules leave too.
    pattern: new RegExp(`${START_TOKEN}lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10}${END_ALNUM}`),
    maxLength: 51,
    minEntropy: 3,
    exactShape: true,
    revokeUrl: 'https://smith.langchain.com/settings',
    sample: () => `lsv2_pt_${randomToken(HEX, 32)}_${randomToken(HEX, 10)}`,
    negatives: ['LANGCHAIN_API_KEY=lsv2_pt_...', 'lsv2_xx_0123456789abcdef0123456789abcdef_0123456789'],
  }),
  tokenRule({
    id: 'wandb-api-key',
    provider: 'Weights & Biases',
    description: 'Weights & Biases API key',
    risk: 'anyone with this file can read and write your W&B runs, artifacts and models',
    keywords: ['wandb_v1_'],
    pattern: new RegExp(`${START_TOKEN}wandb_v1_[A-Za-z0-9]{27}_[A-Za-z0-9]{49}${END_ALNUM}`),
    maxLength: 86,
    minEntropy: 3.5,
    revokeUrl: 'https://wandb.ai/authorize',
    sample: () => `wandb_v1_${randomToken(ALNUM, 27)}_${randomToken(ALNUM, 49)}`,
    negatives: ['WANDB_API_KEY=wandb_v1_...', 'wandb_v1_compat_layer = None'],
  }),
  keyed({
    id: 'wandb-legacy-api-key',
    provider: 'Weights & Biases',
    description: 'Weights & Biases API key (40 hex digits)',
    risk: 'anyone with this file can read and write your W&B runs, artifacts and models',
    words: ['wandb'],
    // Keys issued before `wandb_v1_` are 40 lower-case hex digits, `local-` before them on a self-hosted
    // server; `WANDB_API_KEY` holds no other shape (the new keys are wandb-api-key's), so a value of
    // another length under that name is a near miss the generic rule leaves alone.
    value: '(?:local-)?[a-f0-9]{40}',
    valueMax: 46,
    exactShape: true,
    make: () => randomToken(HEX, 40),
    revokeUrl: 'https://wandb.ai/authorize',
    negatives: [
      'WANDB_API_KEY=0123456789abcdef0123456789abcdef01',
      'wandb_run_id = "0123456789abcdef0123456789abcdef01234567"',
    ],
  }),
  tokenRule({
    id: 'deepseek-api-key',
    provider: 'DeepSeek',
    description: 'DeepSeek API key',
    risk: spend('DeepSeek'),
    severity: 'warning',
    // `sk-` + 32 hex is shared with other providers (DashScope…): the word "deepseek" must be near.
    keywords: ['deepseek'],
    pattern: new RegExp(near(anyCase('deepseek'), 'sk-[a-f0-9]{32}', END_ALNUM)),
    maxLength: 96,
    minEntropy: 3,
    revokeUrl: 'https://platform.deepseek.com/api_keys',
    sample: () => `sk-${randomToken(HEX, 32)}`,
    lines: (s) => [
      `DEEPSEEK_API_KEY=${s}`,
      `{"deepseek": {"api_key": "${s}"}}`,
      `client = DeepSeek(api_key="${s}")`,
    ],
    negatives: [
      'DEEPSEEK_API_KEY=sk-your-deepseek-key',
      'deepseek model card, see sk-learn docs',
      'DEEPSEEK_API_KEY=sk-0000000000000000000000000000000',
    ],
  }),
  contextual(
    'cohere-api-key',
    'Cohere',
    'Cohere API key',
    ['cohere', 'co_api_key'],
    '[A-Za-z0-9]{40}',
    () => randomToken(ALNUM, 40),
    'https://dashboard.cohere.com/api-keys',
    40,
  ),
  contextual(
    'mistral-api-key',
    'Mistral AI',
    'Mistral AI API key',
    ['mistral'],
    '[A-Za-z0-9]{32}',
    () => randomToken(ALNUM, 32),
    'https://console.mistral.ai/api-keys',
    32,
  ),
  contextual(
    'together-api-key',
    'Together AI',
    'Together AI API key',
    ['together'],
    '(?:tgp_v1_[A-Za-z0-9_-]{40,50}|[a-f0-9]{64})',
    () => randomToken(HEX, 64),
    'https://api.together.ai/settings/api-keys',
    64,
  ),
  contextual(
    'fireworks-api-key',
    'Fireworks AI',
    'Fireworks AI API key',
    ['fireworks'],
    'fw_[A-Za-z0-9]{20,40}',
    () => `fw_${randomToken(ALNUM, 24)}`,
    'https://fireworks.ai/account/api-keys',
    43,
  ),
  contextual(
    'assemblyai-api-key',
    'AssemblyAI',
    'AssemblyAI API key',
    ['assemblyai', 'assembly_ai'],
    '[a-f0-9]{32}',
    () => randomToken(HEX, 32),
    'https://www.assemblyai.com/app/account',
    32,
  ),
  contextual(
    'siliconflow-api-key',
    'SiliconFlow',
    'SiliconFlow API key',
    ['siliconflow'],
    'sk-[a-z0-9]{48}',
    () => `sk-${randomToken(LOWER_ALNUM, 48)}`,
    'https://cloud.siliconflow.cn/account/ak',
    51,
  ),
];
