import { DomainError } from '@unblock/domain';

/** An organization's webhook needs a secret to sign with: given with its URL, or kept from before. */
export function checkWebhook(url: string | null | undefined, secret: string | undefined, hadSecret: boolean): void {
  if (url !== undefined && url !== null && secret === undefined && !hadSecret) {
    throw DomainError.invalid('webhookSecret', 'is required with a webhookUrl');
  }
}
