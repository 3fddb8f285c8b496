import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { EnsureAdminUseCase } from '@unblock/identity';

/** When ADMIN_EMAIL and ADMIN_PASSWORD are set, boot makes sure that admin exists. */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    private readonly config: AppConfig,
    private readonly ensureAdmin: EnsureAdminUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (admin === null) return;
    const result = await this.ensureAdmin.execute(admin);
    this.logger.log(`${result.created ? 'created' : 'found'} the admin ${admin.email}`);
  }
}
