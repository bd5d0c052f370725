// An independent reading of the notice's text, for checking the JSON template against the source. It deliberately
// parses differently from how the template was made: paragraphs are split on blank lines and a page-break fragment is
// recognised by not starting with a unit head 「X：」, rather than by sentence endings.
import fs from 'node:fs';
import path from 'node:path';

export const NOTICE_PATH = path.resolve(__dirname, '../../../assets/templates/jieyang-2017-24-notice.txt');

export interface NoticePerson {
  role: 'convener' | 'deputyConvener' | 'member';
  name: string;
  title: string;
}

export interface NoticeText {
  raw: string;
  titleLine: string;
  docNumber: string;
  signature: { issuer: string; date: string };
  people: NoticePerson[];
  officeParagraph: string;
  mainDuties: string;
  rules: string;
  duties: { head: string; body: string }[];
}

const chunksOf = (section: string) =>
  section
    .split(/\n\s*\n/)
    .map((c) => c.trim())
    .filter((c) => c !== '');

export function readNotice(): NoticeText {
  const raw = fs.readFileSync(NOTICE_PATH, 'utf8');
  const parts = raw.split(/^[一二三四]、.*$/m);
  if (parts.length !== 5) throw new Error(`expected 4 numbered sections, found ${parts.length - 1}`);
  const [front, s1, s2, s3, s4WithEnd] = parts as [string, string, string, string, string];

  const frontChunks = chunksOf(front);
  const roles = { 召集人: 'convener', 副召集人: 'deputyConvener', 成员: 'member' } as const;
  const people: NoticePerson[] = [];
  let role: NoticePerson['role'] | null = null;
  let officeParagraph = '';
  for (const line of s1.split('\n').map((l) => l.trim())) {
    if (line === '') continue;
    if (line.startsWith('联席会议下设办公室')) {
      officeParagraph = line;
      continue;
    }
    const m = /^(?:(召集人|副召集人|成\s*员)：)?(.+?)（(.+)）$/.exec(line);
    if (!m) throw new Error(`unreadable line in section 一: ${line}`);
    if (m[1] !== undefined) role = roles[m[1].replace(/\s/g, '') as keyof typeof roles];
    if (role === null) throw new Error('person before any role');
    people.push({ role, name: m[2]!, title: m[3]! });
  }

  const s4Chunks = chunksOf(s4WithEnd);
  const date = s4Chunks.pop()!;
  const issuer = s4Chunks.pop()!;
  const duties: { head: string; body: string }[] = [];
  for (const chunk of s4Chunks) {
    const m = /^([^，。；：、]{2,16})：/.exec(chunk);
    if (m) duties.push({ head: m[1]!, body: chunk.slice(m[0].length) });
    else duties[duties.length - 1]!.body += chunk; // continuation after a page break
  }

  return {
    raw,
    titleLine: frontChunks[0]!,
    docNumber: frontChunks[1]!,
    signature: { issuer, date },
    people,
    officeParagraph,
    mainDuties: chunksOf(s2).join(''),
    rules: chunksOf(s3).join(''),
    duties,
  };
}
