import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganizationEntity, WebhookDeliveryEntity } from '@unblock/database';
import type { HandlerResult } from '@unblock/queue';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';

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
 */
@Injectable()
export class WebhookSender {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    await repository.increment({ id: deliveryId }, 'attempts', 1);
    let error: string;
    try {
      const response = await fetch(organization.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-unblock-event': delivery.event,
          'x-unblock-idempotency-key': delivery.idempotencyKey,
          'x-unblock-timestamp': String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(organization.webhookSecret ?? '', timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) {
        await repository.update(
          { id: deliveryId, status: 'pending' },
          { status: 'delivered', deliveredAt: new Date() },
        );
        return { done: `delivered (${response.status})` };
      }
      error = `answered ${response.status}`;
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
