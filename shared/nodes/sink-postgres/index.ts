import { defineNode } from '../define-node.ts';
import { sinkPostgres } from './declaration.ts';
import { sinkPostgresImplementation } from './implementation.ts';

export const sinkPostgresNode = defineNode(sinkPostgres, sinkPostgresImplementation);
