import { findAnsweredQuestions } from './answeredQuestions';
import { assertHidden, assertUntouched, draw } from './spanCases';

const hides = (text: string, value: string): void => assertHidden(findAnsweredQuestions, text, [value]);
const leaves = (text: string): void => assertUntouched(findAnsweredQuestions, text);

describe('redact tier: a credential given as the answer to a question (answeredQuestions.ts)', () => {
  it('hides the answer a chat, a ticket or a mail gives to a question about a credential', () => {
    const v = draw(16);
    hides(
      `[10:41] bob: anyone know the staging rabbit password?\n[10:42] alice: try ${v}\n[10:42] bob: thanks!`,
      v,
    );
    hides(`[12:01] rob: what's the pw for the shared figma?\n[12:03] sue: ${v}\n[12:03] sue: (rotate it)`, v);
    hides(`> > What's the password for the zip file?\n> It's ${v}\nGot it, thanks`, v);
    hides(`Beth Gray (09:48): can someone share the SP secret for dev?\nBeth Gray (09:50): ${v}`, v);
    hides(
      `{quote}Can you send me the keystore password?{quote}\nSure - it's ${v}. Don't paste it anywhere.`,
      v,
    );
    hides(
      "[09:13] uri: can you DM me the vpn psk\n[09:14] val: sent\n[09:14] val: it's amberwheel42, rotate",
      'amberwheel42',
    );
  });

  it('leaves answers that give no value, and lines that ask nothing', () => {
    leaves(
      '[10:41] bob: anyone know the staging rabbit password?\n[10:42] alice: thanks!\n[10:43] bob: nevermind',
    );
    leaves('what is the api key format?\nIt is documented in the README.\nthanks, that helps');
    leaves('The password is stored in Vault.\nabcdef12345 is the commit.');
    leaves('Q: where do I put the token?\nA: in the .env file, never in code');
  });
});
