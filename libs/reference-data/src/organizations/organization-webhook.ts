import { Injectable } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { DomainError } from '@unblock/domain';
import { HostResolver, webhookUrlRefusal } from '@unblock/domain/webhook-destination';

/** An organization's webhook needs a secret to sign with: given with its URL, or kept from before. */
export function checkWebhook(url: string | null | undefined, secret: string | undefined, hadSecret: boolean): void {
  if (url !== undefined && url !== null && secret === undefined && !hadSecret) {
    throw DomainError.invalid('webhookSecret', 'is required with a webhookUrl');
  }
}

/**
 * Refuses a webhook URL that points at a loopback, private, link-local, metadata or other non-public address
 * (its host is one, or resolves only to such), unless the operator allows them. Each delivery checks again.
 */
@Injectable()
export class WebhookUrlCheck {
  constructor(
    private readonly config: AppConfig,
    private readonly resolver: HostResolver,
  ) {}

  async check(url: string | null | undefined): Promise<void> {
    if (url === undefined || url === null) return;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw DomainError.invalid('webhookUrl', 'must be an http or https URL');
    }
    const refusal = await webhookUrlRefusal(parsed, this.config.webhooks, this.resolver);
    if (refusal !== undefined) {
      throw DomainError.invalid('webhookUrl', `must reach a public address: ${refusal}`);
    }
  }
}
