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

/** The government department that repairs the demo's tax arrears (二次诊断), and its partner officer's login. */
export const DEMO_TAX_BUREAU = '国家税务总局聊城市税务局';
export const DEMO_PARTNER = { email: 'partner@demo.unblock', name: '刘芳' } as const;

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

/** The bank the demo's bank manager (manager@demo.unblock) works at: index 0 of DEMO_BANKS. */
export const DEMO_MANAGER_BANK = 0;

/**
 * The city's 12 industrial chains and who serves them by "1+2+N": `lead` and `deputy` are indices of
 * DEMO_BANKS, `members` (the pool) banks by index beside every institution. The demo manager's bank leads the
 * first three chains, deputises the next three and sits in the pool of the other six, so every need the demo
 * diagnoses reaches it at one tier or another.
 */
export interface DemoChain {
  readonly name: string;
  readonly lead: number;
  readonly deputy: number;
  readonly members: readonly number[];
}

export const DEMO_CHAINS: readonly DemoChain[] = [
  { name: '轴承', lead: 0, deputy: 1, members: [4, 5] },
  { name: '纺织服装', lead: 0, deputy: 2, members: [6, 10] },
  { name: '有色金属', lead: 0, deputy: 3, members: [7, 8] },
  { name: '汽车及零部件', lead: 1, deputy: 0, members: [2, 9] },
  { name: '新能源', lead: 2, deputy: 0, members: [3, 11] },
  { name: '高端装备', lead: 3, deputy: 0, members: [1, 10] },
  { name: '生物医药', lead: 4, deputy: 5, members: [0, 6] },
  { name: '农副产品加工', lead: 5, deputy: 6, members: [0, 7] },
  { name: '钢管', lead: 6, deputy: 7, members: [0, 8] },
  { name: '化工新材料', lead: 7, deputy: 8, members: [0, 9] },
  { name: '电动车', lead: 8, deputy: 9, members: [0, 10] },
  { name: '绿色建材', lead: 9, deputy: 10, members: [0, 11] },
];

/** One bank manager per bank (index of DEMO_BANKS): the demo's own login first, then their colleagues. */
export const DEMO_BANK_MANAGERS: readonly { email: string; name: string }[] = [
  { email: 'manager@demo.unblock', name: '李明' },
  { email: 'manager01@demo.unblock', name: '赵磊' },
  { email: 'manager02@demo.unblock', name: '孙丽' },
  { email: 'manager03@demo.unblock', name: '周强' },
  { email: 'manager04@demo.unblock', name: '吴婷' },
  { email: 'manager05@demo.unblock', name: '郑凯' },
  { email: 'manager06@demo.unblock', name: '冯静' },
  { email: 'manager07@demo.unblock', name: '陈涛' },
  { email: 'manager08@demo.unblock', name: '褚云' },
  { email: 'manager09@demo.unblock', name: '卫东' },
  { email: 'manager10@demo.unblock', name: '蒋芳' },
  { email: 'manager11@demo.unblock', name: '沈洁' },
];

/** The field officers of the regulator's branch who visit the city's enterprises. */
export const DEMO_FIELD_OFFICERS: readonly { email: string; name: string }[] = [
  { email: 'officer@demo.unblock', name: '王晓' },
  { email: 'officer01@demo.unblock', name: '刘洋' },
  { email: 'officer02@demo.unblock', name: '何静' },
];

/** What a visit found, in the officers' words. */
export const DEMO_VISIT_SUMMARIES: readonly string[] = [
  '宣讲普惠金融政策，企业有意向了解信用贷款',
  '实地走访生产车间，订单饱满，产能利用率较高',
  '企业反映抵押物不足，银行授信额度偏低',
  '回访上次诊断的融资需求，企业已与银行对接',
  '企业计划扩产，需中长期设备贷款',
  '了解企业应收账款情况，建议办理供应链融资',
  '企业经营稳定，暂无融资需求',
  '对接科技型企业知识产权质押融资政策',
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
    const chainName = chainIndex === null ? '综合' : (DEMO_CHAINS[chainIndex]?.name ?? '');
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
