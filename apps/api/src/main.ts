import 'reflect-metadata';
import { AppConfig } from '@unblock/config';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = AppConfig.fromProcessOrExit();
  const app = await createApiApp(config);
  await app.listen(config.http.port, config.http.host);
}

void main();
