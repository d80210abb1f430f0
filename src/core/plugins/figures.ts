// Placeholder: replaced by the real figures plugin.
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';

export default function figures() {
  return (_tree: Root, _file: VFile): void => {};
}
