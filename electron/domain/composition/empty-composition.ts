// A body that does not start from the notice's template starts from nothing: no people, no units, the office unnamed.
import { AppError } from '../../contract/errors';
import type { BodyLevel, Composition } from './template-schema';

export function emptyComposition(bodyName: string, level: BodyLevel = 'county'): Composition {
  const name = bodyName.trim();
  if (name === '')
    throw new AppError('VALIDATION', '请填写联席会议名称。', { bodyName: '请填写联席会议名称。' });
  return {
    body: { name, level },
    posts: [],
    office: { name: '联席会议办公室', hostUnit: null, head: '', headNote: '', duty: '', text: '' },
    liaisonRule: '',
    liaisonText: '',
    units: [],
    // The notice's rhythm (one plenary a year, prepared by a liaison meeting, decisions in minutes) is the national
    // pattern for these joint meetings, so it is a sensible default even without the notice's wording.
    rules: {
      plenaryPerYear: 1,
      plenaryChair: '',
      adHocMeetings: '',
      liaisonMeetingBeforePlenary: true,
      decisionRecord: '会议纪要',
      text: '',
    },
    mainDuties: '',
  };
}
