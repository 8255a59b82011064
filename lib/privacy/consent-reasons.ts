/** The rejection reason of a membership set aside because its holder withdrew consent to verification. */
export const CONSENT_WITHDRAWN_REASON = "consentWithdrawn";
