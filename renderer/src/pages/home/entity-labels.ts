// Chinese names for the store's entity types, as the home page counts them. Types not listed here are internal
// (the demo flag, for one) and are not counted on screen. The type names below are provisional: each area's author
// should make its line match the entity name it actually stores (and add one if missing).
export const entityLabels: Readonly<Record<string, { label: string; unit: string }>> = {
  child: { label: '留守儿童', unit: '人' },
  unit: { label: '成员单位', unit: '个' },
  meeting: { label: '会议', unit: '次' },
  minutes: { label: '会议纪要', unit: '份' },
  task: { label: '督办事项', unit: '项' },
};
