import { Injectable } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { RefreshTokenEntity } from '@unblock/database';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Parses `<id>.<secret>`; null when it is not of that shape. */
export function parseRefreshToken(raw: string): { id: string; secret: string } | null {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/u.exec(raw);
  return match ? { id: match[1] ?? '', secret: match[2] ?? '' } : null;
}

/** Issues opaque refresh tokens (`<id>.<secret>`) and keeps only the secret's SHA-256. */
@Injectable()
export class RefreshTokens {
  constructor(private readonly config: AppConfig) {}

  async issue(manager: EntityManager, userId: string, familyId: string = randomUUID()): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const row = manager.create(RefreshTokenEntity, {
      userId,
      familyId,
      tokenHash: hashSecret(secret),
      expiresAt: new Date(Date.now() + this.config.jwt.refreshTtlSeconds * 1000),
      usedAt: null,
      revokedAt: null,
    });
    const saved = await manager.save(row);
    return `${saved.id}.${secret}`;
  }
}
