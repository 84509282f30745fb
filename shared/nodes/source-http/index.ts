import { defineNode } from '../define-node.ts';
import { sourceHttp } from './declaration.ts';
import { sourceHttpImplementation } from './implementation.ts';

export const sourceHttpNode = defineNode(sourceHttp, sourceHttpImplementation);
