import { defineNode } from '../define-node.ts';
import { map } from './declaration.ts';
import { mapImplementation } from './implementation.ts';

export const mapNode = defineNode(map, mapImplementation);
