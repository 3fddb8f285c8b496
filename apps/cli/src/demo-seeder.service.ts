import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CampaignEntity, OrganizationEntity, RegionEntity } from '@unblock/database';
import type { Role } from '@unblock/domain';
import { CreateUserUseCase, EnsureAdminUseCase } from '@unblock/identity';
import {
  CreateCampaignUseCase,
  CreateChainUseCase,
  CreateEnterpriseUseCase,
  CreateOrganizationUseCase,
  CreateRegionUseCase,
} from '@unblock/reference-data';
import { DataSource } from 'typeorm';
import { DEMO_BANKS, DEMO_CHAINS, DEMO_INSTITUTIONS, DEMO_REGIONS, DEMO_REGULATOR, demoEnterprises } from './demo-data';

export const DEMO_CAMPAIGN = '聊城市“诊断+疏通”融资专项行动 2026';
export const DEMO_PASSWORD = 'unblock-demo-2026';

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

/** Seeds the demo city through the same use cases as the API. Running it twice changes nothing. */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ensureAdmin: EnsureAdminUseCase,
    private readonly createRegion: CreateRegionUseCase,
    private readonly createOrganization: CreateOrganizationUseCase,
    private readonly createChain: CreateChainUseCase,
    private readonly createEnterprise: CreateEnterpriseUseCase,
    private readonly createCampaign: CreateCampaignUseCase,
    private readonly createUser: CreateUserUseCase,
  ) {}

  logins(): DemoLogin[] {
    return [
      { role: 'admin', email: 'admin@demo.unblock', password: DEMO_PASSWORD },
      { role: 'field_officer', email: 'officer@demo.unblock', password: DEMO_PASSWORD },
      { role: 'bank_manager', email: 'manager@demo.unblock', password: DEMO_PASSWORD },
      { role: 'supervisor', email: 'supervisor@demo.unblock', password: DEMO_PASSWORD },
    ];
  }

  async seed(): Promise<{ seeded: boolean; counts: Record<string, number> }> {
    if (await this.dataSource.getRepository(CampaignEntity).existsBy({ name: DEMO_CAMPAIGN })) {
      return { seeded: false, counts: {} };
    }
    await this.ensureAdmin.execute({ email: 'admin@demo.unblock', password: DEMO_PASSWORD, name: '系统管理员' });
    const organizations = this.dataSource.getRepository(OrganizationEntity);
    const regions = this.dataSource.getRepository(RegionEntity);
    for (const region of DEMO_REGIONS) {
      if (!(await regions.existsBy({ code: region.code }))) await this.createRegion.execute(region);
    }
    const organization = async (kind: OrganizationEntity['kind'], name: string): Promise<string> => {
      const found = await organizations.findOneBy({ name });
      return found ? found.id : (await this.createOrganization.execute({ kind, name, regionCode: '371500' })).id;
    };
    const regulatorId = await organization('regulator', DEMO_REGULATOR);
    const bankIds: string[] = [];
    for (const bank of DEMO_BANKS) bankIds.push(await organization('bank', bank));
    const institutionIds: string[] = [];
    for (const name of DEMO_INSTITUTIONS) institutionIds.push(await organization('institution', name));

    const chainIds: string[] = [];
    for (const [i, name] of DEMO_CHAINS.entries()) {
      const lead = bankIds[i % bankIds.length] ?? '';
      const deputy = bankIds[(i + 1) % bankIds.length] ?? '';
      const members = [
        bankIds[(i + 2) % bankIds.length] ?? '',
        bankIds[(i + 3) % bankIds.length] ?? '',
        ...institutionIds,
      ];
      const chain = await this.createChain.execute({
        name: `${name}产业链`,
        regionCode: '371500',
        leadBankId: lead,
        deputyBankId: deputy,
        memberOrgIds: members,
      });
      chainIds.push(chain.id);
    }
    const enterprises = demoEnterprises();
    for (const enterprise of enterprises) {
      await this.createEnterprise.execute({
        uscc: enterprise.uscc,
        name: enterprise.name,
        regionCode: enterprise.regionCode,
        chainId: enterprise.chainIndex === null ? undefined : chainIds[enterprise.chainIndex],
        chainRole: enterprise.chainRole ?? undefined,
        size: enterprise.size,
        tags: enterprise.tags,
        contactName: enterprise.contactName,
        contactPhone: enterprise.contactPhone,
      });
    }
    await this.createUser.execute({
      email: 'officer@demo.unblock',
      name: '王晓(外勤)',
      password: DEMO_PASSWORD,
      role: 'field_officer',
      organizationId: regulatorId,
      regionCode: '371500',
    });
    await this.createUser.execute({
      email: 'manager@demo.unblock',
      name: '李明(客户经理)',
      password: DEMO_PASSWORD,
      role: 'bank_manager',
      organizationId: bankIds[0],
      regionCode: '371500',
    });
    await this.createUser.execute({
      email: 'supervisor@demo.unblock',
      name: '张华(监管)',
      password: DEMO_PASSWORD,
      role: 'supervisor',
      organizationId: regulatorId,
      regionCode: '371500',
    });
    await this.createCampaign.execute({
      name: DEMO_CAMPAIGN,
      kind: 'diagnose_unblock',
      regionCode: '371500',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    return {
      seeded: true,
      counts: {
        regions: DEMO_REGIONS.length,
        banks: bankIds.length,
        institutions: institutionIds.length,
        chains: chainIds.length,
        enterprises: enterprises.length,
        chainLeaders: enterprises.filter((e) => e.chainRole === 'leader').length,
      },
    };
  }
}
