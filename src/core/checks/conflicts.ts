// Placeholder: replaced by the real conflicts check.
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';

export default function conflicts() {
  return (_tree: Root, _file: VFile): void => {};
}
