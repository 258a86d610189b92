import type { ScanOptions } from '../core/detect/scanner';
import type { DetectionSettings, SeverityOverride } from '../protocol/lsp';

/** Settings before the client has sent any: every rule on, no overrides, no ignores. */
export const defaultDetectionSettings: DetectionSettings = {
  disabledRules: [],
  severityOverrides: {},
  ignorePaths: [],
};

const SEVERITIES: readonly SeverityOverride[] = ['error', 'warning', 'info'];

/**
 * Reads `secureGpt.detection` out of whatever a client sent (`initializationOptions.settings` or
 * `didChangeConfiguration`'s `settings.secureGpt`). Any client may send anything: wrong types are dropped
 * field by field rather than rejecting the whole object.
 */
export function parseDetectionSettings(section: unknown): DetectionSettings {
  const detection = isRecord(section) ? section['detection'] : undefined;
  if (!isRecord(detection)) {
    return defaultDetectionSettings;
  }
  const overrides: Record<string, SeverityOverride> = {};
  const rawOverrides = detection['severityOverrides'];
  if (isRecord(rawOverrides)) {
    for (const [ruleId, value] of Object.entries(rawOverrides)) {
      const severity = SEVERITIES.find((s) => s === value);
      if (severity) {
        overrides[ruleId] = severity;
      }
    }
  }
  return {
    disabledRules: stringArray(detection['disabledRules']),
    severityOverrides: overrides,
    ignorePaths: stringArray(detection['ignorePaths']),
  };
}

/** The engine options these settings and the workspace allowlist imply. Severity overrides apply later, per diagnostic. */
export function scanOptionsFor(settings: DetectionSettings, allowlist: ReadonlySet<string>): ScanOptions {
  return { disabled: new Set(settings.disabledRules), allowlist };
}

/** Whether a key holds a record, narrowing `unknown` without a cast per field. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    : [];
}
