import { findPrintedStructs } from './printedStructs';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, value: string): void => assertHidden(findPrintedStructs, text, [value]);
const leaves = (text: string): void => assertUntouched(findPrintedStructs, text);

describe('redact tier: a Go struct printed with %+v (printedStructs.ts)', () => {
  it('hides the unquoted value of a field whose name holds a credential word', () => {
    hides('{Host:db Password:amberwheel Port:5432}', 'amberwheel');
    hides('panic: &{User:app Password:amberwheel}', 'amberwheel');
    const pw = `tulip-${fake(5)}7`;
    hides(`2024/05/01 config loaded: main.Config{Host:db DBPassword:${pw} Debug:false}`, pw);
    hides('{Name:app APIKey:tulipfield7 Region:eu}', 'tulipfield7');
  });

  it('leaves other fields, empty values, code and C++ scopes', () => {
    leaves('{Host:db Port:5432 User:app}');
    const empty = '';
    leaves(`{Host:db Password:${empty} Port:5432}`);
    leaves('const t={Token:e.token}');
    leaves('std::map{Key::Value}');
  });
});
