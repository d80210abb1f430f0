// Placeholder: replaced by the real names check.
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';

export default function names() {
  return (_tree: Root, _file: VFile): void => {};
}
