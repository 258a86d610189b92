import type { ProfileState } from '../protocol/webview';

/** Which welcome the empty chat shows. */
export type WelcomeMode = 'dry-run' | 'ready' | 'checking';

/** Answers are dry runs when the profile is the dry-run one or its required key is missing. */
export function welcomeMode(state: ProfileState | undefined): WelcomeMode {
  if (!state || state.key === 'unknown') {
    return state?.dryRunProfile ? 'dry-run' : 'checking';
  }
  return state.dryRunProfile || state.key === 'missing' ? 'dry-run' : 'ready';
}

/** The header badge: the profile and where its key comes from, in words. */
export function badgeText(state: ProfileState | undefined): string {
  if (!state) {
    return 'Profile: …';
  }
  const key = state.dryRunProfile
    ? 'dry run'
    : {
        set: 'key set',
        env: 'environment key',
        missing: 'no key: dry run',
        'not-needed': 'no key needed',
        unknown: 'checking key…',
      }[state.key];
  return `${state.profile} · ${key}`;
}

/** The badge's tooltip: what the state means for the next request. */
export function badgeTitle(state: ProfileState | undefined): string {
  switch (welcomeMode(state)) {
    case 'dry-run':
      return 'Nothing is sent: each answer is the exact request that would go out. Set an API key or switch profile to get answers.';
    case 'ready':
      return `Requests go to profile '${state?.profile ?? ''}', with secrets replaced by placeholders first.`;
    default:
      return 'Reading the key state.';
  }
}

/** What gets redacted, for the welcome's disclosure (kept short; the README has the detail). */
export const REDACTION_EXPLAINED: readonly string[] = [
  'Files that must never be sent (.env*, *.pem, *.key, id_rsa*, credentials…) are left out, and the turn says which.',
  'Every secret the detection rules find (API keys, tokens, private keys, passwords in URLs and configs…) becomes a placeholder such as ‹secret:github-pat#1›, numbered per kind in order of first sight in the conversation.',
  'The key in use and the values of the workspace’s .env files are replaced too, and the final payload is checked once more: if one is still there, nothing is sent.',
  'Placeholders stay placeholders in the chat; Insert, Apply and Copy put the values back locally.',
  '“Sent” under each question shows the exact payload; Preview Outgoing Request shows it before sending.',
];
