// The only values the renderer takes from electron/contract: the office form's zod schema and the level names,
// pure data shared with the main process so the form and the handler can never disagree.
export { officeInitSchema, officeLevels, officeLevelNames } from '../../../electron/contract/schemas/office';
export type { OfficeInit, OfficeLevel } from '../../../electron/contract/schemas/office';
