import { defineNode } from '../define-node.ts';
import { spamFilter } from './declaration.ts';
import { spamFilterImplementation } from './implementation.ts';

export const spamFilterNode = defineNode(spamFilter, spamFilterImplementation);
