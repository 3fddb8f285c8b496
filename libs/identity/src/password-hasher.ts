import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/**
 * argon2id with a configuration of OWASP's Password Storage Cheat Sheet ("Argon2id": "m=19456 (19 MiB),
 * t=2, p=1", the second of its five equivalent rows): 19 MiB of memory, 2 passes, 1 lane.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  /** Verified against when the account does not exist, so both paths take the same time. */
  private readonly decoy: Promise<string> = argon2.hash('decoy-password-for-unknown-accounts', OPTIONS);

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      if (hash === null) {
        await argon2.verify(await this.decoy, password);
        return false;
      }
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** True when a stored hash was made with other parameters (or another variant) than today's. */
  needsRehash(hash: string): boolean {
    try {
      return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, OPTIONS);
    } catch {
      return true;
    }
  }
}
