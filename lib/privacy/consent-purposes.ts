// Consent is per purpose (Law 91/2025/QH15 on personal data protection: consent is explicit, specific
// to a purpose, never inferred from silence or a pre-ticked box, and may be withdrawn at any time;
// Decree 356/2025). What a purpose covers is the text the person agreed to: register.consent for
// verification, privacy.consentText.<purpose> for the others; a changed text is a new version.
//
// What is NOT consent-based, and so not listed here: the phone number and one-time codes needed to
// sign in (the service the person asked for), and the records the commune must keep by law.

import { REGISTRATION_CONSENT_VERSION } from "@/lib/people/schemas";

/**
 * Checking a registration against the commune's household list (name, birth year, village). Stored
 * as "registration": it is the consent given on the registration form, whose text says exactly this.
 */
export const VERIFICATION = "registration";
/** Text messages about the person's own opinions and votes, beyond sign-in codes. */
export const SMS_CONTACT = "sms-contact";
/** A digest by email of new consultations in the commune. */
export const EMAIL_DIGEST = "email-digest";

export const CONSENT_PURPOSES = [VERIFICATION, SMS_CONTACT, EMAIL_DIGEST] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** The version of each purpose's text; raise it when the text in the catalogues changes. */
export const CONSENT_TEXT_VERSION: Record<ConsentPurpose, string> = {
  [VERIFICATION]: REGISTRATION_CONSENT_VERSION,
  [SMS_CONTACT]: "sms-contact-2026-12",
  [EMAIL_DIGEST]: "email-digest-2026-12",
};
