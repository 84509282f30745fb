import { defineNode } from '../define-node.ts';
import { filter } from './declaration.ts';
import { filterImplementation } from './implementation.ts';

export const filterNode = defineNode(filter, filterImplementation);
