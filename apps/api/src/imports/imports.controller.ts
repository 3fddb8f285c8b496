import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { ImportKind } from '@unblock/database';
import { DomainError, type Actor } from '@unblock/domain';
import { CurrentActor, Roles, frameworkProblem } from '@unblock/http';
import { ImportsService, type ImportResponse, type Upload } from '@unblock/imports';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UuidPipe } from '../common/uuid.pipe';
import { ImportQueryDto, NeedsImportQueryDto } from './imports.dto';

/** The media types taken as a raw body (besides multipart/form-data with one `file` part). */
export const RAW_UPLOAD_TYPES = [
  'text/csv',
  'application/csv',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/**
 * Bulk imports: `POST /imports/enterprises` (admins), `POST /imports/visits` (field officers, bank
 * managers), `POST /imports/needs` (admins, supervisors: a 申报清单) and `POST /imports/loan-balances` (bank managers: a 贷款余额报送) take a CSV or an .xlsx workbook, as multipart/form-data (a `file` part) or as the raw body, and
 * answer 202 with the queued import; `GET /imports/:id` reports its progress and rejected rows.
 */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Roles('admin')
  @Post('enterprises')
  @ApiConsumes('multipart/form-data', ...RAW_UPLOAD_TYPES)
  enterprises(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportResponse> {
    return this.upload(actor, 'enterprises', request, reply);
  }

  @Roles('field_officer', 'bank_manager')
  @Post('visits')
  @ApiConsumes('multipart/form-data', ...RAW_UPLOAD_TYPES)
  visits(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportResponse> {
    return this.upload(actor, 'visits', request, reply);
  }

  /**
   * A 申报清单: needs by phone or list, each enterprise by 统一社会信用代码 or 企业名称, the campaign by name
   * in the rows, or for all of them as `campaignId` (a form field before the file, or the query).
   */
  @Roles('admin', 'supervisor')
  @Post('needs')
  @ApiConsumes('multipart/form-data', ...RAW_UPLOAD_TYPES)
  async needs(
    @CurrentActor() actor: Actor,
    @Query() query: NeedsImportQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportResponse> {
    const upload = await uploadOf(request);
    const result = await this.imports.create(actor, 'needs', upload, {
      campaignId: upload.fields.campaignId ?? query.campaignId,
    });
    void reply.status(202).header('location', `/api/v1/imports/${result.id}`);
    return result;
  }

  /** A bank's balance report (贷款余额报送): its balances per enterprise and month, for the uploader's bank. */
  @Roles('bank_manager')
  @Post('loan-balances')
  @ApiConsumes('multipart/form-data', ...RAW_UPLOAD_TYPES)
  loanBalances(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportResponse> {
    return this.upload(actor, 'loan_balances', request, reply);
  }

  @Get(':id')
  get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Query() query: ImportQueryDto,
  ): Promise<ImportResponse> {
    return this.imports.get(actor, id, query.errorsAfterRow);
  }

  /** Runs a failed import again, from its last committed batch. */
  @Roles('admin', 'field_officer', 'bank_manager')
  @Post(':id/retry')
  async retry(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportResponse> {
    const result = await this.imports.retry(actor, id);
    void reply.status(202).header('location', `/api/v1/imports/${id}`);
    return result;
  }

  private async upload(
    actor: Actor,
    kind: ImportKind,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<ImportResponse> {
    const result = await this.imports.create(actor, kind, await uploadOf(request));
    void reply.status(202).header('location', `/api/v1/imports/${result.id}`);
    return result;
  }
}

/** A request body that breaks off (a multipart body cut before its closing boundary): a 400 naming `file`. */
function brokenUpload(error: unknown): Error {
  if (error instanceof DomainError || (error instanceof Error && frameworkProblem(error) !== undefined)) return error;
  return DomainError.invalid('file', `the upload broke off: ${error instanceof Error ? error.message : String(error)}`);
}

async function* bytesOf(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
  try {
    for await (const piece of source) yield piece;
  } catch (error: unknown) {
    throw brokenUpload(error);
  }
}

/** An upload, with the form fields sent before its file part (multipart). */
type UploadWithFields = Upload & { readonly fields: { readonly campaignId?: string } };

/** The value of a plain form field of a multipart part's preceding fields. */
function fieldValue(fields: Record<string, unknown>, name: string): string | undefined {
  const field = fields[name];
  const one = Array.isArray(field) ? (field[0] as unknown) : field;
  if (typeof one !== 'object' || one === null || !('value' in one)) return undefined;
  const value = one.value;
  return typeof value === 'string' ? value : undefined;
}

async function uploadOf(request: FastifyRequest): Promise<UploadWithFields> {
  if (request.isMultipart()) {
    let part: Awaited<ReturnType<FastifyRequest['file']>>;
    try {
      part = await request.file();
    } catch (error: unknown) {
      throw brokenUpload(error);
    }
    if (!part) throw DomainError.invalid('file', 'is required: send the file as the multipart part "file"');
    if (part.fieldname !== 'file')
      throw DomainError.invalid('file', `expected the part "file", got "${part.fieldname}"`);
    const campaignId = fieldValue(part.fields, 'campaignId');
    return {
      filename: part.filename,
      mediaType: part.mimetype,
      stream: bytesOf(part.file),
      fields: campaignId === undefined ? {} : { campaignId },
    };
  }
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (type === undefined || type === '' || !RAW_UPLOAD_TYPES.includes(type)) {
    throw new DomainError(
      'unsupported_media_type',
      `file: send multipart/form-data with a "file" part, or a raw body of ${RAW_UPLOAD_TYPES.join(', ')}`,
      [{ field: 'file', message: type ? `unsupported content type ${type}` : 'is required' }],
    );
  }
  const given = request.headers['x-filename'];
  const filename = typeof given === 'string' ? given : type.includes('spreadsheetml') ? 'upload.xlsx' : '';
  return { filename, mediaType: type, stream: bytesOf(request.raw), fields: {} };
}
