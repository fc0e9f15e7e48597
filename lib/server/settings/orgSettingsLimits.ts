/** The bounds of the org's token lifetimes, in seconds: shared by the settings form and its use case. */
export const ORG_SETTINGS_LIMITS = {
  accessTokenTtlSec: { min: 60, max: 24 * 3600 },
  refreshTokenTtlSec: { min: 3600, max: 90 * 24 * 3600 },
} as const;
