import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@unblock/domain';
import { CsvExport, CurrentActor, PageQueryDto, Roles, XLSX_TYPE } from '@unblock/http';
import { Bulletin, BulletinPage, BulletinQueries } from '@unblock/reports';
import { UuidPipe } from '../common/uuid.pipe';
import { bulletinTable } from '../exports/bulletin-export';
import { PDF_TYPE } from '../exports/bulletin-pdf';
import { BulletinPdfInterceptor } from './bulletin-pdf.interceptor';

/** The daily bulletins (日通报) of the reader's region and its descendants. */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('bulletins')
export class BulletinsController {
  constructor(private readonly bulletins: BulletinQueries) {}

  /** Newest first. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<BulletinPage> {
    return this.bulletins.list(actor, query);
  }

  /** One bulletin; also as CSV, XLSX (`Accept`: the .xlsx type) and PDF (`Accept: application/pdf`). */
  @Get(':id')
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE, PDF_TYPE)
  @CsvExport((body, context) => bulletinTable(body as Bulletin, context))
  @UseInterceptors(BulletinPdfInterceptor)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<Bulletin> {
    return this.bulletins.get(actor, id);
  }
}
