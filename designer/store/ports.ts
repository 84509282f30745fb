// The ports a node has right now. Branch derives its outputs from its config, which may be half edited, so a config
// the declaration cannot read yields no outputs rather than an exception.
import { declarationOf, type PortDeclaration } from '../../shared/index.ts';
import type { DraftNode } from './document.ts';

export function inputPorts(node: DraftNode): PortDeclaration[] {
  return declarationOf(node.type).inputs;
}

export function outputPorts(node: DraftNode): PortDeclaration[] {
  try {
    return declarationOf(node.type).outputs(node.config);
  } catch {
    return [];
  }
}
