// Placeholder: replaced by the real attributions plugin.
import type { Root } from 'nlcst';
import type { VFile } from 'vfile';

export default function attributions() {
  return (_tree: Root, _file: VFile): void => {};
}
