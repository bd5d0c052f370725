// A complete, valid child record as a form would submit it, for the schema tests.
import type { ChildRecordInput } from '../../../electron/contract/schemas/child';

export const FIXTURE_TODAY = '2025-06-01';

export function validChild(): ChildRecordInput {
  return {
    child: {
      name: '张小明',
      sex: '1',
      ethnicity: '01',
      birthDate: '2015-08-08',
      idNumber: '445202201508081237',
      hukouRegistered: true,
      householdType: 'rural',
      hukouAddress: '揭阳市榕城区仙桥街道某村',
      currentAddress: '揭阳市榕城区仙桥街道某村',
      health: 'healthy',
      boarding: false,
      schooling: 'primary',
      school: '某村小学',
      grade: '四年级',
    },
    father: {
      name: '张大明',
      deceased: false,
      birthDate: '1985-03-02',
      idNumber: '445202198503021214',
      workProvince: '440000',
      workCity: '深圳市',
      phone: '13812345678',
    },
    mother: {
      name: '李小红',
      deceased: false,
      birthDate: '1987-05-20',
      idNumber: '',
      workProvince: '440000',
      workCity: '东莞市',
      phone: '13912345678',
    },
    grandparents: {
      paternalGrandfather: { name: '张老三', birthDate: '1958-01-01' },
      paternalGrandmother: { name: '王秀英', birthDate: '1960-02-02' },
      maternalGrandfather: { name: '—', birthDate: '—' },
      maternalGrandmother: { name: '', birthDate: '' },
    },
    guardianship: {
      bothParentsAway: true,
      oneAwayOtherIncapable: false,
      incapableParent: '',
      hasEntrustedGuardian: true,
      guardianKind: 'grandparents',
      guardianshipType: 'fair',
      assessment: 'fair',
      entrustmentSigned: true,
      entrustmentDate: '2024-03-01',
    },
    entrustedGuardian: {
      name: '张老三',
      phone: '0663-8123456',
      idNumber: '',
      relationship: 'grandfather',
      address: '揭阳市榕城区仙桥街道某村',
    },
    income: { sources: ['wages', 'farming'], assistance: [], povertyStatus: 'none' },
    responsibility: {
      township: '仙桥街道',
      village: '某村',
      supervisorName: '陈督导',
      supervisorPhone: '0663-8234567',
      directorName: '林主任',
      directorPhone: '13712345678',
    },
    riskLevel: 'yellow',
    status: { state: 'active' },
  };
}
