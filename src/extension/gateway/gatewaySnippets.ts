// No `vscode` import: the snippet text is built here and unit-tested in plain Node. The shapes are the README's
// client sections ("`secure-gpt proxy`: one gateway for every AI tool"); change both together.

/** The clients the "Copy config" pick offers a snippet for. */
export type SnippetClient = 'continue' | 'cline' | 'aider' | 'env';

/** What a snippet points the client at: the running gateway, never the upstream. */
export interface GatewayAddress {
  /** `http://127.0.0.1:PORT/v1`, as the gateway printed it. */
  readonly url: string;
  /** The gateway's per-start client token (the tool's "API key"); never the real key. */
  readonly token: string;
  /** The model name the client should ask for. */
  readonly model: string;
}

/** The quick-pick entries, in the order shown. */
export const SNIPPET_CHOICES: readonly {
  readonly client: SnippetClient;
  readonly label: string;
  readonly detail: string;
}[] = [
  { client: 'continue', label: 'Continue', detail: 'a model entry for ~/.continue/config.yaml' },
  { client: 'cline', label: 'Cline / Roo Code', detail: 'the fields of the "OpenAI Compatible" provider' },
  { client: 'aider', label: 'Aider', detail: 'an aider command line' },
  { client: 'env', label: 'Scripts (openai SDK)', detail: 'OPENAI_BASE_URL and OPENAI_API_KEY exports' },
];

/** The text copied for `client`. Throws when the address is not a loopback gateway, so nothing else is copied. */
export function gatewaySnippet(client: SnippetClient, address: GatewayAddress): string {
  checkAddress(address);
  const { url, token, model } = address;
  switch (client) {
    case 'continue':
      return [
        'models:',
        `  - name: ${yamlString(`${model} via Secure GPT`)}`,
        '    provider: openai',
        `    model: ${yamlString(model)}`,
        `    apiBase: ${yamlString(url)}`,
        `    apiKey: ${yamlString(token)}`,
        '',
      ].join('\n');
    case 'cline':
      return [
        'API Provider: OpenAI Compatible',
        `Base URL: ${url}`,
        `API Key: ${token}`,
        `Model ID: ${model}`,
        '',
      ].join('\n');
    case 'aider':
      return `aider --openai-api-base ${shellWord(url)} --openai-api-key ${shellWord(token)} --model ${shellWord(`openai/${model}`)}\n`;
    case 'env':
      return `export OPENAI_BASE_URL=${shellWord(url)}\nexport OPENAI_API_KEY=${shellWord(token)}\n`;
  }
}

function checkAddress({ url, token, model }: GatewayAddress): void {
  if (!/^http:\/\/127\.0\.0\.1:\d{1,5}\/v1$/.test(url)) {
    throw new Error('the gateway address is not http://127.0.0.1:PORT/v1');
  }
  // Control characters would break a line-based snippet (and could smuggle a second command into a shell line).
  // eslint-disable-next-line no-control-regex
  if (token.length === 0 || /[\s\x00-\x1f\x7f]/.test(token) || /[\x00-\x1f\x7f]/.test(model)) {
    throw new Error('the gateway token or model name holds spaces or control characters');
  }
}

/** A word the shell reads back verbatim: bare when it holds only safe characters, else single-quoted. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9_\-./:=@%+]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A YAML scalar read back verbatim: bare when plain, else a double-quoted (JSON) string, which YAML accepts. */
function yamlString(value: string): string {
  const plain =
    /^[A-Za-z0-9_\-./:@]+(?: [A-Za-z0-9_\-./:@]+)*$/.test(value) &&
    !/^[-:@]|:$|: /.test(value) &&
    // YAML would read these as a boolean, null or a number.
    !/^(?:true|false|yes|no|on|off|null|~|[\d.+-]+)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}
