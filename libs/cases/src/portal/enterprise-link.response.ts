import type { EnterpriseLinkEntity } from '@unblock/database';
import { toString as qrCode } from 'qrcode';

export class EnterpriseLinkResponse {
  id!: string;
  enterpriseId!: string;
  createdAt!: string;
  expiresAt!: string;
  /** Null while the link works (until it expires). */
  revokedAt!: string | null;
}

/** A new link: the only answer that holds its token, in its URL and QR code. */
export class EnterpriseLinkCreatedResponse extends EnterpriseLinkResponse {
  /** The enterprise's page, holding the token: `https://…/e/<token>`. */
  url!: string;
  /** The URL as a QR code, an SVG document. */
  qrSvg!: string;
}

export function toEnterpriseLinkResponse(link: EnterpriseLinkEntity): EnterpriseLinkResponse {
  return {
    id: link.id,
    enterpriseId: link.enterpriseId,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
  };
}

export async function toEnterpriseLinkCreatedResponse(
  link: EnterpriseLinkEntity,
  url: string,
): Promise<EnterpriseLinkCreatedResponse> {
  const qrSvg = await qrCode(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { ...toEnterpriseLinkResponse(link), url, qrSvg };
}
