// Import and export of pipeline files (.json) in the browser.
import { asDesignDocument, type DesignDocument } from '../store/document.ts';

export function exportDocument(doc: DesignDocument): void {
  const blob = new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${doc.id}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

export async function importDocument(file: File): Promise<DesignDocument | string> {
  try {
    return asDesignDocument(JSON.parse(await file.text())) ?? `${file.name} is not a Sluice pipeline (format 1 with nodes and edges).`;
  } catch (error) {
    return `${file.name} is not JSON: ${String(error)}`;
  }
}
