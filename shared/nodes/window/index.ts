import { defineNode } from '../define-node.ts';
import { window } from './declaration.ts';
import { windowImplementation } from './implementation.ts';

export const windowNode = defineNode(window, windowImplementation);
