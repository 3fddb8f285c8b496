import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@unblock/config';
import { OrganizationEntity, WebhookDeliveryEntity } from '@unblock/database';
import {
  HostResolver,
  bareHost,
  checkWebhookDestination,
  webhookAddressRefusal,
} from '@unblock/domain/webhook-destination';
import type { HandlerResult } from '@unblock/queue';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { postPinned } from './webhook-post';

const TIMEOUT_MS = 10_000;

export const SIGNATURE_HEADER = 'x-unblock-signature';

/** The signature of a delivery: HMAC-SHA256 over `<timestamp>.<body>` with the organization's secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * POSTs one delivery to its organization's webhook, signed, with its idempotency key. A 2xx marks it
 * delivered and it is never sent again; anything else throws, and BullMQ retries with backoff. Receivers
 * should still drop a repeated `X-Unblock-Idempotency-Key`: a crash between their 2xx and our commit is the
 * one way a delivery can reach them twice.
 *
 * Each attempt resolves the URL's host, checks every address (no loopback, private, link-local, metadata or
 * other non-public address unless the operator allows it) and connects to the checked address; a refused
 * destination fails the delivery at once, with the reason. Redirects are not followed.
 */
@Injectable()
export class WebhookSender {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly resolver: HostResolver,
  ) {}

  async deliver(deliveryId: string, finalAttempt: boolean): Promise<HandlerResult> {
    const repository = this.dataSource.getRepository(WebhookDeliveryEntity);
    const delivery = await repository.findOneBy({ id: deliveryId });
    if (!delivery) return { skipped: 'delivery not found' };
    if (delivery.status !== 'pending') return { skipped: `delivery ${delivery.status}` };
    const organization = await this.dataSource
      .getRepository(OrganizationEntity)
      .findOneBy({ id: delivery.organizationId });
    if (!organization?.webhookUrl) {
      await repository.update(
        { id: deliveryId, status: 'pending' },
        { status: 'failed', lastError: 'no webhook configured' },
      );
      return { skipped: 'no webhook configured' };
    }
    const url = new URL(organization.webhookUrl);
    const destination = await checkWebhookDestination(url, this.config.webhooks, this.resolver);
    if (!destination.ok) {
      const refused = `refused: ${destination.reason}`;
      await repository.update({ id: deliveryId, status: 'pending' }, { status: 'failed', lastError: refused });
      return { done: `webhook ${delivery.idempotencyKey} ${refused}` };
    }
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    await repository.increment({ id: deliveryId }, 'attempts', 1);
    let error: string;
    try {
      const answer = await postPinned(
        url,
        destination.addresses[0] ?? { address: url.hostname, family: 4 },
        {
          'content-type': 'application/json',
          'x-unblock-event': delivery.event,
          'x-unblock-idempotency-key': delivery.idempotencyKey,
          'x-unblock-timestamp': String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(organization.webhookSecret ?? '', timestamp, body),
        },
        body,
        TIMEOUT_MS,
      );
      if (answer.status >= 200 && answer.status < 300) {
        await repository.update(
          { id: deliveryId, status: 'pending' },
          { status: 'delivered', deliveredAt: new Date() },
        );
        return { done: `delivered (${answer.status})` };
      }
      error =
        answer.status >= 300 && answer.status < 400
          ? redirectError(answer.status, answer.headers.location, url)
          : `answered ${answer.status}`;
    } catch (caught: unknown) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    await repository.update(
      { id: deliveryId, status: 'pending' },
      finalAttempt ? { status: 'failed', lastError: error } : { lastError: error },
    );
    throw new Error(`webhook ${delivery.idempotencyKey}: ${error}`);
  }
}

/** A redirect's answer as recorded on the delivery: where it pointed, and why that is not followed. */
function redirectError(status: number, location: string | undefined, from: URL): string {
  if (location === undefined) return `answered ${status} (a redirect without a location; redirects are not followed)`;
  let target: URL | undefined;
  try {
    target = new URL(location, from);
  } catch {
    target = undefined;
  }
  const refusal = target === undefined ? undefined : webhookAddressRefusal(bareHost(target.hostname));
  const why = refusal !== undefined && !refusal.endsWith('is not an IP address') ? `, ${refusal}` : '';
  return `answered ${status}: a redirect to ${target?.href ?? location}${why}; redirects are not followed`;
}
