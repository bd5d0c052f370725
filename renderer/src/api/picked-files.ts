// Files in the desktop shell go through native dialogs in the main process: the page gets an opaque handle and the
// file's name, never a path it could choose itself. The browser preview keeps uploads and downloads (bytes).
import type { FilePurpose } from '../../../electron/contract/schemas/files';
import type { ApiClient } from './client';

export interface Picked {
  handle: string;
  name: string;
}

type PickMode = 'open' | 'save' | 'folder';

/** Shows the desktop's native dialog; null when the person cancelled. */
export async function pickFile(api: ApiClient, mode: PickMode, purpose: FilePurpose, suggestedName = ''): Promise<Picked | null> {
  const r =
    mode === 'open'
      ? await api.invoke('files.pickOpen', { purpose })
      : mode === 'folder'
        ? await api.invoke('files.pickFolder', { purpose })
        : await api.invoke('files.pickSave', { purpose, suggestedName });
  return 'handle' in r ? r : null;
}

/**
 * Saves a file the main process made (base64): on the desktop where the person chooses in a save dialog, in the
 * preview as a browser download. Returns the saved file's name, or null when the person cancelled.
 */
export async function saveMadeFile(
  api: ApiClient,
  desktop: boolean,
  file: { purpose: FilePurpose; fileName: string; contentBase64: string },
  download: (fileName: string, contentBase64: string) => void,
): Promise<string | null> {
  if (!desktop) {
    download(file.fileName, file.contentBase64);
    return file.fileName;
  }
  const target = await pickFile(api, 'save', file.purpose, file.fileName);
  if (!target) return null;
  return (await api.invoke('files.write', { handle: target.handle, contentBase64: file.contentBase64 })).name;
}
