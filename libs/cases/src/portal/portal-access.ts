/** Who acts on an enterprise's own page: one enterprise, through one link. */
export interface PortalAccess {
  readonly linkId: string;
  readonly enterpriseId: string;
}

/**
 * The seam of the enterprise's access: a secret it presents, answered with the access it gives, or a 401
 * (`unauthenticated`) when it gives none. Today the secret is an enterprise link's token
 * (`EnterpriseLinkAuthenticator`); a later SMS one-time code is another implementation of this class.
 */
export abstract class PortalAuthenticator {
  abstract authenticate(secret: string): Promise<PortalAccess>;
}
