/** How the trust rules read the tokens a visitor brings: verified, or undefined when unsigned, tampered with, expired or meant for another use. */
import type { ConsentClaims, ProfileClaims, RecipientClaims } from './tokenClaims'

export type VisitorTokens = {
  readVisitToken: (token: string | null | undefined) => Promise<RecipientClaims | undefined>
  readConsentCookie: (token: string | undefined) => Promise<ConsentClaims | undefined>
  readProfileCookie: (token: string | undefined) => Promise<ProfileClaims | undefined>
}
