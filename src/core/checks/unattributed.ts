// Placeholder: replaced by the real unattributed check.
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';

export default function unattributed() {
  return (_tree: Root, _file: VFile): void => {};
}
