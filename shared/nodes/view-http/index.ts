import { defineNode } from '../define-node.ts';
import { viewHttp } from './declaration.ts';
import { viewHttpImplementation } from './implementation.ts';

export const viewHttpNode = defineNode(viewHttp, viewHttpImplementation);
