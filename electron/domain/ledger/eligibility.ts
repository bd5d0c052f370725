// The national definition (国发〔2016〕13号): under 16, rural household registration, and either both parents work
// away or one works away and the other lacks guardianship capacity. The app never removes a child on its own: it
// explains, in words a clerk can act on, why a record no longer fits, and the office decides on the exit.
import { turning16 } from './age';
import { daysBetween, isIsoDate } from './dates';

/** The parts of a ledger record the definition looks at (a ChildRecord fits). */
export interface EligibilityInput {
  child: { birthDate: string; householdType: string; hukouRegistered?: boolean };
  guardianship: { bothParentsAway: boolean; oneAwayOtherIncapable: boolean };
}

export interface Eligibility {
  eligible: boolean;
  /** Why not, and warnings that do not change eligibility (such as turning 16 soon). */
  reasons: string[];
}

export const SOON_16_DAYS = 30;

export function checkEligibility(record: EligibilityInput, today: string, soonDays = SOON_16_DAYS): Eligibility {
  const reasons: string[] = [];
  let eligible = true;
  const { child, guardianship } = record;

  if (!isIsoDate(child.birthDate)) {
    eligible = false;
    reasons.push('缺少有效的出生日期，无法判断是否未满16周岁');
  } else {
    const t = turning16(child.birthDate, today, soonDays);
    if (t.status === 'already16') {
      eligible = false;
      reasons.push('已满16周岁，不再符合农村留守儿童定义，建议办理退出');
    } else if (t.status === 'soon') {
      reasons.push(`将在${daysBetween(today, t.date16)}天后年满16周岁，届时不再符合农村留守儿童定义，需办理退出`);
    }
  }

  if (child.householdType === 'urban') {
    eligible = false;
    reasons.push('户籍不是农村户籍，不符合农村留守儿童定义，建议核实后办理退出');
  } else if (child.householdType !== 'rural') {
    eligible = false;
    reasons.push('未填写户籍性质，无法判断是否为农村户籍');
  }
  if (child.hukouRegistered === false) reasons.push('尚未登记户口，请协助办理户口登记');

  if (!guardianship.bothParentsAway && !guardianship.oneAwayOtherIncapable) {
    eligible = false;
    reasons.push(
      '既不是父母双方外出务工，也不是一方外出务工、另一方无监护能力，不符合农村留守儿童定义，建议核实后办理退出',
    );
  }

  return { eligible, reasons };
}
