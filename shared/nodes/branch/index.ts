import { defineNode } from '../define-node.ts';
import { branch } from './declaration.ts';
import { branchImplementation } from './implementation.ts';

export const branchNode = defineNode(branch, branchImplementation);
