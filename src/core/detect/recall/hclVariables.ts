import { credentialKind } from './credentialName';
import { pushLiteral, readQuoted } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';

/**
 * Terraform and HCL variables declared with a default: `variable "db_password" { default = "…" }`. The
 * credential's name is the block's label, a line or more above the value, so no assignment-based detector
 * sees the two together. The default of a block whose label names a credential is hidden as that kind.
 */

/** `variable "<label>" {`, then up to 12 lines of at most 200 characters that open no other block. */
const BLOCK =
  /\bvariable[ \t]{1,8}"([A-Za-z_][\w-]{0,95})"[ \t]{0,8}\{[ \t]*\r?\n((?:[^{}\r\n]{0,200}\r?\n){0,12}?)[ \t]{0,32}default[ \t]{0,16}=[ \t]{0,16}(?=")/g;

export const findHclVariables: RecallDetector = (text, out: RecallSpan[]) => {
  for (const m of text.matchAll(BLOCK)) {
    const kind = credentialKind(m[1]!);
    if (kind !== undefined) {
      pushLiteral(text, readQuoted(text, m.index + m[0].length), kind, false, out);
    }
  }
};
