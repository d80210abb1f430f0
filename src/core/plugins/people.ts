// Placeholder: replaced by the real people plugin.
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';

export default function people() {
  return (_tree: Root, _file: VFile): void => {};
}
