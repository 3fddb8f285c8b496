import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { exportLanguage } from '@unblock/http';
import type { Bulletin } from '@unblock/reports';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, concatMap } from 'rxjs';
import { BULLETIN_WORDS } from '../exports/bulletin-export';
import { PDF_TYPE, bulletinPdf } from '../exports/bulletin-pdf';

/** Answers a bulletin as a PDF to `Accept: application/pdf`, in the reader's language. */
@Injectable()
export class BulletinPdfInterceptor implements NestInterceptor {
  constructor(private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!(request.headers.accept ?? '').includes(PDF_TYPE)) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const language = exportLanguage(request.headers['accept-language']);
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        const bulletin = body as Bulletin;
        const pdf = await bulletinPdf(bulletin, language, this.config.pdfFont);
        const words = BULLETIN_WORDS[language];
        void reply
          .header('content-type', PDF_TYPE)
          .header('vary', 'Accept, Accept-Language')
          .header(
            'content-disposition',
            contentDisposition(`${words.file}-${bulletin.content.regionName}-${bulletin.day}.pdf`),
          );
        return pdf;
      }),
    );
  }
}
