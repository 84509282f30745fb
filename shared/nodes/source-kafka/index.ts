import { defineNode } from '../define-node.ts';
import { sourceKafka } from './declaration.ts';
import { sourceKafkaImplementation } from './implementation.ts';

export const sourceKafkaNode = defineNode(sourceKafka, sourceKafkaImplementation);
