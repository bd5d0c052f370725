// Made-up minutes of the Jieyang joint meeting, long enough to run over two pages. Names are invented.
import type { OfficialDocument } from '../../../electron/print/document-model';

/** A paragraph of pure CJK text (no Latin, no digits), so a full line holds exactly 28 characters. */
export const PURE_CJK_PARAGRAPH =
  '会议强调，各成员单位要切实提高政治站位，把农村留守儿童关爱保护工作摆在更加突出的位置，' +
  '主要负责同志要亲自研究部署，分管负责同志要具体抓好落实，形成一级抓一级、层层抓落实的工作格局。' +
  '要坚持家庭尽责、政府主导、全民关爱、标本兼治的原则，建立健全家庭、政府、学校尽职尽责，' +
  '社会力量积极参与的农村留守儿童关爱保护工作体系，为农村留守儿童健康成长创造更好的环境。';

export function sampleMinutes(overrides: Partial<OfficialDocument> = {}): OfficialDocument {
  return {
    kind: 'minutes',
    mark: '揭阳市农村留守儿童关爱保护工作联席会议纪要',
    number: '第3期',
    issuer: '揭阳市农村留守儿童关爱保护工作联席会议办公室',
    date: '2025-03-20',
    title: '2025年第一次全体会议纪要',
    blocks: [
      {
        type: 'paragraph',
        text:
          '2025年3月18日上午，副市长、联席会议召集人在市政府第一会议室主持召开揭阳市农村留守儿童关爱保护工作' +
          '联席会议2025年第一次全体会议，听取了市民政局关于2024年全市农村留守儿童关爱保护工作情况的汇报，' +
          '研究部署了2025年重点工作。现将会议议定事项纪要如下：',
      },
      { type: 'heading1', text: '一、充分肯定2024年工作成效' },
      {
        type: 'paragraph',
        text:
          '会议认为，2024年以来，各成员单位按照《揭阳市人民政府办公室关于建立揭阳市农村留守儿童关爱保护工作联席会议制度的通知》' +
          '（揭府办〔2017〕24号）的要求，认真履行职责，密切协作配合，全市共排查农村留守儿童12,345名，' +
          '建立“一人一档”信息台账，落实监护责任，强化救助保护，农村留守儿童关爱保护工作取得明显成效。',
      },
      { type: 'paragraph', text: PURE_CJK_PARAGRAPH },
      {
        type: 'paragraph',
        text:
          '会议指出，当前我市农村留守儿童关爱保护工作仍存在一些薄弱环节：有的地方工作摆位不够高，' +
          '部门之间信息共享不够顺畅；有的乡镇摸底排查不够细致，信息台账更新不够及时；' +
          '有的村委会对强制报告制度宣传不够到位，基层儿童督导员、儿童主任队伍力量相对薄弱，' +
          '关爱服务的针对性和实效性有待进一步提高。对此，各成员单位要高度重视，认真研究解决。',
      },
      {
        type: 'paragraph',
        text:
          '会议要求，各县（市、区）要把农村留守儿童关爱保护工作纳入经济社会发展总体规划，' +
          '统筹安排资金，加强基层工作力量，落实乡镇（街道）儿童督导员和村（居）儿童主任的工作职责，' +
          '推动形成上下联动、部门协同、社会参与的工作机制，切实把党和政府的关怀送到每一名留守儿童身边。',
      },
      { type: 'paragraph', text: PURE_CJK_PARAGRAPH },
      { type: 'heading1', text: '二、扎实做好2025年重点工作' },
      { type: 'heading2', text: '（一）加强摸底排查和动态管理。' },
      {
        type: 'paragraph',
        text:
          '各县（市、区）要组织乡镇（街道）、村（居）委会每季度开展一次走访排查，及时更新信息台账，' +
          '做到底数清、情况明、信息准。对新增的农村留守儿童，要在发现之日起15个工作日内录入台账；' +
          '对不再符合条件的，要及时办理退出手续，确保台账信息动态准确。',
      },
      { type: 'heading2', text: '（二）落实强制报告和应急处置制度。' },
      { type: 'paragraph', text: PURE_CJK_PARAGRAPH },
      { type: 'heading3', text: '1.明确报告责任。' },
      {
        type: 'paragraph',
        text:
          '学校、医疗机构、村（居）民委员会、社会工作服务机构、救助管理机构、福利机构及其工作人员，' +
          '在工作中发现农村留守儿童脱离监护单独居住生活或失踪、监护人丧失监护能力或不履行监护责任、' +
          '疑似遭受家庭暴力、疑似遭受意外伤害或不法侵害等情况的，应当在第一时间向公安机关报告。',
      },
      { type: 'heading3', text: '2.规范处置流程。' },
      { type: 'paragraph', text: PURE_CJK_PARAGRAPH },
      {
        type: 'paragraph',
        text: '（1）公安机关接到报告后，应当立即出警处置，并通报当地乡镇人民政府（街道办事处）。',
      },
      { type: 'heading2', text: '（三）强化督促检查。' },
      { type: 'paragraph', text: PURE_CJK_PARAGRAPH },
      {
        type: 'paragraph',
        text:
          '联席会议办公室要加强对各地工作的督促检查，每半年通报一次工作进展情况，' +
          '对工作不力、问题突出的地方，要约谈有关负责同志，督促整改落实。',
      },
    ],
    attendance: {
      present: [
        '陈志明',
        '林晓红',
        '黄建国',
        '吴丽华',
        '郑文杰',
        '李雪梅',
        '王海涛',
        '蔡思远',
        '许志强',
        '杨慧敏',
        '刘德华',
        '张伟东',
        '周静怡',
        '谢国梁',
        '马骏驰',
        '方晓丹',
        '邱永康',
        '洪佳琪',
        '罗振宇',
        '孙美玲',
      ],
      absent: [{ name: '赖文斌', reason: '出差' }, { name: '何丽娟' }],
      attending: ['市政府办公室二科科长 梁伟', '市民政局儿童福利科科长 彭晓燕'],
    },
    distribution: { label: '抄报', to: ['市人民政府', '市委办公室', '市人大常委会办公室', '市政协办公室'] },
    issuingLine: { office: '揭阳市农村留守儿童关爱保护工作联席会议办公室', date: '2025-03-20' },
    ...overrides,
  };
}
