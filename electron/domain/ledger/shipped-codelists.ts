// The code lists the app ships, loaded once. Office additions are merged by whoever holds them (the store), with
// loadCodeLists; forms and the record schema default to these.
import ledgerCodeListsJson from '../../../assets/codelists/ledger.json';
import { loadCodeLists, type CodeLists } from './codelists';

export const shippedCodeLists: CodeLists = loadCodeLists(ledgerCodeListsJson);
