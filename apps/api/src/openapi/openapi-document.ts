import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** The OpenAPI document of the API: served at /api/docs and the source of the web console's typed client. */
export function describeApi(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Unblock API')
      .setDescription('A case desk for resolving the financing bottlenecks of manufacturing enterprises.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
