import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CampaignEntity, OrganizationEntity, RegionEntity } from '@unblock/database';
import { Clock, WEEKENDS_ONLY, localDate, type Role } from '@unblock/domain';
import { CreateUserUseCase, EnsureAdminUseCase } from '@unblock/identity';
import {
  CreateCampaignUseCase,
  CreateChainUseCase,
  CreateEnterpriseUseCase,
  CreateOrganizationUseCase,
  CreateRegionUseCase,
} from '@unblock/reference-data';
import { DataSource } from 'typeorm';
import { DemoActivity } from './demo-activity.service';
import { DemoBalances } from './demo-balances.service';
import {
  DEMO_BANKS,
  DEMO_BANK_MANAGERS,
  DEMO_CHAINS,
  DEMO_FIELD_OFFICERS,
  DEMO_INSTITUTIONS,
  DEMO_PARTNER,
  DEMO_REGIONS,
  DEMO_REGULATOR,
  DEMO_TAX_BUREAU,
  demoEnterprises,
} from './demo-data';

export const DEMO_CAMPAIGN = '聊城市“诊断+疏通”融资专项行动 2026';
export const DEMO_PASSWORD = 'unblock-demo-2026';

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

/** Seeds the demo city and its campaign's history through the same use cases as the API. Running it twice changes nothing. */
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
    private readonly activity: DemoActivity,
    private readonly balances: DemoBalances,
    private readonly clock: Clock,
  ) {}

  logins(): DemoLogin[] {
    return [
      { role: 'admin', email: 'admin@demo.unblock', password: DEMO_PASSWORD },
      { role: 'field_officer', email: 'officer@demo.unblock', password: DEMO_PASSWORD },
      { role: 'bank_manager', email: 'manager@demo.unblock', password: DEMO_PASSWORD },
      { role: 'supervisor', email: 'supervisor@demo.unblock', password: DEMO_PASSWORD },
      { role: 'partner_officer', email: DEMO_PARTNER.email, password: DEMO_PASSWORD },
    ];
  }

  async seed(): Promise<{ seeded: boolean; counts: Record<string, number> }> {
    const campaigns = this.dataSource.getRepository(CampaignEntity);
    const existing = await campaigns.findOneBy({ name: DEMO_CAMPAIGN });
    const counts = existing ? {} : await this.seedCity();
    const campaign = existing ?? (await campaigns.findOneByOrFail({ name: DEMO_CAMPAIGN }));
    const activity = await this.activity.play(campaign.id);
    const balances = await this.balances.play();
    if (existing && activity.visits === 0 && balances === 0) return { seeded: false, counts: {} };
    return { seeded: true, counts: { ...counts, ...activity, ...(balances > 0 ? { balances } : {}) } };
  }

  /** The city's reference data, its people and the campaign. */
  private async seedCity(): Promise<Record<string, number>> {
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
    const taxBureauId = await organization('government_department', DEMO_TAX_BUREAU);
    const bankIds: string[] = [];
    for (const bank of DEMO_BANKS) bankIds.push(await organization('bank', bank));
    const institutionIds: string[] = [];
    for (const name of DEMO_INSTITUTIONS) institutionIds.push(await organization('institution', name));
    const bank = (index: number): string => {
      const id = bankIds[index];
      if (id === undefined) throw new Error(`no demo bank ${index}`);
      return id;
    };

    const chainIds: string[] = [];
    for (const chain of DEMO_CHAINS) {
      const created = await this.createChain.execute({
        name: `${chain.name}产业链`,
        regionCode: '371500',
        leadBankId: bank(chain.lead),
        deputyBankId: bank(chain.deputy),
        memberOrgIds: [...chain.members.map(bank), ...institutionIds],
      });
      chainIds.push(created.id);
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
    const person = async (role: Role, organizationId: string, email: string, name: string): Promise<void> => {
      await this.createUser.execute({
        email,
        name,
        password: DEMO_PASSWORD,
        role,
        organizationId,
        regionCode: '371500',
      });
    };
    for (const officer of DEMO_FIELD_OFFICERS) await person('field_officer', regulatorId, officer.email, officer.name);
    for (const [i, manager] of DEMO_BANK_MANAGERS.entries())
      await person('bank_manager', bank(i), manager.email, manager.name);
    await person('supervisor', regulatorId, 'supervisor@demo.unblock', '张华');
    await person('partner_officer', taxBureauId, DEMO_PARTNER.email, DEMO_PARTNER.name);
    const year = localDate(this.clock.now(), WEEKENDS_ONLY).slice(0, 4);
    await this.createCampaign.execute({
      name: DEMO_CAMPAIGN,
      kind: 'diagnose_unblock',
      regionCode: '371500',
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
    });
    return {
      regions: DEMO_REGIONS.length,
      banks: bankIds.length,
      institutions: institutionIds.length,
      chains: chainIds.length,
      enterprises: enterprises.length,
      chainLeaders: enterprises.filter((e) => e.chainRole === 'leader').length,
    };
  }
}
