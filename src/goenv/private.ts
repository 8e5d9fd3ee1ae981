/**
 * GOPRIVATE and the settings that default to it: which modules skip the proxy, skip the checksum
 * database, or may be fetched insecurely.
 */
import { matchPrefixPatterns } from './patterns.ts';

export interface PrivacySettings {
  GOPRIVATE?: string;
  GONOPROXY?: string;
  GONOSUMDB?: string;
  GOINSECURE?: string;
}

/** The pattern lists the go command actually uses after applying defaults. */
export interface EffectivePrivacySettings {
  GOPRIVATE: string;
  /** GONOPROXY, or GOPRIVATE when GONOPROXY is unset or empty. */
  GONOPROXY: string;
  /** GONOSUMDB, or GOPRIVATE when GONOSUMDB is unset or empty. */
  GONOSUMDB: string;
  GOINSECURE: string;
}

/**
 * Applies the go command's defaults. A variable that is set but empty counts as unset, so
 * `GOPRIVATE=a.com GONOPROXY=` still bypasses the proxy for a.com; to cancel GOPRIVATE for one
 * purpose, set a pattern that matches nothing, such as `none`.
 */
export function effectivePrivacySettings(settings: PrivacySettings): EffectivePrivacySettings {
  const goprivate = settings.GOPRIVATE ?? '';
  const orPrivate = (value: string | undefined) => (value === undefined || value === '' ? goprivate : value);
  return {
    GOPRIVATE: goprivate,
    GONOPROXY: orPrivate(settings.GONOPROXY),
    GONOSUMDB: orPrivate(settings.GONOSUMDB),
    GOINSECURE: settings.GOINSECURE ?? '',
  };
}

export interface ModulePrivacy {
  /** Matches GOPRIVATE: 'private' for GOVCS. */
  private: boolean;
  /** Fetched directly from its VCS, never through GOPROXY. */
  noProxy: boolean;
  /** Not checked against the checksum database. */
  noSumDb: boolean;
  /** May use plain HTTP / unverified TLS for direct fetches (never for GOPROXY URLs). */
  insecure: boolean;
}

/** How the go command treats `modulePath` under these settings. */
export function resolvePrivacy(settings: PrivacySettings, modulePath: string): ModulePrivacy {
  const effective = effectivePrivacySettings(settings);
  return {
    private: matchPrefixPatterns(effective.GOPRIVATE, modulePath),
    noProxy: matchPrefixPatterns(effective.GONOPROXY, modulePath),
    noSumDb: matchPrefixPatterns(effective.GONOSUMDB, modulePath),
    insecure: matchPrefixPatterns(effective.GOINSECURE, modulePath),
  };
}
