import { findPrintedStructs } from './printedStructs';
import { findClientArguments } from './clientArguments';
import { findReturnedLiterals } from './returnedLiterals';
import { findCredentialRows } from './credentialRows';
import { findDeclaredLiterals } from './declaredLiterals';
import { findLoginPairs } from './loginPairs';
import { findChangedValues } from './changedValues';
import { decodedViewDetector } from './decodedViews';
import { encodedSecretDetector } from './encodedSecrets';
import { kubernetesDetector } from './kubernetes';
import { lookAlikeDetector } from './lookAlikes';
import { findAuthHeaders } from './authHeaders';
import { findAwsPairs } from './awsPairs';
import { findCookies } from './cookies';
import { findCommandFlags } from './commandFlags';
import { findCredentialCompanions } from './credentialCompanions';
import { findAnsweredQuestions } from './answeredQuestions';
import { findCredentialArguments, findDirectivePasswords, findSqlPasswords } from './credentialCalls';
import { findJdbcUrls } from './jdbcUrls';
import { findKeyMaterial } from './keyMaterial';
import { findSqlInserts } from './sqlInserts';
import { findTableColumns } from './tableColumns';
import { findLabelledTokens } from './labelledTokens';
import { findBase64Tokens } from './base64Tokens';
import { findLabelledLines } from './labelledLines';
import { findNamedLiterals } from './namedLiterals';
import { findForeignNames } from './foreignNames';
import { findNestedValues } from './nestedValues';
import { findProviderFormats } from './providerFormats';
import { findProviderShapes } from './providerShapes';
import { findUrlCredentials } from './urlCredentials';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { wrappedPemDetector } from './wrappedPem';
import { findBareLongTokens, findWordedTokens } from './wordedTokens';
import { findGeneratedLiterals } from './generatedLiterals';
import { findAppRoleIds } from './appRoleIds';
import { findQuotedLabels } from './quotedLabels';
import { findProsePasswords } from './prosePasswords';
import { findHclVariables } from './hclVariables';
import { findCapabilityPaths, findHookPaths, findSlackHookPaths, findWebhookUrls } from './webhookUrls';
import { findServiceParts } from './serviceParts';
import { findServiceLookAlikes } from './serviceLookAlikes';
import { findKeywordLinePasswords, findNetrcPasswords, findPgpassLines, findPppSecrets } from './passFiles';
import { findFormatArguments } from './formatArguments';
import { findToolPasswords } from './toolPasswords';
import { findTupleAssignments } from './tupleAssignments';
import { findTrailingJoints } from './trailingJoints';
import { findStatedPasswords } from './statedPasswords';
import { findSecretSections } from './secretSections';
import { findRecoveryCodes } from './recoveryCodes';
import { findCredentialPairs } from './credentialPairs';
import { findPrefixedTokens } from './prefixedTokens';
import { findValuesAfterCredentialWords } from './credentialWordValues';
import { findKeyedLiterals } from './keyedLiterals';
import { findPositionalCredentials } from './positionalCredentials';
import { findKeyBytes } from './keyBytes';
import { findConfigDefaults } from './configDefaults';
import { findChatCredentials } from './chatCredentials';
import { joinedVariablesDetector } from './joinedVariableSpans';
import { hexDumpDetector } from './hexDumps';
import { findKeylessFiles } from './keylessFiles';
import { findAuthBlocks } from './authBlocks';
import { findCommentLabels } from './commentLabels';
import { findEchoedValues } from './echoedValues';
import { findWrappedLiterals } from './wrappedLiterals';

/** Every detector of the redact tier, in no particular order: overlaps are resolved by the redactor. */
export const RECALL_DETECTORS: readonly RecallDetector[] = [
  // Reads the text decoded (escapes, joins, zero-width, smart quotes) and runs the others on it too.
  decodedViewDetector(() => RECALL_DETECTORS),
  // Decodes a pasted hex dump's bytes and runs the others on them (a dump's bytes hold a dump a quarter its size).
  hexDumpDetector(() => RECALL_DETECTORS),
  // Reads a join of names that hold literals (`part1 + part2`, `${head}${tail}`) as the value it builds.
  joinedVariablesDetector(() => RECALL_DETECTORS),
  wrappedPemDetector,
  kubernetesDetector,
  encodedSecretDetector,
  lookAlikeDetector,
  findTrailingJoints,
  findProviderShapes,
  findProviderFormats,
  findNamedLiterals,
  findForeignNames,
  findNestedValues,
  findCredentialArguments,
  findAnsweredQuestions,
  findSqlPasswords,
  findSqlInserts,
  findTableColumns,
  findDirectivePasswords,
  findCommandFlags,
  findAuthHeaders,
  findAwsPairs,
  findCookies,
  findUrlCredentials,
  findJdbcUrls,
  findKeyMaterial,
  findLabelledTokens,
  findBase64Tokens,
  findLabelledLines,
  findWordedTokens,
  findBareLongTokens,
  findGeneratedLiterals,
  findWebhookUrls,
  findHookPaths,
  findSlackHookPaths,
  findCapabilityPaths,
  findQuotedLabels,
  findProsePasswords,
  findStatedPasswords,
  findSecretSections,
  findRecoveryCodes,
  findCredentialPairs,
  findHclVariables,
  findAppRoleIds,
  findServiceParts,
  findServiceLookAlikes,
  findCredentialCompanions,
  findPgpassLines,
  findNetrcPasswords,
  findPppSecrets,
  findKeywordLinePasswords,
  findToolPasswords,
  findTupleAssignments,
  findFormatArguments,
  findPrefixedTokens,
  findValuesAfterCredentialWords,
  findKeyedLiterals,
  findPositionalCredentials,
  findKeyBytes,
  findConfigDefaults,
  findChatCredentials,
  findKeylessFiles,
  findAuthBlocks,
  findCommentLabels,
  findEchoedValues,
  findWrappedLiterals,
  findChangedValues,
  findLoginPairs,
  findPrintedStructs,
  findClientArguments,
  findDeclaredLiterals,
  findReturnedLiterals,
  findCredentialRows,
];

/** The redact tier's spans in `text`, sorted by start, then longest first. They may overlap. */
export function findRecallSpans(
  text: string,
  detectors: readonly RecallDetector[] = RECALL_DETECTORS,
): RecallSpan[] {
  const out: RecallSpan[] = [];
  for (const detect of detectors) {
    detect(text, out);
  }
  return out
    .filter((s) => s.end > s.start && s.start >= 0 && s.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
}
