import { usccCheckCharacter, type ChainRole, type EnterpriseSize, type EnterpriseTag } from '@unblock/domain';
import { SeededRandom } from './seeded-random';

/** The demo city: Liaocheng (聊城市), Shandong, its districts and counties. */
export const DEMO_REGIONS: readonly { code: string; name: string; parentCode?: string }[] = [
  { code: '370000', name: '山东省' },
  { code: '371500', name: '聊城市', parentCode: '370000' },
  { code: '371502', name: '东昌府区', parentCode: '371500' },
  { code: '371503', name: '茌平区', parentCode: '371500' },
  { code: '371521', name: '阳谷县', parentCode: '371500' },
  { code: '371522', name: '莘县', parentCode: '371500' },
  { code: '371524', name: '东阿县', parentCode: '371500' },
  { code: '371525', name: '冠县', parentCode: '371500' },
  { code: '371526', name: '高唐县', parentCode: '371500' },
  { code: '371581', name: '临清市', parentCode: '371500' },
];

export const DEMO_REGULATOR = '中国人民银行聊城市分行';

export const DEMO_BANKS: readonly string[] = [
  '工商银行聊城分行',
  '农业银行聊城分行',
  '中国银行聊城分行',
  '建设银行聊城分行',
  '交通银行聊城分行',
  '邮储银行聊城分行',
  '农业发展银行聊城分行',
  '兴业银行聊城分行',
  '齐鲁银行聊城分行',
  '恒丰银行聊城分行',
  '聊城农商银行',
  '民生银行聊城分行',
];

export const DEMO_INSTITUTIONS: readonly string[] = ['中泰证券聊城营业部', '人保财险聊城分公司', '聊城融资担保集团'];

export const DEMO_CHAINS: readonly string[] = [
  '轴承',
  '有色金属',
  '汽车及零部件',
  '新能源',
  '高端装备',
  '生物医药',
  '纺织服装',
  '农副产品加工',
  '钢管',
  '化工新材料',
  '电动车',
  '绿色建材',
];

const COUNTIES = DEMO_REGIONS.filter((r) => r.parentCode === '371500').map((r) => r.code);
const SIZES: readonly EnterpriseSize[] = ['micro', 'small', 'medium', 'large'];
const TAGS: readonly EnterpriseTag[] = ['specialized_sme', 'high_tech', 'clean_energy', 'foreign_trade'];

/** A valid unified social credit code for a company (91) registered in `regionCode`. */
export function demoUscc(regionCode: string, serial: number): string {
  const organizationCode = String(10_000_000 + serial * 7919).slice(-8);
  const first16 = `91${regionCode}${organizationCode}`;
  const digit = String(serial % 10);
  const first17 = first16 + digit;
  return first17 + String(usccCheckCharacter(first17));
}

export interface DemoEnterprise {
  uscc: string;
  name: string;
  regionCode: string;
  chainIndex: number | null;
  chainRole: ChainRole | null;
  size: EnterpriseSize;
  tags: EnterpriseTag[];
  contactName: string;
  contactPhone: string;
}

const CONTACT_SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'] as const;
const CONTACT_TITLES = ['总经理', '财务总监', '财务经理'] as const;

/** 60 enterprises: 54 in the 12 chains (one leader each), 6 outside any chain. */
export function demoEnterprises(): DemoEnterprise[] {
  // Seeded, so every demo is the same demo.
  const random = new SeededRandom(371500);
  const pick = <T>(list: readonly T[]): T => random.pick(list);
  const roles: readonly ChainRole[] = ['upstream', 'downstream', 'member'];
  const enterprises: DemoEnterprise[] = [];
  for (let i = 0; i < 60; i += 1) {
    const inChain = i < 54;
    const chainIndex = inChain ? i % DEMO_CHAINS.length : null;
    const chainRole = !inChain ? null : i < DEMO_CHAINS.length ? 'leader' : (roles[i % roles.length] ?? 'member');
    const regionCode = pick(COUNTIES);
    const chainName = chainIndex === null ? '综合' : (DEMO_CHAINS[chainIndex] ?? '');
    enterprises.push({
      uscc: demoUscc(regionCode, i + 1),
      name: `聊城${chainName}${chainRole === 'leader' ? '集团' : '科技'}有限公司${String(i + 1).padStart(2, '0')}`,
      regionCode,
      chainIndex,
      chainRole,
      size: chainRole === 'leader' ? 'large' : pick(SIZES),
      tags: TAGS.filter(() => random.next() < 0.3),
      // Derived from the index, not drawn: the rest of the demo stays as it was.
      contactName: `${CONTACT_SURNAMES[i % CONTACT_SURNAMES.length] ?? '张'}${CONTACT_TITLES[i % CONTACT_TITLES.length] ?? '经理'}`,
      contactPhone: `1390635${String(1000 + i * 37).padStart(4, '0')}`,
    });
  }
  return enterprises;
}
