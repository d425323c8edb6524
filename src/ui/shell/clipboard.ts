/** Copy text to the clipboard, and save text as a file: the browser's ways, with fallbacks. */

/**
 * Copies `text`. Uses the async Clipboard API where the page may (a secure context), else a
 * hidden textarea and `execCommand('copy')`. Resolves to false when neither worked.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below (permission refused, document not focused)
  }
  return copyWithSelection(text);
}

function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  area.style.pointerEvents = 'none';
  // Inside an open modal dialog, so the selection is not in an inert part of the page.
  const host = document.querySelector('dialog[open]') ?? document.body;
  host.appendChild(area);
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  focused?.focus();
  return ok;
}

/** Offers `text` as a download named `fileName`. */
export function downloadText(text: string, fileName: string, type = 'application/yaml'): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** Offers `blob` (an image, a file) as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
